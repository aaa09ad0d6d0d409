use tokio_util::sync::{CancellationToken, DropGuard};

pub async fn supervise() {
    let token = CancellationToken::new();
    // The type annotation does not make `_` bind.
    let _: DropGuard = token.clone().drop_guard(); //~ guard_dropped_immediately
    spawn_workers(token).await;
}
