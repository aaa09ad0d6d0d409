//! What the feature test files share: the binary run in a directory, untouched by the
//! developer's color and git settings, and files written into temporary directories.

use std::path::Path;
use std::process::Command;

use tempfile::TempDir;

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Git as a test sees it: no user or system configuration, no repository inherited
/// from a hook that runs the tests.
pub fn isolated(mut cmd: Command) -> Command {
    cmd.env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE");
    cmd
}

/// Where the tests' runs keep their cache: under cargo's target directory, never in the
/// directories they scan (`tests/cache.rs` tests the default places).
pub fn test_cache() -> std::path::PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("stray-cache")
}

/// `cargo-stray ARGS` in `dir`.
pub fn stray(dir: &Path, args: &[&str]) -> Run {
    let out = isolated(Command::new(env!("CARGO_BIN_EXE_cargo-stray")))
        .current_dir(dir)
        .env("STRAY_CACHE_DIR", test_cache())
        .args(args)
        .env_remove("CARGO_TERM_COLOR")
        .env_remove("NO_COLOR")
        .env("COLUMNS", "100")
        .output()
        .expect("run cargo-stray");
    Run {
        code: out.status.code().expect("cargo-stray exited, not killed"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

pub fn temp() -> TempDir {
    tempfile::Builder::new()
        .prefix("cargo-stray-test-")
        .tempdir()
        .expect("temporary directory")
}

/// Writes `contents` to `path` under `dir`, making the directories it needs.
pub fn write(dir: &Path, path: &str, contents: &[u8]) {
    let path = dir.join(path);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("create directory");
    std::fs::write(path, contents).expect("write file");
}
