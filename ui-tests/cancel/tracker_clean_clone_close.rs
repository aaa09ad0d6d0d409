// task_tracker_not_closed (quiet): `close()` on a clone closes the shared tracker; clones
// are the same tracker.
use tokio_util::task::TaskTracker;

pub async fn run(jobs: Vec<u32>) {
    let tracker = TaskTracker::new();
    let t2 = tracker.clone();
    for j in jobs {
        t2.spawn(job(j));
    }
    t2.close();
    tracker.wait().await;
}

async fn job(_j: u32) {}
