// stream_dropped_without_shutdown (quiet): the client asks the server to close, and
// checks with `matches!` that the next message is the server's Close frame (pingora's
// proxy tests): the peer closed the connection, and the close handshake is done.
use futures_util::{SinkExt, StreamExt};
use tokio_tungstenite::tungstenite::Message;

pub async fn server_closes_gracefully(url: &str) {
    let (mut ws_stream, _) = tokio_tungstenite::connect_async(url).await.unwrap();
    ws_stream.send(Message::text("graceful")).await.unwrap();
    let msg = ws_stream.next().await.unwrap().unwrap();
    assert!(matches!(msg, Message::Close(None)));
}

pub async fn until_closed(url: &str) -> Result<(), tokio_tungstenite::tungstenite::Error> {
    let (mut ws, _) = tokio_tungstenite::connect_async(url).await?;
    ws.send(Message::text("subscribe")).await?;
    while let Some(msg) = ws.next().await {
        let msg = msg?;
        if matches!(msg, Message::Close(_)) {
            return Ok(());
        }
    }
    Ok(())
}
