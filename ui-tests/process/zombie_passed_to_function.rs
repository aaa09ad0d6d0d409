// The child is passed by value or by `&mut` to functions that are not defined in this
// file: they may wait on it, so it escapes and is not reported.
use std::io;
use std::process::Command;

use crate::supervisor::{adopt, reap_with_timeout};

pub fn by_mut_reference() -> io::Result<()> {
    let mut child = Command::new("ffmpeg").arg("-i").arg("in.mkv").arg("out.mp4").spawn()?;
    reap_with_timeout(&mut child, 30)?;
    Ok(())
}

pub fn by_value(name: &str) -> io::Result<()> {
    let child = Command::new("daemon").arg(name).spawn()?;
    adopt(name, child);
    Ok(())
}

pub fn by_value_to_a_method(registry: &mut crate::supervisor::Registry) -> io::Result<()> {
    let child = Command::new("daemon").spawn()?;
    registry.insert(child);
    Ok(())
}
