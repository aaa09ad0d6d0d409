// The script is written through the trait's path (`io::Write::write_all(&mut stdin, ..)`)
// and the child waited through the type's (`Child::wait(&mut child)`): the `?` on the
// write is the pipe's own failure, and the child is waited on every other path.
use std::io;
use std::process::{Child, Command, Stdio};

pub fn run_script(script: &[u8]) -> io::Result<bool> {
    let mut child = Command::new("sh").stdin(Stdio::piped()).spawn()?;
    let mut stdin = child.stdin.take().expect("piped");
    io::Write::write_all(&mut stdin, script)?;
    drop(stdin);
    Ok(Child::wait(&mut child)?.success())
}
