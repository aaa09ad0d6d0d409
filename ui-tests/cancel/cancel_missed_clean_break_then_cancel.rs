// cancel_missed_on_path (quiet): `break` leaves a loop that does NOT own the token (the
// token was created before the loop) and the cancel after the loop still runs.
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

pub async fn consume(mut rx: mpsc::Receiver<String>) {
    let token = CancellationToken::new();
    let flusher = token.clone();
    tokio::spawn(async move {
        flusher.run_until_cancelled(flush_forever()).await;
    });
    loop {
        let Some(msg) = rx.recv().await else {
            break;
        };
        if msg == "stop" {
            break;
        }
        println!("{msg}");
    }
    token.cancel();
}

async fn flush_forever() {}
