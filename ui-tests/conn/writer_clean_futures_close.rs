// unflushed_async_writer (quiet): futures' BufWriter finished with `close().await`, which
// flushes the buffer and closes the inner writer.
use futures::io::{AsyncWrite, AsyncWriteExt, BufWriter};

pub async fn send_frames<W: AsyncWrite + Unpin>(sock: W, frames: &[&[u8]]) -> std::io::Result<()> {
    let mut w = BufWriter::new(sock);
    for frame in frames {
        w.write_all(&(frame.len() as u32).to_be_bytes()).await?;
        w.write_all(frame).await?;
    }
    w.close().await?;
    Ok(())
}
