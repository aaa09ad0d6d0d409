// unflushed_async_writer: the flush only happens when `sync` is set; on the other path the
// buffered log lines are dropped.
use tokio::fs::OpenOptions;
use tokio::io::{AsyncWriteExt, BufWriter};

pub async fn append_log(path: &str, lines: &[&str], sync: bool) -> std::io::Result<()> {
    let file = OpenOptions::new().append(true).create(true).open(path).await?;
    let mut w = BufWriter::new(file); //~ unflushed_async_writer
    for line in lines {
        w.write_all(line.as_bytes()).await?;
        w.write_all(b"\n").await?;
    }
    if sync {
        w.flush().await?;
    }
    Ok(())
}
