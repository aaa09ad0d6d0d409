// child_pipe_never_read: stdout is piped but nobody takes or reads it before `wait()`.
// Once `cargo doc` writes more than the pipe buffer (64 KiB on Linux) it blocks, and
// `wait()` blocks on it.
use std::process::{Command, ExitStatus, Stdio};

fn build_docs() -> ExitStatus {
    let mut child = Command::new("cargo") //~ child_pipe_never_read
        .args(["doc", "--no-deps"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn cargo doc");
    child.wait().expect("wait for cargo doc")
}
