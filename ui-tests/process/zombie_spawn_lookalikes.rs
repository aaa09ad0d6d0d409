// Other `spawn` calls that do not create a std `Child`: threads (`std::thread::spawn`,
// `thread::Builder::spawn`), tokio tasks, rayon jobs, a `Command` from a crate that is not
// std (`duct`-like builder from an unknown crate). None is reported.
use std::thread;

use my_runner::Command;

pub fn background_work() {
    thread::spawn(|| println!("working"));
    let _ = thread::Builder::new().name("io".into()).spawn(|| println!("io"));
    tokio::spawn(async { println!("task") });
    rayon::spawn(|| println!("job"));
}

pub fn not_std(name: &str) -> std::io::Result<()> {
    // `Command` comes from `my_runner`, not `std::process`.
    Command::new(name).spawn()?;
    let _ = Command::new(name).spawn();
    Ok(())
}
