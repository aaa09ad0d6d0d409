// child_pipe_never_read: one child whose piped stdout is never read, waited on two paths:
// reported once, at the first wait, with the other wait labelled.
use std::io;
use std::process::{Command, ExitStatus, Stdio};

pub fn run(program: &str, verbose: bool) -> io::Result<ExitStatus> {
    let mut child = Command::new(program).stdout(Stdio::piped()).spawn()?; //~ child_pipe_never_read
    if verbose {
        eprintln!("waiting for {program}");
        return child.wait();
    }
    child.wait()
}
