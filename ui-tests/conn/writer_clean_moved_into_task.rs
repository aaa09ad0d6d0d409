// unflushed_async_writer (quiet): the writer is created here, before anything is written,
// and moved into a spawned task; the task writes every line it receives and flushes once
// the channel closes.
use tokio::fs::File;
use tokio::io::{AsyncWriteExt, BufWriter};
use tokio::sync::mpsc;

pub async fn start_logger(path: &str) -> std::io::Result<mpsc::Sender<String>> {
    let (tx, mut rx) = mpsc::channel::<String>(256);
    let mut w = BufWriter::new(File::create(path).await?);
    tokio::spawn(async move {
        while let Some(line) = rx.recv().await {
            w.write_all(line.as_bytes()).await?;
            w.write_all(b"\n").await?;
        }
        w.flush().await?;
        Ok::<(), std::io::Error>(())
    });
    Ok(tx)
}
