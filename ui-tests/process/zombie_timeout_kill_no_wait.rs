// The deadline pattern done wrong: the child is polled with `try_wait` (reaped if it
// finished in time), but when the deadline passes it is only killed, never waited on.
// Lost on the timeout path: "not on all paths".
use std::io;
use std::process::{Command, ExitStatus};
use std::thread::sleep;
use std::time::{Duration, Instant};

pub fn run_with_timeout(limit: Duration) -> io::Result<Option<ExitStatus>> {
    let mut child = Command::new("make").arg("test").spawn()?; //~ zombie_child
    let start = Instant::now();
    while start.elapsed() < limit {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        sleep(Duration::from_millis(50));
    }
    child.kill()?;
    Ok(None)
}
