//! stray: allow(zombie_child) -- a test helper file: children are reaped by the harness
// A file-wide suppression covers every line of the file.
use std::process::Command;

fn one() {
    Command::new("a").spawn().unwrap();
}

fn two() {
    let _ = Command::new("b").spawn();
}
