//! `--changed-since REF` on real git repositories in temporary directories: which files a
//! branch changed (committed, staged, unstaged, untracked, renamed), which it did not
//! (unchanged, changed only on REF, deleted, ignored, excluded), and the errors a CI run
//! meets (an unfetched ref, a clone without the history, no repository at all).

mod common;

use std::path::Path;
use std::process::Command;

use common::{Run, isolated, stray};
use serde_json::Value;
use tempfile::TempDir;

/// A child never waited for: one `zombie_child` warning.
const LEAK: &str =
    "use std::process::Command;\n\npub fn f() {\n    let _ = Command::new(\"ls\").spawn();\n}\n";
const CLEAN: &str = "pub fn f() -> u8 {\n    1\n}\n";

/// Git with no user or system configuration, so commits work anywhere and nothing the
/// developer configured (signing, hooks, default branch) changes the history.
fn git(dir: &Path, args: &[&str]) {
    let out = isolated(Command::new("git"))
        .current_dir(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "core.hooksPath=/dev/null",
        ])
        .args(args)
        .output()
        .expect("run git");
    assert!(
        out.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn write(dir: &Path, path: &str, contents: &str) {
    common::write(dir, path, contents.as_bytes());
}

/// A repository with `files` committed on `main`.
fn repo(files: &[(&str, &str)]) -> TempDir {
    let dir = common::temp();
    git(dir.path(), &["init", "-q", "-b", "main"]);
    for (path, contents) in files {
        write(dir.path(), path, contents);
    }
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "main"]);
    dir
}

/// The files with findings, and the number of files scanned, of a `--format json` run.
fn reported(run: &Run) -> (Vec<String>, u64) {
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let doc: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", run.stdout, run.stderr));
    let mut files: Vec<String> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["file"].as_str().expect("file").to_string())
        .collect();
    files.dedup();
    let scanned = doc["summary"]["files_scanned"]
        .as_u64()
        .expect("files_scanned");
    (files, scanned)
}

#[test]
fn only_files_the_branch_changed_are_scanned() {
    let dir = repo(&[
        ("committed.rs", CLEAN),
        ("staged.rs", CLEAN),
        ("unstaged.rs", CLEAN),
        ("untouched.rs", LEAK),
        ("changed_on_main.rs", LEAK),
        ("moved.rs", LEAK),
        ("deleted.rs", LEAK),
        ("notes.txt", "not Rust\n"),
        (".gitignore", "ignored.rs\n"),
    ]);
    let root = dir.path();
    git(root, &["checkout", "-q", "-b", "feature"]);
    write(root, "committed.rs", LEAK);
    git(root, &["mv", "moved.rs", "renamed.rs"]);
    git(root, &["rm", "-q", "deleted.rs"]);
    write(root, "notes.txt", "still not Rust\n");
    git(root, &["commit", "-q", "-am", "feature"]);
    // main moves on after the branch point: not the branch's change.
    git(root, &["checkout", "-q", "main"]);
    write(root, "changed_on_main.rs", &format!("// main\n{LEAK}"));
    git(root, &["commit", "-q", "-am", "main moves on"]);
    git(root, &["checkout", "-q", "feature"]);
    write(root, "staged.rs", LEAK);
    git(root, &["add", "staged.rs"]);
    write(root, "unstaged.rs", LEAK);
    write(root, "untracked.rs", LEAK);
    // git quotes such names unless asked for NUL-separated output.
    write(root, "odd dir/ünï \"q\".rs", LEAK);
    write(root, "ignored.rs", LEAK);

    let everything = stray(root, &["--format", "json", "."]);
    let (all, _) = reported(&everything);
    assert!(all.contains(&"untouched.rs".to_string()), "{all:?}");

    let run = stray(root, &["--format", "json", "--changed-since", "main", "."]);
    let (files, scanned) = reported(&run);
    assert_eq!(
        files,
        [
            "committed.rs",
            "odd dir/ünï \"q\".rs",
            "renamed.rs",
            "staged.rs",
            "unstaged.rs",
            "untracked.rs"
        ]
    );
    assert_eq!(scanned, 6);
    assert!(
        run.stderr
            .starts_with("scanning 6 Rust files changed since `main` (merge base "),
        "{}",
        run.stderr
    );

    // The human format says the same, and `--quiet` leaves the note out.
    let human = stray(root, &["--changed-since", "main", "."]);
    assert!(human.stderr.contains("in 6 files"), "{}", human.stderr);
    let quiet = stray(
        root,
        &["-q", "--format", "json", "--changed-since", "main", "."],
    );
    assert_eq!(quiet.stderr, "");
}

