// The error crates' early-return macros are a `return Err(..)`: a child spawned and then
// left behind by `bail!` on a validation failure stays a zombie on that path; so does
// one left by a failed `ensure!` (after its condition is evaluated), by the
// fully qualified `anyhow::bail!`, or by snafu's `whatever!` with a message.
use std::path::Path;
use std::process::Command;

use anyhow::{bail, ensure, Result};

pub struct Config {
    pub bin: String,
    pub port: u16,
}

pub fn start_worker(config: &Config) -> Result<()> {
    let mut child = Command::new(&config.bin).arg("--serve").spawn()?; //~ zombie_child
    if config.port == 0 {
        bail!("{} started without a port", config.bin);
    }
    child.wait()?;
    Ok(())
}

pub fn preview(input: &Path) -> Result<()> {
    let mut viewer = Command::new("xdg-open").arg(input).spawn()?; //~ zombie_child
    ensure!(input.exists(), "{} vanished", input.display());
    viewer.wait()?;
    Ok(())
}

pub fn upload(file: &Path, quota: u64) -> Result<()> {
    let mut rsync = Command::new("rsync").arg(file).arg("backup:").spawn()?; //~ zombie_child
    let size = file.metadata().map_or(0, |m| m.len());
    if size > quota {
        anyhow::bail!("{} is over the quota", file.display());
    }
    rsync.wait()?;
    Ok(())
}

pub fn compress(path: &str, level: u32) -> Result<(), snafu::Whatever> {
    let mut gzip = match Command::new("gzip").arg(path).spawn() { //~ zombie_child
        Ok(child) => child,
        Err(e) => snafu::whatever!("cannot start gzip: {e}"),
    };
    if level > 9 {
        snafu::whatever!("level {level} is out of range");
    }
    let _ = gzip.wait();
    Ok(())
}
