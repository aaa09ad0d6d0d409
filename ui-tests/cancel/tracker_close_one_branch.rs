// task_tracker_not_closed: `close()` happens only when `graceful` is true; on the other
// path the `wait()` hangs.
use tokio_util::task::TaskTracker;

pub async fn shutdown(graceful: bool, caches: Vec<String>) {
    let tracker = TaskTracker::new();
    for c in caches {
        tracker.spawn(flush_cache(c));
    }
    if graceful {
        println!("graceful shutdown");
        tracker.close();
    }
    tracker.wait().await; //~ task_tracker_not_closed
}

async fn flush_cache(_c: String) {}
