// task_tracker_not_closed: a fresh tracker per batch, waited at the end of each batch
// without being closed; the first batch already hangs.
use tokio_util::task::TaskTracker;

pub async fn run_batches(batches: Vec<Vec<u32>>) {
    for batch in batches {
        let tracker = TaskTracker::new();
        for item in batch {
            tracker.spawn(process(item));
        }
        tracker.wait().await; //~ task_tracker_not_closed
    }
}

async fn process(_i: u32) {}
