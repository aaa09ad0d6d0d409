// cancel_missed_on_path (quiet): a named drop guard created before the exits cancels the
// token on every path, including the `?`s and the `return`.
use tokio_util::sync::CancellationToken;

pub async fn deploy(target: &str) -> Result<(), String> {
    let token = CancellationToken::new();
    let _guard = token.clone().drop_guard();
    let logs = token.clone();
    tokio::spawn(async move {
        logs.run_until_cancelled(tail_logs_forever()).await;
    });
    let plan = plan(target)?;
    if plan.is_empty() {
        return Ok(());
    }
    apply(plan).await?;
    Ok(())
}

async fn tail_logs_forever() {}

fn plan(t: &str) -> Result<Vec<String>, String> {
    Ok(vec![t.to_owned()])
}

async fn apply(_p: Vec<String>) -> Result<(), String> {
    Ok(())
}
