// task_tracker_not_closed (quiet): the tracker is a parameter; the caller (or another
// holder of a clone) may already have closed it or close it concurrently. See README
// (unsure: the brief does not settle trackers not created here).
use tokio_util::task::TaskTracker;

pub async fn wait_for_drain(tracker: &TaskTracker) {
    println!("draining {} tasks", tracker.len());
    tracker.wait().await;
}

pub async fn wait_owned(tracker: TaskTracker) {
    tracker.wait().await;
}
