#![cfg(windows)]
// A file compiled only for Windows, which has no zombie processes: nothing to report.
use std::process::Command;

fn spawn_and_forget() {
    Command::new("cmd").arg("/C").arg("echo hi").spawn().unwrap();
}

mod nested {
    pub fn also_windows() {
        let _ = std::process::Command::new("cmd").spawn();
    }
}
