//! Where the cache lives: `target/stray/` of the Cargo workspace around the files (cargo's
//! target directory, so `CARGO_TARGET_DIR` moves it and `cargo clean` clears it), else
//! `.stray_cache/` in the current directory. `--cache-dir` and `STRAY_CACHE_DIR` choose
//! another.

use std::path::{Path, PathBuf};

/// The cache directory of a run: `target` is cargo's target directory when cargo
/// reported one; otherwise the workspace around `cwd` is looked for (without running
/// cargo: the outermost `Cargo.toml` with a `[workspace]` table, else the nearest one).
pub fn default_dir(target: Option<&Path>, cwd: &Path) -> PathBuf {
    if let Some(target) = target {
        return target.join("stray");
    }
    let Some(root) = workspace_around(cwd) else {
        return cwd.join(".stray_cache");
    };
    match std::env::var_os("CARGO_TARGET_DIR").filter(|d| !d.is_empty()) {
        Some(dir) => cwd.join(dir).join("stray"),
        None => root.join("target").join("stray"),
    }
}

fn workspace_around(cwd: &Path) -> Option<PathBuf> {
    let mut nearest = None;
    let mut workspace = None;
    for dir in cwd.ancestors() {
        let manifest = dir.join("Cargo.toml");
        let Ok(text) = std::fs::read_to_string(&manifest) else {
            continue;
        };
        nearest.get_or_insert_with(|| dir.to_path_buf());
        if text.lines().any(|l| l.trim() == "[workspace]") {
            workspace = Some(dir.to_path_buf());
        }
    }
    workspace.or(nearest)
}

/// Creates `dir` (and what marks it as a cache: a `.gitignore` that ignores everything in
/// it, and a `CACHEDIR.TAG` for backup tools) if it is missing.
pub fn prepare(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let gitignore = dir.join(".gitignore");
    if !gitignore.exists() {
        std::fs::write(&gitignore, "# Created by cargo-stray.\n*\n")?;
    }
    let tag = dir.join("CACHEDIR.TAG");
    if !tag.exists() {
        std::fs::write(
            &tag,
            "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by cargo-stray.\n# For information about cache directory tags see https://bford.info/cachedir/\n",
        )?;
    }
    Ok(())
}
