// cancel_token_never_cancelled: `cancelled_owned()` is the owned form of `cancelled()`;
// it waits too. The stop future is handed to a server that runs until it resolves.
use tokio_util::sync::CancellationToken;

pub async fn serve_admin() {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    let stop = token.clone().cancelled_owned();
    tokio::spawn(async move {
        tokio::select! {
            _ = stop => println!("admin server stopped"),
            _ = admin_loop() => {}
        }
    });
}

async fn admin_loop() {
    loop {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
}
