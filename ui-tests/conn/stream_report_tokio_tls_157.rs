// stream_dropped_without_shutdown: the shape of tokio-rs/tls#157 ("peer closed connection
// without sending TLS close_notify"). A tokio-rustls client writes a request, reads the
// reply and drops the stream; close_notify is only sent by `poll_shutdown`, so the server
// sees an unexpected EOF.
use std::sync::Arc;
use rustls::pki_types::ServerName;
use rustls::{ClientConfig, RootCertStore};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;

pub async fn fetch(host: &'static str, roots: RootCertStore) -> std::io::Result<Vec<u8>> {
    let config = ClientConfig::builder().with_root_certificates(roots).with_no_client_auth();
    let connector = TlsConnector::from(Arc::new(config));
    let tcp = TcpStream::connect((host, 443)).await?;
    let domain = ServerName::try_from(host).map_err(std::io::Error::other)?;
    let mut tls = connector.connect(domain, tcp).await?; //~ stream_dropped_without_shutdown
    tls.write_all(format!("GET / HTTP/1.0\r\nHost: {host}\r\n\r\n").as_bytes()).await?;
    let mut reply = Vec::new();
    tls.read_to_end(&mut reply).await?;
    Ok(reply)
}
