use tokio_util::sync::CancellationToken;

async fn serve(token: CancellationToken) {
    // Meant to cancel the workers when `serve` returns; cancels them now.
    let _ = token.drop_guard(); //~ guard_dropped_immediately
    run_workers().await;
}
