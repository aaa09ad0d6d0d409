//! The crate index as users meet it: a helper in one file seen from another whether the
//! whole crate or one file is scanned (pre-commit passes file names), the same output on
//! one thread and many, broken sibling files that are not reported unless scanned, and
//! files outside a crate's target directories analysed alone.

mod common;

use std::path::Path;

use common::{stray, temp, write};

const MANIFEST: &str = "[package]\nname = \"demo\"\nversion = \"0.0.0\"\nedition = \"2021\"\n";

const LIB: &str = "mod util;\npub mod jobs;\n";

const UTIL: &str = r#"
use std::process::{Child, Command};

pub fn spawn_worker(name: &str) -> std::io::Result<Child> {
    Command::new(name).spawn()
}
"#;

const JOBS: &str = r#"
pub fn start(name: &str) -> std::io::Result<u32> {
    let child = crate::util::spawn_worker(name)?;
    Ok(child.id())
}
"#;

fn crate_dir() -> tempfile::TempDir {
    let dir = temp();
    write(dir.path(), "Cargo.toml", MANIFEST.as_bytes());
    write(dir.path(), "src/lib.rs", LIB.as_bytes());
    write(dir.path(), "src/util.rs", UTIL.as_bytes());
    write(dir.path(), "src/jobs.rs", JOBS.as_bytes());
    dir
}

/// The findings of a JSON report, as `file:line lint` lines.
fn findings(dir: &Path, args: &[&str]) -> Vec<String> {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let run = stray(dir, &all);
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON report");
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            format!(
                "{}:{} {}",
                f["file"].as_str().unwrap_or_default(),
                f["start"]["line"],
                f["lint"].as_str().unwrap_or_default()
            )
        })
        .collect()
}

#[test]
fn a_helper_in_another_file_creates_the_child() {
    let dir = crate_dir();
    assert_eq!(
        findings(dir.path(), &["src"]),
        ["src/jobs.rs:3 zombie_child"]
    );
}

#[test]
fn one_file_scanned_still_sees_its_crate() {
    let dir = crate_dir();
    assert_eq!(
        findings(dir.path(), &["src/jobs.rs"]),
        ["src/jobs.rs:3 zombie_child"]
    );
}

#[test]
fn one_thread_and_many_agree() {
    let dir = crate_dir();
    // A few more files, so that threads interleave.
    for i in 0..16 {
        let body = format!(
            "pub fn run_{i}() -> std::io::Result<()> {{\n    let _c = crate::util::spawn_worker(\"w{i}\")?;\n    Ok(())\n}}\n"
        );
        write(dir.path(), &format!("src/more_{i}.rs"), body.as_bytes());
    }
    let one = findings(dir.path(), &["-j", "1", "src"]);
    let many = findings(dir.path(), &["-j", "4", "src"]);
    assert_eq!(one.len(), 17);
    assert_eq!(one, many);
}

#[test]
fn a_broken_sibling_is_reported_only_when_scanned() {
    let dir = crate_dir();
    write(
        dir.path(),
        "src/broken.rs",
        b"pub fn f( { std::process::Child\n",
    );
    write(dir.path(), "src/binary.rs", b"\xff\xfe std::process::Child");
    // The human report is on stderr.
    let run = stray(dir.path(), &["src/jobs.rs"]);
    assert_eq!(run.code, 0, "warnings only: {}", run.stderr);
    assert!(run.stderr.contains("zombie_child"), "{}", run.stderr);
    assert!(!run.stderr.contains("broken.rs"), "{}", run.stderr);
    assert!(!run.stderr.contains("binary.rs"), "{}", run.stderr);
    let run = stray(dir.path(), &["src"]);
    assert!(run.stderr.contains("zombie_child"), "{}", run.stderr);
    assert!(run.stderr.contains("broken.rs"), "{}", run.stderr);
    assert!(run.stderr.contains("binary.rs"), "{}", run.stderr);
}

