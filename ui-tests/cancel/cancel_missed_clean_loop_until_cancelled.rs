// cancel_missed_on_path (quiet): a supervisor that runs until its token is cancelled.
// `while !token.is_cancelled()` ends only once the token is cancelled, the early
// `return` is taken only when it is, and the `select!` branch on `cancelled()` runs only
// after it is: no way out leaves it uncancelled.
use tokio::sync::mpsc::Receiver;
use tokio_util::sync::CancellationToken;

pub async fn supervise(mut events: Receiver<Event>) {
    let token = CancellationToken::new();
    let worker = token.clone();
    tokio::spawn(async move {
        worker.cancelled().await;
    });
    while !token.is_cancelled() {
        match events.recv().await {
            Some(Event::Stop) | None => token.cancel(),
            Some(Event::Tick) => {}
        }
    }
}

pub async fn drain(mut events: Receiver<Event>) {
    let token = CancellationToken::new();
    let worker = token.clone();
    tokio::spawn(async move {
        worker.cancelled().await;
    });
    loop {
        if token.is_cancelled() {
            return;
        }
        tokio::select! {
            _ = token.cancelled() => break,
            event = events.recv() => {
                if let Some(Event::Stop) | None = event {
                    token.cancel();
                }
            }
        }
    }
}

pub enum Event {
    Stop,
    Tick,
}
