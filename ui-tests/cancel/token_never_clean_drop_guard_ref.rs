// cancel_token_never_cancelled (quiet): `drop_guard_ref()` borrows the token and cancels it
// when the named guard drops.
use tokio_util::sync::CancellationToken;

pub async fn scan(paths: Vec<std::path::PathBuf>) {
    let token = CancellationToken::new();
    let _cancel_on_exit = token.drop_guard_ref();
    for path in paths {
        let token = token.clone();
        tokio::spawn(async move {
            token.run_until_cancelled(index(path)).await;
        });
    }
    wait_for_quiet_period().await;
}

async fn index(_path: std::path::PathBuf) {}
async fn wait_for_quiet_period() {}
