// child_pipe_never_read, quiet: rust-lang/rust#27152 written as that thread advises. The
// command is run once, with `output()`, which drains the piped stdout, and the exit status
// is taken from the `Output` instead of a second run with `status()`.
use std::process::Command;
use std::process::Stdio;

fn main() {
    let mut cmd = Command::new("seq");
    cmd.arg("1")
        .arg("100000")
        .stdout(Stdio::piped())
        .stdin(Stdio::null())
        .stderr(Stdio::null());
    let output = cmd.output().expect("run");
    println!("{} bytes, {}", output.stdout.len(), output.status);
}
