// child_stdin_not_closed, quiet: the taken stdin is dropped before `wait()`, so `sort`
// sees EOF, prints and exits.
use std::io::Write;
use std::process::{Command, ExitStatus, Stdio};

fn sort_lines(lines: &[&str]) -> ExitStatus {
    let mut child = Command::new("sort")
        .stdin(Stdio::piped())
        .spawn()
        .expect("spawn sort");
    let mut stdin = child.stdin.take().unwrap();
    for line in lines {
        writeln!(stdin, "{line}").expect("write to sort");
    }
    drop(stdin);
    child.wait().expect("wait for sort")
}
