// child_pipe_never_read: stdout is taken and read line by line, but stderr is also piped
// and never taken nor read before `wait()`. A compiler that prints many warnings fills the
// stderr pipe and stops, so the stdout loop and then the wait hang.
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

fn compile(file: &str) -> Vec<String> {
    let mut child = Command::new("rustc") //~ child_pipe_never_read
        .arg(file)
        .stdout(Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn rustc");
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut lines = Vec::new();
    for line in BufReader::new(stdout).lines() {
        lines.push(line.expect("read rustc output"));
    }
    child.wait().expect("wait for rustc");
    lines
}
