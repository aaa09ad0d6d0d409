// A shared borrow (`&Child`) cannot call `wait` (it needs `&mut self`), so handing `&child`
// to a function, even one this file cannot see into, does not settle the child.
use std::io;
use std::process::Command;

use crate::metrics::record_pid;

pub fn start_and_record() -> io::Result<()> {
    let child = Command::new("collector").arg("--daemon").spawn()?; //~ zombie_child
    record_pid(&child);
    Ok(())
}
