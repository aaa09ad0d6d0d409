// child_pipes_read_sequentially: the pipes are moved into one spawned thread, which reads
// them one after the other. Moving them to another thread does not help when both reads
// happen on that same thread.
use std::io::Read;
use std::process::{Command, Stdio};
use std::thread::{self, JoinHandle};

fn run_in_background(script: String) -> JoinHandle<(String, String)> {
    let mut child = Command::new("sh") //~ child_pipes_read_sequentially
        .arg(&script)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn sh");
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    thread::spawn(move || {
        let mut out = String::new();
        let mut err = String::new();
        stdout.read_to_string(&mut out).expect("read stdout");
        stderr.read_to_string(&mut err).expect("read stderr");
        child.wait().expect("wait for sh");
        (out, err)
    })
}
