use tokio_util::sync::CancellationToken;

pub async fn serve(token: CancellationToken) {
    let worker = token.child_token();
    tokio::spawn(async move {
        let _ = worker.drop_guard(); //~ guard_dropped_immediately
        process_queue().await;
    });
    let watcher = async move {
        token.clone().drop_guard(); //~ guard_dropped_immediately
        watch_config().await
    };
    watcher.await;
}
