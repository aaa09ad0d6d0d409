// stream_dropped_without_shutdown: the websocket shape of sdroege/async-tungstenite#41 as
// the catalog lists it (abnormal closure 1006 when the stream is dropped). The client sends
// its messages and returns; no Close frame is ever sent, so the server reports 1006.
use async_tungstenite::tokio::connect_async;
use async_tungstenite::tungstenite::Message;
use futures::SinkExt;

pub async fn publish(url: &str, events: Vec<String>) -> Result<(), Box<dyn std::error::Error>> {
    let (mut ws, _response) = connect_async(url).await?; //~ stream_dropped_without_shutdown
    for event in events {
        ws.send(Message::Text(event.into())).await?;
    }
    Ok(())
}
