// abort_handle_unused: `abortable` brought in by a glob import of `futures::future`.
use futures::future::*;

pub async fn timed(n: u64) -> u64 {
    let (f, _h) = abortable(slow_square(n)); //~ abort_handle_unused
    f.await.unwrap_or(0)
}

async fn slow_square(n: u64) -> u64 {
    n * n
}
