// stream_dropped_without_shutdown: a websocket server leaves its read loop with `break`
// when the client says "bye", and drops the socket without closing it.
use futures::{SinkExt, StreamExt};
use tokio::net::TcpStream;
use tokio_tungstenite::accept_async;
use tokio_tungstenite::tungstenite::Message;

pub async fn handle(tcp: TcpStream) -> Result<(), tokio_tungstenite::tungstenite::Error> {
    let mut ws = accept_async(tcp).await?; //~ stream_dropped_without_shutdown
    ws.send(Message::Text("welcome".into())).await?;
    while let Some(msg) = ws.next().await {
        let msg = msg?;
        if msg.to_text()? == "bye" {
            break;
        }
        ws.send(msg).await?;
    }
    Ok(())
}
