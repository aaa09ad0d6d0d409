// unflushed_async_writer (quiet, unsure): the writer is lent to `write_body`, a function
// in this file that writes but never flushes, and the caller drops it afterwards. The
// brief treats any function the writer is handed to as an escape; the catalog's escape
// rule speaks of functions the tool cannot see into. Expected here: quiet.
use tokio::fs::File;
use tokio::io::{AsyncWrite, AsyncWriteExt, BufWriter};

pub async fn render_page(path: &str, title: &str, body: &str) -> std::io::Result<()> {
    let mut w = BufWriter::new(File::create(path).await?);
    w.write_all(format!("<h1>{title}</h1>\n").as_bytes()).await?;
    write_body(&mut w, body).await?;
    Ok(())
}

async fn write_body<W: AsyncWrite + Unpin>(w: &mut W, body: &str) -> std::io::Result<()> {
    for para in body.split("\n\n") {
        w.write_all(format!("<p>{para}</p>\n").as_bytes()).await?;
    }
    Ok(())
}
