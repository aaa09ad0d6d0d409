// unflushed_async_writer: the shape of s2-streamstore/s2-cli#22 ("fix: flush BufWriter"),
// with the writer built in place instead of behind a `Box<dyn AsyncWrite>`. Records are
// written into a tokio BufWriter over stdout inside a `select!` loop; the loop ends on the
// end of the stream or on Ctrl-C and nothing flushes, so stdout never gets the records.
// The `map_err(..)?` exits are failed writes themselves and are not what is reported.
use futures::StreamExt;
use tokio::io::{AsyncWriteExt, BufWriter};
use tokio::{select, signal};

pub async fn read_records(
    mut records: impl futures::Stream<Item = Result<Vec<u8>, String>> + Unpin,
) -> Result<(), String> {
    let mut writer = BufWriter::new(tokio::io::stdout()); //~ unflushed_async_writer
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
    }
    Ok(())
}
