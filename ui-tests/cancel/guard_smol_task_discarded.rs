// guard_dropped_immediately: smol tasks cancelled before they run, spawned as a
// statement and bound to `_`.
pub fn start(executor: &smol::Executor<'static>) {
    smol::spawn(async { refresh().await }); //~ guard_dropped_immediately
    let ex = smol::Executor::new();
    let _ = ex.spawn(async {}); //~ guard_dropped_immediately
    drop(executor);
}

async fn refresh() {}
