use tokio_util::sync::{CancellationToken, DropGuard};
use tracing_appender::non_blocking::WorkerGuard;

pub fn cancel_on_drop(token: &CancellationToken) -> DropGuard {
    token.clone().drop_guard()
}

pub fn cancel_on_drop_early(token: &CancellationToken, armed: bool) -> Option<DropGuard> {
    if !armed {
        return None;
    }
    return Some(token.child_token().drop_guard());
}

pub fn init_logging() -> WorkerGuard {
    let (writer, guard) = tracing_appender::non_blocking(std::io::stdout());
    tracing_subscriber::fmt().with_writer(writer).init();
    guard
}
