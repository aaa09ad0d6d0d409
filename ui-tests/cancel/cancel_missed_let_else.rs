// cancel_missed_on_path: the `else { return ... }` of a `let ... else` is an early exit
// after the spawn. Exit: the `return None;` in the let-else.
use std::collections::HashMap;
use tokio_util::sync::CancellationToken;

pub async fn lookup(cache: &HashMap<String, String>, key: &str) -> Option<String> {
    let token = CancellationToken::new(); //~ cancel_missed_on_path
    let refresher = token.clone();
    tokio::spawn(async move {
        refresher.run_until_cancelled(refresh_loop()).await;
    });
    let Some(value) = cache.get(key) else {
        return None;
    };
    let result = decorate(value).await;
    token.cancel();
    Some(result)
}

async fn refresh_loop() {}

async fn decorate(v: &str) -> String {
    v.to_uppercase()
}
