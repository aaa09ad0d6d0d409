// stream_dropped_without_shutdown: after `split()`, the sink sends the requests and the
// stream half reads the replies; neither half is closed, so no Close frame is sent.
use futures::{SinkExt, StreamExt};
use tokio_tungstenite::connect_async;
use tokio_tungstenite::tungstenite::Message;

pub async fn query_all(url: &str, queries: Vec<String>) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let (ws, _) = connect_async(url).await?; //~ stream_dropped_without_shutdown
    let (mut sink, mut stream) = ws.split();
    let mut answers = Vec::new();
    for q in queries {
        sink.send(Message::Text(q.into())).await?;
        if let Some(reply) = stream.next().await {
            answers.push(reply?.into_text()?.to_string());
        }
    }
    Ok(answers)
}
