// task_tracker_not_closed (quiet): a clone is moved into a spawned task that closes the
// tracker on ctrl-c; the tracker has escaped into code that closes it, so the `wait()`
// below can return.
use tokio_util::task::TaskTracker;

pub async fn serve() {
    let tracker = TaskTracker::new();
    let closer = tracker.clone();
    tokio::spawn(async move {
        tokio::signal::ctrl_c().await.ok();
        closer.close();
    });
    for i in 0..8 {
        tracker.spawn(worker(i));
    }
    tracker.wait().await;
}

async fn worker(_i: u32) {}
