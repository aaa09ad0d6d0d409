// stream_dropped_without_shutdown: on every reconnect the previous websocket is dropped
// with `drop(ws)`, without a Close frame, after it was written to.
use futures::SinkExt;
use tokio_tungstenite::connect_async;
use tokio_tungstenite::tungstenite::Message;

pub async fn pump(url: &str, batches: Vec<Vec<String>>) -> Result<(), Box<dyn std::error::Error>> {
    for batch in batches {
        let (mut ws, _) = connect_async(url).await?; //~ stream_dropped_without_shutdown
        for item in batch {
            ws.send(Message::Text(item.into())).await?;
        }
        drop(ws);
    }
    Ok(())
}
