// task_tracker_not_closed (quiet): the path without `close()` leaves through `return`
// before reaching the wait; every path that reaches `wait()` closed first.
use tokio_util::task::TaskTracker;

pub async fn maybe_wait(jobs: Vec<u32>, detach: bool) {
    let tracker = TaskTracker::new();
    for j in jobs {
        tracker.spawn(job(j));
    }
    if detach {
        return;
    }
    tracker.close();
    tracker.wait().await;
}

async fn job(_j: u32) {}
