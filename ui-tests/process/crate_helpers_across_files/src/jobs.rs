use std::io;
use std::path::Path;

use crate::proc_util::{describe, reap, spawn_quiet};

pub fn fire_and_forget(program: &str) -> io::Result<()> {
    let child = spawn_quiet(program)?; //~ zombie_child
    println!("started {}", describe(&child));
    Ok(())
}

pub fn run_to_end(program: &str) -> io::Result<bool> {
    let mut child = spawn_quiet(program)?;
    let status = reap(&mut child)?;
    Ok(status.success())
}

pub fn fetch_in_background(repo: &Path) -> io::Result<()> {
    let _fetch = super::proc_util::git_command(repo) //~ zombie_child
        .arg("fetch")
        .spawn()?;
    Ok(())
}

pub fn status_of(repo: &Path) -> io::Result<bool> {
    let status = crate::proc_util::git_command(repo).arg("status").status()?;
    Ok(status.success())
}

pub fn through_the_reexport() -> io::Result<()> {
    let mut child = crate::spawn_helper("indexer")?; //~ zombie_child
    if describe(&child).is_empty() {
        return Ok(());
    }
    reap(&mut child)?;
    Ok(())
}
