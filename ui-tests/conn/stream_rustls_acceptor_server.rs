// stream_dropped_without_shutdown: a tokio-rustls server writes its response and lets the
// stream drop at the end of the task; the client gets no close_notify and cannot tell the
// response was complete.
use std::sync::Arc;
use rustls::ServerConfig;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;

pub async fn serve(listener: TcpListener, config: ServerConfig) -> std::io::Result<()> {
    let acceptor = TlsAcceptor::from(Arc::new(config));
    loop {
        let (tcp, _peer) = listener.accept().await?;
        let mut tls = acceptor.accept(tcp).await?; //~ stream_dropped_without_shutdown
        tls.write_all(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nhello\n").await?;
    }
}
