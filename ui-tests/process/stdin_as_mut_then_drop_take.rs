// child_stdin_not_closed, quiet: stdin is written in place through `as_mut()`, then
// closed with `drop(child.stdin.take())` before stdout is read to EOF. (The
// runmat-org/runmat review-thread shape, read by hand instead of `wait_with_output`.)
use std::io::{Read, Write};
use std::process::{Command, Stdio};

fn run_script(script: &str) -> String {
    let mut child = Command::new("python3")
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn python3");
    if let Some(stdin) = child.stdin.as_mut() {
        stdin.write_all(script.as_bytes()).expect("write script");
    }
    drop(child.stdin.take());
    let mut out = String::new();
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_to_string(&mut out)
        .expect("read script output");
    child.wait().expect("wait for python3");
    out
}
