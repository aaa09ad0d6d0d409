// unflushed_async_writer: the BufWriter is named by its full path, with no `use` for it.
use tokio::io::AsyncWriteExt;

pub async fn write_pid(path: &str) -> std::io::Result<()> {
    let file = tokio::fs::File::create(path).await?;
    let mut w = tokio::io::BufWriter::new(file); //~ unflushed_async_writer
    w.write_all(std::process::id().to_string().as_bytes()).await?;
    w.write_all(b"\n").await?;
    Ok(())
}
