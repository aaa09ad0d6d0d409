// cancel_missed_on_path (quiet): before the `?`, a clone is registered with
// `registry.insert` (a method of a type outside this file), so the token has escaped;
// the registry may cancel it, and the missed path is not reported.
use tokio_util::sync::CancellationToken;

use crate::jobs::Registry;

pub async fn submit(registry: &Registry, id: u64, body: &str) -> Result<(), String> {
    let token = CancellationToken::new();
    let job = token.clone();
    tokio::spawn(async move {
        job.cancelled().await;
    });
    registry.insert(id, token.clone());
    let parsed = parse(body)?;
    run(parsed).await;
    token.cancel();
    Ok(())
}

fn parse(b: &str) -> Result<String, String> {
    Ok(b.to_owned())
}

async fn run(_p: String) {}
