// child_stdin_not_closed (tokio): stdin is written in place and left open in the child
// while a `next_line()` loop reads stdout to EOF; `grep` is still waiting for input.
use std::io;
use std::process::Stdio;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::process::Command;

async fn grep_lines(pattern: &str, text: &str) -> io::Result<Vec<String>> {
    let mut child = Command::new("grep")
        .arg(pattern)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    child.stdin.as_mut().unwrap().write_all(text.as_bytes()).await?; //~ child_stdin_not_closed
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let mut hits = Vec::new();
    while let Some(line) = lines.next_line().await? {
        hits.push(line);
    }
    child.wait().await?;
    Ok(hits)
}
