// A single `try_wait()` tested with `is_none()`/`is_some()`: the child is reaped only where
// the test sees it exited. Killing it where it is still running does not reap it (shape
// of kino-mc/rsmt2#29's `Solver::kill`); waiting after the kill does.
use std::io;
use std::process::Command;

pub fn stop_if_running() -> io::Result<()> {
    let mut child = Command::new("solver").spawn()?; //~ zombie_child
    if child.try_wait()?.is_none() {
        child.kill()?;
    }
    Ok(())
}

pub fn log_if_done() -> io::Result<()> {
    let mut child = Command::new("solver").spawn()?; //~ zombie_child
    if child.try_wait()?.is_some() {
        println!("solver already exited");
    }
    Ok(())
}

pub fn stop_and_reap() -> io::Result<()> {
    let mut child = Command::new("solver").spawn()?;
    if child.try_wait()?.is_none() {
        child.kill()?;
        child.wait()?;
    }
    Ok(())
}
