//! Which files to scan: the members of a Cargo workspace, or the paths the user named.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::input::{FileProblem, Input, ProblemKind};

/// How the packages of a workspace are chosen, as `cargo` does.
#[derive(Debug, Default, Clone)]
pub struct PackageSelection {
    pub manifest_path: Option<PathBuf>,
    pub workspace: bool,
    pub packages: Vec<String>,
    pub exclude: Vec<String>,
}

/// Files found, files that could not be walked, and the root paths are shown relative to.
#[derive(Debug, Default)]
pub struct Discovered {
    pub inputs: Vec<Input>,
    pub problems: Vec<FileProblem>,
    /// The workspace root, or the current directory for explicit paths.
    pub root: PathBuf,
    /// The workspace's members, and its target directory, when cargo was asked.
    pub packages: Option<Packages>,
    pub target: Option<PathBuf>,
}

/// The members of a Cargo workspace, so a file can be told which package it belongs to.
#[derive(Debug, Clone)]
pub struct Packages {
    pub root: PathBuf,
    pub members: Vec<Package>,
}

/// A workspace member, as cargo's JSON messages name it.
#[derive(Debug, Clone)]
pub struct Package {
    pub id: cargo_metadata::PackageId,
    pub manifest_path: PathBuf,
    pub targets: Vec<cargo_metadata::Target>,
}

impl Packages {
    fn new(metadata: &cargo_metadata::Metadata) -> Self {
        Packages {
            root: metadata.workspace_root.clone().into_std_path_buf(),
            members: metadata
                .workspace_packages()
                .into_iter()
                .map(|p| Package {
                    id: p.id.clone(),
                    manifest_path: p.manifest_path.clone().into_std_path_buf(),
                    targets: p.targets.clone(),
                })
                .collect(),
        }
    }

    /// The members of the workspace around `cwd`, if there is one; for explicit paths,
    /// where nothing else needs cargo, a failure only means the files have no package.
    pub fn around(cwd: &Path) -> Option<Self> {
        let metadata = cargo_metadata::MetadataCommand::new()
            .no_deps()
            .current_dir(cwd)
            .exec()
            .ok()?;
        Some(Packages::new(&metadata))
    }

    /// The member whose directory is the closest one around `path` (absolute). Nested
    /// packages are their own members, so the closest directory is the owner.
    pub fn owner(&self, path: &Path) -> Option<&Package> {
        self.members
            .iter()
            .filter_map(|p| Some((p, p.manifest_path.parent()?)))
            .filter(|(_, dir)| path.starts_with(dir))
            .max_by_key(|(_, dir)| dir.components().count())
            .map(|(p, _)| p)
    }
}

impl Package {
    /// The target `path` (absolute) is most likely compiled into, without reading the
    /// module tree: the target whose root file it is; else the one whose root file sits in
    /// the closest directory around it (a module of `src/` belongs to the library before
    /// the binary, a helper under `tests/` to the first test); else the library, or the
    /// first target of the kind that comes first in that order.
    pub fn target_for(&self, path: &Path) -> Option<&cargo_metadata::Target> {
        if let Some(t) = self.targets.iter().find(|t| t.src_path == path) {
            return Some(t);
        }
        self.targets
            .iter()
            .filter_map(|t| Some((t, t.src_path.parent()?)))
            .filter(|(_, dir)| path.starts_with(dir))
            .min_by_key(|(t, dir)| (std::cmp::Reverse(dir.components().count()), rank(t)))
            .map(|(t, _)| t)
            .or_else(|| self.targets.iter().min_by_key(|t| rank(t)))
    }
}

/// Libraries first, build scripts last: the order in which a file shared by several
/// targets is attributed to one.
fn rank(target: &cargo_metadata::Target) -> u8 {
    use cargo_metadata::TargetKind as K;
    target
        .kind
        .iter()
        .map(|k| match k {
            K::Lib | K::RLib | K::DyLib | K::CDyLib | K::StaticLib | K::ProcMacro => 0,
            K::Bin => 1,
            K::Test => 2,
            K::Example => 3,
            K::Bench => 4,
            K::CustomBuild => 5,
            _ => 6,
        })
        .min()
        .unwrap_or(6)
}

