// stream_dropped_without_shutdown: tokio-tungstenite client; subscribes, reads one
// snapshot and returns, dropping the websocket without a Close frame.
use futures::{SinkExt, StreamExt};
use tokio_tungstenite::connect_async;
use tokio_tungstenite::tungstenite::Message;

pub async fn snapshot(url: &str, channel: &str) -> Result<Option<String>, tokio_tungstenite::tungstenite::Error> {
    let (mut ws, _) = connect_async(url).await?; //~ stream_dropped_without_shutdown
    ws.send(Message::Text(format!("{{\"subscribe\":\"{channel}\"}}").into())).await?;
    while let Some(msg) = ws.next().await {
        if let Message::Text(text) = msg? {
            return Ok(Some(text.to_string()));
        }
    }
    Ok(None)
}
