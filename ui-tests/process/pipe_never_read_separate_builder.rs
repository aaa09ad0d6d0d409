// child_pipe_never_read: the builder is configured statement by statement, then spawned
// and waited; the piped stdout is never taken or read. The finding is on `cmd.spawn()`.
use std::process::{Command, Stdio};

fn run_make(target: &str) -> i32 {
    let mut cmd = Command::new("make");
    cmd.arg(target);
    cmd.stdout(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn make"); //~ child_pipe_never_read
    let status = child.wait().expect("wait for make");
    status.code().unwrap_or(-1)
}
