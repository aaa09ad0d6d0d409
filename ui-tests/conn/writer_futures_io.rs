// unflushed_async_writer: futures' BufWriter (futures::io) also discards its buffer on
// drop; the frames are written and neither `flush` nor `close` is awaited.
use futures::io::{AsyncWrite, AsyncWriteExt, BufWriter};

pub async fn send_frames<W: AsyncWrite + Unpin>(sock: W, frames: &[&[u8]]) -> std::io::Result<()> {
    let mut w = BufWriter::new(sock); //~ unflushed_async_writer
    for frame in frames {
        w.write_all(&(frame.len() as u32).to_be_bytes()).await?;
        w.write_all(frame).await?;
    }
    Ok(())
}
