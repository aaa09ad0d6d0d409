// cancel_missed_on_path: `return Ok(())` in the `if cached` branch leaves the spawned
// listener waiting forever; so does the `?` on `fetch(key).await?`. Exits: the
// `return Ok(());` inside `if cached` (first) and the `?` (second); one finding.
use tokio_util::sync::CancellationToken;

pub async fn refresh(key: &str, cached: bool) -> Result<(), String> {
    let stop = CancellationToken::new(); //~ cancel_missed_on_path
    let listener_stop = stop.clone();
    tokio::spawn(async move {
        tokio::select! {
            _ = listener_stop.cancelled() => {}
            _ = listen_for_invalidations() => {}
        }
    });
    if cached {
        return Ok(());
    }
    fetch(key).await?;
    stop.cancel();
    Ok(())
}

async fn listen_for_invalidations() {}

async fn fetch(_key: &str) -> Result<(), String> {
    Ok(())
}
