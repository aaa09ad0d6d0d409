// cancel_missed_on_path (quiet): the function's own macro binds a scopeguard guard in the
// caller's block, so its closure cancels the token where that block ends, at the `?` too.
use tokio_util::sync::CancellationToken;

macro_rules! cancel_on_exit {
    ($token:ident) => {
        let _cancel = scopeguard::guard((), |()| $token.cancel());
    };
}

pub async fn crawl(urls: Vec<String>) -> Result<usize, String> {
    let token = CancellationToken::new();
    cancel_on_exit!(token);
    for url in &urls {
        let token = token.clone();
        let url = url.clone();
        tokio::spawn(async move {
            token.run_until_cancelled(fetch(url)).await;
        });
    }
    let count = check(&urls)?;
    Ok(count)
}

async fn fetch(_url: String) {}

fn check(urls: &[String]) -> Result<usize, String> {
    Ok(urls.len())
}
