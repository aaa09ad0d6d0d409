use tokio_util::sync::*;

pub async fn serve() {
    let token = CancellationToken::new();
    let _ = token.clone().drop_guard(); //~ guard_dropped_immediately
    accept_loop(token).await;
}
