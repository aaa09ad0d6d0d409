// Every suppression form: on the line, on the line above, above an item, by family and
// by `all`; and stale or misspelled ones, which are reported.
use std::process::Command;
use tokio_util::sync::CancellationToken;

fn on_the_line() {
    Command::new("notify-send").spawn().unwrap(); // stray: allow(zombie_child) -- fire and forget
}

fn on_the_line_above(token: CancellationToken) {
    // stray: allow(guard_dropped_immediately) -- cancels at once on purpose
    let _ = token.drop_guard();
}

// stray: allow(process) -- the whole function, by family
fn above_an_item() {
    let _ = Command::new("a").spawn();
    let _ = Command::new("b").spawn();
}

fn by_all() {
    // stray: allow(all)
    Command::new("c").spawn().unwrap();
}

fn not_covered() {
    // stray: allow(zombie_child) -- covers only the next line //~ unused_suppression
    let _ = 1;
    let _ = Command::new("d").spawn(); //~ zombie_child
}

fn stale() {
    // stray: allow(zombie_child) -- the child is waited now //~ unused_suppression
    let mut child = Command::new("e").spawn().unwrap();
    child.wait().unwrap();
}

fn misspelled() {
    // stray: allow(zombie_chlid) //~ unused_suppression
    let mut child = Command::new("f").spawn().unwrap();
    child.wait().unwrap();
}
