// Ported from clippy's tests/ui/zombie_processes.rs (the first blocks of `main`): which
// uses of a bound child settle it (`wait`, `wait_with_output`, a `wait` through a `&mut`
// reborrow, a move into another function) and which do not (`kill`, `id`, a shared borrow).
//
// Deliberate difference: clippy accepts `x.try_wait().unwrap();` as if it waited. Our
// catalog only counts a `try_wait` that returned `Some`; a bare `try_wait` whose result is
// thrown away right after the spawn almost always returns `None`, so it is reported here.
use std::process::{Child, Command};

pub fn kill_and_id_do_not_wait() {
    let mut x = Command::new("").spawn().unwrap(); //~ zombie_child
    x.kill();
    x.id();
}

pub fn wait() {
    let mut x = Command::new("").spawn().unwrap();
    x.wait().unwrap();
}

pub fn wait_with_output() {
    let x = Command::new("").spawn().unwrap();
    x.wait_with_output().unwrap();
}

pub fn try_wait_result_ignored() {
    // clippy: OK. Here: the result is discarded, so nothing says the child was reaped.
    let mut x = Command::new("").spawn().unwrap(); //~ zombie_child
    x.try_wait().unwrap();
}

pub fn wait_through_mut_reborrow() {
    let mut x = Command::new("").spawn().unwrap();
    let r = &mut x;
    r.wait().unwrap();
}

pub fn moved_into_another_function() {
    // The callee owns the child now; it may wait on it.
    let x = Command::new("").spawn().unwrap();
    process_child(x);
}

pub fn shared_borrow_only() {
    // `wait` needs `&mut`: a shared reference cannot settle the child.
    let x = Command::new("").spawn().unwrap(); //~ zombie_child
    let v = &x;
    println!("{}", v.id());
}

fn process_child(c: Child) {
    todo!("{}", c.id())
}
