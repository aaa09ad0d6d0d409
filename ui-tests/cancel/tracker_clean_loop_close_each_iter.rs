// task_tracker_not_closed (quiet): one tracker per batch, closed before each wait; a
// reused tracker is reopened after the wait and closed again before the next wait.
use tokio_util::task::TaskTracker;

pub async fn run_batches(batches: Vec<Vec<u32>>) {
    for batch in &batches {
        let tracker = TaskTracker::new();
        for item in batch.iter().copied() {
            tracker.spawn(process(item));
        }
        tracker.close();
        tracker.wait().await;
    }

    let shared = TaskTracker::new();
    for batch in batches {
        for item in batch {
            shared.spawn(process(item));
        }
        shared.close();
        shared.wait().await;
        shared.reopen();
    }
}

async fn process(_i: u32) {}
