// unflushed_async_writer: the CSV header is buffered, then the function returns early
// when there are no rows; the header never reaches the file.
use tokio::fs::File;
use tokio::io::{AsyncWriteExt, BufWriter};

pub struct Row {
    pub id: u64,
    pub name: String,
}

pub async fn export_csv(path: &str, rows: &[Row]) -> std::io::Result<usize> {
    let file = File::create(path).await?;
    let mut out = BufWriter::new(file); //~ unflushed_async_writer
    out.write_all(b"id,name\n").await?;
    if rows.is_empty() {
        return Ok(0);
    }
    for row in rows {
        out.write_all(format!("{},{}\n", row.id, row.name).as_bytes()).await?;
    }
    out.flush().await?;
    Ok(rows.len())
}
