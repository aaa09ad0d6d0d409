// A child that no path waits for.
use std::process::{Command, Stdio};

fn fire_and_forget() -> std::io::Result<()> {
    Command::new("notify-send").arg("done").spawn()?; //~ zombie_child
    Ok(())
}

fn let_underscore() {
    let _ = Command::new("ls").spawn(); //~ zombie_child
    let _ = Command::new("ls").spawn().unwrap(); //~ zombie_child
}

fn only_looked_at() {
    let child = Command::new("ls").spawn().expect("spawn"); //~ zombie_child
    println!("started {}", child.id());
}

fn killed_but_not_reaped() {
    let mut child = Command::new("sleep").arg("60").spawn().unwrap(); //~ zombie_child
    child.kill().unwrap();
}

fn separate_builder() -> std::io::Result<()> {
    let mut cmd = Command::new("ls");
    cmd.arg("-l").stdout(Stdio::null());
    let _child = cmd.spawn()?; //~ zombie_child
    Ok(())
}

fn pushed_but_never_waited() {
    let mut children = Vec::new();
    for _ in 0..3 {
        children.push(Command::new("ls").spawn().unwrap()); //~ zombie_child
    }
}

fn shadowed() {
    let child = Command::new("ls").spawn().unwrap(); //~ zombie_child
    let child = 5;
    println!("{child}");
}

fn explicitly_dropped() {
    let child = std::process::Command::new("ls").spawn().unwrap(); //~ zombie_child
    drop(child);
}
