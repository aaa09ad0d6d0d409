// child_pipe_never_read, quiet (tokio): stdout and stderr are taken and each handed to a
// spawned task that reads it line by line while `wait().await` runs.
use std::io;
use std::process::{ExitStatus, Stdio};

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

async fn run_server_migration() -> io::Result<ExitStatus> {
    let mut child = Command::new("./migrate")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let stdout = child.stdout.take().expect("stdout is piped");
    let stderr = child.stderr.take().expect("stderr is piped");
    let out_task = tokio::spawn(async move {
        let mut lines = BufReader::new(stdout).lines();
        while let Ok(Some(line)) = lines.next_line().await {
            println!("migrate: {line}");
        }
    });
    let err_task = tokio::spawn(async move {
        let mut lines = BufReader::new(stderr).lines();
        while let Ok(Some(line)) = lines.next_line().await {
            eprintln!("migrate: {line}");
        }
    });
    let status = child.wait().await?;
    let _ = tokio::join!(out_task, err_task);
    Ok(status)
}
