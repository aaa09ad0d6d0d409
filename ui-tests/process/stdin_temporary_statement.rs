// child_stdin_not_closed, quiet: `child.stdin.take().unwrap()` is a temporary that is
// dropped at the end of its statement, so stdin is closed before stdout is read.
use std::io::{Read, Write};
use std::process::{Command, Stdio};

fn base64(data: &[u8]) -> String {
    let mut child = Command::new("base64")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn base64");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(data)
        .expect("write to base64");
    let mut encoded = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut encoded)
        .expect("read base64 output");
    child.wait().expect("wait for base64");
    encoded
}
