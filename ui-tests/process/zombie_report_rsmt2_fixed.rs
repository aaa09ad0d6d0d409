// Shape of the fix for kino-mc/rsmt2#29 (rsmt2 PR #30): after the kill, poll `try_wait()`
// every 10 ms and give up with an error after 100 tries. The child is reaped on every path
// that sees `Some`, but the give-up path returns an error with the child still unreaped.
// Strict reading of the catalog (only a `try_wait` that returned `Some` settles the child):
// reported "not on all paths", naming the error return after the loop. (`kill()` followed
// by `wait()` would have been the simpler, complete fix.) See README: verdict judged.
use std::io::{self, Write};
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::Duration;

pub fn shutdown_solver(script: &str) -> io::Result<()> {
    let mut kid = Command::new("z3") //~ zombie_child
        .arg("-in")
        .stdin(Stdio::piped())
        .spawn()?;
    let mut stdin = kid.stdin.take().expect("stdin is piped");
    let _ = writeln!(stdin, "{script}\n(exit)");
    drop(stdin);
    let _ = kid.kill();
    for _ in 0..100 {
        if kid.try_wait()?.is_some() {
            return Ok(());
        }
        sleep(Duration::from_millis(10));
    }
    Err(io::Error::new(io::ErrorKind::TimedOut, "solver did not exit"))
}
