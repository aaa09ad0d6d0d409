// unflushed_async_writer: tokio's BufWriter imported under another name; the report is
// written and the writer dropped without a flush.
use tokio::fs::File;
use tokio::io::AsyncWriteExt;
use tokio::io::BufWriter as AsyncBufWriter;

pub async fn save_report(path: &str, lines: Vec<String>) -> std::io::Result<()> {
    let mut report = AsyncBufWriter::new(File::create(path).await?); //~ unflushed_async_writer
    for line in &lines {
        report.write_all(line.as_bytes()).await?;
        report.write_u8(b'\n').await?;
    }
    Ok(())
}
