// cancel_token_never_cancelled (quiet): the child token is derived from a PARAMETER. The
// parent was not created here and the caller may cancel it, which reaches the child; so
// the child is not "never cancelled" even though this function never cancels it.
use tokio_util::sync::CancellationToken;

pub fn spawn_flusher(parent: &CancellationToken, interval: std::time::Duration) {
    let child = parent.child_token();
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = child.cancelled() => break,
                _ = tokio::time::sleep(interval) => flush().await,
            }
        }
    });
}

pub async fn spawn_owned_child(parent: CancellationToken) {
    let per_request = parent.child_token();
    let waiter = per_request.clone();
    tokio::spawn(async move { waiter.cancelled().await });
    handle_request().await;
}

async fn flush() {}
async fn handle_request() {}
