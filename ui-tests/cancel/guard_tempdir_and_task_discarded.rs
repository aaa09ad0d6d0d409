// guard_dropped_immediately: a temporary directory and file deleted as soon as they are
// made, and smol tasks cancelled before they run.
use std::path::PathBuf;

pub fn scratch_space() -> std::io::Result<PathBuf> {
    let _ = tempfile::tempdir()?; //~ guard_dropped_immediately
    tempfile::Builder::new().prefix("cache").tempfile()?; //~ guard_dropped_immediately
    Ok(std::env::temp_dir())
}

pub fn start(executor: &smol::Executor<'static>) {
    smol::spawn(async { refresh().await }); //~ guard_dropped_immediately
    let ex = smol::Executor::new();
    let _ = ex.spawn(async {}); //~ guard_dropped_immediately
    drop(executor);
}

async fn refresh() {}
