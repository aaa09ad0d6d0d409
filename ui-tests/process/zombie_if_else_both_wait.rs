// The child is waited on in both branches of an `if`/`else` (by `wait` in one and
// `wait_with_output` in the other, or after a `kill` in one): every path settles it.
use std::io;
use std::process::{Command, ExitStatus};

pub fn compress(path: &str, verbose: bool) -> io::Result<()> {
    let mut child = Command::new("gzip").arg("-k").arg(path).spawn()?;
    if verbose {
        let status = child.wait()?;
        println!("gzip exited with {status}");
    } else {
        child.wait()?;
    }
    Ok(())
}

pub fn fetch(keep_going: bool) -> io::Result<Option<ExitStatus>> {
    let child = Command::new("git").arg("fetch").spawn()?;
    if keep_going {
        Ok(Some(child.wait_with_output()?.status))
    } else {
        let mut child = child;
        let _ = child.kill();
        child.wait()?;
        Ok(None)
    }
}
