// child_pipe_never_read, quiet: the piped stdout is taken and read line by line to EOF,
// then the child is waited.
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

fn changed_files(base: &str) -> Vec<String> {
    let mut child = Command::new("git")
        .args(["diff", "--name-only", base])
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn git diff");
    let stdout = child.stdout.take().expect("stdout is piped");
    let files = BufReader::new(stdout)
        .lines()
        .map(|line| line.expect("read git output"))
        .collect();
    child.wait().expect("wait for git diff");
    files
}
