// unflushed_async_writer (quiet): s2-streamstore/s2-cli#22 after the fix. The writer is
// flushed at the end of every loop iteration that wrote; the `break` and `return` arms run
// in iterations that wrote nothing since the last flush, so no path drops buffered data.
use futures::StreamExt;
use tokio::io::{AsyncWriteExt, BufWriter};
use tokio::{select, signal};

pub async fn read_records(
    mut records: impl futures::Stream<Item = Result<Vec<u8>, String>> + Unpin,
) -> Result<(), String> {
    let mut writer = BufWriter::new(tokio::io::stdout());
    loop {
        select! {
            next = records.next() => {
                match next {
                    Some(Ok(body)) => {
                        writer.write_all(&body).await.map_err(|e| e.to_string())?;
                        writer.write_all(b"\n").await.map_err(|e| e.to_string())?;
                    }
                    Some(Err(e)) => return Err(e),
                    None => break,
                }
            }
            _ = signal::ctrl_c() => {
                eprintln!("aborted");
                break;
            }
        }
        writer.flush().await.expect("writer flush");
    }
    Ok(())
}
