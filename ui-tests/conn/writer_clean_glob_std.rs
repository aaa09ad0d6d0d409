// unflushed_async_writer (quiet): `BufWriter` comes from a glob import of `std::io`; the
// async trait imported by name does not make it tokio's.
use std::io::*;
use tokio::io::AsyncWriteExt;

pub fn write_table(rows: &[(String, u32)]) -> Result<()> {
    let mut w = BufWriter::new(stdout());
    for (k, v) in rows {
        writeln!(w, "{k}\t{v}")?;
    }
    Ok(())
}

pub async fn ping(sock: &mut tokio::net::TcpStream) -> Result<()> {
    sock.write_all(b"PING\r\n").await
}
