// child_pipes_read_sequentially: `io::copy` drains stdout to a file, then a second
// `io::copy` drains stderr; the first blocks while stderr fills.
use std::fs::File;
use std::io;
use std::process::{Command, Stdio};

fn archive(dir: &str, out: &mut File, log: &mut File) {
    let mut child = Command::new("tar") //~ child_pipes_read_sequentially
        .args(["-cvf", "-", dir])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn tar");
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut stderr = child.stderr.take().expect("stderr is piped");
    io::copy(&mut stdout, out).expect("copy archive");
    io::copy(&mut stderr, log).expect("copy file list");
    child.wait().expect("wait for tar");
}
