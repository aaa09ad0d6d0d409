// cancel_token_never_cancelled: the token type is named by its full path, no `use`.
pub async fn watch_config(path: std::path::PathBuf) {
    let token = tokio_util::sync::CancellationToken::new(); //~ cancel_token_never_cancelled
    let watcher = token.clone();
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = watcher.cancelled() => break,
                _ = tokio::time::sleep(std::time::Duration::from_secs(2)) => reload(&path),
            }
        }
    });
}

fn reload(_path: &std::path::Path) {}
