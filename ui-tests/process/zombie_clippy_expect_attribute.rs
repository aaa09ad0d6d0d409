// Ported from clippy's tests/ui/zombie_processes.rs, first block of `main`: clippy checks
// that `#[expect(clippy::zombie_processes)]` silences its lint. It silences `zombie_child`
// too: the user has declined that very lint (the finding counts as suppressed).
use std::process::Command;

pub fn expected_by_clippy() {
    #[expect(clippy::zombie_processes)]
    let mut x = Command::new("").spawn().unwrap();
}
