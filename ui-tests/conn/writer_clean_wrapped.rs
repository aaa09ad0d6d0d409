// unflushed_async_writer (quiet): the BufWriter is wrapped in a gzip encoder the moment it
// is made; it is the encoder's inner writer now, and shutting the encoder down flushes it.
use async_compression::tokio::write::GzipEncoder;
use tokio::fs::File;
use tokio::io::{AsyncWriteExt, BufWriter};

pub async fn compress_to(path: &str, data: &[u8]) -> std::io::Result<()> {
    let file = File::create(path).await?;
    let mut enc = GzipEncoder::new(BufWriter::new(file));
    enc.write_all(data).await?;
    enc.shutdown().await?;
    Ok(())
}
