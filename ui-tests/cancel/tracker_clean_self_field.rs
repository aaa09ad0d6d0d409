// task_tracker_not_closed (quiet): `self.tracker.wait()` in a method; `close()` is called
// by another method (`begin_shutdown`) through another path. A field is shared state the
// function does not own. See README (unsure).
use tokio_util::task::TaskTracker;

pub struct Server {
    tracker: TaskTracker,
}

impl Server {
    pub fn begin_shutdown(&self) {
        self.tracker.close();
    }

    pub async fn join(&self) {
        self.tracker.wait().await;
    }
}
