// child_pipe_never_read: the shape of rust-lang/rust#27152. A `Command` is configured
// with a piped stdout and run twice: `output()` reads its pipe, but the later `status()`
// spawns a second child whose piped stdout nobody reads, so it hangs once that child
// prints more than the pipe buffer holds. The finding is on the `status()` call.
use std::process::Command;
use std::process::Stdio;

fn main() {
    let mut cmd = Command::new("seq");
    cmd.arg("1")
        .arg("100000")
        .stdout(Stdio::piped())
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .expect("first run");
    println!("running again with status()");
    cmd.status().expect("second run"); //~ child_pipe_never_read
    println!("status() returned");
}
