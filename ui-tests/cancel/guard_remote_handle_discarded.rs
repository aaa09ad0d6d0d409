// guard_dropped_immediately: the `RemoteHandle` of `remote_handle()` discarded: the
// remote future is cancelled as soon as it starts, and the task spawned with it does
// nothing.
use futures::future::FutureExt;

pub async fn refresh() {}

pub fn spawn_refresh() {
    let (remote, _) = refresh().remote_handle(); //~ guard_dropped_immediately
    tokio::spawn(remote);
}

pub async fn kept() -> u32 {
    let (remote, handle) = async { 1 }.remote_handle();
    tokio::spawn(remote);
    let (forgotten, background) = refresh().remote_handle();
    tokio::spawn(forgotten);
    background.forget();
    handle.await
}
