// `let _ = ...` does not bind: the spawned child (or the `Result<Child>` holding it) is
// dropped at the end of the statement and never waited on. The `Result` form
// (`let _ = cmd.spawn();`) is the common "fire and forget" idiom and is a zombie as soon
// as the program outlives the child. `let _child = ...` binds, but nothing ever waits.
use std::io;
use std::process::{Command, Stdio};

pub fn fire_and_forget(url: &str) {
    let _ = Command::new("xdg-open").arg(url).spawn(); //~ zombie_child
}

pub fn fire_and_forget_unwrap(url: &str) {
    let _ = Command::new("xdg-open").arg(url).spawn().unwrap(); //~ zombie_child
}

pub fn fire_and_forget_try(url: &str) -> io::Result<()> {
    let _ = Command::new("xdg-open").arg(url).spawn()?; //~ zombie_child
    Ok(())
}

pub fn fire_and_forget_multiline(url: &str) {
    let _ = Command::new("xdg-open") //~ zombie_child
        .arg(url)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
}

pub fn underscore_named_binding(url: &str) -> io::Result<()> {
    let _child = Command::new("xdg-open").arg(url).spawn()?; //~ zombie_child
    println!("opened {url}");
    Ok(())
}
