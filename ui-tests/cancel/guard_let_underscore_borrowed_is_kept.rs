use tokio_util::sync::CancellationToken;

pub async fn serve(token: CancellationToken) {
    // Temporary lifetime extension: the borrowed guard lives to the end of the block,
    // so nothing is cancelled early.
    let _ = &token.clone().drop_guard();
    let _ = &mut token.child_token().drop_guard();
    run_workers().await;
    // Without `let`, nothing extends the temporary: it is dropped with the statement.
    _ = &token.drop_guard(); //~ guard_dropped_immediately
}
