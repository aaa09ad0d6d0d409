// child_stdin_not_closed, quiet (tokio): the taken stdin is dropped right after the
// write, before `wait_with_output().await` drains stdout.
use std::io;
use std::process::{Output, Stdio};

use tokio::io::AsyncWriteExt;
use tokio::process::Command;

async fn jq(filter: &str, json: &[u8]) -> io::Result<Output> {
    let mut child = Command::new("jq")
        .arg(filter)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(json).await?;
    drop(stdin);
    child.wait_with_output().await
}
