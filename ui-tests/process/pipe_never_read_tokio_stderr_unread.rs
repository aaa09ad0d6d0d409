// child_pipe_never_read (tokio): stdout is read line by line, but stderr is piped and
// never taken nor read before `wait().await`.
use std::io;
use std::process::Stdio;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

async fn follow_build(dir: &str) -> io::Result<bool> {
    let mut child = Command::new("npm") //~ child_pipe_never_read
        .args(["run", "build"])
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut lines = BufReader::new(stdout).lines();
    while let Some(line) = lines.next_line().await? {
        println!("build: {line}");
    }
    let status = child.wait().await?;
    Ok(status.success())
}
