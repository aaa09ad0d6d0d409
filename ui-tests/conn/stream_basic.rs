// TLS and websocket streams written to and dropped without their closing handshake.
use futures_util::SinkExt;
use tokio::io::AsyncWriteExt;
use tokio_rustls::TlsConnector;
use tokio_tungstenite::tungstenite::Message;

async fn tls_not_shut_down(connector: &TlsConnector, tcp: tokio::net::TcpStream, body: &[u8]) -> std::io::Result<()> {
    let domain = "example.com".try_into().unwrap();
    let mut tls = connector.connect(domain, tcp).await?; //~ stream_dropped_without_shutdown
    tls.write_all(body).await?;
    Ok(())
}

async fn tls_shut_down(connector: &TlsConnector, tcp: tokio::net::TcpStream, body: &[u8]) -> std::io::Result<()> {
    let domain = "example.com".try_into().unwrap();
    let mut tls = connector.connect(domain, tcp).await?;
    tls.write_all(body).await?;
    tls.shutdown().await?;
    Ok(())
}

async fn websocket_not_closed(url: &str) -> Result<(), Box<dyn std::error::Error>> {
    let (mut ws, _response) = tokio_tungstenite::connect_async(url).await?; //~ stream_dropped_without_shutdown
    ws.send(Message::text("hello")).await?;
    Ok(())
}

async fn websocket_closed(url: &str) -> Result<(), Box<dyn std::error::Error>> {
    let (mut ws, _response) = tokio_tungstenite::connect_async(url).await?;
    ws.send(Message::text("hello")).await?;
    ws.close(None).await?;
    Ok(())
}

async fn split_and_sink_closed(url: &str) -> Result<(), Box<dyn std::error::Error>> {
    use futures_util::StreamExt;
    let (ws, _) = tokio_tungstenite::connect_async(url).await?;
    let (mut sink, _stream) = ws.split();
    sink.send(Message::text("bye")).await?;
    sink.close().await?;
    Ok(())
}

async fn read_only(url: &str) -> Result<(), Box<dyn std::error::Error>> {
    use futures_util::StreamExt;
    let (mut ws, _) = tokio_tungstenite::connect_async(url).await?;
    while let Some(msg) = ws.next().await {
        println!("{:?}", msg?);
    }
    Ok(())
}

// Reading until the peer ends or closes the stream completes the closing handshake.
async fn echo_until_peer_closes(tcp: tokio::net::TcpStream) -> Result<(), Box<dyn std::error::Error>> {
    use futures_util::StreamExt;
    let ws = tokio_tungstenite::accept_async(tcp).await.expect("handshake");
    let (mut sink, mut source) = ws.split();
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));
    loop {
        tokio::select! {
            msg = source.next() => match msg {
                Some(msg) => {
                    let msg = msg?;
                    if msg.is_text() {
                        sink.send(msg).await?;
                    } else if msg.is_close() {
                        break;
                    }
                }
                None => break,
            },
            _ = tick.tick() => sink.send(Message::text("tick")).await?,
        }
    }
    Ok(())
}

// Reading once and returning leaves the stream open.
async fn read_one_and_leave(tcp: tokio::net::TcpStream) -> Result<(), Box<dyn std::error::Error>> {
    use futures_util::StreamExt;
    let mut ws = tokio_tungstenite::accept_async(tcp).await.expect("handshake"); //~ stream_dropped_without_shutdown
    ws.send(Message::text("hello")).await?;
    let _first = ws.next().await;
    Ok(())
}
