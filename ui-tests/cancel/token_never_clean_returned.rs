// cancel_token_never_cancelled (quiet): the token is returned to the caller (here inside a
// tuple with the join handle); the caller may cancel it.
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

pub fn spawn_ticker(period: std::time::Duration) -> (CancellationToken, JoinHandle<()>) {
    let token = CancellationToken::new();
    let ticker = token.clone();
    let handle = tokio::spawn(async move {
        let mut interval = tokio::time::interval(period);
        loop {
            tokio::select! {
                _ = ticker.cancelled() => return,
                _ = interval.tick() => println!("tick"),
            }
        }
    });
    (token, handle)
}
