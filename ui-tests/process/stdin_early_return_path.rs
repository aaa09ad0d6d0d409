// child_stdin_not_closed: on the normal path stdin is dropped before `wait()`, but the
// early return for empty input waits while the taken stdin is still alive: `gzip` never
// sees EOF on that path.
use std::io::Write;
use std::process::{Command, ExitStatus, Stdio};

fn compress(input: &[u8]) -> ExitStatus {
    let mut child = Command::new("gzip")
        .args(["-c", "-9"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("spawn gzip");
    let mut stdin = child.stdin.take().unwrap(); //~ child_stdin_not_closed
    if input.is_empty() {
        return child.wait().expect("wait for gzip");
    }
    stdin.write_all(input).expect("write to gzip");
    drop(stdin);
    child.wait().expect("wait for gzip")
}
