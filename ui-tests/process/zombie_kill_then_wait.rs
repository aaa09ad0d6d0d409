// `kill()` followed by `wait()` reaps the killed child: no report. The kill errors are
// ignored with `let _ =` / `.ok()` so that no early exit sits between the kill and the wait.
use std::io;
use std::process::{Command, ExitStatus};
use std::thread;
use std::time::Duration;

pub fn run_for_a_while(secs: u64) -> io::Result<ExitStatus> {
    let mut child = Command::new("tcpdump").arg("-i").arg("any").spawn()?;
    thread::sleep(Duration::from_secs(secs));
    let _ = child.kill();
    child.wait()
}

pub fn kill_ok_then_wait() {
    let mut child = Command::new("sleep").arg("60").spawn().expect("spawn sleep");
    child.kill().ok();
    child.wait().expect("reap sleep");
}

pub fn kill_on_cancel_then_wait(cancelled: bool) -> io::Result<()> {
    let mut child = Command::new("rsync").arg("-a").arg("src/").arg("dst/").spawn()?;
    if cancelled {
        let _ = child.kill();
    }
    child.wait()?;
    Ok(())
}
