// unflushed_async_writer: async-std's BufWriter does not flush on drop either (its docs
// were corrected in async-rs/async-std#588 and #869).
use async_std::fs::File;
use async_std::io::BufWriter;
use async_std::prelude::*;

pub async fn write_lines(path: &str, lines: &[String]) -> std::io::Result<()> {
    let file = File::create(path).await?;
    let mut w = BufWriter::new(file); //~ unflushed_async_writer
    for line in lines {
        w.write_all(line.as_bytes()).await?;
        w.write_all(b"\n").await?;
    }
    Ok(())
}
