// child_pipes_read_sequentially (tokio): `read_to_end(..).await` on stdout, then on
// stderr, in the same task: the first await never completes once stderr is full.
use std::io;
use std::process::Stdio;

use tokio::io::AsyncReadExt;
use tokio::process::Command;

async fn run(program: &str) -> io::Result<(Vec<u8>, Vec<u8>)> {
    let mut child = Command::new(program) //~ child_pipes_read_sequentially
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut stderr = child.stderr.take().expect("stderr is piped");
    let mut out = Vec::new();
    let mut err = Vec::new();
    stdout.read_to_end(&mut out).await?;
    stderr.read_to_end(&mut err).await?;
    child.wait().await?;
    Ok((out, err))
}
