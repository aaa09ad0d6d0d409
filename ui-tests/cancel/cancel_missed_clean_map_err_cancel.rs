// cancel_missed_on_path (quiet): the `?` error path runs through `map_err`, whose closure
// cancels the token before the error is returned. The tool cannot prove the closure runs
// exactly on the error path, but a `cancel()` inside the closure feeding the `?` is the
// usual idiom; stay quiet. See README (unsure).
use tokio_util::sync::CancellationToken;

pub async fn fetch_all(urls: Vec<String>) -> Result<usize, String> {
    let token = CancellationToken::new();
    let status = token.clone();
    tokio::spawn(async move {
        status.run_until_cancelled(print_status_forever()).await;
    });
    let bodies = download(&urls).await.map_err(|e| {
        token.cancel();
        e
    })?;
    token.cancel();
    Ok(bodies.len())
}

async fn print_status_forever() {}

async fn download(urls: &[String]) -> Result<Vec<String>, String> {
    Ok(urls.to_vec())
}
