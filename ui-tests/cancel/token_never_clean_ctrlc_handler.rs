// cancel_token_never_cancelled (quiet): a clone is captured by a closure registered as a
// signal handler with the `ctrlc` crate; the handler cancels it.
use tokio_util::sync::CancellationToken;

fn main() {
    let token = CancellationToken::new();
    let handler_token = token.clone();
    ctrlc::set_handler(move || handler_token.cancel()).expect("set handler");

    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let worker = token.clone();
        let task = tokio::spawn(async move {
            worker.cancelled().await;
            println!("stopping");
        });
        let _ = task.await;
    });
}
