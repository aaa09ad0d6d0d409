// cancel_missed_on_path (quiet): every early exit after the spawn cancels first.
use tokio_util::sync::CancellationToken;

pub async fn transfer(src: &str, dst: &str) -> Result<u64, String> {
    let token = CancellationToken::new();
    let meter = token.clone();
    tokio::spawn(async move {
        meter.run_until_cancelled(print_rate_forever()).await;
    });
    if src == dst {
        token.cancel();
        return Ok(0);
    }
    let n = match copy(src, dst).await {
        Ok(n) => n,
        Err(e) => {
            token.cancel();
            return Err(e);
        }
    };
    token.cancel();
    Ok(n)
}

async fn print_rate_forever() {}

async fn copy(_s: &str, _d: &str) -> Result<u64, String> {
    Ok(0)
}
