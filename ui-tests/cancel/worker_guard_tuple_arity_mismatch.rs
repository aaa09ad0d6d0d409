// Does not compile: the pattern has more elements than the tuple. The linter must
// stay quiet rather than guess which element is which.
pub fn init_logging() {
    let (.., writer, guard, extra) = tracing_appender::non_blocking(std::io::stdout());
    let (only,) = tracing_appender::non_blocking(std::io::stdout());
    tracing_subscriber::fmt().with_writer(writer).init();
}
