// unflushed_async_writer: the shape of tokio-rs/tokio#2484. The old tokio docs said "the
// buffer is flushed once writer goes out of scope"; tokio's BufWriter discards its buffer
// on drop, so the byte written here never reaches foo.txt. Lost at the end of the block.
use tokio::fs::File;
use tokio::io::{AsyncWriteExt, BufWriter};

pub async fn write_marker() -> std::io::Result<()> {
    let f = File::create("foo.txt").await?;
    {
        let mut writer = BufWriter::new(f); //~ unflushed_async_writer
        // write a byte to the buffer
        writer.write(&[42u8]).await?;
    }
    Ok(())
}
