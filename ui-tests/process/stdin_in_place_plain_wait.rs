// child_stdin_not_closed, quiet: stdin is written in place and left in the child; std's
// `Child::wait` drops `self.stdin` before waiting, so `cat` sees EOF.
use std::io::Write;
use std::process::{Command, ExitStatus, Stdio};

fn print_banner(banner: &str) -> ExitStatus {
    let mut child = Command::new("cat")
        .stdin(Stdio::piped())
        .spawn()
        .expect("spawn cat");
    child
        .stdin
        .as_mut()
        .expect("stdin is piped")
        .write_all(banner.as_bytes())
        .expect("write banner");
    child.wait().expect("wait for cat")
}
