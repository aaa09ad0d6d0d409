// unflushed_async_writer (quiet): the BufWriter is stored in a struct field; the struct's
// `finish()` flushes it, and in any case storing it is an escape.
use tokio::fs::File;
use tokio::io::{AsyncWriteExt, BufWriter};

pub struct JournalWriter {
    out: BufWriter<File>,
    entries: u64,
}

impl JournalWriter {
    pub async fn create(path: &str) -> std::io::Result<Self> {
        let file = File::create(path).await?;
        let mut out = BufWriter::new(file);
        out.write_all(b"JRNL\x01").await?;
        Ok(JournalWriter { out, entries: 0 })
    }

    pub async fn append(&mut self, rec: &[u8]) -> std::io::Result<()> {
        self.out.write_u32(rec.len() as u32).await?;
        self.out.write_all(rec).await?;
        self.entries += 1;
        Ok(())
    }

    pub async fn finish(mut self) -> std::io::Result<u64> {
        self.out.flush().await?;
        Ok(self.entries)
    }
}
