use tokio_util::sync::CancellationToken;

pub async fn drain(token: &CancellationToken, queue: &Queue) {
    let _ = token.drop_guard_ref(); //~ guard_dropped_immediately
    while let Some(job) = queue.pop().await {
        job.run().await;
    }
}
