// cancel_missed_on_path: the waiter is a worker function in this file that only waits on
// its token. `run` cancels at the end, but the `?` on `config.validate()?` exits first.
// Exit: `config.validate()?`.
use tokio_util::sync::CancellationToken;

pub async fn run(config: Config) -> Result<(), String> {
    let token = CancellationToken::new(); //~ cancel_missed_on_path
    tokio::spawn(gc_loop(token.clone()));
    config.validate()?;
    serve(&config).await;
    token.cancel();
    Ok(())
}

async fn gc_loop(token: CancellationToken) {
    loop {
        tokio::select! {
            _ = token.cancelled() => return,
            _ = tokio::time::sleep(std::time::Duration::from_secs(60)) => collect(),
        }
    }
}

pub struct Config;

impl Config {
    fn validate(&self) -> Result<(), String> {
        Ok(())
    }
}

async fn serve(_c: &Config) {}
fn collect() {}
