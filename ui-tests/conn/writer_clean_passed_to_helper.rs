// unflushed_async_writer (quiet): after the header, the writer is handed by `&mut` to
// `encode_rows`, a function outside this file; it escapes and may be flushed there.
use tokio::fs::File;
use tokio::io::{AsyncWriteExt, BufWriter};

use crate::codec::encode_rows;

pub async fn export(path: &str, rows: Vec<Vec<String>>) -> std::io::Result<()> {
    let mut w = BufWriter::new(File::create(path).await?);
    w.write_all(b"PARQ").await?;
    encode_rows(&mut w, rows).await?;
    Ok(())
}
