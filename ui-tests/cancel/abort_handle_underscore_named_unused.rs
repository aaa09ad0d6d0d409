// abort_handle_unused: `_handle` is bound (unlike `_`), so it lives to the end of scope,
// but it is never used; holding an AbortHandle does nothing on drop (it has no `Drop`).
use futures::future::abortable;

pub async fn run_query(sql: String) -> Result<u64, futures::future::Aborted> {
    let (query, _handle) = abortable(execute(sql)); //~ abort_handle_unused
    let rows = tokio::spawn(query).await.expect("task panicked")?;
    Ok(rows)
}

async fn execute(_sql: String) -> u64 {
    0
}
