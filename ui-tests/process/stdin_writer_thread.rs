// child_stdin_not_closed, quiet: the pattern from the std documentation. The taken stdin
// is moved into a writer thread, which drops it when the write is done; meanwhile
// `wait_with_output()` drains stdout.
use std::io::Write;
use std::process::{Command, Stdio};
use std::thread;

fn reverse_lines(text: String) -> String {
    let mut child = Command::new("rev")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn rev");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    thread::spawn(move || {
        stdin.write_all(text.as_bytes()).expect("write to rev");
    });
    let output = child.wait_with_output().expect("wait for rev");
    String::from_utf8_lossy(&output.stdout).into_owned()
}
