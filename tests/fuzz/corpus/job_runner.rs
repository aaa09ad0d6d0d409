//! A job runner: jobs come from a queue, each runs as a child process or an in-process
//! future under a deadline, logs go through a non-blocking writer, and every job can be
//! aborted from the control channel.

use std::collections::{BTreeMap, VecDeque};
use std::fmt;
use std::process::Stdio;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::future::{AbortHandle, Abortable, Aborted};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader};
use tokio::process::Command;
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;
use tracing_appender::non_blocking::WorkerGuard;

static NEXT_ID: AtomicUsize = AtomicUsize::new(1);

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct JobId(usize);

impl fmt::Display for JobId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "job#{}", self.0)
    }
}

#[derive(Debug)]
pub enum Job {
    Shell { script: String, timeout: Duration },
    Sleep(Duration),
    Fetch { url: String, retries: u8 },
}

#[derive(Debug)]
pub enum Control {
    Submit(Job, oneshot::Sender<JobId>),
    Abort(JobId),
    List(oneshot::Sender<Vec<JobId>>),
    Shutdown,
}

#[derive(Debug, PartialEq)]
pub enum Finished {
    Ok(String),
    Failed(String),
    Aborted,
    TimedOut,
}

pub fn logging(dir: &std::path::Path) -> WorkerGuard {
    let file = tracing_appender::rolling::daily(dir, "runner.log");
    let (writer, guard) = tracing_appender::non_blocking(file);
    tracing_subscriber::fmt().with_writer(writer).init();
    guard
}

struct Running {
    abort: AbortHandle,
    started: std::time::Instant,
}

pub struct Runner {
    running: Arc<Mutex<BTreeMap<JobId, Running>>>,
    results: mpsc::UnboundedSender<(JobId, Finished)>,
    token: CancellationToken,
}

macro_rules! try_or_fail {
    ($e:expr, $what:literal) => {
        match $e {
            Ok(v) => v,
            Err(e) => return Finished::Failed(format!(concat!($what, ": {}"), e)),
        }
    };
}

async fn shell(script: String, limit: Duration) -> Finished {
    let mut child = try_or_fail!(
        Command::new("sh")
            .arg("-c")
            .arg(&script)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            .spawn(),
        "spawn"
    );
    let mut stdout = child.stdout.take().expect("piped");
    let stderr = child.stderr.take().expect("piped");
    let errors = tokio::spawn(async move {
        let mut lines = BufReader::new(stderr).lines();
        let mut kept = VecDeque::with_capacity(20);
        while let Ok(Some(line)) = lines.next_line().await {
            if kept.len() == 20 {
                kept.pop_front();
            }
            kept.push_back(line);
        }
        kept.into_iter().collect::<Vec<_>>().join("\n")
    });
    let mut out = String::new();
    let waited = tokio::time::timeout(limit, async {
        stdout.read_to_string(&mut out).await?;
        child.wait().await
    })
    .await;
    match waited {
        Err(_) => {
            let _ = child.kill().await;
            Finished::TimedOut
        }
        Ok(Err(e)) => Finished::Failed(e.to_string()),
        Ok(Ok(status)) if status.success() => Finished::Ok(out),
        Ok(Ok(status)) => {
            let tail = errors.await.unwrap_or_default();
            Finished::Failed(format!("{status}: {tail}"))
        }
    }
}

async fn fetch(url: String, retries: u8) -> Finished {
    let mut last = String::new();
    for attempt in 0..=retries {
        match reqwest::get(&url).await.and_then(|r| r.error_for_status()) {
            Ok(response) => return Finished::Ok(try_or_fail!(response.text().await, "body")),
            Err(e) => {
                last = e.to_string();
                tokio::time::sleep(Duration::from_millis(50 << attempt)).await;
            }
        }
    }
    Finished::Failed(last)
}

impl Runner {
    pub fn new(results: mpsc::UnboundedSender<(JobId, Finished)>) -> Self {
        Runner {
            running: Arc::default(),
            results,
            token: CancellationToken::new(),
        }
    }

    pub fn submit(&self, job: Job) -> JobId {
        let id = JobId(NEXT_ID.fetch_add(1, Ordering::Relaxed));
        let (abort, registration) = AbortHandle::new_pair();
        let work = async move {
            match job {
                Job::Shell { script, timeout } => shell(script, timeout).await,
                Job::Sleep(d) => {
                    tokio::time::sleep(d).await;
                    Finished::Ok(format!("slept {d:?}"))
                }
                Job::Fetch { url, retries } => fetch(url, retries).await,
            }
        };
        self.running.lock().unwrap().insert(
            id,
            Running {
                abort,
                started: std::time::Instant::now(),
            },
        );
        let running = Arc::clone(&self.running);
        let results = self.results.clone();
        let token = self.token.child_token();
        tokio::spawn(async move {
            let finished = tokio::select! {
                _ = token.cancelled() => Finished::Aborted,
                r = Abortable::new(work, registration) => match r {
                    Ok(done) => done,
                    Err(Aborted) => Finished::Aborted,
                },
            };
            if let Some(r) = running.lock().unwrap().remove(&id) {
                tracing::info!(%id, elapsed = ?r.started.elapsed(), "finished");
            }
            let _ = results.send((id, finished));
        });
        id
    }

    pub fn abort(&self, id: JobId) -> bool {
        match self.running.lock().unwrap().get(&id) {
            Some(r) => {
                r.abort.abort();
                true
            }
            None => false,
        }
    }

    pub async fn serve(self, mut control: mpsc::Receiver<Control>) {
        let mut pending = JoinSet::new();
        while let Some(message) = control.recv().await {
            match message {
                Control::Submit(job, reply) => {
                    let id = self.submit(job);
                    if reply.send(id).is_err() {
                        self.abort(id);
                    }
                }
                Control::Abort(id) => {
                    if !self.abort(id) {
                        tracing::warn!(%id, "no such job");
                    }
                }
                Control::List(reply) => {
                    let ids = self.running.lock().unwrap().keys().copied().collect();
                    let _ = reply.send(ids);
                }
                Control::Shutdown => break,
            }
            while let Some(done) = pending.try_join_next() {
                if let Err(e) = done {
                    tracing::error!("bookkeeping task failed: {e}");
                }
            }
            pending.spawn(async {});
        }
        self.token.cancel();
        pending.shutdown().await;
    }
}

pub fn quick(script: &str) -> std::io::Result<String> {
    let child = std::process::Command::new("sh")
        .args(["-c", script])
        .stdout(Stdio::piped())
        .spawn()?;
    let output = child.wait_with_output()?;
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn sleeps_and_aborts() {
        let (tx, mut rx) = mpsc::unbounded_channel();
        let runner = Runner::new(tx);
        let id = runner.submit(Job::Sleep(Duration::from_secs(60)));
        assert!(runner.abort(id));
        let (done, finished) = rx.recv().await.unwrap();
        assert_eq!((done, finished), (id, Finished::Aborted));
    }
}
