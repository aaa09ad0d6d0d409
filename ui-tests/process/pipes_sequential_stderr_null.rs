// child_pipes_read_sequentially, quiet (tokio): stderr goes to `Stdio::null()`; only
// stdout is a pipe, read to EOF once.
use std::io;
use std::process::Stdio;

use tokio::io::AsyncReadExt;
use tokio::process::Command;

async fn dump(db: &str) -> io::Result<Vec<u8>> {
    let mut child = Command::new("pg_dump")
        .arg(db)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut dump = Vec::new();
    stdout.read_to_end(&mut dump).await?;
    child.wait().await?;
    Ok(dump)
}
