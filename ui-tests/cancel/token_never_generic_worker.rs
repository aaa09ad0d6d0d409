// cancel_token_never_cancelled: a generic worker in the same file takes the token and a
// callback; it only waits on the token. Generic parameters do not change that: the
// token handed to it is never cancelled by anyone.
use std::time::Duration;
use tokio_util::sync::CancellationToken;

pub async fn start_refreshers() {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    tokio::spawn(every(Duration::from_secs(30), token.clone(), || refresh_dns()));
    tokio::spawn(every(Duration::from_secs(60), token.clone(), || refresh_certs()));
}

async fn every<F>(period: Duration, token: CancellationToken, mut f: F)
where
    F: FnMut() + Send + 'static,
{
    let mut tick = tokio::time::interval(period);
    loop {
        tokio::select! {
            _ = token.cancelled() => return,
            _ = tick.tick() => f(),
        }
    }
}

fn refresh_dns() {}
fn refresh_certs() {}
