// child_pipes_read_sequentially, quiet (tokio): a `tokio::select!` loop reads whichever
// of the two line streams is ready until both reach EOF.
use std::io;
use std::process::{ExitStatus, Stdio};

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

async fn stream_build(dir: &str) -> io::Result<ExitStatus> {
    let mut child = Command::new("cargo")
        .arg("build")
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let mut out = BufReader::new(child.stdout.take().expect("stdout is piped")).lines();
    let mut err = BufReader::new(child.stderr.take().expect("stderr is piped")).lines();
    let (mut out_done, mut err_done) = (false, false);
    while !(out_done && err_done) {
        tokio::select! {
            line = out.next_line(), if !out_done => match line? {
                Some(line) => println!("{line}"),
                None => out_done = true,
            },
            line = err.next_line(), if !err_done => match line? {
                Some(line) => eprintln!("{line}"),
                None => err_done = true,
            },
        }
    }
    child.wait().await
}
