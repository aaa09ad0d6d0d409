// stream_dropped_without_shutdown: the `return` for a rejected job leaves without closing
// the websocket, after the job was already sent.
use futures::{SinkExt, StreamExt};
use tokio_tungstenite::connect_async;
use tokio_tungstenite::tungstenite::Message;

pub async fn submit(url: &str, job: String) -> Result<bool, Box<dyn std::error::Error>> {
    let (mut ws, _) = connect_async(url).await?; //~ stream_dropped_without_shutdown
    ws.send(Message::Text(job.into())).await?;
    let accepted = match ws.next().await {
        Some(Ok(Message::Text(t))) => t.as_str() == "accepted",
        _ => false,
    };
    if !accepted {
        return Ok(false);
    }
    ws.close(None).await?;
    Ok(true)
}
