// child_pipe_never_read, quiet (tokio): unlike std's, tokio's `Command::status()` takes
// and drops the child's stdin, stdout and stderr before waiting, so a piped stdout cannot
// fill up (the child gets EPIPE instead). Only std `status()` is reported.
use std::io;
use std::process::Stdio;

use tokio::process::Command;

async fn has_history(repo: &str) -> io::Result<bool> {
    let status = Command::new("git")
        .args(["-C", repo, "log", "--oneline"])
        .stdout(Stdio::piped())
        .status()
        .await?;
    Ok(status.success())
}
