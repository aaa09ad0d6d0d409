// unflushed_async_writer (quiet): the writer is created but nothing is written before the
// early return; an empty buffer loses nothing.
use tokio::fs::File;
use tokio::io::{AsyncWriteExt, BufWriter};

pub async fn write_notes(path: &str, notes: &[String]) -> std::io::Result<()> {
    let mut w = BufWriter::new(File::create(path).await?);
    if notes.is_empty() {
        return Ok(());
    }
    for n in notes {
        w.write_all(n.as_bytes()).await?;
    }
    w.flush().await?;
    Ok(())
}
