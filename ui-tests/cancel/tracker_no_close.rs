// task_tracker_not_closed: `wait()` returns only once the tracker is closed AND empty;
// nobody calls `close()`, so `wait()` never returns even after every task finished.
use tokio_util::task::TaskTracker;

pub async fn process_all(items: Vec<u32>) {
    let tracker = TaskTracker::new();
    for item in items {
        tracker.spawn(async move {
            handle(item).await;
        });
    }
    tracker.wait().await; //~ task_tracker_not_closed
    println!("all items processed");
}

async fn handle(_item: u32) {}
