// clippy's `#[allow(clippy::zombie_processes)]` and `#[expect(..)]` silence `zombie_child`
// where they apply, as they silence clippy's own lint: on a statement, an expression, a
// function, an `impl`, a module (`#![allow(..)]` inside it), through `cfg_attr`. Other
// clippy lints do not, nor an attribute on another item; one that silences nothing is
// not reported.
use std::process::Command;

pub fn on_the_statement() {
    #[allow(clippy::zombie_processes)]
    let _daemon = Command::new("notify-send").spawn().unwrap();
}

pub fn on_the_expression() {
    #[expect(clippy::zombie_processes, reason = "the agent forks into the background")]
    {
        Command::new("ssh-agent").spawn().unwrap();
    }
}

#[allow(clippy::zombie_processes)]
pub fn on_the_function(bin: &str) {
    let _ = Command::new(bin).spawn();
}

pub struct Launcher;

#[cfg_attr(unix, expect(clippy::zombie_processes))]
impl Launcher {
    pub fn launch(&self) {
        Command::new("xdg-open").arg(".").spawn().unwrap();
    }
}

pub mod detached {
    #![allow(clippy::zombie_processes)]
    use std::process::Command;

    pub fn start() {
        let _ = Command::new("daemon").spawn();
    }
}

#[allow(clippy::zombie_processes)]
pub fn nothing_to_silence() {}

#[allow(clippy::needless_return)]
pub fn another_lint() {
    let _ = Command::new("a").spawn(); //~ zombie_child
}

#[allow(clippy::zombie_processes)]
pub fn covered() {}

pub fn not_covered() {
    let _ = Command::new("b").spawn(); //~ zombie_child
}
