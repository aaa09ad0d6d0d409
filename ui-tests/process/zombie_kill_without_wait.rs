// `kill()` sends SIGKILL but does not reap: the killed child stays a zombie until someone
// waits on it. Killing and then returning, or killing in a cleanup branch, loses it.
use std::io;
use std::process::Command;
use std::thread;
use std::time::Duration;

pub fn run_for_a_while(secs: u64) -> io::Result<()> {
    let mut child = Command::new("tcpdump").arg("-i").arg("any").spawn()?; //~ zombie_child
    thread::sleep(Duration::from_secs(secs));
    child.kill()?;
    Ok(())
}

pub fn kill_ignoring_errors() {
    let mut child = Command::new("sleep").arg("60").spawn().expect("spawn sleep"); //~ zombie_child
    println!("started {}", child.id());
    let _ = child.kill();
}

pub fn kill_only_on_cancel(cancelled: bool) -> io::Result<()> {
    // Waited on the normal path, only killed on the cancel path.
    let mut child = Command::new("rsync").arg("-a").arg("src/").arg("dst/").spawn()?; //~ zombie_child
    if cancelled {
        child.kill()?;
        return Ok(());
    }
    child.wait()?;
    Ok(())
}
