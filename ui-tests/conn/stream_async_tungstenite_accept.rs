// stream_dropped_without_shutdown: async-tungstenite on async-std; the server accepts,
// sends a goodbye message and lets the websocket drop when the function returns.
use async_std::net::TcpStream;
use async_tungstenite::accept_async;
use async_tungstenite::tungstenite::Message;
use futures::SinkExt;

pub async fn reject(tcp: TcpStream, reason: &str) -> Result<(), async_tungstenite::tungstenite::Error> {
    let mut ws = accept_async(tcp).await?; //~ stream_dropped_without_shutdown
    ws.send(Message::Text(format!("error: {reason}").into())).await?;
    Ok(())
}
