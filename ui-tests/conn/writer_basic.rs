// Async `BufWriter`s written to and then dropped without a flush.
use tokio::io::{AsyncWriteExt, BufWriter};

async fn never_flushed(path: &str, rows: &[String]) -> std::io::Result<()> {
    let file = tokio::fs::File::create(path).await?;
    let mut out = BufWriter::new(file); //~ unflushed_async_writer
    for row in rows {
        out.write_all(row.as_bytes()).await?;
    }
    Ok(())
}

async fn question_mark_before_flush(path: &str, body: &[u8]) -> std::io::Result<()> {
    let file = tokio::fs::File::create(path).await?;
    let mut out = BufWriter::with_capacity(64 * 1024, file); //~ unflushed_async_writer
    out.write_all(body).await?;
    let checksum = tokio::fs::read(format!("{path}.sum")).await?;
    out.write_all(&checksum).await?;
    out.flush().await?;
    Ok(())
}

async fn flushed(path: &str, body: &[u8]) -> std::io::Result<()> {
    let file = tokio::fs::File::create(path).await?;
    let mut out = BufWriter::new(file);
    out.write_all(body).await?;
    out.flush().await?;
    Ok(())
}

async fn shut_down(stream: tokio::net::TcpStream, body: &[u8]) -> std::io::Result<()> {
    let mut out = BufWriter::new(stream);
    out.write_all(body).await?;
    out.shutdown().await?;
    Ok(())
}

async fn never_written(path: &str) -> std::io::Result<()> {
    let file = tokio::fs::File::create(path).await?;
    let _out = BufWriter::new(file);
    Ok(())
}

fn handed_on(file: tokio::fs::File) -> BufWriter<tokio::fs::File> {
    BufWriter::new(file)
}

async fn passed_to_a_helper(file: tokio::fs::File) -> std::io::Result<()> {
    let mut out = BufWriter::new(file);
    out.write_all(b"header\n").await?;
    finish(&mut out).await
}

fn std_writer_flushes_on_drop(file: std::fs::File) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(file);
    out.write_all(b"std flushes on drop")?;
    Ok(())
}

// async-std's `into_inner()` is async and writes the buffer out before returning.
async fn async_std_into_inner_flushes() -> std::io::Result<Vec<u8>> {
    use async_std::io::prelude::WriteExt;
    let mut w = async_std::io::BufWriter::with_capacity(3, Vec::<u8>::new());
    w.write_all(&[0, 1]).await?;
    w.into_inner().await
}
