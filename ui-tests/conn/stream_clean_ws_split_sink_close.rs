// stream_dropped_without_shutdown (quiet): after `split()`, the sink half is closed with
// `SinkExt::close`, which sends the Close frame; that settles the websocket. Replies are
// matched rather than `?`-ed, so every way out of the loop reaches the close.
use futures::{SinkExt, StreamExt};
use tokio_tungstenite::connect_async;
use tokio_tungstenite::tungstenite::Message;

pub async fn query_all(url: &str, queries: Vec<String>) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let (ws, _) = connect_async(url).await?;
    let (mut sink, mut stream) = ws.split();
    let mut answers = Vec::new();
    for q in queries {
        sink.send(Message::Text(q.into())).await?;
        match stream.next().await {
            Some(Ok(Message::Text(reply))) => answers.push(reply.to_string()),
            Some(Ok(_)) => {}
            _ => break,
        }
    }
    sink.close().await?;
    Ok(answers)
}
