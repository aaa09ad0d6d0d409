// cancel_token_never_cancelled: the simplest shape. A clone of a fresh token is moved into
// a spawned task that waits on `cancelled()`, and nothing ever calls `cancel()`; dropping
// `token` at the end of `start` does not cancel it, so the heartbeat task runs forever.
use std::time::Duration;
use tokio_util::sync::CancellationToken;

pub async fn start(addr: &str) -> std::io::Result<()> {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    let heartbeat_token = token.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(5));
        loop {
            tokio::select! {
                _ = heartbeat_token.cancelled() => break,
                _ = tick.tick() => send_heartbeat().await,
            }
        }
    });
    serve(addr).await
}

async fn send_heartbeat() {}

async fn serve(_addr: &str) -> std::io::Result<()> {
    Ok(())
}
