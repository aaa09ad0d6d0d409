// child_stdin_not_closed: stdin is taken into a binding that is still alive when
// `wait()` blocks. `wait()` only closes the stdin still inside `child` (none here), and
// `sort` reads until EOF, so neither side ever finishes.
use std::io::Write;
use std::process::{Command, ExitStatus, Stdio};

fn sort_lines(lines: &[&str]) -> ExitStatus {
    let mut child = Command::new("sort")
        .stdin(Stdio::piped())
        .spawn()
        .expect("spawn sort");
    let mut stdin = child.stdin.take().unwrap(); //~ child_stdin_not_closed
    for line in lines {
        writeln!(stdin, "{line}").expect("write to sort");
    }
    child.wait().expect("wait for sort")
}
