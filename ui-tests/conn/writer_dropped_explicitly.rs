// unflushed_async_writer: the writer is dropped with `drop(w)` before the file is renamed
// into place, so the rename publishes a file missing its buffered tail.
use tokio::fs::{self, File};
use tokio::io::{AsyncWriteExt, BufWriter};

pub async fn atomic_write(path: &str, data: &[u8]) -> std::io::Result<()> {
    let tmp = format!("{path}.tmp");
    let mut w = BufWriter::new(File::create(&tmp).await?); //~ unflushed_async_writer
    w.write_all(data).await?;
    drop(w);
    fs::rename(&tmp, path).await?;
    Ok(())
}
