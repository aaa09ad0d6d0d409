// child_stdin_not_closed, quiet (tokio): stdin is written in place and left in the child;
// tokio's `Child::wait` drops `self.stdin` before waiting, so `wc` sees EOF.
use std::io;
use std::process::{ExitStatus, Stdio};

use tokio::io::AsyncWriteExt;
use tokio::process::Command;

async fn count_words(text: &str) -> io::Result<ExitStatus> {
    let mut child = Command::new("wc")
        .arg("-w")
        .stdin(Stdio::piped())
        .spawn()?;
    child
        .stdin
        .as_mut()
        .expect("stdin is piped")
        .write_all(text.as_bytes())
        .await?;
    child.wait().await
}
