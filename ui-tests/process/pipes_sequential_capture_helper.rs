// child_pipes_read_sequentially: a test-harness helper on a caller's `&mut Command`. Each
// pipe is taken and read inside its own `if let`, but the two `if let` blocks run one
// after the other on the same thread.
use std::io::Read;
use std::process::{Command, ExitStatus, Stdio};

pub struct Captured {
    pub status: ExitStatus,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

pub fn capture(cmd: &mut Command) -> Captured {
    let mut child = cmd //~ child_pipes_read_sequentially
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    if let Some(mut out) = child.stdout.take() {
        out.read_to_end(&mut stdout).expect("read stdout");
    }
    if let Some(mut err) = child.stderr.take() {
        err.read_to_end(&mut stderr).expect("read stderr");
    }
    let status = child.wait().expect("wait");
    Captured { status, stdout, stderr }
}
