//! Where a file sits in its crate, from cargo's layout alone: the package around it (the
//! nearest `Cargo.toml`), the group of files that index each other (a package's `src/`,
//! one binary of `src/bin/`, its `tests/`, `examples/` or `benches/`), and the module
//! path cargo's conventions give it (`src/net/tls.rs` is `net::tls`). Files outside a
//! package's target directories are crates of their own, as before: nothing else is
//! indexed with them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Where one file sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The directory (or, for a lone file, the file) whose Rust files index each other.
    pub group: PathBuf,
    /// The file's module below the crate root: `[]` for `lib.rs`, `["net", "tls"]` for
    /// `src/net/tls.rs` or `src/net/tls/mod.rs`.
    pub module: Vec<String>,
    /// Whether other files of the group are indexed with it.
    pub shared: bool,
}

impl Unit {
    /// A file analysed alone, as its own crate.
    pub fn alone(path: &Path) -> Unit {
        Unit {
            group: path.to_path_buf(),
            module: Vec::new(),
            shared: false,
        }
    }
}

/// Target directories whose files are crate roots when directly inside (`tests/it.rs`),
/// and modules of those below (`tests/common/mod.rs`).
const TARGET_DIRS: &[&str] = &["tests", "examples", "benches"];

/// Finds packages, remembering each directory's answer.
#[derive(Debug, Default)]
pub struct Packages {
    known: HashMap<PathBuf, Option<PathBuf>>,
}

impl Packages {
    /// The directory of the package holding `dir`: the nearest one with a `Cargo.toml`.
    fn package_of(&mut self, dir: &Path) -> Option<PathBuf> {
        if let Some(known) = self.known.get(dir) {
            return known.clone();
        }
        let found = if dir.join("Cargo.toml").is_file() {
            Some(dir.to_path_buf())
        } else {
            match dir.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => self.package_of(parent),
                _ => None,
            }
        };
        self.known.insert(dir.to_path_buf(), found.clone());
        found
    }

    /// Where `path` (absolute, or relative to the current directory) sits. Groups are
    /// absolute.
    pub fn unit_of(&mut self, path: &Path) -> Unit {
        let alone = Unit::alone(path);
        let Ok(path) = std::path::absolute(path) else {
            return alone;
        };
        let path = path.as_path();
        let Some(dir) = path.parent() else {
            return alone;
        };
        let Some(package) = self.package_of(dir) else {
            return alone;
        };
        let Ok(inside) = path.strip_prefix(&package) else {
            return alone;
        };
        let parts: Vec<&str> = inside.iter().filter_map(|c| c.to_str()).collect();
        if parts.len() != inside.iter().count() {
            return alone;
        }
        match parts.as_slice() {
            ["src", "bin", name, rest @ ..] if !rest.is_empty() => Unit {
                group: package.join("src").join("bin").join(name),
                module: module_path(rest, &["main.rs"]),
                shared: true,
            },
            ["src", "bin", _] => alone,
            ["src", rest @ ..] if !rest.is_empty() => Unit {
                group: package.join("src"),
                module: module_path(rest, &["lib.rs", "main.rs"]),
                shared: true,
            },
            [kind, rest @ ..] if TARGET_DIRS.contains(kind) && !rest.is_empty() => {
                // `tests/it.rs` and `examples/app/main.rs` are roots; the rest modules.
                let module = match rest {
                    [_] | [_, "main.rs"] => Vec::new(),
                    _ => module_path(rest, &[]),
                };
                Unit {
                    group: package.join(kind),
                    module,
                    shared: true,
                }
            }
            _ => alone,
        }
    }
}

/// The module of a file at `parts` below its crate's directory: `roots` name the crate
/// root files, `mod.rs` names its directory.
fn module_path(parts: &[&str], roots: &[&str]) -> Vec<String> {
    let Some((file, dirs)) = parts.split_last() else {
        return Vec::new();
    };
    let mut module: Vec<String> = dirs.iter().map(|d| d.to_string()).collect();
    if dirs.is_empty() && roots.contains(file) {
        return module;
    }
    if *file != "mod.rs" {
        module.push(file.trim_end_matches(".rs").to_string());
    }
    module
}

/// The Rust files of a group, sorted: every `.rs` file below its directory, leaving out
/// hidden directories and `target/`; links are not followed. A lone file is its own group.
pub fn group_files(group: &Path) -> Vec<PathBuf> {
    if group.is_file() {
        return vec![group.to_path_buf()];
    }
    let mut out = Vec::new();
    let mut dirs = vec![group.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let path = entry.path();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if kind.is_dir() {
                if !name.starts_with('.') && name != "target" {
                    dirs.push(path);
                }
            } else if kind.is_file() && name.ends_with(".rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modules_follow_cargo_conventions() {
        let m = |parts: &[&str]| module_path(parts, &["lib.rs", "main.rs"]);
        assert_eq!(m(&["lib.rs"]), Vec::<String>::new());
        assert_eq!(m(&["net.rs"]), vec!["net"]);
        assert_eq!(m(&["net", "mod.rs"]), vec!["net"]);
        assert_eq!(m(&["net", "tls.rs"]), vec!["net", "tls"]);
        // Only the top `lib.rs` is the root.
        assert_eq!(m(&["a", "lib.rs"]), vec!["a", "lib"]);
    }

    #[test]
    fn units_of_a_package() {
        let dir = std::env::temp_dir().join(format!("stray-layout-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("src/net")).unwrap();
        std::fs::create_dir_all(dir.join("tests/common")).unwrap();
        std::fs::write(dir.join("Cargo.toml"), "[package]\nname = \"p\"\n").unwrap();
        let mut packages = Packages::default();
        let unit = packages.unit_of(&dir.join("src/net/tls.rs"));
        assert_eq!(unit.group, dir.join("src"));
        assert_eq!(unit.module, vec!["net", "tls"]);
        let unit = packages.unit_of(&dir.join("tests/common/mod.rs"));
        assert_eq!(unit.group, dir.join("tests"));
        assert_eq!(unit.module, vec!["common"]);
        assert!(packages.unit_of(&dir.join("tests/it.rs")).module.is_empty());
        let unit = packages.unit_of(&dir.join("ui/case.rs"));
        assert!(!unit.shared);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
