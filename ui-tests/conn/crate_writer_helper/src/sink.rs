use tokio::fs::File;
use tokio::io::{AsyncWriteExt, BufWriter};

pub(crate) fn buffered(file: File) -> BufWriter<File> {
    BufWriter::with_capacity(256 * 1024, file)
}

/// Writes out what is buffered.
pub(crate) async fn finish(out: &mut BufWriter<File>) -> std::io::Result<()> {
    out.flush().await
}
