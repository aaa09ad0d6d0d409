// cancel_token_never_cancelled: a helper of the file makes a fresh token (so calling it
// creates one), and the caller only waits on what it gets back.
use std::time::Duration;

use tokio_util::sync::CancellationToken;

fn shutdown_signal() -> CancellationToken {
    let token = CancellationToken::new();
    tracing::debug!("shutdown token ready");
    token
}

pub async fn poll_forever() {
    let stop = shutdown_signal(); //~ cancel_token_never_cancelled
    let worker = stop.clone();
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = worker.cancelled() => break,
                _ = tokio::time::sleep(Duration::from_secs(5)) => {}
            }
        }
    });
}
