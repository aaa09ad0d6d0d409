// unflushed_async_writer, with an unsafe fix: the function returns its own error type,
// and nothing here proves to cargo-stray that `?` turns an `io::Error` into it, so the
// inserted `flush().await?` is offered only under --unsafe-fixes.
use tokio::fs::File;
use tokio::io::{AsyncWriteExt, BufWriter};

pub enum SaveError {
    Io(std::io::Error),
}

impl From<std::io::Error> for SaveError {
    fn from(e: std::io::Error) -> Self {
        SaveError::Io(e)
    }
}

pub async fn save(path: &str, body: &[u8]) -> Result<(), SaveError> {
    let file = File::create(path).await?;
    let mut out = BufWriter::new(file); //~ unflushed_async_writer
    out.write_all(body).await?;
    Ok(())
}

// No fix: the name `out` no longer holds the writer where it is dropped.
pub async fn save_moved(path: &str, body: &[u8]) -> std::io::Result<()> {
    let file = File::create(path).await?;
    let out = BufWriter::new(file); //~ unflushed_async_writer
    let mut writer = out;
    writer.write_all(body).await?;
    Ok(())
}
