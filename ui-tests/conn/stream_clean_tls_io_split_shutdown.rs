// stream_dropped_without_shutdown (quiet): `tokio::io::split` of a TLS stream; the write
// half is shut down after the loop, which sends close_notify. The loop ends on "/quit",
// on end of input or on a read error, and every one of those reaches the shutdown.
use tokio::io::{self, AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio_rustls::TlsAcceptor;

pub async fn chat(acceptor: &TlsAcceptor, tcp: TcpStream) -> std::io::Result<()> {
    let tls = acceptor.accept(tcp).await?;
    let (rd, mut wr) = io::split(tls);
    let mut lines = BufReader::new(rd).lines();
    while let Ok(Some(line)) = lines.next_line().await {
        if line == "/quit" {
            break;
        }
        wr.write_all(format!("> {line}\n").as_bytes()).await?;
    }
    wr.shutdown().await?;
    Ok(())
}
