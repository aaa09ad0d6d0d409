// child_stdin_not_closed (tokio): `shutdown().await` on a tokio `ChildStdin` does not
// close the pipe on Unix (its `poll_shutdown` is a no-op that returns Ready(Ok(()))), so
// the binding still holds the write end across `wait_with_output()` and `jq` never sees
// EOF. Only dropping the `ChildStdin` closes it.
use std::io;
use std::process::{Output, Stdio};

use tokio::io::AsyncWriteExt;
use tokio::process::Command;

async fn jq(filter: &str, json: &[u8]) -> io::Result<Output> {
    let mut child = Command::new("jq")
        .arg(filter)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().unwrap(); //~ child_stdin_not_closed
    stdin.write_all(json).await?;
    stdin.shutdown().await?;
    child.wait_with_output().await
}
