// The command is built inside a tuple with the label it is logged under, and
// destructured at once (`let (label, mut cmd) = (.., Command::new(bin));`). `launch`
// spawns and forgets the child; `launch_and_wait` waits for it.
use std::io;
use std::process::Command;

pub fn launch(bin: &str, verbose: bool) -> io::Result<()> {
    let (label, mut cmd) = (format!("{bin} (verbose: {verbose})"), Command::new(bin));
    if verbose {
        cmd.arg("--verbose");
    }
    println!("launching {label}");
    cmd.spawn().unwrap(); //~ zombie_child
    Ok(())
}

pub fn launch_and_wait(bin: &str) -> io::Result<i32> {
    let (label, mut cmd) = (bin.to_uppercase(), Command::new(bin));
    let mut child = cmd.spawn()?;
    let status = child.wait()?;
    println!("{label} exited with {status}");
    Ok(status.code().unwrap_or(-1))
}

pub fn pairs(bins: &[&str]) -> io::Result<Vec<(String, std::process::Child)>> {
    let mut running = Vec::new();
    for bin in bins {
        let child = Command::new(bin).spawn()?;
        running.push((bin.to_string(), child));
    }
    Ok(running)
}
