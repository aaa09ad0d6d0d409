// The child is moved into a closure that is not a spawned thread or task. The tool does
// not analyse such closures: the child escapes and is not reported (conservative), whether
// the closure is returned, stored, or simply never called.
use std::io;
use std::process::{Command, ExitStatus};

pub fn start_helper() -> io::Result<impl FnOnce() -> io::Result<ExitStatus>> {
    let mut child = Command::new("helper").arg("--serve").spawn()?;
    Ok(move || child.wait())
}

pub fn register_cleanup(hooks: &mut Vec<Box<dyn FnOnce()>>) -> io::Result<()> {
    let mut child = Command::new("helper").spawn()?;
    hooks.push(Box::new(move || {
        let _ = child.kill();
        let _ = child.wait();
    }));
    Ok(())
}

pub fn closure_never_called() -> io::Result<()> {
    let mut child = Command::new("helper").spawn()?;
    let finish = move || child.wait();
    println!("helper started");
    Ok(())
}
