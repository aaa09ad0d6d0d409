// cancel_token_never_cancelled: the root token is created here and only its child tokens
// reach the workers. Cancelling the root would reach every child, but nothing cancels the
// root nor any child. Reported once, on the root's creation (the child tokens are part of
// the same never-cancelled tree; see README: unsure whether children get their own finding).
use tokio_util::sync::CancellationToken;

pub async fn spawn_shards(shards: usize) {
    let root = CancellationToken::new(); //~ cancel_token_never_cancelled
    for shard in 0..shards {
        let shard_token = root.child_token();
        tokio::spawn(async move {
            loop {
                tokio::select! {
                    _ = shard_token.cancelled() => break,
                    _ = compact(shard) => {}
                }
            }
        });
    }
}

async fn compact(_shard: usize) {}
