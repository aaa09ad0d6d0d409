// unflushed_async_writer (quiet): the writer is lent to `finish`, a function in this file
// that writes the trailer and flushes.
use tokio::fs::File;
use tokio::io::{AsyncWrite, AsyncWriteExt, BufWriter};

pub async fn write_archive(path: &str, files: &[(String, Vec<u8>)]) -> std::io::Result<()> {
    let mut w = BufWriter::new(File::create(path).await?);
    for (name, data) in files {
        w.write_all(name.as_bytes()).await?;
        w.write_all(data).await?;
    }
    finish(&mut w, files.len()).await
}

async fn finish<W: AsyncWrite + Unpin>(w: &mut W, count: usize) -> std::io::Result<()> {
    w.write_u64(count as u64).await?;
    w.flush().await
}
