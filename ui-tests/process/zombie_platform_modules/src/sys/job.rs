use std::os::windows::process::CommandExt;
use std::process::Command;

const CREATE_NO_WINDOW: u32 = 0x0800_0000;

pub fn spawn_hidden(cmd: &mut Command) -> std::io::Result<u32> {
    let child = cmd.creation_flags(CREATE_NO_WINDOW).spawn()?;
    Ok(child.id())
}
