// child_pipes_read_sequentially, quiet (tokio): the two reads and the wait run together
// under `tokio::try_join!`.
use std::io;
use std::process::{ExitStatus, Stdio};

use tokio::io::AsyncReadExt;
use tokio::process::Command;

async fn run(program: &str) -> io::Result<(ExitStatus, String, String)> {
    let mut child = Command::new(program)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut stderr = child.stderr.take().expect("stderr is piped");
    let mut out = String::new();
    let mut err = String::new();
    let (status, _, _) = tokio::try_join!(
        child.wait(),
        stdout.read_to_string(&mut out),
        stderr.read_to_string(&mut err),
    )?;
    Ok((status, out, err))
}
