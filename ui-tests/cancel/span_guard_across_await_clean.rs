// span_guard_held_across_await (quiet): spans entered only around synchronous code, or
// attached to the future instead.
// - `in_scope` and `instrument`;
// - the guard dropped, or exited, before the `.await`;
// - the guard in a block that ends before the `.await`;
// - an `.await` inside a closure or an async block, which runs on its own;
// - a guard in a function that is not async;
// - a runtime's `enter()` guard, which is no span.
use tracing::{Instrument, info_span};

pub async fn instrumented(client: Client) -> Connection {
    let span = info_span!("connect");
    span.in_scope(|| tracing::info!("starting"));
    async move { client.connect().await }.instrument(span).await
}

pub async fn dropped(client: Client) -> Connection {
    let span = info_span!("connect");
    let guard = span.enter();
    tracing::info!("starting");
    drop(guard);
    client.connect().await
}

pub async fn exited(client: Client) -> Connection {
    let entered = info_span!("connect").entered();
    tracing::info!("starting");
    entered.exit();
    client.connect().await
}

pub async fn scoped(client: Client) -> Connection {
    {
        let span = info_span!("prepare");
        let _enter = span.enter();
        tracing::info!("preparing");
    }
    client.connect().await
}

pub async fn spawned(client: Client) {
    let span = info_span!("outer");
    let _enter = span.enter();
    let task = async move {
        client.connect().await;
    };
    tokio::spawn(task.in_current_span());
}

pub fn blocking() {
    let span = info_span!("blocking");
    let _enter = span.enter();
    std::thread::sleep(std::time::Duration::from_millis(1));
}

pub async fn runtime_guard(handle: tokio::runtime::Handle, client: Client) {
    let _guard = handle.enter();
    client.connect().await;
}

pub struct Client;
pub struct Connection;

impl Client {
    async fn connect(&self) -> Connection {
        Connection
    }
}
