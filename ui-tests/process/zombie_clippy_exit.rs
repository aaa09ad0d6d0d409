// Ported from clippy's tests/ui/zombie_processes.rs (rust-clippy PR #11476 discussion):
// a process that exits unconditionally right after the spawn leaves no zombie (the child
// is re-parented and reaped), so those paths end silently. An exit that is only
// conditional does not cover the other path, which still drops the child.
use std::process::Command;

pub fn exit_unconditionally() {
    let mut x = Command::new("").spawn().unwrap();
    std::process::exit(0);
}

pub fn abort_unconditionally() {
    let mut x = Command::new("").spawn().unwrap();
    std::process::abort(); // same as above, but abort instead of exit
}

pub fn abort_after_an_empty_if() {
    let mut x = Command::new("").spawn().unwrap();
    if true { /* nothing */ }
    std::process::abort(); // still unconditionally exits
}

pub fn exit_only_in_a_branch() {
    let mut x = Command::new("").spawn().unwrap(); //~ zombie_child
    if true {
        std::process::exit(0);
    }
}

pub fn exit_only_in_a_branch_after_a_loop() {
    let mut x = Command::new("").spawn().unwrap(); //~ zombie_child
    if true {
        while false {}
        // Calling `exit()` after leaving a while loop should still be linted.
        std::process::exit(0);
    }
}
