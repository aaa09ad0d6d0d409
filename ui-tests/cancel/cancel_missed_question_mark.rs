// cancel_missed_on_path: the token is cancelled at the end of `sync_all`, but the `?` on
// `load_manifest` (after the progress task was spawned) returns early without cancelling.
// Exit: the `?` on the `load_manifest(dir)?` line.
use std::path::Path;
use tokio_util::sync::CancellationToken;

pub async fn sync_all(dir: &Path) -> std::io::Result<usize> {
    let token = CancellationToken::new(); //~ cancel_missed_on_path
    let progress = token.clone();
    tokio::spawn(async move {
        while !progress.is_cancelled() {
            tokio::time::sleep(std::time::Duration::from_millis(250)).await;
            eprint!(".");
        }
    });
    let manifest = load_manifest(dir)?;
    let n = upload(&manifest).await;
    token.cancel();
    Ok(n)
}

fn load_manifest(dir: &Path) -> std::io::Result<Vec<String>> {
    std::fs::read_to_string(dir.join("manifest"))
        .map(|s| s.lines().map(str::to_owned).collect())
}

async fn upload(files: &[String]) -> usize {
    files.len()
}
