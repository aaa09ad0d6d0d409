use tracing_appender::non_blocking::NonBlockingBuilder;

pub fn init_logging(file: std::fs::File) {
    let _ = NonBlockingBuilder::default().lossy(false).finish(file); //~ guard_dropped_immediately
}

pub fn init_stderr() {
    let (writer, _) = NonBlockingBuilder::default() //~ guard_dropped_immediately
        .buffered_lines_limit(64_000)
        .thread_name("log-writer")
        .finish(std::io::stderr());
    tracing_subscriber::fmt().with_writer(writer).init();
}
