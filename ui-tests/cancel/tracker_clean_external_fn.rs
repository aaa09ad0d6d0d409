// task_tracker_not_closed (quiet): a clone is passed to `lifecycle::install`, a function
// not in this file, before the wait; it may close the tracker (for instance on SIGTERM).
use tokio_util::task::TaskTracker;

use crate::lifecycle;

pub async fn run() {
    let tracker = TaskTracker::new();
    lifecycle::install(tracker.clone());
    for i in 0..4 {
        tracker.spawn(worker(i));
    }
    tracker.wait().await;
}

async fn worker(_i: u32) {}
