// stream_dropped_without_shutdown (quiet): the test asks the server to drop the
// connection, and asserts that the next read fails (pingora's proxy tests): the stream is
// broken there, and there is nothing left to close.
use futures_util::{SinkExt, StreamExt};
use tokio_tungstenite::tungstenite::Message;

pub async fn server_drops_abruptly(url: &str) {
    let (mut ws_stream, _) = tokio_tungstenite::connect_async(url).await.unwrap();
    ws_stream.send(Message::text("close")).await.unwrap();
    assert!(ws_stream.next().await.unwrap().is_err());
}
