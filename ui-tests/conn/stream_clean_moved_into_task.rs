// stream_dropped_without_shutdown (quiet): the websocket is moved into a task spawned via
// `run_session`, a function in another module; it escapes.
use futures::SinkExt;
use tokio::net::TcpListener;
use tokio_tungstenite::accept_async;
use tokio_tungstenite::tungstenite::Message;

use crate::session::run_session;

pub async fn serve(listener: TcpListener) -> Result<(), Box<dyn std::error::Error>> {
    loop {
        let (tcp, peer) = listener.accept().await?;
        let mut ws = accept_async(tcp).await?;
        ws.send(Message::Text(format!("hello {peer}").into())).await?;
        tokio::spawn(run_session(ws, peer));
    }
}
