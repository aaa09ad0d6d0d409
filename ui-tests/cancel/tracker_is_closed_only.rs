// task_tracker_not_closed: `is_closed()`, `len()`, `is_empty()` are neutral; none of them
// closes the tracker.
use tokio_util::task::TaskTracker;

pub async fn drain(jobs: Vec<u32>) {
    let tracker = TaskTracker::new();
    for j in jobs {
        tracker.spawn(job(j));
    }
    if !tracker.is_closed() && !tracker.is_empty() {
        println!("{} jobs still running", tracker.len());
    }
    tracker.wait().await; //~ task_tracker_not_closed
}

async fn job(_j: u32) {}
