// stream_dropped_without_shutdown (quiet, unsure): the echo server reads until the stream
// yields `None`. tokio-tungstenite ends the stream only once the closing handshake is done
// (tungstenite answers the peer's Close frame itself), so dropping the websocket after the
// loop is a normal closure, not 1006.
use futures::{SinkExt, StreamExt};
use tokio::net::TcpStream;
use tokio_tungstenite::accept_async;

pub async fn echo(tcp: TcpStream) -> Result<(), tokio_tungstenite::tungstenite::Error> {
    let mut ws = accept_async(tcp).await?;
    while let Some(msg) = ws.next().await {
        let msg = msg?;
        if msg.is_text() || msg.is_binary() {
            ws.send(msg).await?;
        }
    }
    Ok(())
}
