use tokio::fs::File;
use tokio::io::AsyncWriteExt;

use crate::sink::{buffered, finish};

/// Best effort: errors are ignored, and so is the buffer's tail.
pub async fn export_rows(path: &str, rows: &[String]) {
    let Ok(file) = File::create(path).await else {
        return;
    };
    let mut out = buffered(file); //~ unflushed_async_writer
    for row in rows {
        if out.write_all(row.as_bytes()).await.is_err() {
            return;
        }
    }
}

pub async fn export_rows_flushed(path: &str, rows: &[String]) -> std::io::Result<()> {
    let file = File::create(path).await?;
    let mut out = crate::sink::buffered(file);
    for row in rows {
        out.write_all(row.as_bytes()).await?;
    }
    finish(&mut out).await?;
    Ok(())
}
