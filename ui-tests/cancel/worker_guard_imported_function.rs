use tracing_appender::non_blocking;

pub fn init_logging(dir: &std::path::Path) {
    let file = tracing_appender::rolling::daily(dir, "server.log");
    let (writer, _) = non_blocking(file); //~ guard_dropped_immediately
    tracing_subscriber::fmt()
        .with_writer(writer)
        .with_ansi(false)
        .init();
}
