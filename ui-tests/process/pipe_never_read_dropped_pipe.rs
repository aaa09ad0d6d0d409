// child_pipe_never_read, quiet: the piped stdout is taken and dropped before the wait.
// Its read end is closed, so the child gets EPIPE (or SIGPIPE) instead of blocking.
use std::process::{Command, ExitStatus, Stdio};

fn run_discarding_output(program: &str) -> ExitStatus {
    let mut child = Command::new(program)
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    child.wait().expect("wait")
}
