// stream_dropped_without_shutdown (quiet): the websocket is stored in a struct field; the
// struct's `disconnect()` closes it, and storing it is an escape anyway.
use futures::SinkExt;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::{Error, Message};
use tokio_tungstenite::{connect_async, MaybeTlsStream, WebSocketStream};

pub struct Feed {
    ws: WebSocketStream<MaybeTlsStream<TcpStream>>,
}

impl Feed {
    pub async fn connect(url: &str, topic: &str) -> Result<Self, Error> {
        let (mut ws, _) = connect_async(url).await?;
        ws.send(Message::Text(format!("sub {topic}").into())).await?;
        Ok(Feed { ws })
    }

    pub async fn disconnect(mut self) -> Result<(), Error> {
        self.ws.close(None).await
    }
}
