// child_stdin_not_closed: `io::copy` from the child's stdout runs to EOF while the taken
// stdin is still open, so `gunzip` never learns the input is complete.
use std::fs::File;
use std::io::{self, Write};
use std::process::{Command, Stdio};

fn gunzip_into(compressed: &[u8], out: &mut File) -> u64 {
    let mut child = Command::new("gunzip")
        .arg("-c")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn gunzip");
    let mut stdin = child.stdin.take().expect("stdin is piped"); //~ child_stdin_not_closed
    let mut stdout = child.stdout.take().expect("stdout is piped");
    stdin.write_all(compressed).expect("write compressed data");
    let copied = io::copy(&mut stdout, out).expect("copy decompressed data");
    drop(stdin);
    child.wait().expect("wait for gunzip");
    copied
}
