// child_pipes_read_sequentially: both pipes are read to EOF in place, through
// `child.stdout.as_mut()` and then `child.stderr.as_mut()`, on the same thread.
use std::io::Read;
use std::process::{Command, Stdio};

fn run_tests() -> (Vec<u8>, Vec<u8>) {
    let mut child = Command::new("pytest") //~ child_pipes_read_sequentially
        .arg("-q")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn pytest");
    let mut out = Vec::new();
    let mut err = Vec::new();
    child.stdout.as_mut().unwrap().read_to_end(&mut out).expect("read stdout");
    child.stderr.as_mut().unwrap().read_to_end(&mut err).expect("read stderr");
    child.wait().expect("wait for pytest");
    (out, err)
}
