// child_pipes_read_sequentially, quiet: stderr is drained on a thread of its own while
// this thread reads stdout to EOF.
use std::io::Read;
use std::process::{Command, Stdio};

fn build(dir: &str) -> (String, String) {
    let mut child = Command::new("cargo")
        .arg("build")
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn cargo build");
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let err_thread = std::thread::spawn(move || {
        let mut s = String::new();
        stderr.read_to_string(&mut s).map(|_| s)
    });
    let mut out = String::new();
    stdout.read_to_string(&mut out).expect("read stdout");
    let err = err_thread.join().expect("stderr thread").expect("read stderr");
    child.wait().expect("wait for cargo build");
    (out, err)
}
