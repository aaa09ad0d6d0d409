// Ported from clippy's tests/ui/zombie_processes_fixable.rs: a child that is discarded at
// once, by `let _ =` or as an expression statement, is never waited on, in `main` or
// elsewhere. Returning the child hands it to the caller (no report in `spawn_proc` and
// `spawn_proc_2`). The call of a local function returning a `Child` (`spawn_proc();`) is
// in zombie_clippy_fn_returning_child.rs.
use std::process::{Child, Command};

fn main() {
    let _ = Command::new("").spawn().unwrap(); //~ zombie_child

    Command::new("").spawn().unwrap(); //~ zombie_child

    spawn_proc().wait().unwrap(); // OK
}

fn not_main() {
    Command::new("").spawn().unwrap(); //~ zombie_child
}

fn spawn_proc() -> Child {
    Command::new("").spawn().unwrap()
}

fn spawn_proc_2() -> Child {
    return Command::new("").spawn().unwrap();
}
