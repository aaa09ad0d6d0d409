pub fn init_logging() {
    let (writer, _) = tracing_appender::non_blocking(std::io::stdout()); //~ guard_dropped_immediately
    tracing_subscriber::fmt().with_writer(writer).init();
}
