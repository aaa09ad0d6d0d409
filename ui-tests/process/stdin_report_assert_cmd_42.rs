// child_stdin_not_closed, quiet: the shape of assert-rs/assert_cmd#42 (its `with_stdin`
// helper, with the spawn and the output step inlined into one function). The whole
// buffer is written in place through `spawned.stdin.as_mut()`, then
// `wait_with_output()` runs, which closes the stdin left in the child before draining
// stdout and stderr together. The deadlock that report describes (a large write blocking
// while the child fills its still-unread stdout) is not an unclosed stdin, an unread pipe
// or a sequential read, so none of the pipe lints names it. The `?` on the write returns
// without waiting for `spawned`, but a failed write to the child's own stdin is not
// reported by zombie_child (as for `kill()?`).
use std::io::{self, Write};
use std::process::{Command, Output, Stdio};

pub fn output_with_stdin(cmd: &mut Command, input: &[u8]) -> io::Result<Output> {
    cmd.stdin(Stdio::piped());
    cmd.stdout(Stdio::piped());
    cmd.stderr(Stdio::piped());

    let mut spawned = cmd.spawn()?;
    spawned
        .stdin
        .as_mut()
        .expect("Couldn't get mut ref to command stdin")
        .write_all(input)?;
    spawned.wait_with_output()
}
