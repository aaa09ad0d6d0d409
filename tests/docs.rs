//! The user-facing pages and tables are generated from each lint's own definition; these
//! tests fail when they drift. `BLESS=1 cargo test --test docs` rewrites them.

use std::path::{Path, PathBuf};

use stray::config::Config;
use stray::lints::{self, Lint};
use stray::scan::{self, Input};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn bless() -> bool {
    std::env::var_os("BLESS").is_some_and(|v| v != "0")
}

/// Compares `path` with `expected`, or rewrites it when blessing.
fn check_generated(path: &Path, expected: &str, failures: &mut Vec<String>) {
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    if actual == expected {
        return;
    }
    if bless() {
        std::fs::write(path, expected).expect("write generated file");
    } else {
        failures.push(format!(
            "{} is stale: run `BLESS=1 cargo test --test docs`",
            path.display()
        ));
    }
}

#[test]
fn lint_pages_match_the_lints() {
    let mut failures = Vec::new();
    let dir = root().join("lints");
    std::fs::create_dir_all(&dir).expect("lints/ directory");
    for lint in lints::ALL {
        check_generated(
            &dir.join(format!("{}.md", lint.id)),
            &lint.markdown(),
            &mut failures,
        );
    }
    for entry in std::fs::read_dir(&dir).expect("read lints/") {
        let path = entry.expect("entry").path();
        let id = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        if Lint::by_id(id).is_none() {
            failures.push(format!("{} documents no lint", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn readme_lint_table_matches_the_registry() {
    const START: &str = "<!-- lints:start -->\n";
    const END: &str = "<!-- lints:end -->";
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let (Some(a), Some(b)) = (readme.find(START), readme.find(END)) else {
        panic!("README.md lacks the {START:?} … {END:?} markers");
    };
    let expected = format!(
        "{}{START}{}{}",
        &readme[..a],
        lints::readme_table(),
        &readme[b..]
    );
    let mut failures = Vec::new();
    check_generated(&path, &expected, &mut failures);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Each lint's documented example must be flagged by that lint, and its "use instead"
/// must not be, so the docs never show a case the lint gets wrong.
#[test]
fn documented_examples_behave_as_documented() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut failures = Vec::new();
    for lint in lints::ALL {
        for (kind, code, want) in [
            ("example", lint.docs.example, true),
            ("use_instead", lint.docs.use_instead, false),
        ] {
            let path = dir.path().join(format!("{}_{kind}.rs", lint.id));
            std::fs::write(&path, code).expect("write example");
            // The settings the examples assume (declared resources).
            let settings = dir.path().join(format!("{}.toml", lint.id));
            std::fs::write(&settings, lint.docs.settings).expect("write settings");
            let config = Config {
                resources: stray::settings::Settings::load(dir.path(), Some(&settings))
                    .expect("documented settings")
                    .resources,
                ..Config::default()
            };
            let report = scan::scan(
                vec![Input {
                    path: path.clone(),
                    display: path.display().to_string(),
                }],
                Vec::new(),
                &config,
            );
            // `file_not_analysed`'s example is a file that does not parse, on purpose.
            assert!(
                report.problems.is_empty() || (want && lint.id == "file_not_analysed"),
                "{}: {:?}",
                lint.id,
                report.problems
            );
            let hits = report
                .findings
                .iter()
                .filter(|f| f.lint.id == lint.id)
                .count();
            if want && hits == 0 {
                failures.push(format!("{}: the example is not flagged", lint.id));
            }
            if !want && hits > 0 {
                failures.push(format!("{}: the `use instead` code is flagged", lint.id));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_lint_is_documented_in_full() {
    for lint in lints::ALL {
        let d = &lint.docs;
        for (section, text) in [
            ("what_it_does", d.what_it_does),
            ("why_is_this_bad", d.why_is_this_bad),
            ("example", d.example),
            ("use_instead", d.use_instead),
            ("known_limits", d.known_limits),
        ] {
            assert!(!text.trim().is_empty(), "{}: empty {section}", lint.id);
        }
        let first = lint.summary.chars().next().unwrap_or('A');
        assert!(
            first.is_lowercase() && !lint.summary.ends_with('.'),
            "{}: the summary must start lowercase and not end with a period",
            lint.id
        );
    }
}

/// The shipped example exhibits every lint implemented so far.
#[test]
fn demo_exhibits_every_lint() {
    let demo = root().join("examples/demo");
    let found = stray::workspace::explicit(std::slice::from_ref(&demo), &root()).expect("demo");
    let config = Config {
        resources: stray::settings::Settings::load(&demo, None)
            .expect("demo settings")
            .resources,
        ..Config::default()
    };
    let report = scan::scan(found.inputs, found.problems, &config);
    // Only the legacy crate's file, which shows `file_not_analysed`.
    let skipped: Vec<&str> = report.problems.iter().map(|p| p.display.as_str()).collect();
    assert!(
        skipped.iter().all(|p| p.ends_with("legacy/src/lib.rs")),
        "{:?}",
        report.problems
    );
    for lint in lints::ALL {
        assert!(
            report.findings.iter().any(|f| f.lint.id == lint.id),
            "examples/demo does not exhibit {}",
            lint.id
        );
    }
}
