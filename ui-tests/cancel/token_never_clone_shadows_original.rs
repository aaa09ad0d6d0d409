// cancel_token_never_cancelled: `let token = token.clone();` shadows the original with a
// clone; both bindings are handles of the same token, and none of them is cancelled (the
// later `is_cancelled()` is neutral).
use tokio_util::sync::CancellationToken;

pub async fn run_uploads(files: Vec<String>) -> usize {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    for file in files.iter().cloned() {
        let token = token.clone();
        tokio::spawn(async move {
            token.run_until_cancelled(upload(file)).await;
        });
    }
    if token.is_cancelled() {
        return 0;
    }
    files.len()
}

async fn upload(_file: String) {}
