// The only wait is inside an `if` with no `else`, or an `if let` whose other case does not
// wait: when the condition is false the child is dropped unwaited ("not on all paths").
use std::io;
use std::process::Command;

pub fn compress(path: &str, wait: bool) -> io::Result<()> {
    let mut child = Command::new("gzip").arg("-k").arg(path).spawn()?; //~ zombie_child
    if wait {
        child.wait()?;
    }
    Ok(())
}

pub fn compress_logged(path: &str, log: Option<&mut Vec<String>>) -> io::Result<()> {
    let mut child = Command::new("gzip").arg("-k").arg(path).spawn()?; //~ zombie_child
    if let Some(log) = log {
        let status = child.wait()?;
        log.push(format!("gzip {path}: {status}"));
    }
    Ok(())
}
