// child_pipes_read_sequentially, quiet: only stdout is piped; stderr is inherited, so a
// single read to EOF cannot wait on another pipe of this process.
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

fn list_tests() -> Vec<String> {
    let mut child = Command::new("cargo")
        .args(["test", "--", "--list"])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn cargo test");
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut tests = Vec::new();
    for line in BufReader::new(stdout).lines() {
        tests.push(line.expect("read test list"));
    }
    child.wait().expect("wait for cargo test");
    tests
}
