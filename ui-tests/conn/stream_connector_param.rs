// stream_dropped_without_shutdown: the connector is a parameter typed `&TlsConnector`
// (tokio-rustls); the stream is written and dropped at the end of the function.
use rustls::pki_types::ServerName;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;

pub async fn push_metrics(connector: &TlsConnector, host: &'static str, body: &[u8]) -> std::io::Result<()> {
    let tcp = TcpStream::connect((host, 8443)).await?;
    let name = ServerName::try_from(host).map_err(std::io::Error::other)?;
    let mut stream = connector.connect(name, tcp).await?; //~ stream_dropped_without_shutdown
    stream.write_all(b"PUT /metrics HTTP/1.1\r\nConnection: close\r\n\r\n").await?;
    stream.write_all(body).await?;
    stream.flush().await?;
    Ok(())
}
