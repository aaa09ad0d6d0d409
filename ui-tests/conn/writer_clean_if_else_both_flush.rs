// unflushed_async_writer (quiet): both branches finish the writer, one with `flush`, the
// other with `shutdown`.
use tokio::io::{AsyncWriteExt, BufWriter};
use tokio::net::TcpStream;

pub async fn reply(sock: TcpStream, body: &[u8], keep_alive: bool) -> std::io::Result<()> {
    let mut w = BufWriter::new(sock);
    w.write_all(b"HTTP/1.1 200 OK\r\n\r\n").await?;
    w.write_all(body).await?;
    if keep_alive {
        w.flush().await?;
    } else {
        w.shutdown().await?;
    }
    Ok(())
}
