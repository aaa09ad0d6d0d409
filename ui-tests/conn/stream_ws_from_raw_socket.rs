// stream_dropped_without_shutdown: a websocket made with `WebSocketStream::from_raw_socket`
// after a handshake done elsewhere; messages are fed and flushed, never closed.
use futures::SinkExt;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::protocol::Role;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::WebSocketStream;

pub async fn stream_rows(tcp: TcpStream, rows: Vec<String>) -> Result<(), tokio_tungstenite::tungstenite::Error> {
    let mut ws = WebSocketStream::from_raw_socket(tcp, Role::Server, None).await; //~ stream_dropped_without_shutdown
    for row in rows {
        ws.feed(Message::Text(row.into())).await?;
    }
    ws.flush().await?;
    Ok(())
}
