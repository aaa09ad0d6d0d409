// stream_dropped_without_shutdown (quiet): the TLS stream is only read from (a feed that
// the server pushes and ends); nothing was written, so dropping it truncates nothing the
// peer is waiting for.
use std::sync::Arc;
use rustls::pki_types::ServerName;
use rustls::ClientConfig;
use tokio::io::AsyncReadExt;
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;

pub async fn read_feed(config: Arc<ClientConfig>, host: &'static str) -> std::io::Result<String> {
    let connector = TlsConnector::from(config);
    let tcp = TcpStream::connect((host, 7443)).await?;
    let domain = ServerName::try_from(host).map_err(std::io::Error::other)?;
    let mut tls = connector.connect(domain, tcp).await?;
    let mut feed = String::new();
    tls.read_to_string(&mut feed).await?;
    Ok(feed)
}
