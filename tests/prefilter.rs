//! The pre-filter is lossless: scanning with it and without it (`no_prefilter`) gives the
//! same findings and suppressions on every ui case (with the settings a case declares), on
//! the fuzz corpus and on cargo-stray's own sources; and a file that names nothing a
//! finding can start from is counted as scanned without being parsed. And the output
//! as a pipe's reader sees it: a reader that stops early (`| head`) gets no error.

mod common;

use std::path::{Path, PathBuf};

use stray::config::Config;
use stray::scan::{self, Report};
use stray::workspace;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// What a report says, as lines to compare.
fn said(report: &Report) -> Vec<String> {
    let finding = |f: &stray::finding::Finding| {
        format!(
            "{} {:?} {} {}",
            f.file.display, f.diagnostic.primary.span, f.lint.id, f.diagnostic.message
        )
    };
    let mut out: Vec<String> = report.findings.iter().map(finding).collect();
    out.extend(
        report
            .suppressed
            .iter()
            .map(|(f, why)| format!("suppressed {} {why:?}", finding(f))),
    );
    out
}

/// Scans `paths` with and without the pre-filter, and returns both.
fn both(paths: &[PathBuf], config: Config) -> (Report, Report) {
    let found = workspace::explicit(paths, &root()).expect("inputs");
    let with = scan::scan(found.inputs.clone(), Vec::new(), &config);
    let without = scan::scan(
        found.inputs,
        Vec::new(),
        &Config {
            no_prefilter: true,
            ..config
        },
    );
    (with, without)
}

fn assert_same(what: &str, paths: &[PathBuf], config: Config) -> Report {
    let (with, without) = both(paths, config);
    assert_eq!(
        said(&with),
        said(&without),
        "{what}: the pre-filter changed what is reported"
    );
    assert_eq!(with.files_scanned, without.files_scanned, "{what}");
    with
}

/// Every `.rs` file below `dir`, with the settings file beside it, if any.
fn ui_cases(dir: &Path, out: &mut Vec<(PathBuf, Option<PathBuf>)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            ui_cases(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let settings = path.with_extension("toml");
            out.push((path, settings.is_file().then_some(settings)));
        }
    }
}

#[test]
fn the_ui_cases_report_the_same_with_and_without_it() {
    let mut cases = Vec::new();
    ui_cases(&root().join("ui-tests"), &mut cases);
    assert!(cases.len() > 300, "found {} ui cases", cases.len());
    let (plain, with_settings): (Vec<_>, Vec<_>) =
        cases.into_iter().partition(|(_, s)| s.is_none());
    let plain: Vec<PathBuf> = plain.into_iter().map(|(p, _)| p).collect();
    let report = assert_same("ui-tests", &plain, Config::default());
    assert!(
        report.findings.len() > 300,
        "the ui cases report {} findings",
        report.findings.len()
    );
    assert!(!with_settings.is_empty(), "no ui case declares settings");
    for (case, settings) in with_settings {
        let settings = settings.expect("partitioned on settings");
        let loaded = stray::settings::Settings::load(
            case.parent().expect("a case is in a directory"),
            Some(&settings),
        )
        .unwrap_or_else(|e| panic!("{}: {e:#}", settings.display()));
        let config = Config {
            levels: loaded.levels.into_iter().collect(),
            resources: loaded.resources,
            ..Config::default()
        };
        assert_same(
            &case.display().to_string(),
            std::slice::from_ref(&case),
            config,
        );
    }
}

#[test]
fn real_sources_report_the_same_with_and_without_it() {
    let paths = [root().join("src"), root().join("tests/fuzz/corpus")];
    let report = assert_same("sources", &paths, Config::default());
    // Most of cargo-stray's own files name no tracked type: the filter is doing its job.
    assert!(report.files_prefiltered > 0);
    assert!(report.files_prefiltered < report.files_scanned);
}

/// The report of a scan of every file under `dir`, with the default settings.
fn scan_dir(dir: &Path) -> Report {
    scan::scan(
        workspace::explicit(&[dir.to_path_buf()], dir)
            .expect("inputs")
            .inputs,
        Vec::new(),
        &Config::default(),
    )
}

#[test]
fn a_file_naming_nothing_tracked_is_scanned_without_being_parsed() {
    let dir = common::temp();
    // Broken syntax, but nothing a finding could start from: not parsed, so not a problem.
    common::write(dir.path(), "plain.rs", b"fn main() { let x = ; }\n");
    // A suppression comment must be read, to report it when it silences nothing.
    common::write(
        dir.path(),
        "allowed.rs",
        b"// stray: allow(zombie_child) -- nothing here spawns\nfn main() {}\n",
    );
    let report = scan_dir(dir.path());
    assert_eq!(report.files_scanned, 2);
    assert_eq!(report.files_prefiltered, 1);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let lints: Vec<&str> = report.findings.iter().map(|f| f.lint.id).collect();
    assert_eq!(lints, ["unused_suppression"]);
    // As the user sees it: both files scanned, none skipped.
    let run = common::stray(dir.path(), &["--format", "json", "."]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON report");
    assert_eq!(doc["summary"]["files_scanned"], 2);
    assert_eq!(doc["summary"]["files_skipped"], 0);
    assert_eq!(doc["summary"]["findings"], 1);
}

#[test]
fn a_name_from_another_module_of_the_crate_is_passed_over() {
    let dir = common::temp();
    // clap's `Command` in a file that writes `std` but never std's `process`.
    common::write(
        dir.path(),
        "cli.rs",
        b"use clap::Command;\nuse std::fmt;\nfn cli() -> Command { Command::new(\"x\") }\n",
    );
    // Every way of naming std's writes its module.
    let spawners: [&[u8]; 4] = [
        b"use std::process::Command;\nfn f() { Command::new(\"ls\").spawn().unwrap(); }\n",
        b"use std::{process::{self, Stdio}};\nfn f() { process::Command::new(\"ls\").stdout(Stdio::null()).spawn().unwrap(); }\n",
        b"fn f() { std::process::Command::new(\"ls\").spawn().unwrap(); }\n",
        b"use std::process as p;\nfn f() { p::Command::new(\"ls\").spawn().unwrap(); }\n",
    ];
    for (i, text) in spawners.iter().enumerate() {
        common::write(dir.path(), &format!("spawn{i}.rs"), text);
    }
    let report = scan_dir(dir.path());
    assert_eq!(report.files_scanned, 5);
    assert_eq!(report.files_prefiltered, 1);
    let mut files: Vec<String> = report
        .findings
        .iter()
        .map(|f| {
            f.file
                .path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    files.sort();
    assert_eq!(files, ["spawn0.rs", "spawn1.rs", "spawn2.rs", "spawn3.rs"]);
}

#[test]
fn a_reader_that_closes_the_pipe_early_gets_no_error() {
    use std::io::Read;
    // The ui cases' JSON report is far larger than a pipe's buffer.
    let mut child = common::isolated(std::process::Command::new(env!(
        "CARGO_BIN_EXE_cargo-stray"
    )))
    .current_dir(root())
    .args(["--format", "json", "ui-tests"])
    .stdout(std::process::Stdio::piped())
    .stderr(std::process::Stdio::piped())
    .spawn()
    .expect("run cargo-stray");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).expect("the report starts");
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("read stderr");
    let status = child.wait().expect("cargo-stray exits");
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
    // Findings were there: the status says so, as if the whole report had been read.
    assert_eq!(status.code(), Some(1), "{stderr}");
}
