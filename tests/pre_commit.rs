//! The pre-commit hooks (`.pre-commit-hooks.yaml`) as pre-commit runs them: a temporary
//! git repository with a leaky file and a `.pre-commit-config.yaml` naming a snapshot of
//! this repository, as a user's config names a release, and `pre-commit run`.
//!
//! With `language: rust`, pre-commit builds cargo-stray from the snapshot with `cargo
//! install` the first time it sees the snapshot's commit. (`pre-commit try-repo` would
//! build it again on every call: it keeps its environments in a temporary directory.) The
//! snapshot is committed with fixed names and dates, so unchanged sources give the same
//! commit, and pre-commit's home and cargo's target directory for it live under this
//! build's target directory: later runs reuse the build until the sources change, and
//! then only cargo-stray itself is compiled again.
//!
//! Without pre-commit on PATH the test says it skipped; on CI (`CI=true`), where `.ci/run`
//! installs pre-commit, it fails instead.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use yaml_rust2::{Yaml, YamlLoader};

const BIN: &str = env!("CARGO_BIN_EXE_cargo-stray");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// One error-level finding, `guard_dropped_immediately`, on line 4.
const LEAK: &str = "\
use tokio_util::sync::CancellationToken;

pub fn serve(token: CancellationToken) {
    let _ = token.drop_guard();
}
";

/// One warning-level finding, `zombie_child`: the hooks fail on warnings too.
const ZOMBIE: &str = "\
use std::process::Command;

pub fn start() {
    Command::new(\"sleep\").spawn().unwrap();
}
";

/// The same function, the guard kept.
const FIXED: &str = "\
use tokio_util::sync::CancellationToken;

pub fn serve(token: CancellationToken) {
    let _guard = token.drop_guard();
}
";

fn manifest() -> Vec<Yaml> {
    let path = Path::new(ROOT).join(".pre-commit-hooks.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut docs = YamlLoader::load_from_str(&text).unwrap();
    assert_eq!(docs.len(), 1);
    docs.remove(0).into_vec().expect("a list of hooks")
}

fn hook<'a>(hooks: &'a [Yaml], id: &str) -> &'a Yaml {
    hooks
        .iter()
        .find(|h| h["id"].as_str() == Some(id))
        .unwrap_or_else(|| panic!("no hook `{id}`"))
}

fn strings(y: &Yaml) -> Vec<&str> {
    y.as_vec()
        .map(|v| v.iter().filter_map(Yaml::as_str).collect())
        .unwrap_or_default()
}

fn readme_section(title: &str) -> String {
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).unwrap();
    let heading = format!("\n## {title}\n");
    let start = readme.find(&heading).expect("README section") + heading.len();
    let rest = &readme[start..];
    rest[..rest.find("\n## ").unwrap_or(rest.len())].to_string()
}

