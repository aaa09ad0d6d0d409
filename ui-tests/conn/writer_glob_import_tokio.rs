// unflushed_async_writer: `BufWriter` comes from a glob import of `tokio::io`, and no other
// import names it, so it is tokio's.
use tokio::io::*;
use tokio::net::UnixStream;

pub async fn send_command(sock: UnixStream, cmd: &str) -> Result<()> {
    let mut w = BufWriter::new(sock); //~ unflushed_async_writer
    w.write_all(cmd.as_bytes()).await?;
    w.write_all(b"\n").await?;
    Ok(())
}
