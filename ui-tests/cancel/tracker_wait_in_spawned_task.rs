// task_tracker_not_closed: the wait is inside a spawned task (on a clone) and no handle
// of the tracker is ever closed, anywhere; the "all done" task never finishes.
use tokio_util::task::TaskTracker;

pub fn spawn_jobs(jobs: Vec<u32>) {
    let tracker = TaskTracker::new();
    for j in jobs {
        tracker.spawn(job(j));
    }
    let watcher = tracker.clone();
    tokio::spawn(async move {
        watcher.wait().await; //~ task_tracker_not_closed
        println!("all jobs done");
    });
}

async fn job(_j: u32) {}
