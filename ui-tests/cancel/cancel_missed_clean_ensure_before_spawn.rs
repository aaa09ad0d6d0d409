// cancel_missed_on_path (quiet): the `ensure!` and the `bail!` run before any task waits
// on the token, or after it is cancelled.
use anyhow::{bail, ensure, Result};
use tokio_util::sync::CancellationToken;

pub async fn serve(addr: &str, workers: usize) -> Result<()> {
    let token = CancellationToken::new();
    ensure!(workers > 0, "at least one worker is needed to serve {addr}");
    let waiter = token.clone();
    let task = tokio::spawn(async move { waiter.cancelled().await });
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    token.cancel();
    task.await?;
    if addr.is_empty() {
        bail!("nothing was served");
    }
    Ok(())
}
