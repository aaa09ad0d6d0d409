// task_tracker_not_closed: the first tracker is closed before its wait; the second
// tracker, shadowing the first under the same name, is not. Only the second wait is
// reported.
use tokio_util::task::TaskTracker;

pub async fn two_rounds() {
    let tracker = TaskTracker::new();
    tracker.spawn(round(1));
    tracker.close();
    tracker.wait().await;

    let tracker = TaskTracker::new();
    tracker.spawn(round(2));
    tracker.wait().await; //~ task_tracker_not_closed
}

async fn round(_n: u32) {}
