// A service whose shutdown token lives in a private field that its run loop waits on and
// nothing cancels, and a worker pool whose tracker is waited for in `join` but never
// closed: the loop never stops, and `join` never returns.
use std::time::Duration;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

pub struct Service {
    shutdown: CancellationToken,
    interval: Duration,
}

impl Service {
    pub fn new(interval: Duration) -> Self {
        Service {
            shutdown: CancellationToken::new(), //~ cancel_token_never_cancelled
            interval,
        }
    }

    pub async fn run(&self) {
        loop {
            tokio::select! {
                _ = self.shutdown.cancelled() => break,
                _ = tokio::time::sleep(self.interval) => tick(),
            }
        }
    }
}

fn tick() {}

pub struct Pool {
    tracker: TaskTracker,
}

impl Pool {
    pub fn new() -> Self {
        Pool { tracker: TaskTracker::new() } //~ task_tracker_not_closed
    }

    pub fn submit(&self, n: u64) {
        self.tracker.spawn(async move {
            tokio::time::sleep(Duration::from_millis(n)).await;
        });
    }

    pub async fn join(&self) {
        self.tracker.wait().await;
    }
}
