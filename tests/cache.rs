//! The persistent cache: a warm run analyses nothing and reports what a run without the
//! cache reports; a changed file is analysed again alone, and its crate's index only when
//! its summary changed; a damaged or foreign cache is never trusted; concurrent runs leave
//! it whole; and it lives where users expect it (`target/stray/`, `.stray_cache/`,
//! `--cache-dir`, `STRAY_CACHE_DIR`), or nowhere with `--no-cache`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use stray::config::Config;
use stray::scan::{self, Report};
use stray::workspace;

use common::{isolated, temp, write};

const MANIFEST: &str = "[package]\nname = \"demo\"\nversion = \"0.0.0\"\nedition = \"2021\"\n";

const LIB: &str = "mod util;\npub mod jobs;\npub mod tools;\n";

const UTIL: &str = r#"
use std::process::{Child, Command};

pub fn spawn_worker(name: &str) -> std::io::Result<Child> {
    Command::new(name).spawn()
}
"#;

/// `spawn_worker` no longer gives its child away: its summary changes.
const UTIL_WAITING: &str = r#"
use std::process::{Command, ExitStatus};

pub fn spawn_worker(name: &str) -> std::io::Result<ExitStatus> {
    Command::new(name).status()
}
"#;

const JOBS: &str = r#"
pub fn start(name: &str) -> std::io::Result<u32> {
    let child = crate::util::spawn_worker(name)?;
    Ok(child.id())
}
"#;

/// A file of its own findings, reading nothing from the index.
const TOOLS: &str = r#"
use std::process::Command;

pub fn lint() {
    let _ = Command::new("clippy").spawn();
}

pub fn format() -> std::io::Result<()> {
    Command::new("rustfmt").spawn()?.wait()?;
    Ok(())
}
"#;

fn crate_dir() -> tempfile::TempDir {
    let dir = temp();
    write(dir.path(), "Cargo.toml", MANIFEST.as_bytes());
    write(dir.path(), "src/lib.rs", LIB.as_bytes());
    write(dir.path(), "src/util.rs", UTIL.as_bytes());
    write(dir.path(), "src/jobs.rs", JOBS.as_bytes());
    write(dir.path(), "src/tools.rs", TOOLS.as_bytes());
    dir
}

/// Scans `dir/src` with the library, with the cache in `cache` (or none).
fn scan_src(dir: &Path, cache: Option<&Path>) -> Report {
    let found = workspace::explicit(&[dir.join("src")], dir).expect("the crate's files");
    let config = Config {
        cache: cache.map(Path::to_path_buf),
        ..Config::default()
    };
    scan::scan(found.inputs, found.problems, &config)
}

/// What a report says, as `file:line lint message` lines and problems.
fn said(report: &Report) -> Vec<String> {
    let mut out: Vec<String> = report
        .findings
        .iter()
        .map(|f| {
            let at = f.file.position(f.diagnostic.primary.span.start);
            format!(
                "{}:{} {} {}",
                f.file.display, at.line, f.lint.id, f.diagnostic.message
            )
        })
        .collect();
    out.extend(
        report
            .problems
            .iter()
            .map(|p| format!("{} {}", p.display, p.message)),
    );
    out
}

