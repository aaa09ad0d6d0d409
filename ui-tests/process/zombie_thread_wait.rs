// The child is moved into a spawned thread or blocking task that waits on it: the wait
// happens there, no report. Covers `std::thread::spawn`, `thread::Builder::spawn`, a scoped
// thread, and tokio's `spawn_blocking`.
use std::io;
use std::process::Command;
use std::thread;

pub fn reap_in_background(url: &str) -> io::Result<()> {
    let mut child = Command::new("xdg-open").arg(url).spawn()?;
    thread::spawn(move || child.wait());
    Ok(())
}

pub fn reap_in_named_thread(url: &str) -> io::Result<()> {
    let mut child = Command::new("xdg-open").arg(url).spawn()?;
    thread::Builder::new()
        .name("reaper".into())
        .spawn(move || {
            let _ = child.wait();
        })?;
    Ok(())
}

pub fn reap_in_scope() -> io::Result<()> {
    let mut child = Command::new("sync").spawn()?;
    thread::scope(|s| {
        s.spawn(|| {
            let _ = child.wait();
        });
    });
    Ok(())
}

pub async fn reap_on_blocking_pool(url: String) -> io::Result<()> {
    let mut child = std::process::Command::new("xdg-open").arg(url).spawn()?;
    tokio::task::spawn_blocking(move || child.wait());
    Ok(())
}
