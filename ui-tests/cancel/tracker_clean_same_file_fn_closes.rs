// task_tracker_not_closed (quiet): the tracker is lent to `spawn_and_seal`, a function in
// this file that closes it; the close happens before the wait.
use tokio_util::task::TaskTracker;

pub async fn run(n: usize) {
    let tracker = TaskTracker::new();
    spawn_and_seal(&tracker, n);
    tracker.wait().await;
}

fn spawn_and_seal(tracker: &TaskTracker, n: usize) {
    for i in 0..n {
        tracker.spawn(work(i));
    }
    tracker.close();
}

async fn work(_i: usize) {}
