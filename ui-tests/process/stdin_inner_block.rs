// child_stdin_not_closed, quiet: the taken stdin lives in an inner block and is dropped
// at its end, before stdout is read and before the wait.
use std::io::{Read, Write};
use std::process::{Command, Stdio};

fn to_upper(text: &str) -> String {
    let mut child = Command::new("tr")
        .args(["a-z", "A-Z"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn tr");
    {
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(text.as_bytes()).expect("write to tr");
    }
    let mut upper = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut upper)
        .expect("read tr output");
    child.wait().expect("wait for tr");
    upper
}