#[test]
fn hooks_are_declared_as_the_readme_documents() {
    let hooks = manifest();
    let ids: BTreeSet<&str> = hooks.iter().filter_map(|h| h["id"].as_str()).collect();
    assert_eq!(
        ids,
        BTreeSet::from([
            "cargo-stray",
            "cargo-stray-system",
            "cargo-stray-workspace",
            "cargo-stray-workspace-system"
        ])
    );
    for h in &hooks {
        let id = h["id"].as_str().unwrap_or_default();
        // pre-commit builds the repository with `cargo install` and runs the binary; the
        // `-system` hooks run the one installed on the machine, and are otherwise the same.
        if let Some(built) = id.strip_suffix("-system") {
            assert_eq!(h["language"].as_str(), Some("system"), "{h:?}");
            let built = hook(&hooks, built);
            for key in ["name", "args", "types", "files", "pass_filenames"] {
                assert_eq!(h[key], built[key], "{id}: {key}");
            }
        } else {
            assert_eq!(h["language"].as_str(), Some("rust"), "{h:?}");
        }
        assert_eq!(h["entry"].as_str(), Some("cargo-stray"), "{h:?}");
        // pre-commit shows nothing of a hook that passes: a warning must fail it to be seen.
        assert_eq!(
            strings(&h["args"]).first(),
            Some(&"--deny-warnings"),
            "{h:?}"
        );
        assert!(h["name"].as_str().is_some_and(|n| !n.is_empty()), "{h:?}");
        assert!(h["description"].as_str().is_some(), "{h:?}");
        // cargo-stray runs its own threads; pre-commit's parallel batches would compete.
        assert_eq!(h["require_serial"].as_bool(), Some(true), "{h:?}");
    }
    let files = hook(&hooks, "cargo-stray");
    assert_eq!(strings(&files["types"]), ["rust"]);
    assert_eq!(files["pass_filenames"].as_bool(), Some(true));
    let workspace = hook(&hooks, "cargo-stray-workspace");
    assert_eq!(workspace["pass_filenames"].as_bool(), Some(false));
    assert_eq!(
        strings(&workspace["args"]),
        ["--deny-warnings", "--workspace"]
    );

    let section = readme_section("pre-commit");
    let documented: BTreeSet<&str> = section
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .collect();
    assert_eq!(documented, ids, "the README's table of hooks");
    let config = section
        .split("```yaml\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("a .pre-commit-config.yaml example");
    let config = &YamlLoader::load_from_str(config).unwrap()[0];
    let repo = &config["repos"][0];
    assert_eq!(
        repo["repo"].as_str(),
        Some("https://github.com/cargo-stray/cargo-stray")
    );
    for h in repo["hooks"].as_vec().unwrap() {
        assert!(ids.contains(h["id"].as_str().unwrap()), "{h:?}");
    }
}

// ---------------------------------------------------------------------------------------
// Running pre-commit
// ---------------------------------------------------------------------------------------

/// A command with no git variables of an enclosing hook or rebase leaking in.
fn command(program: &str, dir: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(dir);
    for var in [
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_INDEX_FILE",
        "GIT_OBJECT_DIRECTORY",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

fn run(cmd: &mut Command) -> Output {
    cmd.output()
        .unwrap_or_else(|e| panic!("could not run {cmd:?}: {e}"))
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = run(command("git", dir)
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        // Fixed names and dates: the same tree gives the same commit.
        .env("GIT_AUTHOR_NAME", "cargo-stray tests")
        .env("GIT_AUTHOR_EMAIL", "tests@cargo-stray.invalid")
        .env("GIT_AUTHOR_DATE", "2000-01-01T00:00:00Z")
        .env("GIT_COMMITTER_NAME", "cargo-stray tests")
        .env("GIT_COMMITTER_EMAIL", "tests@cargo-stray.invalid")
        .env("GIT_COMMITTER_DATE", "2000-01-01T00:00:00Z"));
    assert!(
        out.status.success(),
        "git {args:?} in {}: {}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Whether `program --version` runs; says why not.
fn available(program: &str) -> Result<(), String> {
    match Command::new(program).arg("--version").output() {
        Ok(out) if out.status.success() => Ok(()),
        Ok(out) => Err(format!(
            "`{program} --version` failed: {}",
            String::from_utf8_lossy(&out.stderr)
        )),
        Err(e) => Err(format!("`{program}` cannot be run: {e}")),
    }
}

/// The target directory this test was built in: `<target>/debug/cargo-stray`.
fn target_dir() -> PathBuf {
    Path::new(BIN)
        .parent()
        .and_then(Path::parent)
        .expect("the binary sits in <target>/<profile>/")
        .to_path_buf()
}

/// This repository's files (tracked, and new ones not ignored) committed in a repository
/// of their own at `dir`; returns the commit. A work tree with changes gives a commit of
/// them, as a user's `rev` would be.
fn snapshot(dir: &Path) -> String {
    let root = Path::new(ROOT);
    let listed = git(
        root,
        &[
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ],
    );
    if dir.exists() {
        std::fs::remove_dir_all(dir).unwrap();
    }
    std::fs::create_dir_all(dir).unwrap();
    for file in listed.split('\0').filter(|f| !f.is_empty()) {
        let from = root.join(file);
        // Listed but deleted in the work tree.
        if !from.is_file() {
            continue;
        }
        let to = dir.join(file);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&from, &to).unwrap();
    }
    git(dir, &["init", "-q"]);
    git(dir, &["-c", "core.autocrlf=false", "add", "-A"]);
    git(dir, &["commit", "-q", "--no-verify", "-m", "snapshot"]);
    git(dir, &["rev-parse", "HEAD"]).trim().to_string()
}

/// Where pre-commit keeps its environments, emptied when the snapshot's commit changed:
/// each environment holds a registry of its own (pre-commit sets CARGO_HOME), and old
/// ones would pile up.
fn pre_commit_home(base: &Path, commit: &str) -> PathBuf {
    let home = base.join("home");
    let stamp = base.join("home-commit");
    if std::fs::read_to_string(&stamp).ok().as_deref() != Some(commit) {
        if home.exists() {
            std::fs::remove_dir_all(&home).unwrap();
        }
        std::fs::create_dir_all(&home).unwrap();
        std::fs::write(&stamp, commit).unwrap();
    }
    home
}

struct Hooks {
    repo: PathBuf,
    commit: String,
    home: PathBuf,
    cargo_target: PathBuf,
}

impl Hooks {
    /// The `.pre-commit-config.yaml` a user would write, naming the snapshot.
    fn config(&self) -> String {
        format!(
            "repos:\n  - repo: {}\n    rev: {}\n    hooks:\n      - id: cargo-stray\n      - id: cargo-stray-workspace\n      - id: cargo-stray-system\n      - id: cargo-stray-workspace-system\n",
            self.repo.display(),
            self.commit
        )
    }

    /// `pre-commit run <hook> --files <files>` in `project`, with the binary under test
    /// first on PATH for the `-system` hooks (the others run the one pre-commit built).
    fn run(&self, project: &Path, hook: &str, files: &[&str]) -> (Option<i32>, String) {
        let bin_dir = Path::new(BIN).parent().expect("the binary's directory");
        let path = std::env::var_os("PATH").unwrap_or_default();
        let path = std::env::join_paths(
            std::iter::once(bin_dir.to_path_buf()).chain(std::env::split_paths(&path)),
        )
        .expect("PATH");
        let out = run(command("pre-commit", project)
            .args(["run", hook, "--color", "never", "--files"])
            .args(files)
            .env("PATH", path)
            .env("PRE_COMMIT_HOME", &self.home)
            // Not the target directory `cargo test` holds: its own, kept between runs.
            .env("CARGO_TARGET_DIR", &self.cargo_target)
            // The hooks' wiring is under test, not the speed of an optimized build; an
            // unoptimized one takes a fraction of the time.
            .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
            .env("CARGO_PROFILE_RELEASE_DEBUG", "false")
            .env("CARGO_PROFILE_RELEASE_INCREMENTAL", "true"));
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.code(), text)
    }
}

/// A project with a Cargo package, its files staged.
fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::Builder::new()
        .prefix("cargo-stray-pre-commit-")
        .tempdir()
        .unwrap();
    let manifest = "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";
    std::fs::write(dir.path().join("Cargo.toml"), manifest).unwrap();
    for (path, contents) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "-A"]);
    dir
}

