// zombie_child (quiet): an app restarts by spawning its own binary and exiting at once
// (tauri's `restart`): the child is reparented when the parent ends, and leaves no zombie.
use std::process::{exit, Command};

pub fn restart(args: &[String]) -> ! {
    if let Ok(path) = std::env::current_exe() {
        if let Err(e) = Command::new(path).args(args).spawn() {
            eprintln!("failed to restart app: {e}");
        }
    }
    exit(0);
}

pub fn relaunch_after_update(binary: &std::path::Path) {
    if binary.exists() {
        let _ = Command::new(binary).arg("--updated").spawn();
        std::process::exit(0);
    }
}