/// The bucket files of a cache directory (every run's stamp).
fn buckets(cache: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for stamp in std::fs::read_dir(cache).expect("cache directory").flatten() {
        if stamp.path().is_dir() {
            for file in std::fs::read_dir(stamp.path()).expect("stamp").flatten() {
                if file.path().extension().is_some_and(|e| e == "bin") {
                    out.push(file.path());
                }
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_warm_run_analyses_nothing_and_reports_the_same() {
    let dir = crate_dir();
    let cache = temp();
    let fresh = scan_src(dir.path(), None);
    assert_eq!(
        said(&fresh).len(),
        2,
        "the crate has a finding through its index and one of its own: {:?}",
        said(&fresh)
    );
    let cold = scan_src(dir.path(), Some(cache.path()));
    assert_eq!(said(&cold), said(&fresh));
    assert_eq!(cold.cache.reused, 0);
    // `lib.rs` names nothing to analyse; `jobs.rs` is analysed with the index only.
    assert_eq!(cold.cache.analysed, 3, "{:?}", cold.cache);
    let warm = scan_src(dir.path(), Some(cache.path()));
    assert_eq!(said(&warm), said(&fresh));
    assert_eq!(warm.cache.analysed, 0, "{:?}", warm.cache);
    assert_eq!(warm.cache.reused, cold.cache.analysed);
    assert_eq!(warm.cache.indexes_reused, 1);
    assert_eq!(warm.files_scanned, fresh.files_scanned);
    assert!(warm.cache_problem.is_none());
}

#[test]
fn a_changed_file_is_analysed_again_alone() {
    let dir = crate_dir();
    let cache = temp();
    let cold = scan_src(dir.path(), Some(cache.path()));
    // Same findings, other bytes: only this file is analysed again (with the crate's
    // index it reads from; alone, it names nothing worth parsing).
    write(
        dir.path(),
        "src/jobs.rs",
        format!("// Starts jobs.\n{JOBS}").as_bytes(),
    );
    let warm = scan_src(dir.path(), Some(cache.path()));
    assert_eq!(said(&warm), said(&scan_src(dir.path(), None)));
    assert_eq!(warm.cache.analysed, 1, "{:?}", warm.cache);
    assert_eq!(warm.cache.reused, cold.cache.analysed - 1);
    assert_eq!(said(&warm)[0].split(' ').next(), Some("src/jobs.rs:4"));
}

#[test]
fn a_helper_whose_summary_is_the_same_leaves_its_readers_alone() {
    let dir = crate_dir();
    let cache = temp();
    scan_src(dir.path(), Some(cache.path()));
    write(
        dir.path(),
        "src/util.rs",
        format!("{UTIL}\n// Helpers for jobs.\n").as_bytes(),
    );
    let warm = scan_src(dir.path(), Some(cache.path()));
    assert_eq!(said(&warm), said(&scan_src(dir.path(), None)));
    assert_eq!(warm.cache.analysed, 1, "{:?}", warm.cache);
    assert_eq!(warm.cache.indexes_reused, 0, "the crate's files changed");
}

#[test]
fn a_helper_whose_summary_changes_has_its_readers_analysed_again() {
    let dir = crate_dir();
    let cache = temp();
    let cold = scan_src(dir.path(), Some(cache.path()));
    assert!(said(&cold).iter().any(|s| s.starts_with("src/jobs.rs")));
    write(dir.path(), "src/util.rs", UTIL_WAITING.as_bytes());
    let warm = scan_src(dir.path(), Some(cache.path()));
    let fresh = scan_src(dir.path(), None);
    assert_eq!(said(&warm), said(&fresh));
    assert!(
        !said(&warm).iter().any(|s| s.starts_with("src/jobs.rs")),
        "the helper waits now: {:?}",
        said(&warm)
    );
    // And back: the old summary, the old finding.
    write(dir.path(), "src/util.rs", UTIL.as_bytes());
    let back = scan_src(dir.path(), Some(cache.path()));
    assert_eq!(said(&back), said(&cold));
}

#[test]
fn settings_that_change_findings_have_a_cache_of_their_own() {
    let dir = crate_dir();
    let cache = temp();
    let with = scan_src(dir.path(), Some(cache.path()));
    let found = workspace::explicit(&[dir.path().join("src")], dir.path()).expect("files");
    let mut levels = std::collections::HashMap::new();
    levels.insert("zombie_child", stray::level::Level::Allow);
    let config = Config {
        cache: Some(cache.path().to_path_buf()),
        levels,
        ..Config::default()
    };
    let allowed = scan::scan(found.inputs, found.problems, &config);
    assert!(said(&allowed).is_empty(), "{:?}", said(&allowed));
    assert_eq!(allowed.cache.reused, 0);
    let again = scan_src(dir.path(), Some(cache.path()));
    assert_eq!(said(&again), said(&with));
    assert_eq!(again.cache.analysed, 0);
}

#[test]
fn a_damaged_or_foreign_cache_is_never_trusted() {
    type Damage = fn(&mut Vec<u8>);
    let damages: &[(&str, Damage)] = &[
        ("garbage", |b| *b = b"not a cache at all".to_vec()),
        ("empty", |b| b.clear()),
        ("truncated", |b| b.truncate(b.len() / 2)),
        ("a flipped payload byte", |b| {
            let last = b.len() - 1;
            b[last] ^= 0x55;
        }),
        ("another format version", |b| b[7] = b[7].wrapping_add(1)),
        ("a wrong length", |b| b[8] ^= 1),
    ];
    for (what, damage) in damages {
        let dir = crate_dir();
        let cache = temp();
        let cold = scan_src(dir.path(), Some(cache.path()));
        let files = buckets(cache.path());
        assert!(!files.is_empty());
        for file in &files {
            let mut bytes = std::fs::read(file).expect("bucket");
            damage(&mut bytes);
            std::fs::write(file, bytes).expect("damage the bucket");
        }
        let after = scan_src(dir.path(), Some(cache.path()));
        assert_eq!(said(&after), said(&cold), "{what}");
        assert_eq!(after.cache.reused, 0, "{what}: nothing may be trusted");
        assert!(after.cache_problem.is_none(), "{what}");
        // Rebuilt whole.
        let again = scan_src(dir.path(), Some(cache.path()));
        assert_eq!(again.cache.analysed, 0, "{what}: rebuilt");
        assert_eq!(said(&again), said(&cold), "{what}");
    }
}

#[test]
fn concurrent_runs_leave_the_cache_whole() {
    let dir = crate_dir();
    let cache = temp();
    let mut fresh = Vec::new();
    for round in 0..4 {
        // Each round changes a file, so every run writes its buckets at once.
        write(
            dir.path(),
            "src/tools.rs",
            format!("// round {round}\n{TOOLS}").as_bytes(),
        );
        fresh = said(&scan_src(dir.path(), None));
        std::thread::scope(|s| {
            let runs: Vec<_> = (0..4)
                .map(|_| s.spawn(|| said(&scan_src(dir.path(), Some(cache.path())))))
                .collect();
            for run in runs {
                assert_eq!(run.join().expect("a run"), fresh, "round {round}");
            }
        });
    }
    let last = scan_src(dir.path(), Some(cache.path()));
    assert_eq!(said(&last), fresh);
    assert_eq!(last.cache.analysed, 0, "{:?}", last.cache);
    // No temporary file is left behind.
    for stamp in std::fs::read_dir(cache.path()).expect("cache").flatten() {
        if stamp.path().is_dir() {
            for file in std::fs::read_dir(stamp.path()).expect("stamp").flatten() {
                let name = file.file_name();
                assert!(
                    name.to_string_lossy().ends_with(".bin"),
                    "left behind: {name:?}"
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Where it lives, as the command line chooses
// ---------------------------------------------------------------------------------------

/// `cargo-stray ARGS` in `dir`, with none of the test suite's cache settings.
fn stray(dir: &Path, args: &[&str], env: &[(&str, &Path)]) -> (i32, String, String) {
    let mut cmd = isolated(Command::new(env!("CARGO_BIN_EXE_cargo-stray")));
    cmd.current_dir(dir)
        .args(args)
        .env_remove("STRAY_CACHE_DIR")
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("CARGO_TERM_COLOR");
    for (key, value) in env {
        cmd.env(key, value);
    }
    let out = cmd.output().expect("run cargo-stray");
    (
        out.status.code().expect("exited"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn has_buckets(dir: &Path) -> bool {
    dir.is_dir() && !buckets(dir).is_empty()
}

#[test]
fn in_a_cargo_package_it_lives_in_the_target_directory() {
    let dir = crate_dir();
    let (code, _, err) = stray(dir.path(), &["src"], &[]);
    assert_eq!(code, 0, "{err}");
    assert!(has_buckets(&dir.path().join("target/stray")));
    assert!(!dir.path().join(".stray_cache").exists());
    // As cargo is asked for the workspace, with no paths.
    let dir = crate_dir();
    let (code, _, err) = stray(dir.path(), &[], &[]);
    assert_eq!(code, 0, "{err}");
    assert!(has_buckets(&dir.path().join("target/stray")));
}

#[test]
fn cargo_target_dir_moves_it() {
    let dir = crate_dir();
    let elsewhere = temp();
    for args in [&["src"][..], &[][..]] {
        let (code, _, err) = stray(dir.path(), args, &[("CARGO_TARGET_DIR", elsewhere.path())]);
        assert_eq!(code, 0, "{err}");
        assert!(has_buckets(&elsewhere.path().join("stray")), "{args:?}");
        assert!(!dir.path().join("target").exists(), "{args:?}");
    }
}

#[test]
fn outside_a_workspace_it_lives_in_stray_cache_ignored_by_git() {
    let dir = temp();
    write(dir.path(), "tool.rs", TOOLS.as_bytes());
    let (code, out, err) = stray(dir.path(), &["tool.rs"], &[]);
    assert_eq!(code, 0, "{out}{err}");
    let cache = dir.path().join(".stray_cache");
    assert!(has_buckets(&cache));
    let ignore = std::fs::read_to_string(cache.join(".gitignore")).expect(".gitignore");
    assert!(ignore.lines().any(|l| l == "*"), "{ignore}");
    assert!(cache.join("CACHEDIR.TAG").is_file());
}

#[test]
fn cache_dir_and_stray_cache_dir_choose_it_and_no_cache_turns_it_off() {
    let dir = crate_dir();
    let chosen = temp();
    let (code, _, err) = stray(
        dir.path(),
        &[
            "src",
            "--cache-dir",
            &chosen.path().join("c").to_string_lossy(),
        ],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert!(has_buckets(&chosen.path().join("c")));
    let by_env = temp();
    let (code, _, err) = stray(dir.path(), &["src"], &[("STRAY_CACHE_DIR", by_env.path())]);
    assert_eq!(code, 0, "{err}");
    assert!(has_buckets(by_env.path()));
    assert!(!dir.path().join("target").exists());
    let (code, _, err) = stray(
        dir.path(),
        &["src", "--no-cache"],
        &[("STRAY_CACHE_DIR", &dir.path().join("nowhere"))],
    );
    assert_eq!(code, 0, "{err}");
    assert!(!dir.path().join("nowhere").exists());
    assert!(!dir.path().join("target").exists());
    assert!(!dir.path().join(".stray_cache").exists());
}

#[test]
fn a_cache_that_cannot_be_written_warns_and_changes_no_finding() {
    let dir = crate_dir();
    let blocked = dir.path().join("blocked");
    std::fs::write(&blocked, "a file where the cache would go").expect("write");
    let json = ["src", "--format", "json"];
    let (code, out, err) = stray(dir.path(), &json, &[("STRAY_CACHE_DIR", &blocked)]);
    let plain = common::stray(dir.path(), &[&json[..], &["--no-cache"]].concat());
    assert_eq!(
        (code, &out),
        (plain.code, &plain.stdout),
        "{}",
        plain.stderr
    );
    assert!(err.contains("warning: could not write the cache"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&blocked).expect("untouched"),
        "a file where the cache would go"
    );
}
