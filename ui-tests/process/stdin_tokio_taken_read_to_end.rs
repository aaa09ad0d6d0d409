// child_stdin_not_closed (tokio): stdout is read to EOF while the taken stdin is still
// open; `zstd` never finishes its frame, so `read_to_end` never completes.
use std::io;
use std::process::Stdio;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::process::Command;

async fn compress(data: &[u8]) -> io::Result<Vec<u8>> {
    let mut child = Command::new("zstd")
        .arg("-c")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().unwrap(); //~ child_stdin_not_closed
    let mut stdout = child.stdout.take().unwrap();
    stdin.write_all(data).await?;
    let mut compressed = Vec::new();
    stdout.read_to_end(&mut compressed).await?;
    drop(stdin);
    child.wait().await?;
    Ok(compressed)
}
