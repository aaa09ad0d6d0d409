// task_tracker_not_closed: the `Mode::Drain` arm forgets to close; on that path the wait
// hangs.
use tokio_util::task::TaskTracker;

pub enum Mode {
    Fast,
    Drain,
    Abort,
}

pub async fn stop(mode: Mode, jobs: Vec<u32>) {
    let tracker = TaskTracker::new();
    for j in jobs {
        tracker.spawn(job(j));
    }
    match mode {
        Mode::Fast => {
            tracker.close();
        }
        Mode::Drain => {
            println!("draining");
        }
        Mode::Abort => {
            tracker.close();
            return;
        }
    }
    tracker.wait().await; //~ task_tracker_not_closed
}

async fn job(_j: u32) {}
