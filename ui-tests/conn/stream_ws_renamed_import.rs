// stream_dropped_without_shutdown: `connect_async` imported under another name.
use futures::SinkExt;
use tokio_tungstenite::connect_async as open_socket;
use tokio_tungstenite::tungstenite::Message;

pub async fn notify(url: &str, text: &str) -> Result<(), tokio_tungstenite::tungstenite::Error> {
    let (mut socket, _resp) = open_socket(url).await?; //~ stream_dropped_without_shutdown
    socket.send(Message::Text(text.into())).await?;
    Ok(())
}