/// The files named on the command line: files as they are, directories walked for `.rs`
/// files (honouring `.gitignore` and `.ignore`). A path that does not exist is an error.
pub fn explicit(paths: &[PathBuf], cwd: &Path) -> Result<Discovered> {
    let mut found = Discovered {
        root: cwd.to_path_buf(),
        ..Discovered::default()
    };
    for path in paths {
        if std::fs::symlink_metadata(path).is_err() {
            bail!("path `{}` does not exist", path.display());
        }
        if path.is_dir() {
            walk(path, cwd, &[], Nested::Walk, &mut found);
        } else {
            found.inputs.push(input(path, cwd));
        }
    }
    // A file named twice, as `a.rs` and `./a.rs` or as itself and inside a directory also
    // named, is scanned and reported once.
    let mut seen = BTreeSet::new();
    found.inputs.retain(|i| seen.insert(i.display.clone()));
    let mut seen = BTreeSet::new();
    found
        .problems
        .retain(|p| seen.insert((p.display.clone(), p.message.clone())));
    Ok(found)
}

/// The `.rs` files of the selected packages of the workspace around `cwd`.
pub fn cargo_workspace(selection: &PackageSelection, cwd: &Path) -> Result<Discovered> {
    let mut cmd = cargo_metadata::MetadataCommand::new();
    cmd.no_deps().current_dir(cwd);
    if let Some(manifest) = &selection.manifest_path {
        cmd.manifest_path(manifest);
    }
    let metadata = cmd
        .exec()
        .context("could not read the Cargo workspace (run in a Cargo project, pass --manifest-path, or name files or directories to scan)")?;

    let members: Vec<&cargo_metadata::Package> = metadata.workspace_packages();
    for spec in selection.packages.iter().chain(&selection.exclude) {
        if !members.iter().any(|p| p.name.as_str() == spec) {
            let names = members.iter().map(|p| p.name.as_str());
            bail!(
                "package `{spec}` is not a member of the workspace{}",
                crate::suggest::did_you_mean(spec, names, |c| c.len() / 3 + 1)
            );
        }
    }
    let selected: Vec<&cargo_metadata::Package> = if !selection.packages.is_empty() {
        members
            .iter()
            .copied()
            .filter(|p| selection.packages.iter().any(|s| s == p.name.as_str()))
            .collect()
    } else if selection.workspace {
        members
            .iter()
            .copied()
            .filter(|p| !selection.exclude.iter().any(|s| s == p.name.as_str()))
            .collect()
    } else if let Some(root) = metadata.root_package() {
        // Like cargo: in a package directory, that package.
        vec![root]
    } else {
        let defaults = metadata
            .workspace_default_members
            .iter()
            .collect::<BTreeSet<_>>();
        members
            .iter()
            .copied()
            .filter(|p| defaults.contains(&p.id))
            .collect()
    };

    let root = metadata.workspace_root.clone().into_std_path_buf();
    let target = metadata.target_directory.clone().into_std_path_buf();
    let mut found = Discovered {
        root,
        packages: Some(Packages::new(&metadata)),
        target: Some(target.clone()),
        ..Discovered::default()
    };
    for package in selected {
        let Some(dir) = package.manifest_path.parent() else {
            continue;
        };
        walk(
            dir.as_std_path(),
            cwd,
            std::slice::from_ref(&target),
            Nested::Skip,
            &mut found,
        );
    }
    Ok(found)
}

/// What to do with directories below the walk's root that hold a `Cargo.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Nested {
    /// Walk them: the user named the directory.
    Walk,
    /// Skip them: another package (a member, scanned on its own if selected, or a
    /// separate project such as a test fixture or an example workspace), as cargo
    /// leaves them out of the package around them.
    Skip,
}

