// stream_dropped_without_shutdown: `tokio_tungstenite::client_async` by its full path, over
// a TCP stream the caller opened; it returns `(ws, response)` like `connect_async`.
use futures::SinkExt;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;

pub async fn heartbeat(addr: &str, beats: u32) -> Result<(), Box<dyn std::error::Error>> {
    let tcp = TcpStream::connect(addr).await?;
    let request = format!("ws://{addr}/hb");
    let (mut ws, _) = tokio_tungstenite::client_async(request, tcp).await?; //~ stream_dropped_without_shutdown
    for i in 0..beats {
        ws.send(Message::Text(format!("beat {i}").into())).await?;
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
    Ok(())
}
