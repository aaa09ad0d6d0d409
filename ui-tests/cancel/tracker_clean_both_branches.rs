// task_tracker_not_closed (quiet): both branches close before the shared wait.
use tokio_util::task::TaskTracker;

pub async fn shutdown(graceful: bool, caches: Vec<String>) {
    let tracker = TaskTracker::new();
    for c in caches {
        tracker.spawn(flush_cache(c));
    }
    if graceful {
        println!("graceful shutdown");
        tracker.close();
    } else {
        tracker.close();
        println!("fast shutdown");
    }
    tracker.wait().await;
}

async fn flush_cache(_c: String) {}
