// cancel_token_never_cancelled: `drop(token)` only decrements the handle count; tokio-util's
// `Drop for CancellationToken` never cancels. The spinner keeps spinning after the work
// is done. `std::mem::drop` is not an escape: it is known not to cancel.
use tokio_util::sync::CancellationToken;

pub async fn with_spinner(label: &str) {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    let spinner_token = token.clone();
    let label = label.to_owned();
    tokio::spawn(async move {
        let frames = ['|', '/', '-', '\\'];
        let mut i = 0;
        while !spinner_token.is_cancelled() {
            eprint!("\r{} {}", frames[i % 4], label);
            i += 1;
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    });
    long_operation().await;
    drop(token);
}

async fn long_operation() {}
