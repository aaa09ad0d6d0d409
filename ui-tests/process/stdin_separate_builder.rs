// child_stdin_not_closed: the builder is configured statement by statement; the taken
// stdin is alive across `wait_with_output()`, and `bc` evaluates until EOF.
use std::io::Write;
use std::process::{Command, Stdio};

fn evaluate(expr: &str) -> String {
    let mut cmd = Command::new("bc");
    cmd.arg("-q");
    cmd.stdin(Stdio::piped());
    cmd.stdout(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn bc");
    let mut stdin = child.stdin.take().unwrap(); //~ child_stdin_not_closed
    writeln!(stdin, "{expr}").expect("write expression");
    let output = child.wait_with_output().expect("wait for bc");
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}