/// git names files from the top of the repository; the scan from wherever it runs. A
/// Cargo workspace in a subdirectory sees its own changed files, named from the cwd, and
/// no changed file outside it; the settings' excludes still hold.
#[test]
fn changed_files_meet_the_workspace_and_its_excludes() {
    let dir = repo(&[
        (
            "ws/Cargo.toml",
            "[package]\nname = \"ws\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
        ),
        ("ws/stray.toml", "exclude = [\"src/generated.rs\"]\n"),
        ("ws/src/lib.rs", "mod changed;\nmod generated;\nmod same;\n"),
        ("ws/src/changed.rs", CLEAN),
        ("ws/src/generated.rs", CLEAN),
        ("ws/src/same.rs", LEAK),
        ("outside.rs", CLEAN),
    ]);
    let root = dir.path();
    git(root, &["checkout", "-q", "-b", "feature"]);
    for file in ["ws/src/changed.rs", "ws/src/generated.rs", "outside.rs"] {
        write(root, file, LEAK);
    }
    git(root, &["commit", "-q", "-am", "feature"]);

    let run = stray(
        &root.join("ws"),
        &["--format", "json", "--changed-since", "main"],
    );
    assert_eq!(reported(&run), (vec!["src/changed.rs".to_string()], 1));

    // From a directory below, with paths.
    let run = stray(
        &root.join("ws/src"),
        &["--format", "json", "--changed-since", "main", "."],
    );
    assert_eq!(reported(&run).0, ["changed.rs"]);
}

#[test]
fn no_changed_files_is_a_clean_run_that_says_so() {
    let dir = repo(&[("leak.rs", LEAK), ("notes.md", "# notes\n")]);
    let root = dir.path();
    write(root, "notes.md", "# more notes\n");
    let run = stray(root, &["--format", "json", "--changed-since", "HEAD", "."]);
    assert_eq!(reported(&run), (vec![], 0));
    assert!(
        run.stderr
            .starts_with("no changed Rust files since `HEAD` (merge base "),
        "{}",
        run.stderr
    );

    let deny = stray(root, &["-D", "all", "--changed-since", "HEAD", "."]);
    assert_eq!(deny.code, 0, "{}", deny.stderr);
    assert!(deny.stderr.contains("0 findings"), "{}", deny.stderr);
}

#[test]
fn unknown_revision_is_a_usage_error_with_a_hint() {
    let dir = repo(&[("leak.rs", LEAK)]);
    let run = stray(dir.path(), &["--changed-since", "origin/main", "."]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr
            .contains("error: unknown git revision `origin/main`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("fetch-depth: 0"), "{}", run.stderr);

    // Something git would take for an option is refused before git sees it.
    let run = stray(dir.path(), &["--changed-since=--output=x", "."]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("`--output=x` is not a git revision"));
}

#[test]
fn unrelated_histories_are_an_error_that_mentions_shallow_clones() {
    let dir = repo(&[("leak.rs", LEAK)]);
    git(dir.path(), &["checkout", "-q", "--orphan", "other"]);
    git(dir.path(), &["commit", "-q", "-m", "unrelated"]);
    let run = stray(dir.path(), &["--changed-since", "main", "."]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`main` and HEAD have no common ancestor"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("fetch-depth: 0"), "{}", run.stderr);
}

#[test]
fn outside_a_repository_is_a_usage_error() {
    let dir = common::temp();
    write(dir.path(), "leak.rs", LEAK);
    // A repository around the temporary directory would make this test meaningless.
    let probe = isolated(Command::new("git"))
        .current_dir(dir.path())
        .args(["rev-parse", "--show-toplevel"])
        .output()
        .expect("run git");
    if probe.status.success() {
        panic!("the temporary directory is inside a git repository; set TMPDIR elsewhere");
    }
    let run = stray(dir.path(), &["--changed-since", "main", "."]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("--changed-since needs a git repository"),
        "{}",
        run.stderr
    );
}

#[test]
fn changed_since_cannot_write_a_baseline() {
    let dir = repo(&[("leak.rs", LEAK)]);
    let run = stray(
        dir.path(),
        &["--changed-since", "main", "--write-baseline", "b.json", "."],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("--write-baseline"), "{}", run.stderr);
    assert!(!dir.path().join("b.json").exists());
}
