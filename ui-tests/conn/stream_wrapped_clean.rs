// TLS streams behind wrappers that are closed through the wrapper: `Framed::close()`
// shuts the stream down after flushing, as does `BufWriter::shutdown()`; a wrapper handed
// to another function is that function's; and a `BufWriter` over a plain socket is
// followed as a writer of its own, flushed here.
use futures::SinkExt;
use tokio::io::{AsyncWriteExt, BufWriter};
use tokio::net::TcpStream;
use tokio_rustls::TlsAcceptor;
use tokio_util::codec::{Framed, LinesCodec};

pub async fn greet(acceptor: TlsAcceptor, tcp: TcpStream) -> anyhow::Result<()> {
    let tls = acceptor.accept(tcp).await?;
    let mut lines = Framed::new(tls, LinesCodec::new());
    lines.send("220 ready").await?;
    lines.close().await?;
    Ok(())
}

pub async fn respond(acceptor: TlsAcceptor, tcp: TcpStream, body: &[u8]) -> std::io::Result<()> {
    let tls = acceptor.accept(tcp).await?;
    let mut out = BufWriter::new(tls);
    out.write_all(body).await?;
    out.shutdown().await?;
    Ok(())
}

pub async fn serve(acceptor: TlsAcceptor, tcp: TcpStream) -> anyhow::Result<()> {
    let tls = acceptor.accept(tcp).await?;
    let lines = Framed::new(tls, LinesCodec::new());
    run_session(lines).await
}

async fn run_session<T>(_lines: T) -> anyhow::Result<()> {
    unimplemented!()
}

pub async fn plain(tcp: TcpStream, body: &[u8]) -> std::io::Result<()> {
    let mut out = BufWriter::new(tcp);
    out.write_all(body).await?;
    out.flush().await?;
    Ok(())
}
