// unflushed_async_writer (unsure): `into_inner()` hands back the file but, per tokio's
// docs, "any leftover data in the internal buffer is lost"; nothing was flushed before
// it.
use tokio::fs::File;
use tokio::io::{AsyncWriteExt, BufWriter};

pub async fn write_and_sync(path: &str, data: &[u8]) -> std::io::Result<()> {
    let mut w = BufWriter::new(File::create(path).await?); //~ unflushed_async_writer
    w.write_all(data).await?;
    let file = w.into_inner();
    file.sync_all().await?;
    Ok(())
}
