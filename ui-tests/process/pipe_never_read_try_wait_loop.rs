// child_pipe_never_read, while polling: `try_wait()` is called in a loop until the child
// exits, and the piped output is read only after that. A child whose output exceeds the
// pipe buffer blocks on its next write and never exits, so the loop polls until its
// timeout kills it, or forever. Reported once, at the child, naming the undrained pipe;
// the reads after the loop cannot block (the child has exited), and are not reported as
// reads one after the other.
use std::io::{self, Read};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

// The output is read in the branch where the poll says the child exited.
fn run_with_timeout(program: &str, timeout: Duration) -> io::Result<Option<String>> {
    let mut child = Command::new(program) //~ child_pipe_never_read
        .stdout(Stdio::piped())
        .spawn()?;
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(_status) = child.try_wait()? {
            let mut out = String::new();
            child.stdout.take().unwrap().read_to_string(&mut out)?;
            return Ok(Some(out));
        }
        if Instant::now() >= deadline {
            child.kill()?;
            child.wait()?;
            return Ok(None);
        }
        thread::sleep(Duration::from_millis(10));
    }
}

// Both pipes are taken before the loop, held, and read after it.
fn check(program: &str, payload: &str, timeout: Duration) -> io::Result<(String, String)> {
    let mut child = Command::new(program) //~ child_pipe_never_read
        .arg(payload)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut stderr = child.stderr.take().expect("stderr is piped");
    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait()? {
            Some(status) => break status,
            None if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(io::ErrorKind::TimedOut.into());
            }
            None => thread::sleep(Duration::from_millis(10)),
        }
    };
    let mut out = String::new();
    let mut err = String::new();
    stdout.read_to_string(&mut out)?;
    stderr.read_to_string(&mut err)?;
    if !status.success() {
        return Err(io::Error::other(err));
    }
    Ok((out, err))
}

// The poll in a `while` condition.
fn poll_until_done(program: &str) -> io::Result<Vec<u8>> {
    let mut child = Command::new(program).stdout(Stdio::piped()).spawn()?; //~ child_pipe_never_read
    while child.try_wait()?.is_none() {
        thread::sleep(Duration::from_millis(50));
    }
    let mut out = Vec::new();
    child.stdout.take().expect("stdout is piped").read_to_end(&mut out)?;
    Ok(out)
}

// tokio: the same poll loop; the output is collected once the child exited.
async fn run_quietly(program: &str) -> io::Result<String> {
    let mut child = tokio::process::Command::new(program) //~ child_pipe_never_read
        .stderr(Stdio::piped())
        .spawn()?;
    loop {
        if child.try_wait()?.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let output = child.wait_with_output().await?;
    Ok(String::from_utf8_lossy(&output.stderr).into_owned())
}