#[test]
fn files_outside_target_directories_stand_alone() {
    let dir = crate_dir();
    // Not a module of the crate: `crate::util` means nothing there, so nothing is known.
    write(dir.path(), "scripts/jobs.rs", JOBS.as_bytes());
    assert!(findings(dir.path(), &["scripts/jobs.rs"]).is_empty());
}

#[test]
fn a_huge_generated_sibling_is_not_parsed_for_the_index() {
    let dir = crate_dir();
    // Names a tracked type with its module, so only its size keeps it out.
    let mut generated = String::from("use std::process::Child;\npub static TABLE: &[u32] = &[\n");
    while generated.len() < (3 << 20) {
        generated.push_str("1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,\n");
    }
    generated.push_str("];\n");
    write(dir.path(), "src/table.rs", generated.as_bytes());
    let started = std::time::Instant::now();
    assert_eq!(
        findings(dir.path(), &["src/jobs.rs"]),
        ["src/jobs.rs:3 zombie_child"]
    );
    // Parsing it would take seconds in a debug build.
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

/// A helper reached through a module that only re-exports (`helpers/mod.rs` with
/// `pub use process::*;`), and under a new name in the crate root: files that name nothing
/// tracked, which the pre-filter leaves unparsed unless a file's paths go through them.
#[test]
fn helpers_reached_through_modules_that_only_re_export() {
    let dir = temp();
    write(dir.path(), "Cargo.toml", MANIFEST.as_bytes());
    write(
        dir.path(),
        "src/lib.rs",
        b"pub mod helpers;\npub mod jobs;\npub mod tasks;\npub use helpers::spawn_worker as launch;\n",
    );
    write(
        dir.path(),
        "src/helpers/mod.rs",
        b"mod process;\npub use process::*;\n",
    );
    write(dir.path(), "src/helpers/process.rs", UTIL.as_bytes());
    write(
        dir.path(),
        "src/jobs.rs",
        b"use crate::helpers::spawn_worker;\n\npub fn start(name: &str) -> u32 {\n    let child = spawn_worker(name).unwrap();\n    child.id()\n}\n",
    );
    write(
        dir.path(),
        "src/tasks.rs",
        b"pub fn go(name: &str) -> u32 {\n    let child = crate::launch(name).unwrap();\n    child.id()\n}\n",
    );
    let expected = ["src/jobs.rs:4 zombie_child", "src/tasks.rs:2 zombie_child"];
    assert_eq!(findings(dir.path(), &["src"]), expected);
    assert_eq!(
        findings(dir.path(), &["src/jobs.rs", "src/tasks.rs"]),
        expected
    );
}

#[test]
fn a_struct_s_tracked_field_is_read_only_where_its_name_is_written() {
    let dir = temp();
    write(dir.path(), "Cargo.toml", MANIFEST.as_bytes());
    write(
        dir.path(),
        "src/lib.rs",
        b"pub mod worker;\npub mod label;\npub mod stop;\n",
    );
    write(
        dir.path(),
        "src/worker.rs",
        b"use std::process::Child;\npub struct Worker {\n    pub child: Child,\n    pub name: String,\n}\n",
    );
    // Names the struct, never its child: what it does cannot depend on the field's type.
    write(
        dir.path(),
        "src/label.rs",
        b"pub fn label(w: &crate::worker::Worker) -> &str {\n    &w.name\n}\n",
    );
    write(
        dir.path(),
        "src/stop.rs",
        b"pub fn stop(w: &mut crate::worker::Worker) {\n    let _ = w.child.kill();\n}\n",
    );
    let inputs = stray::workspace::explicit(&[dir.path().join("src")], dir.path())
        .expect("inputs")
        .inputs;
    let report = stray::scan::scan(inputs, Vec::new(), &stray::config::Config::default());
    assert_eq!(report.index.files_reanalysed, 1);
}
