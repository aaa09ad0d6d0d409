// An echo loop reads with `ws.next().await.transpose()?`: the `?` is the stream's own
// failed read, not a path that drops a healthy stream. After the loop it is closed.
use futures_util::{SinkExt, StreamExt};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Error;

pub async fn echo(tcp: TcpStream) -> Result<(), Error> {
    let mut ws = tokio_tungstenite::accept_async(tcp).await?;
    while let Some(msg) = ws.next().await.transpose()? {
        if msg.is_text() {
            ws.send(msg).await?;
        }
    }
    ws.close(None).await?;
    Ok(())
}
