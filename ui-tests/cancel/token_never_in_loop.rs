// cancel_token_never_cancelled: one token per accepted connection, its clone handed to the
// keep-alive task; the per-connection token is never cancelled when the connection ends,
// so a keep-alive task leaks for every connection ever accepted.
use tokio::net::{TcpListener, TcpStream};
use tokio_util::sync::CancellationToken;

pub async fn serve(listener: TcpListener) -> std::io::Result<()> {
    loop {
        let (socket, _) = listener.accept().await?;
        let conn_token = CancellationToken::new(); //~ cancel_token_never_cancelled
        let keepalive = conn_token.clone();
        tokio::spawn(async move {
            loop {
                tokio::select! {
                    _ = keepalive.cancelled() => break,
                    _ = tokio::time::sleep(std::time::Duration::from_secs(15)) => ping().await,
                }
            }
        });
        handle_connection(socket).await;
    }
}

async fn ping() {}
async fn handle_connection(_socket: TcpStream) {}
