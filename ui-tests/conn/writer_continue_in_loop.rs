// unflushed_async_writer: one writer per output file; the `continue` for an empty body
// skips the flush after the header was already written.
use tokio::fs::File;
use tokio::io::{AsyncWriteExt, BufWriter};

pub async fn split_sections(sections: Vec<(String, String)>) -> std::io::Result<()> {
    for (name, body) in sections {
        let file = File::create(format!("{name}.md")).await?;
        let mut w = BufWriter::new(file); //~ unflushed_async_writer
        w.write_all(format!("# {name}\n\n").as_bytes()).await?;
        if body.trim().is_empty() {
            continue;
        }
        w.write_all(body.as_bytes()).await?;
        w.flush().await?;
    }
    Ok(())
}
