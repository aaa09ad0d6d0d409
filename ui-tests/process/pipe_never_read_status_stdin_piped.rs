// child_pipe_never_read, quiet: std `status()` with only stdin piped; stdout and stderr
// are inherited (the default for `status()`), so there is no output pipe to drain, and
// `Child::wait` closes the piped stdin.
use std::process::{Command, Stdio};

fn confirm() -> bool {
    Command::new("read-confirmation")
        .stdin(Stdio::piped())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}
