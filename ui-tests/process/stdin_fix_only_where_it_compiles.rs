// child_stdin_not_closed, with no fix: `stdin` is still used after the wait, so a
// `drop(stdin)` before the wait would not compile. The finding stands without a fix.
use std::io::Write;
use std::process::{Command, Stdio};

pub fn feed(input: &[u8]) -> std::io::Result<()> {
    let mut child = Command::new("cat").stdin(Stdio::piped()).spawn()?;
    let mut stdin = child.stdin.take().unwrap(); //~ child_stdin_not_closed
    stdin.write_all(input)?;
    child.wait()?;
    stdin.flush()?;
    Ok(())
}

// Fixed: the name holds the `Option` of the pipe, and dropping it closes the pipe too.
pub fn feed_option(input: &[u8]) -> std::io::Result<()> {
    let mut child = Command::new("cat").stdin(Stdio::piped()).spawn()?;
    let mut pipe = child.stdin.take(); //~ child_stdin_not_closed
    pipe.as_mut().unwrap().write_all(input)?;
    child.wait()?;
    Ok(())
}
