// child_stdin_not_closed: `_stdin` is a live binding (unlike the `_` pattern), so the pipe
// taken out of the child stays open until the end of the function, after `wait()`.
// `cat` waits for EOF forever.
use std::process::{Command, ExitStatus, Stdio};

fn run_cat_to_terminal() -> ExitStatus {
    let mut child = Command::new("cat")
        .stdin(Stdio::piped())
        .spawn()
        .expect("spawn cat");
    let _stdin = child.stdin.take(); //~ child_stdin_not_closed
    child.wait().expect("wait for cat")
}
