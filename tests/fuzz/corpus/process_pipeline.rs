//! Runs a chain of external tools (`producer | filter | sink`), feeding the first from
//! memory and reading every pipe on its own thread so none of them fills up and stalls.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

#[derive(Debug)]
pub struct Step {
    pub program: PathBuf,
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
}

#[derive(Debug, Default)]
pub struct Outcome {
    pub statuses: Vec<ExitStatus>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<String>,
}

#[derive(Debug)]
pub enum PipelineError {
    Spawn(PathBuf, io::Error),
    Io(io::Error),
    Timeout(Duration),
}

impl From<io::Error> for PipelineError {
    fn from(e: io::Error) -> Self {
        PipelineError::Io(e)
    }
}

fn command(step: &Step) -> Command {
    let mut cmd = Command::new(&step.program);
    cmd.args(&step.args);
    for (k, v) in &step.env {
        cmd.env(k, v);
    }
    cmd
}

fn drain_lines<R: Read + Send + 'static>(reader: R, tag: String) -> JoinHandle<Vec<String>> {
    thread::spawn(move || {
        BufReader::new(reader)
            .lines()
            .map_while(Result::ok)
            .map(|line| format!("[{tag}] {line}"))
            .collect()
    })
}

pub fn run(steps: &[Step], input: &[u8], limit: Duration) -> Result<Outcome, PipelineError> {
    let started = Instant::now();
    let mut children: Vec<Child> = Vec::with_capacity(steps.len());
    let mut stderr_threads = Vec::new();
    let mut previous: Option<ChildStdout> = None;

    for (i, step) in steps.iter().enumerate() {
        let mut cmd = command(step);
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        match previous.take() {
            Some(out) => {
                cmd.stdin(Stdio::from(out));
            }
            None => {
                cmd.stdin(Stdio::piped());
            }
        }
        let mut child = cmd
            .spawn()
            .map_err(|e| PipelineError::Spawn(step.program.clone(), e))?;
        if let Some(err) = child.stderr.take() {
            stderr_threads.push(drain_lines(err, format!("{i}:{}", step.program.display())));
        }
        if i + 1 < steps.len() {
            previous = child.stdout.take();
        }
        children.push(child);
    }

    let feeder = children.first_mut().and_then(|c| c.stdin.take()).map(|mut stdin| {
        let data = input.to_vec();
        thread::spawn(move || -> io::Result<()> {
            for chunk in data.chunks(8192) {
                stdin.write_all(chunk)?;
            }
            stdin.flush()
        })
    });

    let (tx, rx) = mpsc::channel();
    let last_out = children.last_mut().and_then(|c| c.stdout.take());
    let reader = last_out.map(|mut out| {
        thread::spawn(move || {
            let mut buf = Vec::new();
            let result = out.read_to_end(&mut buf).map(|_| buf);
            let _ = tx.send(());
            result
        })
    });

    let mut outcome = Outcome::default();
    if reader.is_some() && rx.recv_timeout(limit.saturating_sub(started.elapsed())).is_err() {
        for child in children.iter_mut() {
            let _ = child.kill();
        }
        for mut child in children {
            let _ = child.wait();
        }
        return Err(PipelineError::Timeout(limit));
    }

    if let Some(feeder) = feeder {
        match feeder.join() {
            Ok(Ok(())) => {}
            Ok(Err(e)) if e.kind() == io::ErrorKind::BrokenPipe => {}
            Ok(Err(e)) => return Err(e.into()),
            Err(_) => return Err(io::Error::other("feeder panicked").into()),
        }
    }
    if let Some(reader) = reader {
        outcome.stdout = reader.join().expect("reader thread")?;
    }
    for mut child in children {
        outcome.statuses.push(child.wait()?);
    }
    for handle in stderr_threads {
        outcome.stderr.extend(handle.join().unwrap_or_default());
    }
    Ok(outcome)
}

/// `git` with the output captured; stderr is kept for the error message.
pub fn git(repo: &Path, args: &[&str]) -> io::Result<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(args)
        .stdin(Stdio::null())
        .output()?;
    if !output.status.success() {
        let message = String::from_utf8_lossy(&output.stderr);
        return Err(io::Error::other(format!("git {}: {}", args.join(" "), message.trim())));
    }
    String::from_utf8(output.stdout).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// Compresses `data` with an external `gzip`, writing on one thread and reading here.
pub fn gzip(data: Vec<u8>) -> io::Result<Vec<u8>> {
    let mut child = Command::new("gzip")
        .arg("-c")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let writer = thread::spawn(move || {
        let r = stdin.write_all(&data);
        drop(stdin);
        r
    });
    let mut compressed = Vec::new();
    child
        .stdout
        .as_mut()
        .expect("stdout is piped")
        .read_to_end(&mut compressed)?;
    writer.join().map_err(|_| io::Error::other("writer panicked"))??;
    let status = child.wait()?;
    if status.success() {
        Ok(compressed)
    } else {
        Err(io::Error::other(format!("gzip exited with {status}")))
    }
}

/// Tails a log file until `stop` says so; the child is killed and reaped either way.
pub fn tail(path: &Path, stop: mpsc::Receiver<()>, mut on_line: impl FnMut(&str)) -> io::Result<()> {
    let mut child = Command::new("tail")
        .args(["-n", "0", "-F"])
        .arg(path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let stdout = child.stdout.take().unwrap();
    let (lines_tx, lines_rx) = mpsc::channel::<String>();
    let pump = thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if lines_tx.send(line).is_err() {
                break;
            }
        }
    });
    loop {
        if stop.try_recv().is_ok() {
            break;
        }
        match lines_rx.recv_timeout(Duration::from_millis(200)) {
            Ok(line) => on_line(&line),
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    child.kill()?;
    child.wait()?;
    let _ = pump.join();
    Ok(())
}

pub fn versions(tools: &[&str]) -> Vec<(String, Option<String>)> {
    tools
        .iter()
        .map(|tool| {
            let version = Command::new(tool)
                .arg("--version")
                .output()
                .ok()
                .filter(|o| o.status.success())
                .and_then(|o| String::from_utf8(o.stdout).ok())
                .map(|s| s.lines().next().unwrap_or_default().to_string());
            (tool.to_string(), version)
        })
        .collect()
}

pub fn fire_and_forget(program: &str) -> io::Result<u32> {
    let child = Command::new(program).stdout(Stdio::piped()).spawn()?;
    let id = child.id();
    Ok(id)
}
