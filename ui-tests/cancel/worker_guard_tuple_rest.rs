use tracing_appender::non_blocking::NonBlocking;

pub fn init_logging() {
    // `..` does not bind the elements it stands for either.
    let (writer, ..) = tracing_appender::non_blocking(std::io::stderr()); //~ guard_dropped_immediately
    tracing_subscriber::fmt().with_writer(writer).init();
}

pub fn init_with_constructor() {
    let (writer, _) = NonBlocking::new(std::io::stdout()); //~ guard_dropped_immediately
    tracing_subscriber::fmt().with_writer(writer).init();
}
