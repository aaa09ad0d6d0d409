// stream_dropped_without_shutdown (quiet, unsure): instead of `close()`, the client sends
// `Message::Close(None)` through the sink. tungstenite's `write` handles a Close message by
// calling its own `close`, so a Close frame goes out; no abnormal closure.
use futures::SinkExt;
use tokio_tungstenite::connect_async;
use tokio_tungstenite::tungstenite::Message;

pub async fn say_goodbye(url: &str) -> Result<(), tokio_tungstenite::tungstenite::Error> {
    let (mut ws, _) = connect_async(url).await?;
    ws.send(Message::Text("goodbye".into())).await?;
    ws.send(Message::Close(None)).await?;
    Ok(())
}
