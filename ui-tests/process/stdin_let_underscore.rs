// child_stdin_not_closed, quiet: `let _ = child.stdin.take();` drops the taken pipe at
// once (the `_` pattern binds nothing), so `cat` sees EOF before the wait. Compare
// stdin_underscore_binding_held.rs, where `_stdin` keeps it alive.
use std::process::{Command, ExitStatus, Stdio};

fn run_cat_to_terminal() -> ExitStatus {
    let mut child = Command::new("cat")
        .stdin(Stdio::piped())
        .spawn()
        .expect("spawn cat");
    let _ = child.stdin.take();
    child.wait().expect("wait for cat")
}
