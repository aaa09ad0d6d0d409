// task_tracker_not_closed: the `wait()` call is split over lines; the primary span is the
// `tracker.wait()` method-call expression, which starts at the receiver `tracker`.
use tokio_util::task::TaskTracker;

pub async fn finish(files: Vec<String>) {
    let tracker = TaskTracker::new();
    for f in files {
        tracker.spawn(compress(f));
    }
    tracker //~ task_tracker_not_closed
        .wait()
        .await;
}

async fn compress(_f: String) {}
