// child_pipes_read_sequentially: stdout and stderr are both piped and read to EOF one
// after the other on this thread. While stdout is read, nobody drains stderr; a child that
// writes more than 64 KiB of warnings blocks, and stdout never reaches EOF.
use std::io::Read;
use std::process::{Command, Stdio};

fn build(dir: &str) -> (String, String) {
    let mut child = Command::new("cargo") //~ child_pipes_read_sequentially
        .arg("build")
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn cargo build");
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let mut out = String::new();
    let mut err = String::new();
    stdout.read_to_string(&mut out).expect("read stdout");
    stderr.read_to_string(&mut err).expect("read stderr");
    child.wait().expect("wait for cargo build");
    (out, err)
}
