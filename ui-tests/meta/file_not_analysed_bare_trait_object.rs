// file_not_analysed: a file of the 2015 edition, whose trait objects have no `dyn`:
// syntax cargo-stray cannot read, reported where the parse stops (not passed unchecked).
use std::process::Command;
use std::rc::Rc;

pub struct Hooks<R> {
    pub before: Rc<Fn(&mut Command) -> R>, //~ file_not_analysed
}

pub fn spawn_all(commands: &mut [Command]) {
    for command in commands {
        let _ = command.spawn();
    }
}
