// Known limit: an async block stored in a variable and joined later is not followed (it is
// taken as handing the token off), so this never-cancelled token is not reported.
// cancel_token_never_cancelled: no spawn, but an awaited future waits on the token:
// `join!` waits for both branches, and the watcher branch ends only on cancellation,
// which never comes. `check` hangs after the checks complete.
use tokio_util::sync::CancellationToken;

pub async fn check(targets: &[String]) -> usize {
    let done = CancellationToken::new();
    let watcher = async {
        done.cancelled().await;
        println!("all checks finished");
    };
    let checks = async {
        let mut ok = 0;
        for t in targets {
            if probe(t).await {
                ok += 1;
            }
        }
        ok
    };
    let ((), ok) = tokio::join!(watcher, checks);
    ok
}

async fn probe(_target: &str) -> bool {
    true
}
