// cancel_token_never_cancelled: the canonical TaskTracker + CancellationToken shutdown
// pattern with the `cancel()` forgotten. The tracker is closed (so no
// task_tracker_not_closed), but `wait()` hangs because the tracked tasks only end when the
// token is cancelled.
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

pub async fn run(jobs: Vec<u32>) {
    let tracker = TaskTracker::new();
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    for job in jobs {
        let token = token.clone();
        tracker.spawn(async move {
            loop {
                tokio::select! {
                    _ = token.cancelled() => break,
                    _ = step(job) => {}
                }
            }
        });
    }
    tokio::signal::ctrl_c().await.ok();
    tracker.close();
    tracker.wait().await;
}

async fn step(_job: u32) {}
