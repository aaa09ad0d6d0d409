// unflushed_async_writer: a BufWriter made with `with_capacity` writes every sample and
// is dropped at the end of the function; whatever is left in its 64 KiB buffer is lost.
use tokio::fs::File;
use tokio::io::{AsyncWriteExt, BufWriter};

pub async fn dump_samples(path: &str, samples: &[f64]) -> std::io::Result<()> {
    let file = File::create(path).await?;
    let mut w = BufWriter::with_capacity(64 * 1024, file); //~ unflushed_async_writer
    for s in samples {
        w.write_f64(*s).await?;
    }
    Ok(())
}
