// unflushed_async_writer (quiet): the buffered write half of `into_split` is finished with
// `shutdown().await`, which flushes the buffer before shutting the socket's write side.
use tokio::io::{AsyncWriteExt, BufWriter};
use tokio::net::TcpStream;

pub async fn upload(stream: TcpStream, chunks: Vec<Vec<u8>>) -> std::io::Result<()> {
    let (_rd, wr) = stream.into_split();
    let mut out = BufWriter::new(wr);
    for chunk in &chunks {
        out.write_all(chunk).await?;
    }
    out.shutdown().await?;
    Ok(())
}
