// cancel_token_never_cancelled: `defer_on_unwind!` runs its body only while unwinding
// from a panic, so on every normal path the token the tasks wait on is never cancelled.
use scopeguard::defer_on_unwind;
use tokio_util::sync::CancellationToken;

pub async fn supervise(names: Vec<String>) {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    defer_on_unwind! {
        token.cancel();
    }
    for name in names {
        let token = token.clone();
        tokio::spawn(async move {
            token.run_until_cancelled(heartbeat(name)).await;
        });
    }
    tokio::time::sleep(std::time::Duration::from_secs(60)).await;
}

async fn heartbeat(_name: String) {}
