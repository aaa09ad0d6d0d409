// stream_dropped_without_shutdown: tokio-native-tls, whose stream also sends close_notify
// only from `poll_shutdown`. The SMTP-style client writes QUIT and drops the stream.
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

pub async fn quit(host: &str) -> Result<String, Box<dyn std::error::Error>> {
    let native = native_tls::TlsConnector::builder().build()?;
    let cx = tokio_native_tls::TlsConnector::from(native);
    let tcp = TcpStream::connect((host, 465)).await?;
    let mut tls = cx.connect(host, tcp).await?; //~ stream_dropped_without_shutdown
    tls.write_all(b"QUIT\r\n").await?;
    let mut buf = [0u8; 512];
    let n = tls.read(&mut buf).await?;
    Ok(String::from_utf8_lossy(&buf[..n]).into_owned())
}
