// task_tracker_not_closed: two separate trackers; `close()` on `uploads` does not close
// `downloads` (they are not clones of each other).
use tokio_util::task::TaskTracker;

pub async fn sync(files: Vec<String>) {
    let uploads = TaskTracker::new();
    let downloads = TaskTracker::new();
    for f in files {
        uploads.spawn(upload(f.clone()));
        downloads.spawn(download(f));
    }
    uploads.close();
    uploads.wait().await;
    downloads.wait().await; //~ task_tracker_not_closed
}

async fn upload(_f: String) {}
async fn download(_f: String) {}
