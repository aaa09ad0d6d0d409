// Reading both pipes under `join!` polls them together: no finding. Reading them one
// after the other in the same task is the deadlock.
use std::io;
use std::process::Stdio;
use tokio::io::AsyncReadExt;
use tokio::process::Command;

async fn joined() -> io::Result<(Vec<u8>, Vec<u8>)> {
    let mut child = Command::new("make")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let mut stdout = child.stdout.take().expect("piped");
    let mut stderr = child.stderr.take().expect("piped");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let (a, b) = tokio::join!(stdout.read_to_end(&mut out), stderr.read_to_end(&mut err));
    a?;
    b?;
    child.wait().await?;
    Ok((out, err))
}

async fn one_after_the_other() -> io::Result<(Vec<u8>, Vec<u8>)> {
    let mut child = Command::new("make") //~ child_pipes_read_sequentially
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let mut stdout = child.stdout.take().expect("piped");
    let mut stderr = child.stderr.take().expect("piped");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    stdout.read_to_end(&mut out).await?;
    stderr.read_to_end(&mut err).await?;
    child.wait().await?;
    Ok((out, err))
}
