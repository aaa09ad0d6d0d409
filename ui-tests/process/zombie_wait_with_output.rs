// `wait_with_output()` waits for the child (and drains its pipes): the child is settled,
// whether called on the binding, on the spawn expression directly, or after taking stdin.
use std::io::{self, Write};
use std::process::{Command, Output, Stdio};

pub fn capture() -> io::Result<Output> {
    let child = Command::new("git").arg("status").stdout(Stdio::piped()).spawn()?;
    child.wait_with_output()
}

pub fn capture_chained() -> io::Result<Vec<u8>> {
    let out = Command::new("git")
        .arg("log")
        .arg("-1")
        .stdout(Stdio::piped())
        .spawn()?
        .wait_with_output()?;
    Ok(out.stdout)
}

pub fn filter(input: &str) -> io::Result<String> {
    let mut child = Command::new("tr")
        .arg("a-z")
        .arg("A-Z")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = input.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output()?;
    writer.join().expect("writer thread")?;
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}
