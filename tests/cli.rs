//! The command line as a user runs it: the real `cargo-stray` binary (and `cargo stray`),
//! on real files in temporary directories, judged by its exit code and its output.
//!
//! Nothing here writes into the repository: the workspace fixture is copied to a
//! temporary directory before cargo (which may write a `Cargo.lock`) sees it.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};

use serde_json::Value;
use tempfile::TempDir;

// Sections 4 (output formats) and 6 (bad input) live in files of their own.
#[path = "cli/bad_input.rs"]
mod bad_input;
#[path = "cli/formats.rs"]
mod formats;

const BIN: &str = env!("CARGO_BIN_EXE_cargo-stray");
const LINT: &str = "guard_dropped_immediately";

/// One error-level finding: `token.drop_guard()` on line 4, columns 13 to 31, and the `_`
/// that fails to bind it at column 9.
const FINDING: &str = "\
use tokio_util::sync::CancellationToken;

pub fn serve(token: CancellationToken) {
    let _ = token.drop_guard();
}
";

/// The same function, with the guard kept: no finding.
const CLEAN: &str = "\
use tokio_util::sync::CancellationToken;

pub fn serve(token: CancellationToken) {
    let _guard = token.drop_guard();
}
";

/// Not Rust: `(` never closes. It names a tracked type: a file that names none is not
/// parsed at all.
const BROKEN: &str =
    "fn (\nuse std::process::Command; // a tracked name, so that the pre-filter lets it through\n";

/// The headline the lint gives at error level.
const HEADLINE: &str = "error[guard_dropped_immediately]: ";

// ---------------------------------------------------------------------------------------
// Running the binary
// ---------------------------------------------------------------------------------------

/// `cargo-stray` in `dir`, with none of the user's color settings leaking in.
fn stray(dir: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir).env(
        "STRAY_CACHE_DIR",
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("stray-cache"),
    );
    for var in [
        "CARGO_TERM_COLOR",
        "NO_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "COLUMNS",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

/// What one run left behind.
struct Run {
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

impl fmt::Display for Run {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.status, self.stdout, self.stderr
        )
    }
}

impl Run {
    /// The exit code; a process killed by a signal (a stack overflow aborts) fails here.
    fn code(&self) -> i32 {
        match self.status.code() {
            Some(code) => code,
            None => panic!("cargo-stray was killed by a signal (crashed): {self}"),
        }
    }

    /// Asserts the exit code, showing the whole run when it differs.
    fn expect(self, code: i32) -> Self {
        assert_eq!(self.code(), code, "unexpected exit code: {self}");
        self
    }

    /// stdout parsed as the JSON document `--format json` writes.
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {self}"))
    }

    /// The last line of stderr: the human format's summary.
    fn summary(&self) -> &str {
        self.stderr.lines().last().unwrap_or("")
    }
}

fn run(cmd: &mut Command) -> Run {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("could not run {cmd:?}: {e}"));
    Run {
        status: out.status,
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `cargo-stray ARGS` in `dir`.
fn stray_run(dir: &Path, args: &[&str]) -> Run {
    run(stray(dir).args(args))
}

// ---------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------

fn temp() -> TempDir {
    tempfile::Builder::new()
        .prefix("cargo-stray-cli-")
        .tempdir()
        .expect("temporary directory")
}

/// A temporary directory holding `files` (paths relative to it, `/`-separated).
fn tree(files: &[(&str, &[u8])]) -> TempDir {
    let dir = temp();
    for (path, contents) in files {
        write(&dir.path().join(path), contents);
    }
    dir
}

fn write(path: &Path, contents: &[u8]) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, contents).unwrap();
}

