// abort_handle_unused (quiet): `_handle` has a leading underscore but IS used: it is
// aborted when the caller's deadline passes.
use futures::future::abortable;

pub async fn bounded(deadline: std::time::Duration) -> Option<u32> {
    let (fut, _handle) = abortable(answer());
    let task = tokio::spawn(fut);
    tokio::time::sleep(deadline).await;
    _handle.abort();
    task.await.ok()?.ok()
}

async fn answer() -> u32 {
    42
}
