// abort_handle_unused (quiet): the handle is moved into a spawned timer task that aborts
// the work after a timeout.
use futures::future::abortable;

pub async fn with_timeout(secs: u64) -> bool {
    let (work, handle) = abortable(heavy());
    tokio::spawn(async move {
        tokio::time::sleep(std::time::Duration::from_secs(secs)).await;
        handle.abort();
    });
    work.await.is_ok()
}

async fn heavy() {}
