// guard_dropped_immediately: a span entered and exited in the same statement (the shape
// of a benchmark meant to log inside the span), and an `entered()` span thrown away.
use tracing::info_span;

pub fn bench_event_in_span() {
    let span = info_span!("foo");
    let _ = span.enter(); //~ guard_dropped_immediately
    tracing::info!("hi");
}

pub fn handle() {
    info_span!("handle").entered(); //~ guard_dropped_immediately
    tracing::info!("handling");
}
