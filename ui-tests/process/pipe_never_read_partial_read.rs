// child_pipe_never_read, quiet (judgement call): only the first line of the piped stdout
// is read, in place, before `wait()`. The rest could still fill the pipe, but the pipe
// *is* read first, which is what the lint asks for; `--version` prints one line anyway.
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

fn tool_version(tool: &str) -> String {
    let mut child = Command::new(tool)
        .arg("--version")
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn tool");
    let mut first = String::new();
    if let Some(stdout) = child.stdout.as_mut() {
        BufReader::new(stdout).read_line(&mut first).expect("read version");
    }
    child.wait().expect("wait for tool");
    first.trim().to_string()
}
