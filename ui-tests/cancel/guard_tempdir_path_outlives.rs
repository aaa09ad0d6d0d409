// guard_dropped_immediately: a path copied out of a temporary directory that the
// statement deletes. Each shape is from test code: the `TempDir` is never bound, so only
// a path into a directory that no longer exists survives the statement.
use std::path::PathBuf;

use tempfile::{tempdir, Builder, NamedTempFile, TempDir};
use tempfile::tempdir as scratch;

pub struct Context {
    pub work_dir: PathBuf,
    pub firmware_root: PathBuf,
}

pub struct Registry(PathBuf);

impl Registry {
    pub fn new(root: PathBuf) -> Registry {
        Registry(root)
    }
}

pub struct Config {
    pub storage_path: PathBuf,
}

pub fn recovery() -> PathBuf {
    let recovery_dir = tempdir().unwrap().path().to_path_buf(); //~ guard_dropped_immediately
    recovery_dir
}

pub fn context() -> Context {
    Context {
        work_dir: tempfile::tempdir().unwrap().path().to_path_buf(), //~ guard_dropped_immediately
        firmware_root: PathBuf::from("/usr/share/OVMF"),
    }
}

pub fn registry() -> Registry {
    Registry::new(TempDir::new().expect("temp dir").path().join("registry")) //~ guard_dropped_immediately
}

pub fn configure(config: &mut Config) -> std::io::Result<()> {
    config.storage_path = Builder::new().prefix("store").tempdir()?.path().join("db"); //~ guard_dropped_immediately
    Ok(())
}

pub fn file_name() -> std::io::Result<String> {
    let name = NamedTempFile::new()?.path().display().to_string(); //~ guard_dropped_immediately
    Ok(name)
}

pub fn renamed() -> Option<PathBuf> {
    let root = scratch().ok()?.path().to_owned(); //~ guard_dropped_immediately
    Some(root)
}
