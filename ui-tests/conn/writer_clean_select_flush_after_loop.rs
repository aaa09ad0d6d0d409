// unflushed_async_writer (quiet): lines are written in a `select!` loop that ends on the
// end of input, a read error or Ctrl-C; every exit from the loop reaches the flush after it.
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, BufWriter};
use tokio::{select, signal};

pub async fn tee_upper() -> std::io::Result<()> {
    let mut lines = BufReader::new(tokio::io::stdin()).lines();
    let mut out = BufWriter::new(tokio::io::stdout());
    loop {
        select! {
            line = lines.next_line() => {
                match line {
                    Ok(Some(l)) => {
                        out.write_all(l.to_uppercase().as_bytes()).await?;
                        out.write_all(b"\n").await?;
                    }
                    Ok(None) => break,
                    Err(e) => {
                        eprintln!("stdin: {e}");
                        break;
                    }
                }
            }
            _ = signal::ctrl_c() => break,
        }
    }
    out.flush().await?;
    Ok(())
}
