// child_pipe_never_read: std `Command::status()` spawns the child and waits for it
// without reading anything; a piped stdout is never drained, so `git log` blocks once
// the pipe is full. (std `status()` only closes stdin.)
use std::process::{Command, Stdio};

fn has_history(repo: &str) -> bool {
    let status = Command::new("git") //~ child_pipe_never_read
        .args(["-C", repo, "log", "--oneline"])
        .stdout(Stdio::piped())
        .status()
        .expect("run git log");
    status.success()
}
