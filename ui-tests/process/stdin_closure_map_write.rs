// child_stdin_not_closed: the write goes through a closure passed to
// `child.stdin.as_mut().map(..)`; stdin stays open in the child while stdout is read to
// EOF, and `pandoc` converts only after reading all of its input.
use std::io::{Read, Write};
use std::process::{Command, Stdio};

fn markdown_to_html(src: &str) -> Vec<u8> {
    let mut child = Command::new("pandoc")
        .args(["-f", "markdown", "-t", "html"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn pandoc");
    child.stdin.as_mut().map(|stdin| stdin.write_all(src.as_bytes())).transpose().expect("write markdown"); //~ child_stdin_not_closed
    let mut html = Vec::new();
    child
        .stdout
        .as_mut()
        .expect("stdout is piped")
        .read_to_end(&mut html)
        .expect("read html");
    child.wait().expect("wait for pandoc");
    html
}
