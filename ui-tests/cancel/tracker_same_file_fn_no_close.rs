// task_tracker_not_closed: the tracker is lent to `spawn_workers`, a function in this file
// that only spawns on it and never closes it; lending it there is not an escape.
use tokio_util::task::TaskTracker;

pub async fn run(n: usize) {
    let tracker = TaskTracker::new();
    spawn_workers(&tracker, n);
    tracker.wait().await; //~ task_tracker_not_closed
}

fn spawn_workers(tracker: &TaskTracker, n: usize) {
    for i in 0..n {
        tracker.spawn(work(i));
    }
}

async fn work(_i: usize) {}
