// A child waited for on the normal path but lost on an early exit.
use std::io;
use std::process::Command;

fn early_return(skip: bool) -> io::Result<()> {
    let mut child = Command::new("ls").spawn()?; //~ zombie_child
    if skip {
        return Ok(());
    }
    child.wait()?;
    Ok(())
}

fn question_mark_between(input: &str) -> io::Result<u32> {
    let mut child = Command::new("sleep").arg("1").spawn()?; //~ zombie_child
    let n: u32 = input.parse().map_err(io::Error::other)?;
    child.wait()?;
    Ok(n)
}

fn continue_in_loop(names: &[&str]) -> io::Result<()> {
    for name in names {
        let mut child = Command::new(name).spawn()?; //~ zombie_child
        if name.is_empty() {
            continue;
        }
        child.wait()?;
    }
    Ok(())
}

fn break_out_of_loop(names: &[&str]) -> io::Result<()> {
    loop {
        let mut child = Command::new(names[0]).spawn()?; //~ zombie_child
        if names.len() > 1 {
            break;
        }
        child.wait()?;
    }
    Ok(())
}

fn if_without_else(wait: bool) {
    let mut child = Command::new("ls").spawn().unwrap(); //~ zombie_child
    if wait {
        child.wait().unwrap();
    }
}
