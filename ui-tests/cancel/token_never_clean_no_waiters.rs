// cancel_token_never_cancelled (quiet): the token is created but never handed to a task or
// an awaited future; only `is_cancelled()` is checked synchronously. Nothing waits on
// it, so nothing can hang.
use tokio_util::sync::CancellationToken;

pub fn process_batch(items: &[u32]) -> u32 {
    let token = CancellationToken::new();
    let mut sum = 0;
    for item in items {
        if token.is_cancelled() {
            break;
        }
        sum += item;
    }
    sum
}
