use tokio_util::sync::{CancellationToken, DropGuard};
use tracing_appender::non_blocking::{NonBlocking, WorkerGuard};

// A place expression names a guard that already exists: `let _ = guard;` does not even
// move it, so nothing is dropped early.
pub async fn serve(token: CancellationToken) {
    let guard = token.drop_guard();
    let _ = guard;
    _ = guard;
    run_workers().await;
}

pub struct Service {
    guard: DropGuard,
    logs: (NonBlocking, WorkerGuard),
}

impl Service {
    pub fn touch(&self) {
        let _ = self.guard;
    }

    pub fn into_writer(self) -> NonBlocking {
        // Moves the writer out; the worker guard stays in `self.logs` until `self` goes.
        let (writer, _) = self.logs;
        writer
    }
}

pub fn split_later() {
    let logs = tracing_appender::non_blocking(std::io::stdout());
    let (writer, _) = logs;
    tracing_subscriber::fmt().with_writer(writer).init();
}

pub fn explicit(token: CancellationToken) {
    let guard = token.drop_guard();
    // As explicit as `drop(guard)`; rustc's `path_statements` lint already flags it.
    guard;
}
