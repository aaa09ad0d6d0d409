// stream_dropped_without_shutdown (quiet): tokio-native-tls server; the shutdown's result
// is ignored with `let _ =`, but close_notify is still attempted on every path.
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;
use tokio_native_tls::TlsAcceptor;

pub async fn banner(acceptor: &TlsAcceptor, tcp: TcpStream, text: &str) -> Result<(), tokio_native_tls::native_tls::Error> {
    let mut tls = acceptor.accept(tcp).await?;
    if tls.write_all(text.as_bytes()).await.is_ok() {
        let _ = tls.flush().await;
    }
    let _ = tls.shutdown().await;
    Ok(())
}
