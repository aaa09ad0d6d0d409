// The child is waited on through another name: a move into a new binding (`let c2 = child`),
// a `&mut` reborrow, a move into an `Option` that is then unpacked. No report.
use std::io;
use std::process::{Command, ExitStatus};

pub fn moved_to_new_binding() -> io::Result<ExitStatus> {
    let child = Command::new("make").arg("all").spawn()?;
    let mut c2 = child;
    c2.wait()
}

pub fn mut_reborrow() -> io::Result<()> {
    let mut child = Command::new("make").arg("check").spawn()?;
    let r = &mut child;
    r.wait()?;
    Ok(())
}

pub fn through_an_option() -> io::Result<()> {
    let child = Command::new("make").arg("install").spawn()?;
    let mut slot = Some(child);
    if let Some(mut c) = slot.take() {
        c.wait()?;
    }
    Ok(())
}
