// task_tracker_not_closed: the tracker type named by full path, no `use`.
pub async fn warm(keys: Vec<String>) {
    let tracker = tokio_util::task::TaskTracker::new();
    for k in keys {
        tracker.spawn(async move {
            let _ = k.len();
        });
    }
    tracker.wait().await; //~ task_tracker_not_closed
}
