// cancel_token_never_cancelled: the token is awaited directly in a `select!` arm of the
// function that created it (an awaited future, not a spawned task). No handle is ever
// cancelled, so that arm can never win: the "graceful shutdown" branch is dead code and
// the loop only ends when the listener fails.
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

pub async fn accept_loop(listener: TcpListener) {
    let stop = CancellationToken::new(); //~ cancel_token_never_cancelled
    loop {
        tokio::select! {
            _ = stop.cancelled() => {
                println!("shutting down");
                break;
            }
            accepted = listener.accept() => {
                match accepted {
                    Ok((socket, _)) => {
                        tokio::spawn(handle(socket));
                    }
                    Err(_) => break,
                }
            }
        }
    }
}

async fn handle(_socket: tokio::net::TcpStream) {}
