// task_tracker_not_closed (quiet): the tracker itself is moved into a spawned task that
// closes it and then waits; the close is before the wait on that path.
use tokio_util::task::TaskTracker;

pub fn background_batch(items: Vec<u32>) {
    let tracker = TaskTracker::new();
    for i in items {
        tracker.spawn(process(i));
    }
    tokio::spawn(async move {
        tracker.close();
        tracker.wait().await;
        println!("batch done");
    });
}

async fn process(_i: u32) {}
