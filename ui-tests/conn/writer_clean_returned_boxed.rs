// unflushed_async_writer (quiet): the writer factory of s2-streamstore/s2-cli (before #22).
// Each BufWriter is returned inside a `Box<dyn AsyncWrite>`: it escapes, and the caller
// (another file) is the one that must flush it.
use std::path::PathBuf;
use tokio::fs::OpenOptions;
use tokio::io::{self, AsyncWrite, BufWriter};

pub enum RecordsOut {
    File(PathBuf),
    Stdout,
}

impl RecordsOut {
    pub async fn into_writer(&self) -> io::Result<Box<dyn AsyncWrite + Send + Unpin>> {
        match self {
            RecordsOut::File(path) => {
                let file = OpenOptions::new().create(true).append(true).open(path).await?;
                Ok(Box::new(BufWriter::new(file)))
            }
            RecordsOut::Stdout => Ok(Box::new(BufWriter::new(tokio::io::stdout()))),
        }
    }
}
