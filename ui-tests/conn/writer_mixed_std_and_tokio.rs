// unflushed_async_writer: std's BufWriter (flushes on drop) and tokio's (renamed) in the
// same file. Only the tokio one is reported; the std one is quiet even though it is never
// flushed explicitly.
use std::io::{BufWriter, Write};
use tokio::io::{AsyncWriteExt, BufWriter as TokioBufWriter};

pub fn write_sync(path: &str, data: &[u8]) -> std::io::Result<()> {
    let mut w = BufWriter::new(std::fs::File::create(path)?);
    w.write_all(data)?;
    Ok(())
}

pub async fn write_async(path: &str, data: &[u8]) -> std::io::Result<()> {
    let mut w = TokioBufWriter::new(tokio::fs::File::create(path).await?); //~ unflushed_async_writer
    w.write_all(data).await?;
    Ok(())
}