/// Adds the `.rs` files under `dir` to `found`, skipping `skip`, `target/`, hidden
/// directories, nested packages when `nested` says so, and whatever ignore files
/// exclude. Links are followed; loops and unreadable entries are recorded as problems.
fn walk(dir: &Path, cwd: &Path, skip: &[PathBuf], nested: Nested, found: &mut Discovered) {
    let skip = skip.to_vec();
    let walker = ignore::WalkBuilder::new(dir)
        .follow_links(true)
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(move |e| {
            if !e.file_type().is_some_and(|t| t.is_dir()) {
                return true;
            }
            let other_package =
                nested == Nested::Skip && e.depth() > 0 && e.path().join("Cargo.toml").is_file();
            !(e.file_name() == "target" || other_package || skip.iter().any(|s| s == e.path()))
        })
        .build();
    for entry in walker {
        match entry {
            Ok(e) => {
                let is_file = e.file_type().is_some_and(|t| t.is_file());
                let is_rs = e.path().extension().is_some_and(|x| x == "rs");
                if is_rs && (is_file || e.path_is_symlink()) {
                    found.inputs.push(input(e.path(), cwd));
                }
            }
            Err(err) if names_no_rust(&err) => {}
            Err(err) => found.problems.push(walk_problem(&err, cwd)),
        }
    }
}

/// A broken link or a link loop whose name is not `.rs`: no Rust file is lost there. It
/// is a link to a directory not made yet (docs, build output) or back up the tree, whose
/// files are scanned under their own paths. An unreadable directory may hold Rust files,
/// and stays a problem.
fn names_no_rust(err: &ignore::Error) -> bool {
    let link = is_loop(err)
        || err
            .io_error()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::NotFound);
    link && error_path(err).is_some_and(|p| p.extension().is_none_or(|x| x != "rs"))
}

fn walk_problem(err: &ignore::Error, cwd: &Path) -> FileProblem {
    let path = error_path(err);
    let message = match err.io_error() {
        Some(io) if io.kind() == std::io::ErrorKind::NotFound => {
            "broken symbolic link: its target does not exist".to_string()
        }
        _ if is_loop(err) => "symbolic link loop: not followed".to_string(),
        _ => format!("could not read: {}", strip_path(&err.to_string())),
    };
    FileProblem {
        display: path.map_or_else(|| "<unknown>".to_string(), |p| display(p, cwd)),
        kind: ProblemKind::Unreadable,
        message,
        position: None,
        source: None,
    }
}

fn error_path(err: &ignore::Error) -> Option<&Path> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child),
        ignore::Error::Partial(errs) => errs.iter().find_map(error_path),
        _ => None,
    }
}

fn is_loop(err: &ignore::Error) -> bool {
    match err {
        ignore::Error::Loop { .. } => true,
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => is_loop(err),
        _ => false,
    }
}

/// The message of an error, without the path the diagnostic shows already.
fn strip_path(message: &str) -> String {
    message.rsplit(": ").next().unwrap_or(message).to_string()
}

fn input(path: &Path, cwd: &Path) -> Input {
    Input {
        path: path.to_path_buf(),
        display: display(path, cwd),
    }
}

/// A path as users see it: relative to the current directory when it is inside it,
/// `/`-separated, without a leading `./`.
pub fn display(path: &Path, cwd: &Path) -> String {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd.join(path)
    };
    let shown = match absolute.strip_prefix(cwd) {
        Ok(rel) => rel.to_path_buf(),
        Err(_) => path.to_path_buf(),
    };
    shown
        .components()
        .filter_map(|c| match c {
            Component::CurDir => None,
            Component::RootDir => Some(String::new()),
            other => Some(other.as_os_str().to_string_lossy().into_owned()),
        })
        .collect::<Vec<_>>()
        .join("/")
}
