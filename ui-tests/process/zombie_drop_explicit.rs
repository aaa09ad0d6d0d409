// `drop(child)` (std's `drop`, known to do nothing but drop) does not wait: `Child` has no
// `Drop`, so the process is left to become a zombie. Unlike a function the tool cannot see
// into, `drop` is not an escape. The second function is the shape of a "detached" helper
// seen in the wild: stdin is written and closed, then the child handle is dropped.
// Difference from clippy, which treats any by-value call as a possible wait.
use std::io::{self, Write};
use std::process::{Command, Stdio};

pub fn start_and_forget() -> io::Result<()> {
    let child = Command::new("updater").arg("--background").spawn()?; //~ zombie_child
    drop(child);
    Ok(())
}

pub fn spawn_paste_helper(text: &str) -> io::Result<()> {
    let mut child = Command::new("paste-helper") //~ zombie_child
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    stdin.write_all(text.as_bytes())?;
    drop(stdin);
    std::mem::drop(child);
    Ok(())
}
