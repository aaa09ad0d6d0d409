// task_tracker_not_closed: `close()` is called, but only AFTER `wait()`; the wait comes
// first and never returns, so the close is never reached.
use tokio_util::task::TaskTracker;

pub async fn run_batch(urls: Vec<String>) {
    let tracker = TaskTracker::new();
    for url in urls {
        tracker.spawn(fetch(url));
    }
    tracker.wait().await; //~ task_tracker_not_closed
    tracker.close();
}

async fn fetch(_url: String) {}
