// child_pipe_never_read, quiet: `wait_with_output()` reads stdout and stderr together
// while it waits, so the piped streams are drained.
use std::process::{Command, Stdio};

fn git_status(repo: &str) -> String {
    let child = Command::new("git")
        .args(["-C", repo, "status", "--porcelain"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn git");
    let output = child.wait_with_output().expect("wait for git");
    String::from_utf8_lossy(&output.stdout).into_owned()
}
