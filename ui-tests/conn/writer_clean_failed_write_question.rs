// unflushed_async_writer (quiet): every `?` between creation and the flush is on a write
// (or the flush) itself; if one fails the stream is broken and the buffered data could not
// have been delivered anyway.
use tokio::io::{AsyncWriteExt, BufWriter};
use tokio::net::TcpStream;

pub async fn send_batch(sock: &mut TcpStream, batch: &[(u16, Vec<u8>)]) -> std::io::Result<()> {
    let mut w = BufWriter::new(sock);
    w.write_u32(batch.len() as u32).await?;
    for (kind, payload) in batch {
        w.write_u16(*kind).await?;
        w.write_u32(payload.len() as u32).await?;
        w.write_all(payload).await?;
    }
    w.flush().await?;
    Ok(())
}
