// child_stdin_not_closed: the taken stdin is still alive during the `lines()` loop over
// stdout; `nl` keeps waiting for more input, the loop keeps waiting for EOF. Dropping
// stdin after the loop is too late.
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

fn number_lines(text: &str) -> Vec<String> {
    let mut child = Command::new("nl")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn nl");
    let mut stdin = child.stdin.take().unwrap(); //~ child_stdin_not_closed
    stdin.write_all(text.as_bytes()).expect("write to nl");
    let stdout = child.stdout.take().unwrap();
    let mut numbered = Vec::new();
    for line in BufReader::new(stdout).lines() {
        numbered.push(line.expect("read nl output"));
    }
    drop(stdin);
    child.wait().expect("wait for nl");
    numbered
}
