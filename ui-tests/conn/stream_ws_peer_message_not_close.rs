// stream_dropped_without_shutdown: `matches!` on a message that is not the peer's Close,
// and an assertion that a read succeeded, leave the stream open: dropping it truncates.
use futures_util::{SinkExt, StreamExt};
use tokio_tungstenite::tungstenite::Message;

pub async fn greets(url: &str) {
    let (mut ws_stream, _) = tokio_tungstenite::connect_async(url).await.unwrap(); //~ stream_dropped_without_shutdown
    ws_stream.send(Message::text("hello")).await.unwrap();
    let msg = ws_stream.next().await.unwrap().unwrap();
    assert!(matches!(msg, Message::Text(_)));
}

pub async fn reads_once(url: &str) {
    let (mut ws_stream, _) = tokio_tungstenite::connect_async(url).await.unwrap(); //~ stream_dropped_without_shutdown
    ws_stream.send(Message::text("ping")).await.unwrap();
    assert!(ws_stream.next().await.unwrap().is_ok());
}
