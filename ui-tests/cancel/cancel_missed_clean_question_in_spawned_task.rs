// cancel_missed_on_path (quiet): the `?` is inside the spawned task's async block; it
// ends the task, not `supervise`. `supervise` cancels on its only exit.
use tokio_util::sync::CancellationToken;

pub async fn supervise(addr: String) {
    let token = CancellationToken::new();
    let conn_token = token.clone();
    let task = tokio::spawn(async move {
        let stream = tokio::net::TcpStream::connect(&addr).await?;
        conn_token.cancelled().await;
        drop(stream);
        Ok::<(), std::io::Error>(())
    });
    tokio::time::sleep(std::time::Duration::from_secs(30)).await;
    token.cancel();
    let _ = task.await;
}
