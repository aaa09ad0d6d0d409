// `try_wait()` polled in a loop until it returns `Some`: the child is reaped when the loop
// ends. The deadline version kills and waits when time runs out. No report.
use std::io;
use std::process::{Command, ExitStatus};
use std::thread::sleep;
use std::time::{Duration, Instant};

pub fn poll_until_done() -> io::Result<ExitStatus> {
    let mut child = Command::new("make").arg("-j8").spawn()?;
    loop {
        match child.try_wait()? {
            Some(status) => return Ok(status),
            None => sleep(Duration::from_millis(100)),
        }
    }
}

pub fn poll_with_progress() -> io::Result<ExitStatus> {
    let mut child = Command::new("make").arg("-j8").spawn()?;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        print!(".");
        sleep(Duration::from_millis(250));
    };
    println!();
    Ok(status)
}

pub fn poll_with_deadline(limit: Duration) -> io::Result<Option<ExitStatus>> {
    let mut child = Command::new("make").arg("test").spawn()?;
    let start = Instant::now();
    while start.elapsed() < limit {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    child.wait()?;
    Ok(None)
}
