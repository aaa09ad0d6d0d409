// child_pipe_never_read, quiet (judgement call): the piped stdout is never read, but the
// child is killed before it is waited. SIGKILL ends it even while it is blocked writing to
// a full pipe, so `wait()` returns: no hang. The wait here only reaps.
use std::process::{Command, Stdio};
use std::thread;
use std::time::Duration;

fn probe_for(seconds: u64) {
    let mut child = Command::new("tcpdump")
        .args(["-i", "any", "-c", "1000"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn tcpdump");
    thread::sleep(Duration::from_secs(seconds));
    child.kill().expect("kill tcpdump");
    child.wait().expect("reap tcpdump");
}
