// child_pipes_read_sequentially, quiet (tokio): both reads run concurrently under
// `tokio::join!`.
use std::io;
use std::process::Stdio;

use tokio::io::AsyncReadExt;
use tokio::process::Command;

async fn run(program: &str) -> io::Result<(Vec<u8>, Vec<u8>)> {
    let mut child = Command::new(program)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut stderr = child.stderr.take().expect("stderr is piped");
    let mut out = Vec::new();
    let mut err = Vec::new();
    let (read_out, read_err) = tokio::join!(stdout.read_to_end(&mut out), stderr.read_to_end(&mut err));
    read_out?;
    read_err?;
    child.wait().await?;
    Ok((out, err))
}
