// child_stdin_not_closed, quiet: the early-return path drops the taken stdin before it
// waits, like the normal path (compare stdin_early_return_path.rs).
use std::io::Write;
use std::process::{Command, ExitStatus, Stdio};

fn compress(input: &[u8]) -> ExitStatus {
    let mut child = Command::new("gzip")
        .args(["-c", "-9"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("spawn gzip");
    let mut stdin = child.stdin.take().unwrap();
    if input.is_empty() {
        drop(stdin);
        return child.wait().expect("wait for gzip");
    }
    stdin.write_all(input).expect("write to gzip");
    drop(stdin);
    child.wait().expect("wait for gzip")
}