/// The fixture workspace, copied to a temporary directory.
fn workspace() -> TempDir {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workspace");
    let dir = temp();
    copy_dir(&fixture, dir.path());
    let generated = dir.path().join("crates/beta/src/generated.rs");
    assert!(
        generated.is_file(),
        "the fixture's ignored file is missing: {}",
        generated.display()
    );
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Everything under `dir`, without following links: each path with its contents, its
/// link target, or `<dir>`.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn visit(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let relative = path.strip_prefix(root).unwrap().to_path_buf();
            let kind = std::fs::symlink_metadata(&path).unwrap().file_type();
            if kind.is_symlink() {
                let target = std::fs::read_link(&path).unwrap();
                let mut v = b"-> ".to_vec();
                v.extend_from_slice(target.to_string_lossy().as_bytes());
                out.insert(relative, v);
            } else if kind.is_dir() {
                out.insert(relative, b"<dir>".to_vec());
                visit(root, &path, out);
            } else {
                out.insert(relative, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    visit(dir, dir, &mut out);
    out
}

// ---------------------------------------------------------------------------------------
// Reading reports
// ---------------------------------------------------------------------------------------

/// The `file` of every finding in a JSON report.
fn finding_files(doc: &Value) -> Vec<String> {
    doc["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .map(|f| f["file"].as_str().expect("file").to_string())
        .collect()
}

/// `(file, kind)` of every skipped file in a JSON report.
fn skipped(doc: &Value) -> Vec<(String, String)> {
    doc["skipped_files"]
        .as_array()
        .expect("skipped_files array")
        .iter()
        .map(|s| {
            (
                s["file"].as_str().expect("file").to_string(),
                s["kind"].as_str().expect("kind").to_string(),
            )
        })
        .collect()
}

fn count(doc: &Value, field: &str) -> u64 {
    doc["summary"][field]
        .as_u64()
        .unwrap_or_else(|| panic!("summary.{field} missing in {doc:#}"))
}

fn has_ansi(s: &str) -> bool {
    s.contains("\x1b[")
}

// =======================================================================================
// 1. Invocation as a cargo subcommand
// =======================================================================================

#[test]
fn leading_stray_argument_is_the_cargo_subcommand_name() {
    let dir = tree(&[
        ("finding.rs", FINDING.as_bytes()),
        ("src/clean.rs", CLEAN.as_bytes()),
    ]);
    for args in [
        &["finding.rs"][..],
        &["--format", "json", "."],
        &["--format", "github", "finding.rs", "src"],
    ] {
        let direct = stray_run(dir.path(), args);
        let mut with_name = vec!["stray"];
        with_name.extend_from_slice(args);
        let as_subcommand = stray_run(dir.path(), &with_name);
        assert_eq!(direct.code(), 1, "{direct}");
        assert_eq!(as_subcommand.status, direct.status, "{as_subcommand}");
        assert_eq!(as_subcommand.stdout, direct.stdout);
        assert_eq!(as_subcommand.stderr, direct.stderr);
    }
    // Usage errors read the same with the name in front.
    let bad = stray_run(dir.path(), &["stray", "--no-such-flag"]).expect(2);
    assert!(bad.stderr.contains("--no-such-flag"), "{bad}");
}

#[test]
fn runs_as_cargo_stray() {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let bin_dir = Path::new(BIN).parent().unwrap().to_path_buf();
    let path = std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .unwrap();
    // cargo looks in $CARGO_HOME/bin before PATH: an empty home keeps an installed
    // cargo-stray from answering instead of the one under test.
    let home = temp();
    let cargo_stray = |dir: &Path, args: &[&str]| {
        let mut cmd = Command::new(&cargo);
        cmd.current_dir(dir)
            .env("PATH", &path)
            .env("CARGO_HOME", home.path())
            .env_remove("CARGO_TERM_COLOR")
            .env_remove("NO_COLOR")
            .arg("stray")
            .args(args);
        run(&mut cmd)
    };

    let ws = workspace();
    let version = cargo_stray(ws.path(), &["--version"]).expect(0);
    assert_eq!(
        version.stdout.trim(),
        format!("cargo-stray {}", env!("CARGO_PKG_VERSION")),
        "{version}"
    );

    let help = cargo_stray(ws.path(), &["--help"]).expect(0);
    assert!(help.stdout.contains("Usage: cargo stray"), "{help}");

    let scan = cargo_stray(ws.path(), &["--format", "json"]).expect(1);
    let doc = scan.json();
    assert_eq!(finding_files(&doc), ["crates/alpha/src/lib.rs"]);
    assert_eq!(count(&doc, "files_scanned"), 2);

    let direct = stray_run(ws.path(), &["--format", "json"]).expect(1);
    assert_eq!(scan.stdout, direct.stdout);
}

// =======================================================================================
// 2. Explicit paths
// =======================================================================================

#[test]
fn scans_a_single_file() {
    let dir = tree(&[
        ("finding.rs", FINDING.as_bytes()),
        ("other.rs", FINDING.as_bytes()),
    ]);
    let r = stray_run(dir.path(), &["finding.rs"]).expect(1);
    assert!(r.stderr.starts_with(HEADLINE), "{r}");
    assert!(r.stderr.contains("finding.rs:4:13"), "{r}");
    assert!(!r.stderr.contains("other.rs"), "{r}");
    assert_eq!(
        r.summary(),
        "1 finding (1 error, 0 warnings) in 1 file; 1 fixable with `--fix`"
    );

    // A file is scanned as named, whatever its extension.
    write(&dir.path().join("snippet.txt"), FINDING.as_bytes());
    let r = stray_run(dir.path(), &["--format", "json", "snippet.txt"]).expect(1);
    assert_eq!(finding_files(&r.json()), ["snippet.txt"]);
}

#[test]
fn walks_a_directory_for_rust_files() {
    let dir = tree(&[
        ("proj/src/main.rs", FINDING.as_bytes()),
        ("proj/src/nested/deeper/mod.rs", FINDING.as_bytes()),
        ("proj/src/clean.rs", CLEAN.as_bytes()),
        // Not Rust files: not scanned.
        ("proj/README.md", BROKEN.as_bytes()),
        ("proj/src/notes.txt", FINDING.as_bytes()),
        // Ignored by .gitignore (no git repository needed), by .ignore, in target/, in
        // hidden directories, or hidden themselves: never scanned.
        ("proj/.gitignore", b"/generated/\n*.gen.rs\n"),
        ("proj/generated/out.rs", FINDING.as_bytes()),
        ("proj/src/schema.gen.rs", FINDING.as_bytes()),
        ("proj/.ignore", b"vendored.rs\n"),
        ("proj/src/vendored.rs", FINDING.as_bytes()),
        ("proj/target/debug/build/out.rs", FINDING.as_bytes()),
        ("proj/src/target/x.rs", FINDING.as_bytes()),
        ("proj/.hidden/lib.rs", FINDING.as_bytes()),
        ("proj/src/.cache/lib.rs", BROKEN.as_bytes()),
        ("proj/src/.hidden.rs", FINDING.as_bytes()),
    ]);
    let r = stray_run(dir.path(), &["--format", "json", "proj"]).expect(1);
    let doc = r.json();
    assert_eq!(
        finding_files(&doc),
        ["proj/src/main.rs", "proj/src/nested/deeper/mod.rs"],
        "{r}"
    );
    assert_eq!(count(&doc, "files_scanned"), 3, "{r}");
    assert_eq!(skipped(&doc), Vec::<(String, String)>::new());

    // The same from inside the directory, named `.`; paths are shown relative to it.
    let r = stray_run(&dir.path().join("proj"), &["--format", "json", "."]).expect(1);
    assert_eq!(
        finding_files(&r.json()),
        ["src/main.rs", "src/nested/deeper/mod.rs"]
    );

    // A directory named explicitly is scanned even if it is hidden.
    let r = stray_run(dir.path(), &["--format", "json", "proj/.hidden"]).expect(1);
    assert_eq!(finding_files(&r.json()), ["proj/.hidden/lib.rs"]);
}

#[test]
fn scans_several_paths_at_once() {
    let dir = tree(&[
        ("a.rs", FINDING.as_bytes()),
        ("b/one.rs", FINDING.as_bytes()),
        ("b/two.rs", CLEAN.as_bytes()),
        ("c/three.rs", FINDING.as_bytes()),
        ("d/unrelated.rs", FINDING.as_bytes()),
    ]);
    let r = stray_run(dir.path(), &["--format", "json", "a.rs", "b", "c/three.rs"]).expect(1);
    let doc = r.json();
    assert_eq!(finding_files(&doc), ["a.rs", "b/one.rs", "c/three.rs"]);
    assert_eq!(count(&doc, "files_scanned"), 4);

    // A file named twice, or named and inside a directory named too, counts once.
    let r = stray_run(
        dir.path(),
        &["--format", "json", "a.rs", "./a.rs", ".", "b/one.rs", "b"],
    )
    .expect(1);
    let doc = r.json();
    assert_eq!(
        finding_files(&doc),
        ["a.rs", "b/one.rs", "c/three.rs", "d/unrelated.rs"],
        "{r}"
    );
    assert_eq!(count(&doc, "files_scanned"), 5, "{r}");

    // Absolute paths work as well; files under the current directory are shown
    // relative to it.
    let absolute = dir.path().join("c/three.rs");
    let r = stray_run(
        dir.path(),
        &["--format", "json", absolute.to_str().unwrap(), "a.rs"],
    )
    .expect(1);
    assert_eq!(finding_files(&r.json()), ["a.rs", "c/three.rs"]);
}

#[test]
fn missing_path_is_a_usage_error() {
    let dir = tree(&[("a.rs", FINDING.as_bytes())]);
    let r = stray_run(dir.path(), &["does/not/exist.rs"]).expect(2);
    assert!(
        r.stderr.starts_with("error: ") && r.stderr.contains("does/not/exist.rs"),
        "{r}"
    );
    assert!(r.stdout.is_empty(), "{r}");

    // Among existing paths: still an error, naming the missing one, and no report.
    let r = stray_run(dir.path(), &["--format", "json", "a.rs", "nope"]).expect(2);
    assert!(
        r.stderr.contains("error: ") && r.stderr.contains("`nope`"),
        "{r}"
    );
    assert!(r.stdout.is_empty(), "{r}");
}

// =======================================================================================
// 3. Cargo workspaces
// =======================================================================================

#[test]
fn workspace_without_paths_scans_the_default_members() {
    let ws = workspace();
    let r = stray_run(ws.path(), &["--format", "json"]).expect(1);
    let doc = r.json();
    assert_eq!(finding_files(&doc), ["crates/alpha/src/lib.rs"], "{r}");
    // alpha's and beta's lib.rs; beta's generated.rs is ignored by its .gitignore.
    assert_eq!(count(&doc, "files_scanned"), 2, "{r}");
    assert!(!r.stdout.contains("generated.rs"), "{r}");

    let human = stray_run(ws.path(), &[]).expect(1);
    assert!(human.stderr.starts_with(HEADLINE), "{human}");
    assert!(
        human.stderr.contains("crates/alpha/src/lib.rs:4:13"),
        "{human}"
    );
    assert!(!human.stderr.contains("generated"), "{human}");
    assert_eq!(
        human.summary(),
        "1 finding (1 error, 0 warnings) in 2 files; 1 fixable with `--fix`"
    );

    // The ignored file does have a finding: only the ignore file keeps it out.
    let r = stray_run(
        ws.path(),
        &["--format", "json", "crates/beta/src/generated.rs"],
    )
    .expect(1);
    assert_eq!(finding_files(&r.json()), ["crates/beta/src/generated.rs"]);

    // `--workspace` (and its alias `--all`) selects the same members here.
    for flag in ["--workspace", "--all"] {
        let r = stray_run(ws.path(), &["--format", "json", flag]).expect(1);
        assert_eq!(count(&r.json(), "files_scanned"), 2, "{flag}: {r}");
    }
}

#[test]
fn manifest_path_selects_the_workspace_from_elsewhere() {
    let ws = workspace();
    let elsewhere = temp();
    let manifest = ws.path().join("Cargo.toml");
    let r = stray_run(
        elsewhere.path(),
        &[
            "--format",
            "json",
            "--manifest-path",
            manifest.to_str().unwrap(),
        ],
    )
    .expect(1);
    let doc = r.json();
    let files = finding_files(&doc);
    assert_eq!(files.len(), 1, "{r}");
    assert!(files[0].ends_with("crates/alpha/src/lib.rs"), "{r}");
    assert_eq!(count(&doc, "files_scanned"), 2);

    // A member's manifest: that member, as cargo does.
    let beta = ws.path().join("crates/beta/Cargo.toml");
    let r = stray_run(
        elsewhere.path(),
        &[
            "--format",
            "json",
            "--manifest-path",
            beta.to_str().unwrap(),
        ],
    )
    .expect(0);
    assert_eq!(count(&r.json(), "files_scanned"), 1, "{r}");

    // A relative manifest path, from the workspace's parent.
    let parent = ws.path().parent().unwrap();
    let name = ws.path().file_name().unwrap().to_str().unwrap();
    let r = stray_run(
        parent,
        &[
            "--format",
            "json",
            "--manifest-path",
            &format!("{name}/Cargo.toml"),
        ],
    )
    .expect(1);
    assert_eq!(
        finding_files(&r.json()),
        [format!("{name}/crates/alpha/src/lib.rs")]
    );

    // A manifest that does not exist: exit 2, saying so.
    let r = stray_run(elsewhere.path(), &["--manifest-path", "nowhere/Cargo.toml"]).expect(2);
    assert!(r.stderr.starts_with("error: "), "{r}");
    assert!(r.stderr.contains("nowhere/Cargo.toml"), "{r}");
}

#[test]
fn package_flag_selects_members() {
    let ws = workspace();
    let r = stray_run(ws.path(), &["--format", "json", "-p", "alpha"]).expect(1);
    let doc = r.json();
    assert_eq!(finding_files(&doc), ["crates/alpha/src/lib.rs"]);
    assert_eq!(count(&doc, "files_scanned"), 1);

    let r = stray_run(ws.path(), &["--format", "json", "--package", "beta"]).expect(0);
    let doc = r.json();
    assert_eq!(count(&doc, "findings"), 0);
    assert_eq!(count(&doc, "files_scanned"), 1);

    let r = stray_run(
        ws.path(),
        &["--format", "json", "-p", "alpha", "-p", "beta"],
    )
    .expect(1);
    assert_eq!(count(&r.json(), "files_scanned"), 2);

    // Inside a member's directory, without flags: that member only.
    let r = stray_run(&ws.path().join("crates/beta"), &["--format", "json"]).expect(0);
    assert_eq!(count(&r.json(), "files_scanned"), 1, "{r}");
    let r = stray_run(&ws.path().join("crates/alpha/src"), &["--format", "json"]).expect(1);
    // Paths are shown relative to the current directory.
    assert_eq!(finding_files(&r.json()), ["lib.rs"], "{r}");
}

#[test]
fn nested_packages_belong_to_themselves() {
    // A project of its own inside a member (a test fixture, an example workspace): not
    // part of the member, as cargo leaves it out of the package.
    let ws = workspace();
    let standalone = ws.path().join("crates/alpha/tests/fixtures/standalone");
    write(
        &standalone.join("Cargo.toml"),
        b"[workspace]\n\n[package]\nname = \"standalone\"\nversion = \"0.1.0\"\n",
    );
    write(&standalone.join("src/lib.rs"), FINDING.as_bytes());
    write(
        &ws.path().join("crates/alpha/tests/it.rs"),
        FINDING.as_bytes(),
    );
    let r = stray_run(ws.path(), &["--format", "json", "-p", "alpha"]).expect(1);
    let doc = r.json();
    assert_eq!(
        finding_files(&doc),
        ["crates/alpha/src/lib.rs", "crates/alpha/tests/it.rs"],
        "{r}"
    );
    // Named as a path, the directory is scanned whole.
    let r = stray_run(ws.path(), &["--format", "json", "crates/alpha"]).expect(1);
    assert_eq!(count(&r.json(), "files_scanned"), 3, "{r}");

    // A root package with a member below it: each file belongs to one package.
    let dir = tree(&[
        (
            "Cargo.toml",
            b"[workspace]\nmembers = [\"crates/util\"]\n\n[package]\nname = \"app\"\nversion = \"0.1.0\"\n",
        ),
        ("src/main.rs", FINDING.as_bytes()),
        (
            "crates/util/Cargo.toml",
            b"[package]\nname = \"util\"\nversion = \"0.1.0\"\n",
        ),
        ("crates/util/src/lib.rs", FINDING.as_bytes()),
    ]);
    let r = stray_run(dir.path(), &["--format", "json"]).expect(1);
    assert_eq!(finding_files(&r.json()), ["src/main.rs"], "{r}");
    let r = stray_run(dir.path(), &["--format", "json", "--workspace"]).expect(1);
    let doc = r.json();
    assert_eq!(
        finding_files(&doc),
        ["crates/util/src/lib.rs", "src/main.rs"],
        "{r}"
    );
    assert_eq!(count(&doc, "files_scanned"), 2, "{r}");
    let r = stray_run(dir.path(), &["--format", "json", "-p", "util"]).expect(1);
    assert_eq!(finding_files(&r.json()), ["crates/util/src/lib.rs"], "{r}");
}

#[test]
fn workspace_exclude_leaves_members_out() {
    let ws = workspace();
    let r = stray_run(
        ws.path(),
        &["--format", "json", "--workspace", "--exclude", "alpha"],
    )
    .expect(0);
    let doc = r.json();
    assert_eq!(count(&doc, "findings"), 0, "{r}");
    assert_eq!(count(&doc, "files_scanned"), 1, "{r}");

    let r = stray_run(ws.path(), &["--workspace", "--exclude", "beta"]).expect(1);
    assert_eq!(
        r.summary(),
        "1 finding (1 error, 0 warnings) in 1 file; 1 fixable with `--fix`"
    );

    // --exclude needs --workspace, as with cargo.
    let r = stray_run(ws.path(), &["--exclude", "alpha"]).expect(2);
    assert!(r.stderr.contains("--workspace"), "{r}");
}

#[test]
fn unknown_package_is_a_usage_error() {
    let ws = workspace();
    let r = stray_run(ws.path(), &["-p", "nosuch"]).expect(2);
    assert!(r.stderr.starts_with("error: "), "{r}");
    assert!(r.stderr.contains("`nosuch`"), "{r}");
    assert!(r.stderr.contains("not a member of the workspace"), "{r}");
    assert!(r.stdout.is_empty(), "{r}");

    let r = stray_run(ws.path(), &["--workspace", "--exclude", "nosuch"]).expect(2);
    assert!(r.stderr.contains("`nosuch`"), "{r}");

    // Paths and package selection do not mix.
    let r = stray_run(ws.path(), &["-p", "alpha", "crates"]).expect(2);
    assert!(r.stderr.contains("cannot be used with"), "{r}");
}

#[test]
fn outside_a_cargo_project_without_paths_is_a_usage_error() {
    let dir = tree(&[("loose.rs", FINDING.as_bytes())]);
    if let Some(manifest) = dir
        .path()
        .ancestors()
        .map(|d| d.join("Cargo.toml"))
        .find(|m| m.exists())
    {
        eprintln!(
            "skipped: the temporary directory is inside a Cargo project ({})",
            manifest.display()
        );
        return;
    }
    let r = stray_run(dir.path(), &[]).expect(2);
    assert!(r.stderr.starts_with("error: "), "{r}");
    assert!(
        r.stderr.contains("could not read the Cargo workspace"),
        "{r}"
    );
    // It tells the user what to do instead.
    assert!(r.stderr.contains("--manifest-path"), "{r}");
    assert!(r.stdout.is_empty(), "{r}");

    // Naming the file works there.
    stray_run(dir.path(), &["loose.rs"]).expect(1);
}

// =======================================================================================
// 5. Exit codes and lint levels
// =======================================================================================

#[test]
fn exit_codes_follow_findings_and_levels() {
    let dir = tree(&[
        ("finding.rs", FINDING.as_bytes()),
        ("clean.rs", CLEAN.as_bytes()),
    ]);
    let code = |args: &[&str]| stray_run(dir.path(), args).code();

    assert_eq!(code(&["clean.rs"]), 0);
    assert_eq!(code(&["finding.rs"]), 1);
    assert_eq!(code(&["."]), 1);

    // Downgraded to a warning: reported, not failing, unless warnings are denied.
    let warned = stray_run(dir.path(), &["-W", LINT, "finding.rs"]).expect(0);
    assert!(
        warned
            .stderr
            .starts_with("warning[guard_dropped_immediately]: "),
        "{warned}"
    );
    assert_eq!(code(&["--warn", LINT, "finding.rs"]), 0);
    assert_eq!(code(&["-W", LINT, "--deny-warnings", "finding.rs"]), 1);
    assert_eq!(code(&["-W", LINT, "--deny-warnings", "clean.rs"]), 0);

    // Allowed: not reported at all.
    let allowed = stray_run(dir.path(), &["-A", LINT, "finding.rs"]).expect(0);
    assert!(!allowed.stderr.contains(LINT), "{allowed}");
    assert!(allowed.stderr.starts_with("0 findings"), "{allowed}");
    assert_eq!(
        code(&["--allow", "all", "--deny-warnings", "finding.rs"]),
        0
    );
    assert_eq!(code(&["-A", "cancel", "finding.rs"]), 0);

    // The last flag wins.
    assert_eq!(code(&["-A", LINT, "-D", LINT, "finding.rs"]), 1);
    assert_eq!(code(&["-D", LINT, "-A", LINT, "finding.rs"]), 0);
    assert_eq!(code(&["-W", "all", "-D", LINT, "finding.rs"]), 1);
}

#[test]
fn bad_usage_exits_2() {
    let dir = tree(&[("finding.rs", FINDING.as_bytes())]);
    let r = stray_run(dir.path(), &["--no-such-flag", "finding.rs"]).expect(2);
    assert!(r.stderr.contains("--no-such-flag"), "{r}");
    assert!(r.stderr.contains("Usage: cargo stray"), "{r}");
    assert!(r.stdout.is_empty(), "{r}");

    let r = stray_run(
        dir.path(),
        &["-A", "guard_dropped_immediatly", "finding.rs"],
    )
    .expect(2);
    assert!(
        r.stderr
            .contains("error: no lint or family named `guard_dropped_immediatly`"),
        "{r}"
    );
    assert!(
        r.stderr
            .contains("did you mean `guard_dropped_immediately`?"),
        "{r}"
    );
    let r = stray_run(dir.path(), &["-D", "zzzz", "finding.rs"]).expect(2);
    assert!(
        r.stderr.contains("`zzzz`") && !r.stderr.contains("did you mean"),
        "{r}"
    );

    stray_run(dir.path(), &["--jobs", "many", "finding.rs"]).expect(2);
    stray_run(dir.path(), &["--color", "sometimes", "finding.rs"]).expect(2);

    // Help and version are not errors.
    let help = stray_run(dir.path(), &["--help"]).expect(0);
    assert!(help.stdout.contains("Exit status"), "{help}");
    let version = stray_run(dir.path(), &["-V"]).expect(0);
    assert_eq!(
        version.stdout.trim(),
        format!("cargo-stray {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn list_lints_and_explain() {
    let dir = temp();
    let list = stray_run(dir.path(), &["--list-lints"]).expect(0);
    let line = list
        .stdout
        .lines()
        .find(|l| l.starts_with(LINT))
        .unwrap_or_else(|| panic!("{LINT} is not listed: {list}"));
    let words: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(&words[..3], [LINT, "cancel", "deny"], "{line}");
    assert_eq!(
        list.stdout.lines().count(),
        stray::lints::ALL.len(),
        "{list}"
    );

    let explain = stray_run(dir.path(), &["--explain", LINT]).expect(0);
    assert!(
        explain
            .stdout
            .starts_with("# `guard_dropped_immediately`\n"),
        "{explain}"
    );
    for section in ["## What it does", "## Why is this bad?", "## Example"] {
        assert!(explain.stdout.contains(section), "{section}: {explain}");
    }

    let r = stray_run(dir.path(), &["--explain", "nosuch"]).expect(2);
    assert!(
        r.stderr.contains("error: no lint or family named `nosuch`"),
        "{r}"
    );
    assert!(r.stdout.is_empty(), "{r}");
    let r = stray_run(dir.path(), &["--explain", "guard_droped_immediately"]).expect(2);
    assert!(
        r.stderr
            .contains("did you mean `guard_dropped_immediately`?"),
        "{r}"
    );
}

// =======================================================================================
// 7. Determinism
// =======================================================================================

#[test]
fn output_does_not_depend_on_the_number_of_threads() {
    let ws = workspace();
    let one = stray_run(ws.path(), &["--format", "json", "-j", "1"]).expect(1);
    let two = stray_run(ws.path(), &["--format", "json", "-j", "2"]).expect(1);
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(count(&one.json(), "findings"), 1);

    // A larger tree, with findings, clean and broken files in many directories.
    let dir = temp();
    for i in 0..40 {
        let contents = match i % 4 {
            0 | 1 => FINDING.repeat(1 + i % 3),
            2 => CLEAN.to_string(),
            _ => BROKEN.to_string(),
        };
        write(
            &dir.path().join(format!("d{}/f{i}.rs", i % 7)),
            contents.as_bytes(),
        );
    }
    let runs: Vec<Run> = ["1", "2", "8"]
        .iter()
        .map(|j| stray_run(dir.path(), &["--format", "json", "--jobs", j, "."]).expect(1))
        .collect();
    assert!(count(&runs[0].json(), "findings") > 20, "{}", runs[0]);
    for r in &runs[1..] {
        assert_eq!(r.stdout, runs[0].stdout);
    }
    let human: Vec<Run> = ["1", "2"]
        .iter()
        .map(|j| stray_run(dir.path(), &["-j", j, "."]).expect(1))
        .collect();
    assert_eq!(human[0].stderr, human[1].stderr);
}

/// Generated code nests deeper than hand-written code but is real: large match tables and
/// long `else if` chains are analysed (on a thread with a larger stack), not skipped.
#[test]
fn deep_generated_code_is_analysed_not_skipped() {
    let alternatives: Vec<String> = (0..3_000u32)
        .map(|i| {
            format!(
                "'\\u{{{:x}}}'..='\\u{{{:x}}}'",
                0x1000 + 2 * i,
                0x1001 + 2 * i
            )
        })
        .collect();
    let table = format!(
        "pub fn is_mark(c: char) -> bool {{\n    matches!(c, {})\n}}\n",
        alternatives.join("\n        | ")
    );
    let arms: String = (0..2_000)
        .map(|i| format!("if x == {i} {{ {i} }} else "))
        .collect();
    let chain = format!(
        "use tokio_util::sync::CancellationToken;\n\
         fn pick(x: u32, token: CancellationToken) -> u32 {{\n    let _ = token.drop_guard();\n    {arms}{{ 0 }}\n}}\n"
    );
    let dir = temp();
    write(&dir.path().join("table.rs"), table.as_bytes());
    write(&dir.path().join("chain.rs"), chain.as_bytes());
    let r = stray_run(dir.path(), &["--format", "json", "table.rs", "chain.rs"]);
    let doc = r.json();
    assert_eq!(count(&doc, "files_skipped"), 0, "{r}");
    assert_eq!(count(&doc, "findings"), 1, "{r}");
    assert_eq!(doc["findings"][0]["file"], "chain.rs", "{r}");
}

/// A long generated function (10,000 children, each waited on both branches of an `if`,
/// with `kill()?` before the wait on one) is analysed in full and reported clean: the
/// `?` on an operation on the child itself is not a path that loses it.
#[test]
fn long_generated_function_is_analysed() {
    let mut text = String::from(
        "use std::process::Command;\nfn generated(flag: bool) -> std::io::Result<()> {\n",
    );
    for i in 0..10_000 {
        text.push_str(&format!(
            "    let mut c{i} = Command::new(\"x{i}\").spawn()?;\n    if flag {{ c{i}.wait()?; }} else {{ c{i}.kill()?; c{i}.wait()?; }}\n"
        ));
    }
    text.push_str("    let mut last = Command::new(\"y\").spawn()?;\n    if flag {\n        return Ok(());\n    }\n    last.wait()?;\n    Ok(())\n}\n");
    let dir = temp();
    write(&dir.path().join("generated.rs"), text.as_bytes());
    let r = stray_run(dir.path(), &["--format", "json", "generated.rs"]);
    let doc = r.json();
    assert_eq!(count(&doc, "files_skipped"), 0, "{r}");
    assert_eq!(count(&doc, "findings"), 1, "{r}");
    assert_eq!(doc["findings"][0]["lint"], "zombie_child", "{r}");
}

/// Suppressed findings are not printed, do not fail the run, and are counted; a stale
/// suppression is reported.
#[test]
fn suppressions_are_counted_and_stale_ones_reported() {
    let dir = temp();
    let text = "use tokio_util::sync::CancellationToken;\n\
                pub fn a(token: CancellationToken) {\n\
                \x20   let _ = token.drop_guard(); // stray: allow(guard_dropped_immediately) -- on purpose\n\
                }\n\
                // stray: allow(zombie_child)\n\
                pub fn b() {}\n";
    write(&dir.path().join("s.rs"), text.as_bytes());
    let r = stray_run(dir.path(), &["s.rs"]);
    assert_eq!(r.status.code(), Some(0), "{r}");
    assert!(r.stderr.contains("warning[unused_suppression]"), "{r}");
    assert!(
        !r.stderr.contains("error[guard_dropped_immediately]"),
        "{r}"
    );
    assert_eq!(
        r.summary(),
        "1 finding (0 errors, 1 warning) in 1 file; 1 suppressed"
    );
    let doc = stray_run(dir.path(), &["--format", "json", "s.rs"]).json();
    assert_eq!(count(&doc, "suppressed"), 1);
}

/// clippy's `#[allow(clippy::zombie_processes)]` silences `zombie_child` where it applies
/// (the whole function here), counted as suppressed; an attribute that silences nothing is
/// clippy's business, not an `unused_suppression`.
#[test]
fn clippy_allow_counts_as_suppressed() {
    let dir = temp();
    let text = "use std::process::Command;\n\
                #[allow(clippy::zombie_processes)]\n\
                pub fn a() {\n\
                \x20   let _ = Command::new(\"x\").spawn();\n\
                }\n\
                #[allow(clippy::zombie_processes)]\n\
                pub fn b() {}\n\
                #[allow(clippy::needless_return)]\n\
                pub fn c() {\n\
                \x20   let _ = Command::new(\"y\").spawn();\n\
                }\n";
    write(&dir.path().join("c.rs"), text.as_bytes());
    let r = stray_run(dir.path(), &["c.rs"]);
    assert!(!r.stderr.contains("unused_suppression"), "{r}");
    assert_eq!(
        r.summary(),
        "1 finding (0 errors, 1 warning) in 1 file; 1 suppressed"
    );
    let doc = stray_run(dir.path(), &["--format", "json", "c.rs"]).json();
    assert_eq!(count(&doc, "suppressed"), 1);
    assert_eq!(doc["findings"][0]["start"]["line"], 10, "{doc}");
}

/// Adopting on an existing codebase: record today's findings, then only new ones count,
/// even after unrelated edits move the old ones around.
#[test]
fn baseline_round_trip() {
    let dir = temp();
    write(&dir.path().join("a.rs"), FINDING.as_bytes());
    let w = stray_run(
        dir.path(),
        &["--write-baseline", "stray-baseline.json", "a.rs"],
    );
    assert_eq!(w.status.code(), Some(0), "{w}");
    assert!(w.stderr.contains("wrote 1 finding"), "{w}");

    // Unrelated lines move the old finding: still known.
    write(
        &dir.path().join("a.rs"),
        format!("// a new header\n\n{FINDING}").as_bytes(),
    );
    let r = stray_run(dir.path(), &["--baseline", "stray-baseline.json", "a.rs"]);
    assert_eq!(r.status.code(), Some(0), "{r}");
    assert_eq!(
        r.summary(),
        "0 findings (0 errors, 0 warnings) in 1 file; 1 in baseline"
    );

    // A new one is reported.
    write(
        &dir.path().join("a.rs"),
        format!(
            "// a new header\n\n{FINDING}\npub fn again(t: CancellationToken) {{\n    t.clone().drop_guard();\n}}\n"
        )
        .as_bytes(),
    );
    let r = stray_run(dir.path(), &["--baseline", "stray-baseline.json", "a.rs"]);
    assert_eq!(r.status.code(), Some(1), "{r}");
    assert!(r.summary().starts_with("1 finding (1 error"), "{r}");

    // Not a baseline: a clear error.
    write(&dir.path().join("junk.json"), b"{}");
    let r = stray_run(dir.path(), &["--baseline", "junk.json", "a.rs"]);
    assert_eq!(r.status.code(), Some(2), "{r}");
    assert!(r.stderr.contains("is not a cargo-stray baseline"), "{r}");
}

/// Settings files: Cargo.toml's workspace and package tables, then stray.toml (or
/// `--config`), then the command line; the more specific name wins within a file.
#[test]
fn settings_sources_and_precedence() {
    let dir = temp();
    write(&dir.path().join("a.rs"), FINDING.as_bytes());
    write(&dir.path().join("generated/b.rs"), FINDING.as_bytes());
    // Default: deny, and both files scanned.
    let r = stray_run(dir.path(), &["."]);
    assert!(r.summary().starts_with("2 findings (2 errors"), "{r}");

    write(
        &dir.path().join("Cargo.toml"),
        b"[package]\nname = \"x\"\nversion = \"0.1.0\"\n\n[package.metadata.stray]\nextend-exclude = [\"generated/**\"]\n[package.metadata.stray.lints]\ncancel = \"warn\"\n",
    );
    let r = stray_run(dir.path(), &["."]);
    assert_eq!(r.status.code(), Some(0), "{r}");
    assert!(
        r.summary()
            .starts_with("1 finding (0 errors, 1 warning) in 1 file"),
        "{r}"
    );

    // stray.toml comes after Cargo.toml; a lint beats its family whatever the order.
    write(
        &dir.path().join("stray.toml"),
        b"[lints]\nguard_dropped_immediately = \"deny\"\ncancel = \"allow\"\n",
    );
    let r = stray_run(dir.path(), &["."]);
    assert_eq!(r.status.code(), Some(1), "{r}");
    // The command line wins over files.
    let r = stray_run(dir.path(), &["-A", "guard_dropped_immediately", "."]);
    assert!(r.summary().starts_with("0 findings"), "{r}");
    // --config replaces the search for stray.toml.
    write(
        &dir.path().join("other.toml"),
        b"[lints]\nall = \"allow\"\n",
    );
    let r = stray_run(dir.path(), &["--config", "other.toml", "."]);
    assert!(r.summary().starts_with("0 findings"), "{r}");
}

/// Mistakes in settings are errors naming the file, the line and the closest valid name.
#[test]
fn settings_mistakes_are_reported() {
    let dir = temp();
    write(&dir.path().join("a.rs"), FINDING.as_bytes());
    write(&dir.path().join("stray.toml"), b"\nextend-exclud = []\n");
    let r = stray_run(dir.path(), &["."]);
    assert_eq!(r.status.code(), Some(2), "{r}");
    assert!(r.stderr.contains("stray.toml:2:"), "{r}");
    assert!(r.stderr.contains("did you mean `extend-exclude`?"), "{r}");

    write(
        &dir.path().join("stray.toml"),
        b"[lints]\nzombie_chld = \"deny\"\n",
    );
    let r = stray_run(dir.path(), &["."]);
    assert_eq!(r.status.code(), Some(2), "{r}");
    assert!(
        r.stderr.contains(
            "stray.toml:2: no lint or family named `zombie_chld` (did you mean `zombie_child`?)"
        ),
        "{r}"
    );

    write(
        &dir.path().join("stray.toml"),
        b"[lints]\nzombie_child = \"loud\"\n",
    );
    let r = stray_run(dir.path(), &["."]);
    assert_eq!(r.status.code(), Some(2), "{r}");
    assert!(r.stderr.contains("is not a level"), "{r}");

    write(
        &dir.path().join("stray.toml"),
        b"[lints]\nexclude = [\"x\"]\n",
    );
    let r = stray_run(dir.path(), &["."]);
    assert!(r.stderr.contains("is inside the `[lints]` table"), "{r}");
}

/// A suppression of a lint turned off for this run (`-A`, by id or by family) is not
/// unused: the lint did not run, and the comment is still needed when it does.
#[test]
fn a_suppression_of_a_lint_turned_off_is_not_unused() {
    let dir = temp();
    let text = "use std::process::Command;\n\
                pub fn a() {\n\
                \x20   // stray: allow(zombie_child) -- the daemon outlives us on purpose\n\
                \x20   let _child = Command::new(\"daemon\").spawn().unwrap();\n\
                }\n\
                // stray: allow(guard_dropped_immediately)\n\
                pub fn b() {}\n";
    write(&dir.path().join("s.rs"), text.as_bytes());
    for off in ["zombie_child", "process"] {
        let doc = stray_run(dir.path(), &["--format", "json", "-A", off, "s.rs"]).json();
        let unused: Vec<&Value> = doc["findings"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|f| f["lint"] == "unused_suppression")
            .collect();
        // Only the stale one, of a lint that ran.
        assert_eq!(unused.len(), 1, "-A {off}: {doc}");
        assert!(
            unused[0]["message"]
                .as_str()
                .is_some_and(|m| m.contains("guard_dropped_immediately")),
            "-A {off}: {doc}"
        );
    }
    // With every lint on, the suppression is used, and the stale one still reported.
    let doc = stray_run(dir.path(), &["--format", "json", "s.rs"]).json();
    assert_eq!(count(&doc, "suppressed"), 1, "{doc}");
    assert_eq!(count(&doc, "findings"), 1, "{doc}");
}
