use tokio_util::sync::CancellationToken;

pub async fn stop(token: CancellationToken) {
    // Neither of these returns a guard.
    let _ = token.cancel();
    let _ = token.is_cancelled();
    token.cancelled().await;
    let _ = token.child_token();
    token.clone();
}
