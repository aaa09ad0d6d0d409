// stream_dropped_without_shutdown (quiet): the only early exits are the `?` on the sends
// and on the close itself; when a send fails the connection is already broken.
use futures::SinkExt;
use tokio_tungstenite::connect_async;
use tokio_tungstenite::tungstenite::{Error, Message};

pub async fn upload(url: &str, chunks: Vec<Vec<u8>>) -> Result<usize, Error> {
    let (mut ws, _) = connect_async(url).await?;
    let mut sent = 0;
    for chunk in chunks {
        sent += chunk.len();
        ws.send(Message::Binary(chunk.into())).await?;
    }
    ws.close(None).await?;
    Ok(sent)
}
