// child_pipe_never_read: on the quiet path the function returns `child.wait()` without
// reading the piped stdout; only the verbose path drains it.
use std::io::{BufRead, BufReader};
use std::process::{Command, ExitStatus, Stdio};

fn run_tests(verbose: bool) -> ExitStatus {
    let mut child = Command::new("cargo") //~ child_pipe_never_read
        .arg("test")
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn cargo test");
    if !verbose {
        return child.wait().expect("wait for cargo test");
    }
    let stdout = child.stdout.take().expect("stdout is piped");
    for line in BufReader::new(stdout).lines() {
        println!("{}", line.expect("read test output"));
    }
    child.wait().expect("wait for cargo test")
}
