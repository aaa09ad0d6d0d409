// cancel_missed_on_path (quiet): the `?` and `return` are inside async blocks (a spawned
// task and a local future); they end those blocks, not `run`, which always cancels.
use tokio_util::sync::CancellationToken;

pub async fn run(path: String) {
    let token = CancellationToken::new();
    let waiter = token.clone();
    tokio::spawn(async move {
        waiter.cancelled().await;
    });
    let load = async {
        let text = tokio::fs::read_to_string(&path).await?;
        if text.is_empty() {
            return Ok(0);
        }
        Ok::<usize, std::io::Error>(text.len())
    };
    let _ = load.await;
    token.cancel();
}
