// child_pipes_read_sequentially (tokio): a `while let Some(line) =
// lines.next_line().await?` loop runs stdout to EOF, then stderr is read to a string in
// the same task. The finding is on the loop's `next_line()` call.
use std::io;
use std::process::Stdio;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader};
use tokio::process::Command;

async fn deploy(env: &str) -> io::Result<(Vec<String>, String)> {
    let mut child = Command::new("terraform") //~ child_pipes_read_sequentially
        .args(["apply", "-auto-approve", "-var", env])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut stderr = child.stderr.take().expect("stderr is piped");
    let mut lines = BufReader::new(stdout).lines();
    let mut log = Vec::new();
    while let Some(line) = lines.next_line().await? {
        log.push(line);
    }
    let mut errors = String::new();
    stderr.read_to_string(&mut errors).await?;
    child.wait().await?;
    Ok((log, errors))
}
