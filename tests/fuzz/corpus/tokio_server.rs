//! A line-oriented TCP service: one task per connection, a shared cancellation token for
//! shutdown, a tracker to wait for the tasks, and buffered replies.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, BufWriter};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, Mutex};
use tokio::time::{interval, sleep, timeout};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

const IDLE: Duration = Duration::from_secs(30);

#[derive(Debug, Clone)]
struct Settings {
    addr: SocketAddr,
    max_clients: usize,
    banner: Option<String>,
}

#[derive(Debug)]
enum Command {
    Get(String),
    Set(String, String),
    Quit,
    Unknown(String),
}

type Store = Arc<Mutex<HashMap<String, String>>>;

fn parse(line: &str) -> Command {
    let mut words = line.split_whitespace();
    match (words.next(), words.next(), words.next()) {
        (Some("GET"), Some(key), None) => Command::Get(key.to_owned()),
        (Some("SET"), Some(key), Some(value)) => Command::Set(key.to_owned(), value.to_owned()),
        (Some("QUIT"), None, None) => Command::Quit,
        _ => Command::Unknown(line.trim().to_string()),
    }
}

pub async fn run(settings: Settings) -> anyhow::Result<()> {
    let listener = TcpListener::bind(settings.addr).await?;
    let shutdown = CancellationToken::new();
    let tracker = TaskTracker::new();
    let store: Store = Arc::default();
    let (events, mut event_rx) = mpsc::channel::<String>(64);

    let ctrl_c = shutdown.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            ctrl_c.cancel();
        }
    });

    let reporter = shutdown.child_token();
    tracker.spawn(async move {
        let mut tick = interval(Duration::from_secs(5));
        let mut seen = 0usize;
        loop {
            tokio::select! {
                _ = reporter.cancelled() => break,
                _ = tick.tick() => log::info!("{seen} events so far"),
                Some(event) = event_rx.recv() => {
                    seen += 1;
                    log::debug!("event: {event}");
                }
            }
        }
    });

    let mut clients = 0usize;
    loop {
        let (socket, peer) = tokio::select! {
            biased;
            _ = shutdown.cancelled() => break,
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) if e.kind() == std::io::ErrorKind::ConnectionAborted => continue,
                Err(e) => return Err(e.into()),
            },
        };
        clients += 1;
        if clients > settings.max_clients {
            let mut out = BufWriter::new(socket);
            out.write_all(b"busy\r\n").await?;
            out.flush().await?;
            continue;
        }
        let token = shutdown.child_token();
        let store = Arc::clone(&store);
        let events = events.clone();
        let banner = settings.banner.clone();
        tracker.spawn(async move {
            if let Err(e) = serve(socket, peer, store, events, banner, token).await {
                log::warn!("{peer}: {e:#}");
            }
        });
    }

    tracker.close();
    shutdown.cancel();
    if timeout(Duration::from_secs(10), tracker.wait()).await.is_err() {
        log::error!("tasks did not finish within 10s");
    }
    Ok(())
}

async fn serve(
    socket: TcpStream,
    peer: SocketAddr,
    store: Store,
    events: mpsc::Sender<String>,
    banner: Option<String>,
    token: CancellationToken,
) -> anyhow::Result<()> {
    let (read, write) = socket.into_split();
    let mut lines = BufReader::new(read).lines();
    let mut out = BufWriter::new(write);
    if let Some(banner) = &banner {
        out.write_all(banner.as_bytes()).await?;
        out.write_all(b"\r\n").await?;
        out.flush().await?;
    }
    'session: loop {
        let line = tokio::select! {
            _ = token.cancelled() => {
                out.write_all(b"bye: shutting down\r\n").await?;
                break 'session;
            }
            _ = sleep(IDLE) => {
                out.write_all(b"bye: idle\r\n").await?;
                break;
            }
            line = lines.next_line() => match line? {
                Some(line) => line,
                None => break,
            },
        };
        let reply = match parse(&line) {
            Command::Get(key) => {
                let store = store.lock().await;
                store.get(&key).cloned().unwrap_or_else(|| "(nil)".into())
            }
            Command::Set(key, value) => {
                let _ = events.send(format!("{peer} set {key}")).await;
                store.lock().await.insert(key, value);
                "OK".to_string()
            }
            Command::Quit => {
                out.write_all(b"bye\r\n").await?;
                break 'session;
            }
            Command::Unknown(what) if what.is_empty() => continue,
            Command::Unknown(what) => format!("ERR unknown command {what:?}"),
        };
        out.write_all(reply.as_bytes()).await?;
        out.write_all(b"\r\n").await?;
        out.flush().await?;
    }
    out.flush().await?;
    out.shutdown().await?;
    Ok(())
}

/// Runs `work` until it finishes or the token is cancelled, whichever comes first.
pub async fn until_cancelled<F, T>(token: &CancellationToken, work: F) -> Option<T>
where
    F: std::future::Future<Output = T>,
{
    tokio::select! {
        _ = token.cancelled() => None,
        value = work => Some(value),
    }
}

pub struct Supervisor {
    token: CancellationToken,
    tracker: TaskTracker,
    restarts: u32,
}

impl Supervisor {
    pub fn new() -> Self {
        Supervisor {
            token: CancellationToken::new(),
            tracker: TaskTracker::new(),
            restarts: 0,
        }
    }

    pub fn start<F, Fut>(&mut self, name: &'static str, make: F)
    where
        F: Fn(CancellationToken) -> Fut + Send + 'static,
        Fut: std::future::Future<Output = anyhow::Result<()>> + Send + 'static,
    {
        let token = self.token.child_token();
        self.restarts += 1;
        self.tracker.spawn(async move {
            let mut attempt = 0u32;
            while !token.is_cancelled() {
                match make(token.clone()).await {
                    Ok(()) => return,
                    Err(e) => {
                        attempt += 1;
                        log::warn!("{name} failed (attempt {attempt}): {e}");
                        let backoff = Duration::from_millis(100 * 2u64.pow(attempt.min(6)));
                        if until_cancelled(&token, sleep(backoff)).await.is_none() {
                            return;
                        }
                    }
                }
            }
        });
    }

    pub async fn stop(self) {
        self.token.cancel();
        self.tracker.close();
        self.tracker.wait().await;
    }
}

pub async fn one_off(addr: SocketAddr) -> std::io::Result<usize> {
    let stream = TcpStream::connect(addr).await?;
    let mut writer = BufWriter::new(stream);
    let payload: Vec<u8> = (0..64u8).map(|b| b.wrapping_mul(7)).collect();
    writer.write_all(&payload).await?;
    let token = CancellationToken::new();
    let guard = token.clone().drop_guard();
    let n = payload.len();
    drop(guard);
    writer.flush().await?;
    Ok(n)
}
