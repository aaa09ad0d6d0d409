// Shape of the fix in pop-os/cosmic-files#1277: the intermediate child (which exits right
// after the double fork) is waited on: `.spawn()?.wait().map(|_| ())`. No report. (The
// Windows branch of the real fix still discards the child; see zombie_cfg_windows.rs.)
use std::{io, process};

pub fn spawn_detached(command: &mut process::Command) -> io::Result<()> {
    command
        .stdin(process::Stdio::null())
        .stdout(process::Stdio::null())
        .stderr(process::Stdio::null());

    #[cfg(unix)]
    unsafe {
        use std::os::unix::process::CommandExt as _;

        command
            .pre_exec(move || {
                match libc::fork() {
                    -1 => return Err(io::Error::last_os_error()),
                    0 => (),
                    _ => libc::_exit(0),
                }

                if libc::setsid() == -1 {
                    return Err(io::Error::last_os_error());
                }

                Ok(())
            })
            .spawn()?
            .wait()
            .map(|_| ())
    }
}
