// child_pipe_never_read, quiet (tokio): the piped stdout is taken and read with a
// `next_line()` loop to EOF before `wait().await`.
use std::io;
use std::process::Stdio;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

async fn container_ids() -> io::Result<Vec<String>> {
    let mut child = Command::new("docker")
        .args(["ps", "-q"])
        .stdout(Stdio::piped())
        .spawn()?;
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut lines = BufReader::new(stdout).lines();
    let mut ids = Vec::new();
    while let Some(line) = lines.next_line().await? {
        ids.push(line);
    }
    child.wait().await?;
    Ok(ids)
}
