// select_branch_not_cancel_safe (quiet): shapes that are cancel safe or lose nothing.
// - every other branch leaves the loop (shutdown), so a loss only happens on the way out;
// - the read future is made once before the loop and polled by `&mut`;
// - the racing calls are documented cancel safe (`read`, `read_buf`, `recv`,
//   `next_line`, `accept`, `tick`, `cancelled`, `read_until` into a buffer kept across
//   rounds);
// - a `select!` that runs once.
use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc::Receiver;
use tokio_util::sync::CancellationToken;

pub async fn until_shutdown(mut socket: TcpStream, mut shutdown: Receiver<()>) -> std::io::Result<()> {
    let mut header = [0u8; 8];
    loop {
        tokio::select! {
            read = socket.read_exact(&mut header) => {
                read?;
            }
            _ = shutdown.recv() => break,
        }
    }
    Ok(())
}

pub async fn pinned(mut socket: TcpStream, mut ticks: tokio::time::Interval) -> std::io::Result<()> {
    let mut header = [0u8; 8];
    let read = socket.read_exact(&mut header);
    tokio::pin!(read);
    loop {
        tokio::select! {
            done = &mut read => {
                done?;
                return Ok(());
            }
            _ = ticks.tick() => {}
        }
    }
}

pub async fn cancel_safe(
    listener: TcpListener,
    mut socket: TcpStream,
    reader: BufReader<TcpStream>,
    token: CancellationToken,
    mut commands: Receiver<String>,
) -> std::io::Result<()> {
    let mut buf = vec![0u8; 1024];
    let mut lines = reader.lines();
    let mut ticks = tokio::time::interval(std::time::Duration::from_secs(1));
    loop {
        tokio::select! {
            n = socket.read(&mut buf) => {
                if n? == 0 {
                    break;
                }
            }
            line = lines.next_line() => {
                if line?.is_none() {
                    break;
                }
            }
            accepted = listener.accept() => drop(accepted?),
            Some(cmd) = commands.recv() => println!("{cmd}"),
            _ = ticks.tick() => {}
            _ = token.cancelled() => break,
        }
    }
    Ok(())
}

pub async fn until_newline(mut reader: BufReader<TcpStream>, mut ticks: tokio::time::Interval) -> std::io::Result<Vec<u8>> {
    let mut line = Vec::new();
    loop {
        tokio::select! {
            n = reader.read_until(b'\n', &mut line) => {
                n?;
                return Ok(line);
            }
            _ = ticks.tick() => {}
        }
    }
}

pub async fn once(mut socket: TcpStream, mut replies: Receiver<Vec<u8>>) -> std::io::Result<()> {
    let mut header = [0u8; 8];
    tokio::select! {
        read = socket.read_exact(&mut header) => {
            read?;
        }
        Some(_reply) = replies.recv() => {}
    }
    Ok(())
}
