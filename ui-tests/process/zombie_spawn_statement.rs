// A spawn used as an expression statement drops the `Child` at the end of the statement:
// `spawn()?;`, `spawn().unwrap();`, `spawn().ok();`, `spawn().expect(..);` and
// `unwrap_or_else(..)` all discard a live child that is never waited on. clippy only sees
// the forms whose value is a `Child` (`unwrap`, `expect`, `unwrap_or_else`), not `?` nor
// `.ok()`; the catalog includes them. The last function is the shape from
// rust-clippy#10754 (the issue that asked for the lint), inside a thread closure.
use std::io;
use std::path::Path;
use std::process::Command;
use std::thread;

pub fn open_in_editor(path: &Path) -> io::Result<()> {
    Command::new("xdg-open").arg(path).spawn()?; //~ zombie_child
    Ok(())
}

pub fn notify(summary: &str) {
    Command::new("notify-send").arg(summary).spawn().unwrap(); //~ zombie_child
}

pub fn beep() {
    Command::new("beep").spawn().ok(); //~ zombie_child
}

pub fn play_sound(file: &str) {
    Command::new("paplay") //~ zombie_child
        .arg(file)
        .spawn()
        .expect("failed to start paplay");
}

pub fn run_hook(command: Vec<String>) {
    thread::spawn(move || {
        std::process::Command::new(&command[0]) //~ zombie_child
            .args(&command[1..])
            .spawn()
            .unwrap_or_else(|e| panic!("Failed to execute {}: {}", command.join(" "), e));
    });
}
