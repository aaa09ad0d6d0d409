// unflushed_async_writer: the write half of `TcpStream::into_split` is buffered; the
// response is written into the buffer and the handler returns without flushing, so the
// client gets nothing.
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, BufWriter};
use tokio::net::TcpStream;

pub async fn handle(stream: TcpStream) -> std::io::Result<()> {
    let (rd, wr) = stream.into_split();
    let mut lines = BufReader::new(rd).lines();
    let mut out = BufWriter::new(wr); //~ unflushed_async_writer
    if let Some(line) = lines.next_line().await? {
        out.write_all(b"echo: ").await?;
        out.write_all(line.as_bytes()).await?;
        out.write_all(b"\r\n").await?;
    }
    Ok(())
}
