// Ported from clippy's tests/ui/zombie_processes.rs: the spawn wrapped in a block
// expression is still the child bound by the `let`; a child created directly inside a
// struct literal is stored in a field (an escape) and is waited on through it anyway.
use std::process::{Child, Command};

pub fn spawn_inside_a_block_expression() {
    let mut x = { Command::new("").spawn().unwrap() };
    x.wait().unwrap();
}

pub fn spawn_into_a_struct_field() {
    struct S {
        c: Child,
    }

    let mut s = S {
        c: Command::new("").spawn().unwrap(),
    };
    s.c.wait().unwrap();
}
