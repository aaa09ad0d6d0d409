// The Windows branch kept in the fixed `spawn_detached` of pop-os/cosmic-files#1277:
// `spawn().map(|_| ())` under `#[cfg(windows)]`. Windows has no zombies (dropping a `Child`
// closes its process handle), so code that only compiles for Windows is not reported.
// The same shape outside any `cfg` is reported (see zombie_report_cosmic_files.rs).
use std::{io, process};

pub fn spawn_detached(command: &mut process::Command) -> io::Result<()> {
    #[cfg(windows)]
    {
        use std::os::windows::process::CommandExt;
        const CREATE_NEW_PROCESS_GROUP: u32 = 0x00000200;
        const CREATE_NO_WINDOW: u32 = 0x08000000;
        command
            .creation_flags(CREATE_NEW_PROCESS_GROUP | CREATE_NO_WINDOW)
            .spawn()
            .map(|_| ())
    }
    #[cfg(not(windows))]
    {
        command.spawn()?.wait().map(|_| ())
    }
}

#[cfg(target_os = "windows")]
pub fn open_explorer(path: &str) {
    let _ = process::Command::new("explorer").arg(path).spawn();
}
