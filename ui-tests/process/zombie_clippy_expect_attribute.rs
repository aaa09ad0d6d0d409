// Ported from clippy's tests/ui/zombie_processes.rs, first block of `main`: clippy checks
// that `#[expect(clippy::zombie_processes)]` silences its lint. cargo-stray does not read
// clippy's attributes, so the child that is never waited on is reported here: a
// deliberate difference (the user silences cargo-stray through its own configuration).
use std::process::Command;

pub fn expected_by_clippy() {
    #[expect(clippy::zombie_processes)]
    let mut x = Command::new("").spawn().unwrap(); //~ zombie_child
}
