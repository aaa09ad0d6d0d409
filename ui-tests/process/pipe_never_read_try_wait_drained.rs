// child_pipe_never_read, quiet: polling with `try_wait()` while the piped output is
// drained: on reader threads started before the loop, by reads inside the loop, or not
// piped at all. A single `try_wait()` (no loop) cannot spin, and a loop that only checks
// that a server stays up before handing it on waits for no exit.
use std::io::{self, BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

fn readers_on_threads(program: &str, timeout: Duration) -> io::Result<Option<(Vec<u8>, Vec<u8>)>> {
    let mut child = Command::new(program)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut stderr = child.stderr.take().expect("stderr is piped");
    let out_reader = thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stdout.read_to_end(&mut bytes);
        bytes
    });
    let err_reader = thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stderr.read_to_end(&mut bytes);
        bytes
    });
    let deadline = Instant::now() + timeout;
    loop {
        if child.try_wait()?.is_some() {
            break;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            let _ = out_reader.join();
            let _ = err_reader.join();
            return Ok(None);
        }
        thread::sleep(Duration::from_millis(10));
    }
    let out = out_reader.join().unwrap_or_default();
    let err = err_reader.join().unwrap_or_default();
    Ok(Some((out, err)))
}

// Each round reads a line of progress before it polls.
fn follow_progress(program: &str) -> io::Result<Vec<String>> {
    let mut child = Command::new(program).stdout(Stdio::piped()).spawn()?;
    let mut progress = BufReader::new(child.stdout.take().expect("stdout is piped"));
    let mut lines = Vec::new();
    loop {
        let mut line = String::new();
        progress.read_line(&mut line)?;
        lines.push(line);
        if child.try_wait()?.is_some() {
            return Ok(lines);
        }
    }
}

fn output_not_piped(program: &str) -> io::Result<bool> {
    let mut child = Command::new(program)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()?;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(status.success());
        }
        thread::sleep(Duration::from_millis(10));
    }
}

fn polled_once(program: &str) -> io::Result<Option<String>> {
    let mut child = Command::new(program).stdout(Stdio::piped()).spawn()?;
    thread::sleep(Duration::from_millis(100));
    if child.try_wait()?.is_some() {
        let mut out = String::new();
        child.stdout.take().expect("stdout is piped").read_to_string(&mut out)?;
        return Ok(Some(out));
    }
    child.kill()?;
    child.wait()?;
    Ok(None)
}

// A server must survive its first second; the caller reads its output afterwards.
fn start_server(program: &str) -> io::Result<std::process::Child> {
    let mut child = Command::new(program).stdout(Stdio::piped()).spawn()?;
    for _ in 0..10 {
        if let Some(status) = child.try_wait()? {
            return Err(io::Error::other(format!("{program} exited at once: {status}")));
        }
        thread::sleep(Duration::from_millis(100));
    }
    Ok(child)
}
