// child_pipe_never_read, quiet: the piped stdout is taken and handed to a reader thread
// before the wait; the thread drains it while `wait()` blocks.
use std::io::Read;
use std::process::{Command, Stdio};
use std::thread;

fn capture_log(service: &str) -> String {
    let mut child = Command::new("journalctl")
        .args(["-u", service, "--no-pager"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn journalctl");
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let reader = thread::spawn(move || {
        let mut log = String::new();
        stdout.read_to_string(&mut log).map(|_| log)
    });
    child.wait().expect("wait for journalctl");
    reader.join().expect("reader thread").expect("read log")
}
