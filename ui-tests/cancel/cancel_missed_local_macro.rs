// cancel_missed_on_path: the function's own `check!` macro returns early when its
// condition fails; that exit skips the `cancel()` while the progress task waits.
use tokio_util::sync::CancellationToken;

#[derive(Debug)]
pub enum Error {
    Invalid(&'static str),
}

pub async fn import(rows: Vec<String>) -> Result<usize, Error> {
    let token = CancellationToken::new(); //~ cancel_missed_on_path
    let progress = token.clone();
    tokio::spawn(async move {
        progress.run_until_cancelled(report_progress()).await;
    });
    macro_rules! check {
        ($cond:expr, $what:literal) => {
            if !$cond {
                return Err(Error::Invalid($what));
            }
        };
    }
    check!(!rows.is_empty(), "no rows");
    let count = rows.len();
    token.cancel();
    Ok(count)
}

async fn report_progress() {}
