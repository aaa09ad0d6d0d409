// tokio_child_outlives_timeout: a tool run under a time limit. When the limit is hit, the
// future owning (or waiting on) the child is dropped, and tokio does not kill a child
// whose command was not built with `kill_on_drop(true)`: the process keeps running.
use std::process::Stdio;
use std::time::Duration;

use tokio::process::Command as TokioCommand;
use tokio::time::{sleep, timeout};

pub async fn lint_file(path: &str) -> Option<std::process::Output> {
    let run = TokioCommand::new("slow-linter").arg(path).output(); //~ tokio_child_outlives_timeout
    timeout(Duration::from_secs(10), run).await.ok()?.ok()
}

pub async fn probe(binary: &str) -> bool {
    let mut cmd = TokioCommand::new(binary);
    cmd.arg("--version").stdout(Stdio::null());
    matches!(
        tokio::time::timeout(Duration::from_secs(2), cmd.status()).await, //~ tokio_child_outlives_timeout
        Ok(Ok(status)) if status.success()
    )
}

pub async fn render(input: &str) -> std::io::Result<Vec<u8>> {
    let child = TokioCommand::new("renderer")
        .arg(input)
        .stdout(Stdio::piped())
        .spawn()?;
    tokio::select! {
        out = child.wait_with_output() => Ok(out?.stdout), //~ tokio_child_outlives_timeout
        _ = sleep(Duration::from_secs(30)) => Err(std::io::ErrorKind::TimedOut.into()),
    }
}

pub async fn supervise(name: &str) -> std::io::Result<()> {
    let mut child = TokioCommand::new(name).spawn()?;
    for _ in 0..3 {
        if let Ok(status) = timeout(Duration::from_secs(60), child.wait()).await { //~ tokio_child_outlives_timeout
            status?;
            return Ok(());
        }
        tracing::warn!("still running");
    }
    Ok(())
}