fn write_staged(project: &Path, file: &str, contents: &str) {
    std::fs::write(project.join(file), contents).unwrap();
    git(project, &["add", "-A"]);
}

/// The hooks of a snapshot of this repository, or why they cannot be run here.
fn hooks(name: &str) -> Option<Hooks> {
    let missing = available("git").and_then(|()| available("pre-commit"));
    if let Err(why) = missing {
        let on_ci = std::env::var("CI").is_ok_and(|v| v == "true");
        assert!(
            !on_ci,
            "{why}: CI installs pre-commit (.ci/run), so the hooks must be tested there"
        );
        eprintln!("SKIPPED: pre-commit hooks untested: {why}");
        return None;
    }
    // Each test its own snapshot and pre-commit home: they run at once.
    let base = target_dir().join("pre-commit");
    let repo = base.join(format!("hooks-repo-{name}"));
    let commit = snapshot(&repo);
    Some(Hooks {
        home: pre_commit_home(&base.join(name), &commit),
        repo,
        commit,
        cargo_target: base.join("cargo-target"),
    })
}

#[test]
fn hooks_fail_on_a_leak_and_pass_once_it_is_fixed() {
    let Some(hooks) = hooks("built") else { return };

    let project = project(&[
        ("src/lib.rs", LEAK),
        ("src/other.rs", FIXED),
        (".pre-commit-config.yaml", &hooks.config()),
    ]);
    let dir = project.path();

    // The files hook scans the files it is given.
    let (code, out) = hooks.run(dir, "cargo-stray", &["src/lib.rs", "src/other.rs"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("Failed"), "{out}");
    assert!(
        out.contains("error[guard_dropped_immediately]: `DropGuard` is dropped immediately"),
        "{out}"
    );
    assert!(out.contains("src/lib.rs:4:"), "{out}");
    assert!(
        out.contains("1 finding (1 error, 0 warnings) in 2 files"),
        "{out}"
    );

    write_staged(dir, "src/lib.rs", FIXED);
    let (code, out) = hooks.run(dir, "cargo-stray", &["src/lib.rs", "src/other.rs"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("Passed"), "{out}");

    // A leak in a file not being committed: only the workspace hook sees it.
    write_staged(dir, "src/other.rs", LEAK);
    let (code, out) = hooks.run(dir, "cargo-stray", &["src/lib.rs"]);
    assert_eq!(code, Some(0), "the files hook scans only src/lib.rs: {out}");
    let (code, out) = hooks.run(dir, "cargo-stray-workspace", &["src/lib.rs"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("src/other.rs:4:"), "{out}");
    assert!(out.contains("in 2 files"), "{out}");
    // It runs for a settings file too, and not for other files.
    std::fs::write(dir.join("stray.toml"), "[lints]\n").unwrap();
    let (code, out) = hooks.run(dir, "cargo-stray-workspace", &["stray.toml"]);
    assert_eq!(code, Some(1), "{out}");
    std::fs::write(dir.join("notes.txt"), "notes\n").unwrap();
    let (code, out) = hooks.run(dir, "cargo-stray-workspace", &["notes.txt"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("(no files to check)Skipped"), "{out}");

    write_staged(dir, "src/other.rs", FIXED);
    let (code, out) = hooks.run(dir, "cargo-stray-workspace", &["src/lib.rs"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("Passed"), "{out}");

    // A warning fails the hook too: pre-commit would show nothing of a passing one.
    write_staged(dir, "src/lib.rs", ZOMBIE);
    let (code, out) = hooks.run(dir, "cargo-stray", &["src/lib.rs"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("Failed"), "{out}");
    assert!(out.contains("warning[zombie_child]"), "{out}");
    assert!(
        out.contains("1 finding (0 errors, 1 warning) in 1 file"),
        "{out}"
    );
}

/// The `-system` hooks run the `cargo-stray` on PATH (here the binary under test), with no
/// build, and fail on warnings as the others do.
#[test]
fn system_hooks_run_the_installed_binary_and_fail_on_warnings() {
    let Some(hooks) = hooks("system") else { return };
    let project = project(&[
        ("src/lib.rs", ZOMBIE),
        ("src/other.rs", FIXED),
        (".pre-commit-config.yaml", &hooks.config()),
    ]);
    let dir = project.path();
    for hook in ["cargo-stray-system", "cargo-stray-workspace-system"] {
        let (code, out) = hooks.run(dir, hook, &["src/lib.rs"]);
        assert_eq!(code, Some(1), "{hook}: {out}");
        assert!(out.contains("Failed"), "{hook}: {out}");
        assert!(out.contains("warning[zombie_child]"), "{hook}: {out}");
        assert!(out.contains("src/lib.rs:4:5"), "{hook}: {out}");
    }
    write_staged(dir, "src/lib.rs", FIXED);
    for hook in ["cargo-stray-system", "cargo-stray-workspace-system"] {
        let (code, out) = hooks.run(dir, hook, &["src/lib.rs"]);
        assert_eq!(code, Some(0), "{hook}: {out}");
        assert!(out.contains("Passed"), "{hook}: {out}");
    }
}
