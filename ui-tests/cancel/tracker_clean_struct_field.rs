// task_tracker_not_closed (quiet): a clone is stored in a struct before the wait; the
// struct's `shutdown()` closes it, so the tracker escaped to code that may close it.
use tokio_util::task::TaskTracker;

pub struct Pool {
    tracker: TaskTracker,
}

impl Pool {
    pub fn shutdown(&self) {
        self.tracker.close();
    }
}

pub async fn run(register: impl FnOnce(Pool)) {
    let tracker = TaskTracker::new();
    tracker.spawn(async {});
    register(Pool { tracker: tracker.clone() });
    tracker.wait().await;
}
