// child_stdin_not_closed (tokio): tokio's `Child::wait` closes `child.stdin`, but it was
// taken out and is still held, so `crontab -` waits for EOF while we wait for it.
use std::io;
use std::process::{ExitStatus, Stdio};

use tokio::io::AsyncWriteExt;
use tokio::process::Command;

async fn install_crontab(entries: &str) -> io::Result<ExitStatus> {
    let mut child = Command::new("crontab")
        .arg("-")
        .stdin(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().expect("stdin is piped"); //~ child_stdin_not_closed
    stdin.write_all(entries.as_bytes()).await?;
    child.wait().await
}
