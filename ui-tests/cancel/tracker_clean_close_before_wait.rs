// task_tracker_not_closed (quiet): the documented pattern: spawn, `close()`, then `wait()`.
use tokio_util::task::TaskTracker;

pub async fn process_all(items: Vec<u32>) {
    let tracker = TaskTracker::new();
    for item in items {
        tracker.spawn(async move {
            handle(item).await;
        });
    }
    tracker.close();
    tracker.wait().await;
}

async fn handle(_item: u32) {}
