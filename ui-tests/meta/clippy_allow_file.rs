// `#![allow(clippy::zombie_processes)]` at the top of a file covers all of it.
#![allow(clippy::zombie_processes)]

use std::process::Command;

pub fn fire_and_forget(bin: &str) {
    let _ = Command::new(bin).spawn();
}

pub fn another(bin: &str) {
    Command::new(bin).arg("--detach").spawn().unwrap();
}
