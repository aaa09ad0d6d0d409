// Shape of pop-os/cosmic-files#1277 (`spawn_detached`, taken from the `open` crate): the
// command double-forks in `pre_exec` so the real program is re-parented, and the direct
// child exits at once. `spawn().map(|_| ())` throws that child away without a wait, so
// every "open with" left a zombie in the file manager. The `Result<Child>` is mapped and
// returned, but the `Child` itself is discarded by the `|_| ()` closure. `process::Command`
// is std's through `use std::{io, process}`.
use std::{io, process};

pub fn spawn_detached(command: &mut process::Command) -> io::Result<()> {
    command
        .stdin(process::Stdio::null())
        .stdout(process::Stdio::null())
        .stderr(process::Stdio::null());

    #[cfg(unix)]
    unsafe {
        use std::os::unix::process::CommandExt as _;

        command.pre_exec(move || {
            match libc::fork() {
                -1 => return Err(io::Error::last_os_error()),
                0 => (),
                _ => libc::_exit(0),
            }

            if libc::setsid() == -1 {
                return Err(io::Error::last_os_error());
            }

            Ok(())
        });
    }

    command.spawn().map(|_| ()) //~ zombie_child
}
