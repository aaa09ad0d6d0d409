// A client opens its websocket with `client_async_tls_with_config` over a stream it
// connected itself, sends a greeting and returns without closing: the server sees an
// abnormal closure (1006). `greet_and_close` closes it.
use futures_util::SinkExt;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::{Error, Message};

pub async fn greet(url: &str, tcp: TcpStream) -> Result<(), Error> {
    let (mut ws, _response) =
        tokio_tungstenite::client_async_tls_with_config(url, tcp, None, None).await?; //~ stream_dropped_without_shutdown
    ws.send(Message::text("hello")).await?;
    Ok(())
}

pub async fn greet_and_close(url: &str, tcp: TcpStream) -> Result<(), Error> {
    let (mut ws, _response) = tokio_tungstenite::client_async_tls(url, tcp).await?;
    ws.send(Message::text("hello")).await?;
    ws.close(None).await?;
    Ok(())
}
