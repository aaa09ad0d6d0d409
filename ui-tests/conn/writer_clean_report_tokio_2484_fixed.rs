// unflushed_async_writer (quiet): tokio-rs/tokio#2484 as the docs were fixed (tokio#2487):
// the buffer is flushed before the writer goes out of scope.
use tokio::fs::File;
use tokio::io::{AsyncWriteExt, BufWriter};

pub async fn write_marker() -> std::io::Result<()> {
    let f = File::create("foo.txt").await?;
    {
        let mut writer = BufWriter::new(f);
        writer.write(&[42u8]).await?;
        writer.flush().await?;
    }
    Ok(())
}
