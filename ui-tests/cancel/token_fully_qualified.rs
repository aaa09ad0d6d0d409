pub async fn serve() {
    let token = ::tokio_util::sync::CancellationToken::new();
    let _ = token.clone().drop_guard(); //~ guard_dropped_immediately
    tokio_util::sync::CancellationToken::default().drop_guard(); //~ guard_dropped_immediately
    accept_loop(token).await;
}
