// child_pipes_read_sequentially, quiet (tokio): stderr is read in a spawned task while
// this task reads stdout to EOF.
use std::io;
use std::process::Stdio;

use tokio::io::AsyncReadExt;
use tokio::process::Command;

async fn run(program: &str) -> io::Result<(Vec<u8>, String)> {
    let mut child = Command::new(program)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut stderr = child.stderr.take().expect("stderr is piped");
    let err_task = tokio::spawn(async move {
        let mut s = String::new();
        stderr.read_to_string(&mut s).await.map(|_| s)
    });
    let mut out = Vec::new();
    stdout.read_to_end(&mut out).await?;
    let err = err_task.await??;
    child.wait().await?;
    Ok((out, err))
}
