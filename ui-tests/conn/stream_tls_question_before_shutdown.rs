// stream_dropped_without_shutdown: the response is written, then the `?` on `record_audit`
// (unrelated to the stream) returns before `shutdown()`; on that path the client sees a
// truncated TLS stream.
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;
use tokio_rustls::TlsAcceptor;

pub async fn respond(acceptor: &TlsAcceptor, tcp: TcpStream, body: &[u8]) -> std::io::Result<()> {
    let mut tls = acceptor.accept(tcp).await?; //~ stream_dropped_without_shutdown
    tls.write_all(body).await?;
    record_audit(body.len())?;
    tls.shutdown().await?;
    Ok(())
}

fn record_audit(n: usize) -> std::io::Result<()> {
    std::fs::write("/var/log/audit-last", n.to_string())
}
