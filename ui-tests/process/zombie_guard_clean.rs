// scopeguard guards whose closure reaps the child on every path: kill and wait, or wait
// after a `try_wait` that found it still running. Method calls and fields on the guard
// reach the child (`Deref`); a guard defused with `ScopeGuard::into_inner` gives the
// child back to be waited; one that only runs while unwinding leaves the waiting to the
// code, which does it.
use std::io::{self, BufRead, BufReader};
use std::process::{Command, Stdio};

use anyhow::{ensure, Result};
use scopeguard::{guard, ScopeGuard};

pub fn first_line(bin: &str) -> Result<String> {
    let child = Command::new(bin).stdout(Stdio::piped()).spawn()?;
    let mut child = guard(child, |mut c| {
        let _ = c.kill();
        let _ = c.wait();
    });
    let stdout = child.stdout.take().expect("piped");
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line)?;
    ensure!(!line.is_empty(), "{bin} printed nothing");
    Ok(line)
}

pub fn run_checked(bin: &str) -> io::Result<()> {
    let child = Command::new(bin).spawn()?;
    let mut child = scopeguard::guard(child, |mut c| match c.try_wait() {
        Ok(Some(_)) => {}
        _ => {
            let _ = c.kill();
            let _ = c.wait();
        }
    });
    let pid = child.id();
    println!("started {bin} as {pid}");
    child.wait()?;
    Ok(())
}

pub fn handed_back(bin: &str) -> io::Result<i32> {
    let child = Command::new(bin).spawn()?;
    let guarded = guard(child, |mut c| {
        let _ = c.kill();
        let _ = c.wait();
    });
    std::thread::sleep(std::time::Duration::from_millis(10));
    let mut child = ScopeGuard::into_inner(guarded);
    Ok(child.wait()?.code().unwrap_or(-1))
}

pub fn waited_normally(bin: &str) -> io::Result<()> {
    let child = Command::new(bin).spawn()?;
    let mut child = scopeguard::guard_on_unwind(child, |mut c| {
        let _ = c.kill();
    });
    child.wait()?;
    Ok(())
}
