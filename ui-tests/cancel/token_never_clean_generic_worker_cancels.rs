// cancel_token_never_cancelled (quiet): the generic worker in this file cancels the token
// when its callback reports a fatal error, which stops the sibling workers. Counterpart of
// token_never_generic_worker.rs, where the worker only waits.
use std::time::Duration;
use tokio_util::sync::CancellationToken;

pub async fn start_refreshers() {
    let token = CancellationToken::new();
    tokio::spawn(every(Duration::from_secs(30), token.clone(), refresh_dns));
    tokio::spawn(every(Duration::from_secs(60), token.clone(), refresh_certs));
}

async fn every<F>(period: Duration, token: CancellationToken, mut f: F)
where
    F: FnMut() -> Result<(), String> + Send + 'static,
{
    let mut tick = tokio::time::interval(period);
    loop {
        tokio::select! {
            _ = token.cancelled() => return,
            _ = tick.tick() => {
                if let Err(e) = f() {
                    eprintln!("fatal: {e}");
                    token.cancel();
                }
            }
        }
    }
}

fn refresh_dns() -> Result<(), String> {
    Ok(())
}

fn refresh_certs() -> Result<(), String> {
    Ok(())
}
