// Ported from clippy's tests/ui/zombie_processes_fixable.rs: `spawn_proc();` discards the
// `Child` returned by a function of this file whose signature says `-> Child` (std's,
// through the `use`). clippy sees the type and reports it; the report starts at the call.
// `spawn_proc().wait()` settles it. The `spawn()` inside `spawn_proc` is returned (an
// escape), so it is not reported there.
use std::process::{Child, Command};

pub fn run() {
    spawn_proc(); //~ zombie_child

    spawn_proc().wait().unwrap(); // OK
}

fn spawn_proc() -> Child {
    Command::new("").spawn().unwrap()
}
