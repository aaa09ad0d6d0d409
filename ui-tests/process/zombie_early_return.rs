// An early `return` between the spawn and the wait leaves the child behind on that path
// (reported "not on all paths", naming the `return`), also when the return is inside a
// `match` arm or a `let ... else`.
use std::io;
use std::process::Command;

pub fn build(dry_run: bool) -> io::Result<()> {
    let mut child = Command::new("cargo").arg("build").spawn()?; //~ zombie_child
    if dry_run {
        return Ok(());
    }
    child.wait()?;
    Ok(())
}

pub fn build_target(target: Option<&str>) -> io::Result<bool> {
    let mut child = Command::new("cargo").arg("build").spawn()?; //~ zombie_child
    let Some(target) = target else {
        return Ok(false);
    };
    println!("building {target}");
    Ok(child.wait()?.success())
}

pub fn build_mode(mode: &str) -> io::Result<()> {
    let mut child = Command::new("cargo").arg("build").spawn()?; //~ zombie_child
    match mode {
        "check" => return Ok(()),
        _ => {}
    }
    child.wait()?;
    Ok(())
}
