// stream_dropped_without_shutdown (quiet): helpers that open a TLS stream or a websocket,
// write a greeting and return it; the caller owns the shutdown.
use rustls::pki_types::ServerName;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;
use tokio_rustls::TlsConnector;
use tokio_tungstenite::{connect_async, MaybeTlsStream, WebSocketStream};
use futures::SinkExt;
use tokio_tungstenite::tungstenite::Message;

pub async fn open_tls(connector: &TlsConnector, host: &'static str) -> std::io::Result<TlsStream<TcpStream>> {
    let tcp = TcpStream::connect((host, 6697)).await?;
    let name = ServerName::try_from(host).map_err(std::io::Error::other)?;
    let mut tls = connector.connect(name, tcp).await?;
    tls.write_all(b"NICK stray\r\n").await?;
    Ok(tls)
}

pub async fn open_ws(url: &str) -> Result<WebSocketStream<MaybeTlsStream<TcpStream>>, tokio_tungstenite::tungstenite::Error> {
    let (mut ws, _) = connect_async(url).await?;
    ws.send(Message::Text("hello".into())).await?;
    Ok(ws)
}
