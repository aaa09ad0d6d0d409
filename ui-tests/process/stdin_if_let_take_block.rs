// child_stdin_not_closed, quiet: `if let Some(mut stdin) = child.stdin.take()` scopes the
// pipe to the `if` block; it is closed when the block ends, before
// `wait_with_output()`. (The martian56/raven#404 shape: that report is about writing
// before draining, which none of the pipe lints claims.)
use std::io::{self, Write};
use std::process::{Command, Output, Stdio};

fn run_with_input(program: &str, input: &str) -> io::Result<Output> {
    let mut child = Command::new(program)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(input.as_bytes());
    }
    child.wait_with_output()
}
