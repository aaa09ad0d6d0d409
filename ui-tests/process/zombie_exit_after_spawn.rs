// A diverging call after the spawn ends the path silently: `std::process::exit`,
// `std::process::abort` (also through `use std::process;`), `panic!`, `unreachable!`,
// `todo!`. When the process ends the child is re-parented and reaped. A diverging call on
// one path and a wait on the other: no report either.
use std::io;
use std::process::{self, Command};

pub fn exec_and_exit(program: &str) -> ! {
    let _child = Command::new(program).spawn().expect("spawn");
    std::process::exit(0);
}

pub fn exec_and_exit_via_module(program: &str, code: i32) {
    let child = Command::new(program).spawn().unwrap();
    println!("started {}", child.id());
    process::exit(code);
}

pub fn spawn_then_abort() {
    let child = Command::new("gdb").arg("-p").arg(process::id().to_string()).spawn().unwrap();
    process::abort();
}

pub fn spawn_then_panic(name: &str) {
    let _child = Command::new(name).spawn().unwrap();
    panic!("{name} started, giving up");
}

pub fn spawn_then_unimplemented() {
    let _child = Command::new("true").spawn().unwrap();
    todo!("wait for it");
}

pub fn spawn_then_unreachable() {
    let _child = Command::new("true").spawn().unwrap();
    unreachable!();
}

pub fn panic_on_one_path_wait_on_the_other(strict: bool) -> io::Result<()> {
    let mut child = Command::new("fsck").arg("-n").arg("/dev/sda1").spawn()?;
    if strict {
        panic!("strict mode not supported");
    }
    child.wait()?;
    Ok(())
}
