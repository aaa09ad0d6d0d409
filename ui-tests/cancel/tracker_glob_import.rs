// task_tracker_not_closed: `TaskTracker` through a glob import of `tokio_util::task`.
use tokio_util::task::*;

pub async fn resolve_all(names: Vec<String>) {
    let tracker = TaskTracker::new();
    for n in names {
        tracker.spawn(resolve(n));
    }
    tracker.wait().await; //~ task_tracker_not_closed
}

async fn resolve(_n: String) {}
