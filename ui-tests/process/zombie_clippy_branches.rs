// Ported from clippy's tests/ui/zombie_processes.rs: the wait must be reached on every
// path. An early `return` before the wait, a wait only in an `if` with no `else`, or a
// wait in only one of the two branches leaves the child behind on the other path ("not on
// all paths"). A wait in every branch, or before an early `return`, is fine.
use std::process::Command;

pub fn early_return_before_the_wait() {
    let mut x = Command::new("").spawn().unwrap(); //~ zombie_child
    if true {
        return;
    }
    x.wait().unwrap();
}

pub fn wait_only_in_if_without_else() {
    let mut x = Command::new("").spawn().unwrap(); //~ zombie_child
    if true {
        x.wait().unwrap();
    }
}

pub fn wait_only_in_then_branch() {
    let mut x = Command::new("").spawn().unwrap(); //~ zombie_child
    if true {
        x.wait().unwrap();
    } else {
        // this else block exists to test the other help message
    }
}

pub fn wait_only_in_else_branch() {
    let mut x = Command::new("").spawn().unwrap(); //~ zombie_child
    if true {
        // this else block exists to test the other help message
    } else {
        x.wait().unwrap();
    }
}

pub fn wait_in_every_branch() {
    let mut x = Command::new("").spawn().unwrap();
    if true {
        x.wait().unwrap();
    } else if true {
        x.wait().unwrap();
    } else {
        x.wait().unwrap();
    }
}

pub fn wait_before_the_early_return_and_after() {
    let mut x = Command::new("").spawn().unwrap();
    if true {
        x.wait().unwrap();
        return;
    }
    x.wait().unwrap();
}
