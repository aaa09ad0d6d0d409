use tracing_appender::non_blocking;

/// The worker guard is dropped here, so the log worker stops and later lines are lost.
pub fn init() {
    let (writer, _) = non_blocking(std::io::stdout());
    tracing_subscriber::fmt().with_writer(writer).init();
}

/// Correct: the caller keeps the guard alive.
pub fn init_with_guard() -> tracing_appender::non_blocking::WorkerGuard {
    let (writer, guard) = non_blocking(std::io::stderr());
    tracing_subscriber::fmt().with_writer(writer).init();
    guard
}
