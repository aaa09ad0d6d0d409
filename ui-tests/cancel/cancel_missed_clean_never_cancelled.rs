// cancel_missed_on_path (quiet) / cancel_token_never_cancelled: the token is never
// cancelled on ANY path, so this is cancel_token_never_cancelled, not
// cancel_missed_on_path; the `?` must not add a second finding.
use tokio_util::sync::CancellationToken;

pub async fn index(root: &std::path::Path) -> std::io::Result<usize> {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    let progress = token.clone();
    tokio::spawn(async move {
        progress.cancelled().await;
    });
    let entries = std::fs::read_dir(root)?;
    Ok(entries.count())
}
