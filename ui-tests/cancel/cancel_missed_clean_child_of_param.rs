// cancel_missed_on_path (quiet): the token is a child of a PARAMETER. The caller may
// cancel the parent, which reaches the child on the `?` path too, so the missed cancel
// on that path is not reported (same rule as cancel_token_never_cancelled).
use tokio_util::sync::CancellationToken;

pub async fn handle(shutdown: &CancellationToken, req: &str) -> Result<String, String> {
    let request_token = shutdown.child_token();
    let watchdog = request_token.clone();
    tokio::spawn(async move {
        watchdog.cancelled().await;
    });
    let parsed = parse(req)?;
    let reply = respond(parsed).await;
    request_token.cancel();
    Ok(reply)
}

fn parse(r: &str) -> Result<String, String> {
    Ok(r.to_owned())
}

async fn respond(p: String) -> String {
    p
}
