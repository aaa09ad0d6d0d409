// child_stdin_not_closed together with zombie_child: the most common real shape. The
// taken stdin is alive across `wait_with_output()` (deadlock), and the `?` on the write
// would return early without waiting for the child, but a failed write to the child's
// own stdin is not reported by zombie_child (as for `kill()?`).
use std::io::{self, Write};
use std::process::{Command, Stdio};

fn sort_text(text: &str) -> io::Result<String> {
    let mut child = Command::new("sort")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().unwrap(); //~ child_stdin_not_closed
    stdin.write_all(text.as_bytes())?;
    let output = child.wait_with_output()?;
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}
