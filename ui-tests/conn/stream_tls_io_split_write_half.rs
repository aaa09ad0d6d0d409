// stream_dropped_without_shutdown: `tokio::io::split` of a TLS stream; the write half is
// written and dropped without `shutdown()`, so close_notify is never sent.
use tokio::io::{self, AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio_rustls::TlsAcceptor;

pub async fn chat(acceptor: &TlsAcceptor, tcp: TcpStream) -> std::io::Result<()> {
    let tls = acceptor.accept(tcp).await?; //~ stream_dropped_without_shutdown
    let (rd, mut wr) = io::split(tls);
    let mut lines = BufReader::new(rd).lines();
    while let Ok(Some(line)) = lines.next_line().await {
        if line == "/quit" {
            break;
        }
        wr.write_all(format!("> {line}\n").as_bytes()).await?;
    }
    Ok(())
}
