// stream_dropped_without_shutdown (quiet): the async-tungstenite#41 client closing the
// websocket (Close frame, closing handshake) before it is dropped.
use async_tungstenite::tokio::connect_async;
use async_tungstenite::tungstenite::Message;
use futures::SinkExt;

pub async fn publish(url: &str, events: Vec<String>) -> Result<(), Box<dyn std::error::Error>> {
    let (mut ws, _response) = connect_async(url).await?;
    for event in events {
        ws.send(Message::Text(event.into())).await?;
    }
    ws.close(None).await?;
    Ok(())
}
