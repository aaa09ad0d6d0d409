//! `--changed-since REF`: the Rust files a branch changed, for fast pull-request runs.
//!
//! Changed means changed since the merge base of REF and HEAD, as `git diff REF...HEAD`
//! counts a pull request's changes (what REF gained meanwhile is not the branch's), plus
//! what is staged or unstaged in the working tree, plus untracked files that are not
//! ignored. Deleted files are gone; a renamed one is changed under its new name. git does
//! the work, run as a subprocess, so its own configuration and ignore rules apply.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

/// What CI users most often miss: actions/checkout fetches one commit and no branches.
const CHECKOUT_HINT: &str = "in GitHub Actions, `actions/checkout` needs `fetch-depth: 0`";

#[derive(Debug)]
pub struct Changed {
    /// Absolute paths, under the repository's top level as git reports it.
    files: HashSet<PathBuf>,
    /// The merge base, abbreviated, for telling the user what was compared.
    pub base: String,
}

impl Changed {
    /// The changed `.rs` files of the repository around `dir`.
    pub fn since(dir: &Path, reference: &str) -> Result<Self> {
        if reference.starts_with('-') {
            // git would read it as an option.
            bail!("`{reference}` is not a git revision");
        }
        let top = git(dir, &["rev-parse", "--show-toplevel"])?.map_err(|e| {
            anyhow::anyhow!(
                "--changed-since needs a git repository, and `{}` is not in one{}",
                dir.display(),
                aside(&e)
            )
        })?;
        let top = path(top.strip_suffix(b"\n").unwrap_or(&top));
        let commit = format!("{reference}^{{commit}}");
        let revision = git(&top, &["rev-parse", "--verify", "--quiet", &commit])?
            .map_err(|_| {
                anyhow::anyhow!(
                    "unknown git revision `{reference}`: check the name, or fetch it first ({CHECKOUT_HINT})"
                )
            })?;
        let revision = String::from_utf8_lossy(&revision).trim().to_string();
        let base = git(&top, &["merge-base", &revision, "HEAD"])?.map_err(|e| {
            anyhow::anyhow!(
                "`{reference}` and HEAD have no common ancestor in this clone{}; if the clone is shallow, fetch the history first (`git fetch --unshallow`; {CHECKOUT_HINT})",
                aside(&e)
            )
        })?;
        let base = String::from_utf8_lossy(&base).trim().to_string();

        // The merge base against the working tree: commits since, staged and unstaged
        // changes at once. Without rename detection a rename is a deletion and an
        // addition, whatever `diff.renames` says, and the deletion is filtered out.
        let diff = git(
            &top,
            &[
                "diff",
                "--name-only",
                "-z",
                "--no-renames",
                "--no-ext-diff",
                "--diff-filter=d",
                &base,
                "--",
            ],
        )?
        .map_err(|e| {
            anyhow::anyhow!(
                "could not list the changes since `{reference}`{}",
                aside(&e)
            )
        })?;
        let untracked = git(&top, &["ls-files", "--others", "--exclude-standard", "-z"])?
            .map_err(|e| anyhow::anyhow!("could not list the untracked files{}", aside(&e)))?;
        let files = [diff, untracked]
            .iter()
            .flat_map(|out| out.split(|b| *b == 0))
            .filter(|name| name.ends_with(b".rs"))
            .map(|name| top.join(path(name)))
            .collect();
        Ok(Changed {
            files,
            base: base.chars().take(12).collect(),
        })
    }

    /// Whether `path` (relative to `cwd`, or absolute) is one of the changed files.
    pub fn contains(&self, path: &Path, cwd: &Path) -> bool {
        let absolute = cwd.join(path);
        // Paths compare by component, so `.` is no matter; `..` and links are resolved.
        self.files.contains(&absolute)
            || std::fs::canonicalize(&absolute).is_ok_and(|p| self.files.contains(&p))
    }
}

/// Runs git in `dir`: its stdout, or, when it fails, its own first line of complaint
/// (empty when it failed silently, as `merge-base` does without a common ancestor). Only
/// a git that cannot be started at all is an error of its own.
fn git(dir: &Path, args: &[&str]) -> Result<std::result::Result<Vec<u8>, String>> {
    let out = Command::new("git")
        .current_dir(dir)
        // A linter running in the background must not take the index lock from the user.
        .env("GIT_OPTIONAL_LOCKS", "0")
        .args(args)
        .output()
        .context("--changed-since runs git, which could not be started")?;
    if out.status.success() {
        return Ok(Ok(out.stdout));
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let first = stderr.lines().map(str::trim).find(|l| !l.is_empty());
    Ok(Err(first.unwrap_or_default().to_string()))
}

/// git's complaint as an aside to our message, if it made one.
fn aside(complaint: &str) -> String {
    if complaint.is_empty() {
        String::new()
    } else {
        format!(" ({complaint})")
    }
}

/// File names are bytes to git, and on Unix to the OS too.
#[cfg(unix)]
fn path(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

/// Elsewhere git writes names as UTF-8.
#[cfg(not(unix))]
fn path(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}
