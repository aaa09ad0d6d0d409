use tracing_appender::non_blocking::NonBlockingBuilder;

pub fn main() {
    let (writer, _guard) = tracing_appender::non_blocking(std::io::stdout());
    tracing_subscriber::fmt().with_writer(writer).init();
    let (_, _file_guard) = NonBlockingBuilder::default()
        .lossy(false)
        .finish(std::fs::File::create("app.log").unwrap());
    // The writer is no guard: discarding it drops nothing that matters.
    let (_, guard) = tracing_appender::non_blocking(std::io::stderr());
    run();
    drop(guard);
}
