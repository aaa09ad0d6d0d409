// child_stdin_not_closed, written with `writeln!`/`write!`: the input is written through
// `child.stdin.as_mut()` and left in the child, then stdout is read to its end. `bc` (and
// any filter) answers only once its stdin ends, so the read never returns. The `?` on the
// write is the child's own failed I/O, not a path that loses the child.
use std::io::{self, Read, Write};
use std::process::{Command, Stdio};

fn evaluate(expr: &str) -> io::Result<String> {
    let mut child = Command::new("bc")
        .arg("-q")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    writeln!(child.stdin.as_mut().unwrap(), "{expr}")?; //~ child_stdin_not_closed
    let mut out = String::new();
    child.stdout.as_mut().unwrap().read_to_string(&mut out)?;
    child.wait()?;
    Ok(out)
}

fn evaluate_all(exprs: &[&str]) -> io::Result<String> {
    let mut child = Command::new("bc")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    {
        let stdin = child.stdin.as_mut().expect("stdin is piped"); //~ child_stdin_not_closed
        for expr in exprs {
            write!(stdin, "{expr}\n")?;
        }
    }
    let mut out = String::new();
    child.stdout.take().expect("stdout is piped").read_to_string(&mut out)?;
    child.wait()?;
    Ok(out)
}
