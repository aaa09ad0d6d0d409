// guard_dropped_immediately (quiet): temporary directories and files kept as long as
// their paths are used, kept on purpose, or borrowed from a place that outlives the
// statement; and a check that one can be made at all.
use std::path::{Path, PathBuf};

use tempfile::{tempdir, NamedTempFile, TempDir};

pub struct Fixture {
    dir: TempDir,
}

impl Fixture {
    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }
}

pub fn kept() -> std::io::Result<(TempDir, PathBuf)> {
    let dir = tempdir()?;
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "")?;
    let file = NamedTempFile::new()?;
    let copy = file.path().to_path_buf();
    drop(copy);
    Ok((dir, config))
}

pub fn kept_on_purpose() -> std::io::Result<PathBuf> {
    let root = tempdir()?.keep();
    Ok(root.join("cache"))
}

pub fn used_within_the_statement(data: &[u8]) -> std::io::Result<bool> {
    let written = std::fs::write(tempdir()?.path().join("probe"), data).is_ok();
    Ok(written)
}

pub fn can_make_one() -> bool {
    tempdir().is_ok()
}

pub fn borrowed(dir: &TempDir) -> &Path {
    dir.path()
}

fn fixture() -> TempDir {
    TempDir::new().expect("temp dir")
}

pub fn from_a_helper_of_the_file() -> TempDir {
    let dir = fixture();
    let _name = dir.path().to_path_buf();
    dir
}
