// The child is returned to the caller: as the tail expression, through `return`, inside
// `Ok(..)`, `Some(..)`, or a tuple. The caller owns it now; no report.
use std::io;
use std::process::{Child, Command, Stdio};

pub fn spawn_server(port: u16) -> Child {
    let child = Command::new("server").arg(port.to_string()).spawn().expect("spawn server");
    child
}

pub fn spawn_server_checked(port: u16) -> io::Result<Child> {
    let child = Command::new("server").arg(port.to_string()).spawn()?;
    Ok(child)
}

pub fn spawn_direct() -> io::Result<Child> {
    Command::new("server").stdin(Stdio::null()).spawn()
}

pub fn maybe_spawn(enabled: bool) -> Option<Child> {
    if !enabled {
        return None;
    }
    let child = Command::new("server").spawn().ok()?;
    return Some(child);
}

pub fn spawn_with_pid() -> io::Result<(Child, u32)> {
    let child = Command::new("server").spawn()?;
    let pid = child.id();
    Ok((child, pid))
}
