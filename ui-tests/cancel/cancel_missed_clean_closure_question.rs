// cancel_missed_on_path (quiet): the `?` is inside a closure; it returns from the closure,
// not from `summarize`, so every path out of `summarize` reaches `cancel()`.
use tokio_util::sync::CancellationToken;

pub async fn summarize(lines: &[&str]) -> Vec<u32> {
    let token = CancellationToken::new();
    let spinner = token.clone();
    tokio::spawn(async move {
        spinner.cancelled().await;
    });
    let parsed: Vec<u32> = lines
        .iter()
        .filter_map(|l| {
            let n: u32 = l.trim().parse().ok()?;
            Some(n * 2)
        })
        .collect();
    token.cancel();
    parsed
}
