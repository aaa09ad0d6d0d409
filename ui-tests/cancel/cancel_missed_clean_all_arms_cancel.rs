// cancel_missed_on_path (quiet): every arm of the `match` cancels before leaving, and the
// fall-through path cancels too.
use tokio_util::sync::CancellationToken;

pub enum Outcome {
    Done,
    Retry,
    Fatal(String),
}

pub async fn attempt() -> Result<bool, String> {
    let token = CancellationToken::new();
    let timer = token.clone();
    tokio::spawn(async move {
        timer.run_until_cancelled(show_elapsed_forever()).await;
    });
    match try_once().await {
        Outcome::Done => {
            token.cancel();
            Ok(true)
        }
        Outcome::Retry => {
            token.cancel();
            Ok(false)
        }
        Outcome::Fatal(e) => {
            token.cancel();
            Err(e)
        }
    }
}

async fn show_elapsed_forever() {}

async fn try_once() -> Outcome {
    Outcome::Done
}
