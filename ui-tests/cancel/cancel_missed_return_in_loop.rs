// cancel_missed_on_path: the token lives outside the loop and is cancelled after it, but
// the `return` inside the loop skips that. Exit: `return Err(...)` on a bad frame.
use tokio_util::sync::CancellationToken;

pub async fn read_frames(frames: Vec<Vec<u8>>) -> Result<usize, String> {
    let keepalive = CancellationToken::new(); //~ cancel_missed_on_path
    let pinger = keepalive.clone();
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = pinger.cancelled() => break,
                _ = tokio::time::sleep(std::time::Duration::from_secs(10)) => send_ping().await,
            }
        }
    });
    let mut total = 0;
    for frame in frames {
        if frame.is_empty() {
            return Err("empty frame".to_owned());
        }
        total += frame.len();
    }
    keepalive.cancel();
    Ok(total)
}

async fn send_ping() {}
