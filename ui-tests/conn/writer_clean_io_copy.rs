// unflushed_async_writer (quiet): `tokio::io::copy` writes into the BufWriter and, on
// reaching EOF, flushes it before returning; the writer is also lent to a function.
use tokio::fs::File;
use tokio::io::{self, BufWriter};

pub async fn copy_file(src: &str, dst: &str) -> io::Result<u64> {
    let mut input = File::open(src).await?;
    let mut output = BufWriter::new(File::create(dst).await?);
    let n = io::copy(&mut input, &mut output).await?;
    Ok(n)
}
