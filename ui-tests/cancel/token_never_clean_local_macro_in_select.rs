// cancel_token_never_cancelled (quiet): the shape of a server's accept loop (salvo 1.1's
// `try_serve`). A local macro handles a stop command by cancelling one of two tokens,
// and it is invoked from `select!` branches, in a block and as a bare expression.
use std::time::Duration;

use tokio::sync::mpsc::Receiver;
use tokio_util::sync::CancellationToken;

pub enum Command {
    StopGraceful(Option<Duration>),
    StopForceful,
}

pub async fn serve(mut commands: Receiver<Command>, mut listener: Listener) {
    let force_stop = CancellationToken::new();
    let graceful_stop = CancellationToken::new();
    macro_rules! handle_stop {
        ($cmd:expr) => {
            match $cmd {
                Command::StopGraceful(timeout) => {
                    graceful_stop.cancel();
                    if let Some(timeout) = timeout {
                        let force_stop = force_stop.clone();
                        tokio::spawn(async move {
                            tokio::time::sleep(timeout).await;
                            force_stop.cancel();
                        });
                    }
                }
                Command::StopForceful => {
                    force_stop.cancel();
                }
            }
        };
    }
    loop {
        tokio::select! {
            biased;
            Some(cmd) = commands.recv() => {
                handle_stop!(cmd);
                break;
            }
            conn = listener.accept() => {
                let force_stop = force_stop.clone();
                let graceful_stop = graceful_stop.clone();
                tokio::spawn(async move {
                    tokio::select! {
                        _ = conn.serve(graceful_stop) => {}
                        _ = force_stop.cancelled() => {}
                    }
                });
            }
        }
    }
    while !force_stop.is_cancelled() {
        tokio::select! {
            Some(cmd) = commands.recv() => handle_stop!(cmd),
            _ = force_stop.cancelled() => break,
        }
    }
}

pub struct Listener;
pub struct Conn;

impl Listener {
    async fn accept(&mut self) -> Conn {
        Conn
    }
}

impl Conn {
    async fn serve(self, _stop: CancellationToken) {}
}
