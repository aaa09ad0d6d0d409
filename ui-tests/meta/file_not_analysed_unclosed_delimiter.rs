// file_not_analysed: a half-edited file (pre-commit runs on every save of a commit): the
// `(` of the call is never closed; the finding points at it, the rest is not checked.
use std::process::{Command, Stdio};

pub fn run(program: &str) -> std::io::Result<()> {
    let mut child = Command::new(program)
        .stdout(Stdio::piped())
        .spawn(; //~ file_not_analysed
    child.wait()?;
    Ok(())
}
