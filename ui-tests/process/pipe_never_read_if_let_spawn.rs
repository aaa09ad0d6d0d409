// child_pipe_never_read: the child comes from `if let Ok(mut child) = ..spawn()`; its
// piped stdout is never read before `wait()`. The finding is on the `spawn()` call in the
// `if let`.
use std::process::{Command, Stdio};

fn ping(host: &str) -> bool {
    if let Ok(mut child) = Command::new("ping").args(["-c", "100", host]).stdout(Stdio::piped()).spawn() { //~ child_pipe_never_read
        return child.wait().map(|s| s.success()).unwrap_or(false);
    }
    false
}
