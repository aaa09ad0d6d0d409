// TLS streams handed to a wrapper that writes through them: a line protocol over
// `Framed` that sends its greeting and returns, a `FramedWrite` sink of a split, and a
// response written through a `BufWriter` that is flushed but never shut down. The
// wrapper's `close()`/`shutdown()` would shut the stream down; nothing calls it.
use futures::SinkExt;
use tokio::io::{AsyncWriteExt, BufWriter};
use tokio::net::TcpStream;
use tokio_rustls::TlsAcceptor;
use tokio_util::codec::{Framed, FramedWrite, LinesCodec};

pub async fn greet(acceptor: TlsAcceptor, tcp: TcpStream) -> anyhow::Result<()> {
    let tls = acceptor.accept(tcp).await?; //~ stream_dropped_without_shutdown
    let mut lines = Framed::new(tls, LinesCodec::new());
    lines.send("220 ready").await?;
    Ok(())
}

pub async fn push(acceptor: TlsAcceptor, tcp: TcpStream, events: Vec<String>) -> anyhow::Result<()> {
    let tls = acceptor.accept(tcp).await?; //~ stream_dropped_without_shutdown
    let mut sink = FramedWrite::new(tls, LinesCodec::new());
    for event in events {
        sink.send(event).await?;
    }
    Ok(())
}

pub async fn respond(acceptor: TlsAcceptor, tcp: TcpStream, body: &[u8]) -> std::io::Result<()> {
    let tls = acceptor.accept(tcp).await?; //~ stream_dropped_without_shutdown
    let mut out = BufWriter::new(tls);
    out.write_all(b"HTTP/1.1 200 OK\r\n\r\n").await?;
    out.write_all(body).await?;
    out.flush().await?;
    Ok(())
}
