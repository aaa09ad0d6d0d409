// cancel_missed_on_path (quiet): `defer!` runs its body where its scope ends, at the `?`
// and the `return` too; a scopeguard guard around `()` does the same with its closure.
use scopeguard::defer;
use tokio_util::sync::CancellationToken;

pub async fn sync_all(peers: Vec<String>) -> Result<usize, String> {
    let token = CancellationToken::new();
    defer! {
        token.cancel();
    }
    let mut done = 0;
    for peer in peers {
        let token = token.clone();
        tokio::spawn(async move {
            token.run_until_cancelled(ping(peer)).await;
        });
        done += 1;
    }
    let plan = plan()?;
    if plan.is_empty() {
        return Ok(0);
    }
    apply(plan).await?;
    Ok(done)
}

pub async fn mirror(peers: Vec<String>) -> Result<(), String> {
    let token = CancellationToken::new();
    let _stop = scopeguard::guard((), |()| token.cancel());
    for peer in peers {
        let token = token.clone();
        tokio::spawn(async move {
            token.run_until_cancelled(ping(peer)).await;
        });
    }
    apply(plan()?).await?;
    Ok(())
}

async fn ping(_peer: String) {}

fn plan() -> Result<Vec<String>, String> {
    Ok(Vec::new())
}

async fn apply(_plan: Vec<String>) -> Result<(), String> {
    Ok(())
}
