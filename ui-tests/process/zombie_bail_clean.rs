// Early-return macros that leave no child behind: `bail!` before the spawn, after the
// wait, or on the wait's own result; an `ensure!` whose condition is the wait; snafu's
// `whatever!(result, ..)`, a `?` on the wait.
use std::process::Command;

use anyhow::{bail, ensure, Result};

pub fn build(dir: &str, release: bool) -> Result<()> {
    if dir.is_empty() {
        bail!("no directory to build");
    }
    let mut cargo = Command::new("cargo").arg("build").current_dir(dir).spawn()?;
    let status = cargo.wait()?;
    if !status.success() {
        bail!("cargo build failed in {dir} (release: {release})");
    }
    Ok(())
}

pub fn check(dir: &str) -> Result<()> {
    let mut cargo = Command::new("cargo").arg("check").current_dir(dir).spawn()?;
    ensure!(cargo.wait()?.success(), "cargo check failed in {dir}");
    Ok(())
}

pub fn fmt(dir: &str) -> Result<(), snafu::Whatever> {
    let mut rustfmt = match Command::new("cargo").arg("fmt").current_dir(dir).spawn() {
        Ok(child) => child,
        Err(e) => snafu::whatever!("cannot start cargo fmt: {e}"),
    };
    let status = snafu::whatever!(rustfmt.wait(), "cargo fmt did not finish");
    if !status.success() {
        snafu::whatever!("cargo fmt failed in {dir}");
    }
    Ok(())
}
