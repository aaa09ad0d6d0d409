// task_tracker_not_closed: `TaskTracker::default()` creates an open tracker like `new()`.
use tokio_util::task::TaskTracker;

pub async fn notify_all(users: Vec<u64>) {
    let tracker = TaskTracker::default();
    for user in users {
        tracker.spawn(send_email(user));
    }
    tracker.wait().await; //~ task_tracker_not_closed
}

async fn send_email(_user: u64) {}
