// unflushed_async_writer: every write's own `?` is fine (the file is broken there), but
// the `?` on `update_index`, unrelated work between the last write and the flush, returns
// with the whole segment still in the buffer.
use std::path::Path;
use tokio::fs::File;
use tokio::io::{AsyncWriteExt, BufWriter};

pub async fn append_segment(dir: &Path, entries: &[Vec<u8>]) -> std::io::Result<()> {
    let file = File::create(dir.join("segment.log")).await?;
    let mut w = BufWriter::new(file); //~ unflushed_async_writer
    for entry in entries {
        w.write_u32(entry.len() as u32).await?;
        w.write_all(entry).await?;
    }
    update_index(dir, entries.len()).await?;
    w.flush().await?;
    Ok(())
}

async fn update_index(dir: &Path, n: usize) -> std::io::Result<()> {
    tokio::fs::write(dir.join("index"), n.to_string()).await
}
