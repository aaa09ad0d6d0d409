//! A market-data client: a websocket over TLS that reconnects with backoff, a buffered
//! audit log over a second TLS connection, and a Postgres sink for what it receives.

use std::sync::Arc;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use rustls::pki_types::ServerName;
use tokio::io::{AsyncWriteExt, BufWriter};
use tokio::net::TcpStream;
use tokio::sync::watch;
use tokio_rustls::{TlsConnector, client::TlsStream};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{connect_async, MaybeTlsStream, WebSocketStream};
use tokio_util::sync::CancellationToken;

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

#[derive(Debug, Clone)]
pub struct Endpoint {
    pub url: String,
    pub audit_host: String,
    pub audit_port: u16,
    pub symbols: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("websocket: {0}")]
    Ws(#[from] tokio_tungstenite::tungstenite::Error),
    #[error("i/o: {0}")]
    Io(#[from] std::io::Error),
    #[error("database: {0}")]
    Db(#[from] tokio_postgres::Error),
    #[error("server closed the stream: {0:?}")]
    Closed(Option<String>),
}

async fn audit_stream(
    connector: &TlsConnector,
    host: &str,
    port: u16,
) -> Result<BufWriter<TlsStream<TcpStream>>, ClientError> {
    let tcp = TcpStream::connect((host, port)).await?;
    tcp.set_nodelay(true)?;
    let name = ServerName::try_from(host.to_string())
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?;
    let tls = connector.connect(name, tcp).await?;
    Ok(BufWriter::with_capacity(64 * 1024, tls))
}

async fn subscribe(ws: &mut Socket, symbols: &[String]) -> Result<(), ClientError> {
    for chunk in symbols.chunks(50) {
        let body = serde_json::json!({ "op": "subscribe", "args": chunk }).to_string();
        ws.send(Message::Text(body.into())).await?;
    }
    ws.flush().await?;
    Ok(())
}

pub async fn run(
    endpoint: Endpoint,
    connector: TlsConnector,
    db_url: &str,
    stop: CancellationToken,
) -> Result<u64, ClientError> {
    let (client, connection) = tokio_postgres::connect(db_url, tokio_postgres::NoTls).await?;
    let db_task = tokio::spawn(async move {
        if let Err(e) = connection.await {
            log::error!("postgres connection: {e}");
        }
    });
    let insert = client
        .prepare("INSERT INTO ticks (symbol, price, at) VALUES ($1, $2, now())")
        .await?;

    let mut audit = audit_stream(&connector, &endpoint.audit_host, endpoint.audit_port).await?;
    let (health_tx, _health_rx) = watch::channel(false);
    let mut received = 0u64;
    let mut attempt = 0u32;

    'reconnect: while !stop.is_cancelled() {
        let (mut ws, _response) = match connect_async(endpoint.url.as_str()).await {
            Ok(pair) => pair,
            Err(e) => {
                attempt += 1;
                let wait = Duration::from_millis(250 * u64::from(attempt.min(20)));
                log::warn!("connect failed ({e}); retrying in {wait:?}");
                tokio::select! {
                    _ = stop.cancelled() => break 'reconnect,
                    _ = tokio::time::sleep(wait) => continue 'reconnect,
                }
            }
        };
        attempt = 0;
        subscribe(&mut ws, &endpoint.symbols).await?;
        let _ = health_tx.send(true);

        loop {
            let frame = tokio::select! {
                _ = stop.cancelled() => {
                    ws.close(None).await?;
                    break 'reconnect;
                }
                frame = ws.next() => frame,
            };
            let message = match frame {
                Some(Ok(message)) => message,
                Some(Err(e)) => {
                    log::warn!("read failed: {e}");
                    let _ = health_tx.send(false);
                    continue 'reconnect;
                }
                None => {
                    let _ = health_tx.send(false);
                    continue 'reconnect;
                }
            };
            match message {
                Message::Text(text) => {
                    received += 1;
                    audit.write_all(text.as_bytes()).await?;
                    audit.write_all(b"\n").await?;
                    if let Some((symbol, price)) = parse_tick(&text) {
                        client.execute(&insert, &[&symbol, &price]).await?;
                    }
                }
                Message::Ping(payload) => ws.send(Message::Pong(payload)).await?,
                Message::Close(frame) => {
                    let reason = frame.map(|f| f.reason.to_string());
                    audit.flush().await?;
                    return Err(ClientError::Closed(reason));
                }
                Message::Binary(_) | Message::Pong(_) | Message::Frame(_) => {}
            }
            if received % 1000 == 0 {
                audit.flush().await?;
            }
        }
    }

    audit.flush().await?;
    audit.shutdown().await?;
    drop(client);
    let _ = db_task.await;
    Ok(received)
}

fn parse_tick(text: &str) -> Option<(String, f64)> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    let symbol = value.get("s")?.as_str()?.to_owned();
    let price = value.get("p")?.as_str()?.parse().ok()?;
    Some((symbol, price))
}

pub async fn probe(url: &str) -> Result<Duration, ClientError> {
    let started = tokio::time::Instant::now();
    let (mut ws, _) = connect_async(url).await?;
    ws.send(Message::Ping(Vec::new().into())).await?;
    while let Some(frame) = ws.next().await {
        if let Message::Pong(_) = frame? {
            break;
        }
    }
    Ok(started.elapsed())
}

pub async fn send_report(connector: Arc<TlsConnector>, host: &str, lines: &[String]) -> std::io::Result<()> {
    let tcp = TcpStream::connect((host, 6514)).await?;
    let name = ServerName::try_from(host.to_owned()).map_err(std::io::Error::other)?;
    let mut tls = connector.connect(name, tcp).await?;
    for line in lines {
        tls.write_all(line.as_bytes()).await?;
        tls.write_all(b"\n").await?;
    }
    tls.flush().await
}
