// A single `try_wait()` only reaps the child if it has already exited (`Some`). Here the
// `None` case (still running) drops the child, or the result is ignored altogether: the
// child is lost when it exits later. Deliberate difference from clippy, which treats any
// `try_wait` call as a wait.
use std::io;
use std::process::Command;

pub fn check_once() -> io::Result<()> {
    let mut child = Command::new("long-job").spawn()?; //~ zombie_child
    if let Some(status) = child.try_wait()? {
        println!("already done: {status}");
    }
    Ok(())
}

pub fn ignore_the_answer() -> io::Result<()> {
    let mut child = Command::new("long-job").spawn()?; //~ zombie_child
    let _ = child.try_wait();
    Ok(())
}

pub fn only_log_running() -> io::Result<()> {
    let mut child = Command::new("long-job").spawn()?; //~ zombie_child
    match child.try_wait()? {
        Some(status) => println!("exited: {status}"),
        None => println!("still running as {}", child.id()),
    }
    Ok(())
}

// The `?` on the poll itself is not the path that loses the child.
pub fn poll_error_is_not_a_leak() -> std::io::Result<()> {
    let mut child = Command::new("echo").spawn()?;
    std::thread::sleep(std::time::Duration::from_millis(100));
    let status = child.try_wait()?;
    assert!(status.is_some());
    Ok(())
}
