// span_guard_held_across_await: a span entered with `enter()`/`entered()` whose guard is
// still alive at an `.await` (the shape of a client's consumer-recreation routine, of a
// test that connects inside a span, of a handler given its span, and of a spawned task).
use tracing::{Span, info_span};

pub async fn recreate_consumer(context: Context, name: &str, sequence: u64) -> Result<(), Error> {
    let span = tracing::span!(tracing::Level::DEBUG, "recreate_consumer", name, sequence);
    let _span_handle = span.enter(); //~ span_guard_held_across_await
    tracing::trace!("delete old consumer before creating new one");
    context.delete_consumer(name).await.ok();
    context.create_consumer(name, sequence).await
}

pub async fn connect(client: Client) -> Connection {
    let connection = {
        let _guard = tracing::error_span!("client").entered(); //~ span_guard_held_across_await
        client.connect("localhost").await
    };
    tracing::info!("connected");
    connection
}

pub async fn handle(span: Span, mut requests: Requests) {
    let _enter = span.enter(); //~ span_guard_held_across_await
    while let Some(request) = requests.next() {
        if request.urgent {
            request.reply().await;
        }
    }
}

pub fn spawn_worker(id: u32) {
    tokio::spawn(async move {
        let span = info_span!("worker", id);
        let _e = span.enter(); //~ span_guard_held_across_await
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    });
}

pub struct Context;
pub struct Error;
pub struct Client;
pub struct Connection;
pub struct Requests;
pub struct Request {
    urgent: bool,
}

impl Context {
    async fn delete_consumer(&self, _name: &str) -> Result<(), Error> {
        Ok(())
    }
    async fn create_consumer(&self, _name: &str, _sequence: u64) -> Result<(), Error> {
        Ok(())
    }
}

impl Client {
    async fn connect(&self, _host: &str) -> Connection {
        Connection
    }
}

impl Requests {
    fn next(&mut self) -> Option<Request> {
        None
    }
}

impl Request {
    async fn reply(&self) {}
}
