// child_stdin_not_closed: stdin is written in place through `as_mut()` and left open in
// the child while stdout is read to EOF. `tr` only exits (closing its stdout) after its
// stdin reaches EOF, so `read_to_string` never returns.
use std::io::{Read, Write};
use std::process::{Command, Stdio};

fn to_upper(text: &str) -> String {
    let mut child = Command::new("tr")
        .args(["a-z", "A-Z"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn tr");
    child.stdin.as_mut().unwrap().write_all(text.as_bytes()).expect("write to tr"); //~ child_stdin_not_closed
    let mut upper = String::new();
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_to_string(&mut upper)
        .expect("read tr output");
    child.wait().expect("wait for tr");
    upper
}
