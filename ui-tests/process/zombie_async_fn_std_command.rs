// A std `Command` used inside an `async fn` (or an async block) still produces a std
// `Child` that nobody waits on: being in async code does not make it tokio's.
use std::process::Command;

pub async fn notify_async(summary: String) -> std::io::Result<()> {
    Command::new("notify-send").arg(&summary).spawn()?; //~ zombie_child
    tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    Ok(())
}

pub async fn notify_in_block(summary: String) {
    let task = async move {
        let _ = Command::new("notify-send").arg(summary).spawn(); //~ zombie_child
    };
    task.await;
}
