// task_tracker_not_closed (quiet): this crate's own `TaskTracker` whose `wait()` does not
// depend on `close()`; without an import from tokio-util nothing is reported.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

#[derive(Clone, Default)]
pub struct TaskTracker {
    running: Arc<AtomicUsize>,
}

impl TaskTracker {
    pub fn new() -> Self {
        Self::default()
    }

    pub async fn wait(&self) {
        while self.running.load(Ordering::SeqCst) > 0 {
            tokio::task::yield_now().await;
        }
    }
}

pub async fn run() {
    let tracker = TaskTracker::new();
    tracker.wait().await;
}
