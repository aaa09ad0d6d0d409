// The wait-timeout crate's `wait_timeout` reaps the child only when it returns
// `Some(status)`. `run_bounded` kills it on timeout and returns without waiting: a zombie;
// `run_bounded_reaped` waits after the kill.
use std::io;
use std::process::Command;
use std::time::Duration;

use wait_timeout::ChildExt;

pub fn run_bounded(bin: &str, limit: Duration) -> io::Result<i32> {
    let mut child = Command::new(bin).spawn()?; //~ zombie_child
    match child.wait_timeout(limit)? {
        Some(status) => Ok(status.code().unwrap_or(-1)),
        None => {
            child.kill()?;
            Err(io::Error::new(io::ErrorKind::TimedOut, "timed out"))
        }
    }
}

pub fn run_bounded_reaped(bin: &str, limit: Duration) -> io::Result<i32> {
    let mut child = Command::new(bin).spawn()?;
    let status = match child.wait_timeout(limit)? {
        Some(status) => status,
        None => {
            child.kill()?;
            child.wait()?
        }
    };
    Ok(status.code().unwrap_or(-1))
}
