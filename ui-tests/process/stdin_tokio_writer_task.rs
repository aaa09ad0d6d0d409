// child_stdin_not_closed, quiet (tokio): the taken stdin is moved into a spawned task,
// which drops it when the input is written; stdout is read line by line meanwhile.
use std::io;
use std::process::Stdio;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::process::Command;

async fn sort_stream(lines: Vec<String>) -> io::Result<Vec<String>> {
    let mut child = Command::new("sort")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let writer = tokio::spawn(async move {
        for line in lines {
            stdin.write_all(line.as_bytes()).await?;
            stdin.write_all(b"\n").await?;
        }
        Ok::<_, io::Error>(())
    });
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut reader = BufReader::new(stdout).lines();
    let mut sorted = Vec::new();
    while let Some(line) = reader.next_line().await? {
        sorted.push(line);
    }
    writer.await??;
    child.wait().await?;
    Ok(sorted)
}
