// task_tracker_not_closed (quiet): a clone waits inside a spawned "all done" task, while
// the function itself closes the tracker after spawning the work. The close is on another
// path (concurrent), but it is a close of the same tracker; stay quiet. See README (unsure).
use tokio_util::task::TaskTracker;

pub fn spawn_jobs(jobs: Vec<u32>) {
    let tracker = TaskTracker::new();
    let watcher = tracker.clone();
    tokio::spawn(async move {
        watcher.wait().await;
        println!("all jobs done");
    });
    for j in jobs {
        tracker.spawn(job(j));
    }
    tracker.close();
}

async fn job(_j: u32) {}
