// child_stdin_not_closed: `wait_with_output()` closes the stdin left in the child, but
// this one was taken out and is still held by `stdin`: gzip never sees EOF and
// `wait_with_output` waits for an output that never ends.
use std::io::Write;
use std::process::{Command, Stdio};

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut child = Command::new("gzip")
        .arg("-c")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn gzip");
    let mut stdin = child.stdin.take().expect("stdin is piped"); //~ child_stdin_not_closed
    stdin.write_all(data).expect("write to gzip");
    let output = child.wait_with_output().expect("wait for gzip");
    output.stdout
}
