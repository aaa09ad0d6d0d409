// cancel_missed_on_path (quiet): `unwrap()`/`expect()` panic instead of returning; a panic
// is not one of this lint's exits (`?`, `return`, `break`), so nothing is reported.
use tokio_util::sync::CancellationToken;

pub async fn boot(config_path: &str) {
    let token = CancellationToken::new();
    let watcher = token.clone();
    tokio::spawn(async move {
        watcher.cancelled().await;
    });
    let text = std::fs::read_to_string(config_path).expect("config");
    let port: u16 = text.trim().parse().unwrap();
    listen(port).await;
    token.cancel();
}

async fn listen(_p: u16) {}
