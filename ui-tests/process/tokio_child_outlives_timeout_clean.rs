// tokio_child_outlives_timeout (quiet): the child is killed when the time runs out, by
// `kill_on_drop(true)` on the command (in the chain, or on the variable), or by `kill()`
// on the timeout's error path; std's blocking `output()` is no future to drop; and a
// child from elsewhere is not followed.
use std::time::Duration;

use tokio::process::{Child, Command};
use tokio::time::timeout;

pub async fn chained(path: &str) -> Option<std::process::Output> {
    let run = Command::new("slow-linter").arg(path).kill_on_drop(true).output();
    timeout(Duration::from_secs(10), run).await.ok()?.ok()
}

pub async fn on_the_variable(binary: &str) -> bool {
    let mut cmd = Command::new(binary);
    cmd.kill_on_drop(true);
    timeout(Duration::from_secs(2), cmd.status()).await.is_ok()
}

pub async fn killed_on_timeout(name: &str) -> std::io::Result<()> {
    let mut child = Command::new(name).spawn()?;
    match timeout(Duration::from_secs(60), child.wait()).await {
        Ok(status) => {
            status?;
        }
        Err(_) => {
            child.kill().await?;
        }
    }
    Ok(())
}

pub async fn spawned_killing(name: &str) -> std::io::Result<()> {
    let child = Command::new(name).kill_on_drop(true).spawn()?;
    let _ = timeout(Duration::from_secs(5), child.wait_with_output()).await;
    Ok(())
}

pub async fn given(mut child: Child) {
    let _ = timeout(Duration::from_secs(5), child.wait()).await;
}

pub fn blocking(name: &str) -> std::io::Result<std::process::Output> {
    std::process::Command::new(name).output()
}
