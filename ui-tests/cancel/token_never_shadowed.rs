// cancel_token_never_cancelled: shadowing. The first `token` is cancelled; the second one,
// created under the same name, is handed to a task and never cancelled. Only the second
// creation is reported: a `cancel()` on the first binding does not reach the second.
use tokio_util::sync::CancellationToken;

pub async fn two_phases() {
    let token = CancellationToken::new();
    let warmup = token.clone();
    tokio::spawn(async move { warmup.cancelled().await });
    warm_up().await;
    token.cancel();

    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    let serving = token.clone();
    tokio::spawn(async move {
        serving.cancelled().await;
        println!("serving phase over");
    });
    serve().await;
}

async fn warm_up() {}
async fn serve() {}
