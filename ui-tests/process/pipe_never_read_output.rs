// child_pipe_never_read, quiet: `output()` pipes and drains stdout and stderr itself;
// setting `Stdio::piped()` explicitly changes nothing.
use std::process::{Command, Stdio};

fn kernel_version() -> String {
    let output = Command::new("uname")
        .arg("-r")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("run uname");
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}
