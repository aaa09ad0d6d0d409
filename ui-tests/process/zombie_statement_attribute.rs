// A statement's outer attributes are not part of what the labels point at: the statement
// that drops the child starts at `let`, not at the `#[allow(..)]` above it.
use std::process::Command;

pub fn attributed() {
    #[allow(unused_must_use)]
    let _ = Command::new("ls").spawn(); //~ zombie_child
}

pub fn attributed_expression() {
    #[allow(unused_must_use)]
    Command::new("ls").spawn(); //~ zombie_child
}
