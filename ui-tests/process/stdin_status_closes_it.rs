// child_stdin_not_closed / child_pipe_never_read, quiet: std `Command::status()` with only
// stdin piped. It spawns and calls `Child::wait`, which closes the piped stdin at once;
// stdout and stderr are inherited, so nothing is left unread.
use std::process::{Command, Stdio};

fn run_hook(hook: &str) -> bool {
    Command::new(hook)
        .stdin(Stdio::piped())
        .status()
        .map(|status| status.success())
        .unwrap_or(false)
}
