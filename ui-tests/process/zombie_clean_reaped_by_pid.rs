// The child is reaped through its process id by code that takes the pid: a system-info
// crate's process handle, or `waitpid`. `watch` only prints the pid, and nothing waits.
use std::process::Command;

use nix::sys::wait::waitpid;
use nix::unistd::Pid;
use sysinfo::System;

pub fn with_sysinfo(sys: &mut System) {
    let child = Command::new("sleep").arg("1").spawn().unwrap();
    let pid = sysinfo::Pid::from_u32(child.id());
    sys.refresh_all();
    if let Some(process) = sys.process(pid) {
        process.wait();
    }
}

pub fn with_waitpid() -> nix::Result<()> {
    let child = Command::new("true").spawn().expect("spawn");
    waitpid(Pid::from_raw(child.id() as i32), None)?;
    Ok(())
}

pub fn watch() {
    let child = Command::new("top").spawn().unwrap(); //~ zombie_child
    println!("started top as {}", child.id());
}
