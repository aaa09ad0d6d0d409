//! Resources declared in `stray.toml`, as a team would use them: reported under the lint
//! id they choose, with levels, suppressions, `--list-lints`, `--explain` and SARIF rules
//! knowing that id, and declaration mistakes reported with the file they are in.

mod common;

use std::fs;

use common::{Run, stray};

const SETTINGS: &str = r#"
[[resources]]
type = "Session"
constructors = ["Session::open"]
discharge = ["close"]
neutral = ["query"]
lint = "session_not_closed"
message = "a database `Session` is not closed"

[[resources]]
type = "Lease"
constructors = [".lease"]
discharge = ["release"]
"#;

const CODE: &str = r#"
mod db {
    pub struct Session;
    pub struct Pool;
    pub struct Lease;
    impl Session {
        pub fn open() -> Result<Session, String> { Ok(Session) }
        pub fn query(&self) -> Result<u64, String> { Ok(1) }
        pub fn close(self) {}
    }
    impl Pool {
        pub fn lease(&self) -> Lease { Lease }
    }
    impl Lease {
        pub fn release(self) {}
    }
}
use db::{Pool, Session};

pub fn count() -> Result<u64, String> {
    let session = Session::open()?;
    let n = session.query()?;
    session.close();
    Ok(n)
}

pub fn lease(pool: &Pool) {
    let _lease = pool.lease();
}
"#;

fn project(settings: &str) -> tempfile::TempDir {
    let dir = common::temp();
    common::write(dir.path(), "stray.toml", settings.as_bytes());
    common::write(dir.path(), "lib.rs", CODE.as_bytes());
    dir
}

fn lints_reported(out: &Run) -> Vec<(String, String)> {
    let doc: serde_json::Value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", out.stdout));
    doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["lint"].as_str().unwrap().to_string(),
                f["level"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn findings_carry_the_declared_lint_id_and_its_level() {
    let dir = project(SETTINGS);
    let out = stray(dir.path(), &["--format", "json", "lib.rs"]);
    // Declared lints warn by default: the run passes.
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        lints_reported(&out),
        [
            ("session_not_closed".to_string(), "warning".to_string()),
            ("resource_not_released".to_string(), "warning".to_string()),
        ]
    );

    let out = stray(
        dir.path(),
        &["--format", "json", "-D", "session_not_closed", "lib.rs"],
    );
    assert_eq!(out.code, 1);
    assert_eq!(lints_reported(&out)[0].1, "error");

    // The family of declared resources, and one id alone.
    let out = stray(dir.path(), &["--format", "json", "-A", "user", "lib.rs"]);
    assert!(lints_reported(&out).is_empty(), "{}", out.stdout);
    let out = stray(
        dir.path(),
        &["--format", "json", "-A", "session_not_closed", "lib.rs"],
    );
    assert_eq!(
        lints_reported(&out),
        [("resource_not_released".to_string(), "warning".to_string())]
    );

    // A level in the settings names the declared id, whatever the order of the tables.
    let dir = project(&format!(
        "[lints]\nsession_not_closed = \"deny\"\n{SETTINGS}"
    ));
    let out = stray(dir.path(), &["--format", "json", "lib.rs"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        lints_reported(&out)[0],
        ("session_not_closed".to_string(), "error".to_string())
    );
}

#[test]
fn suppressions_name_the_declared_id() {
    let dir = project(SETTINGS);
    let code = CODE.replace(
        "    let session = Session::open()?;",
        "    // stray: allow(session_not_closed) -- closed by the pool on error\n    let session = Session::open()?;",
    );
    fs::write(dir.path().join("lib.rs"), code).unwrap();
    let out = stray(dir.path(), &["--format", "json", "lib.rs"]);
    assert_eq!(
        lints_reported(&out),
        [("resource_not_released".to_string(), "warning".to_string())]
    );
}

#[test]
fn list_explain_and_sarif_know_the_declared_id() {
    let dir = project(SETTINGS);
    let list = stray(dir.path(), &["--list-lints"]).stdout;
    let line = list
        .lines()
        .find(|l| l.starts_with("session_not_closed "))
        .unwrap_or_else(|| panic!("not listed:\n{list}"));
    assert!(line.contains(" user "), "{line}");
    assert!(line.contains("a `Session`"), "{line}");

    let out = stray(dir.path(), &["--explain", "session_not_closed"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with("# `session_not_closed`"));

    let out = stray(dir.path(), &["--format", "sarif", "lib.rs"]);
    let sarif: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let index = rules
        .iter()
        .position(|r| r["id"] == "session_not_closed")
        .expect("a rule for the declared id");
    let result = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "session_not_closed")
        .expect("a result");
    assert_eq!(result["ruleIndex"], index);
}

#[test]
fn declaration_mistakes_are_errors_naming_the_file() {
    for (lint, expected) in [
        ("zombie_child", "already a lint or family"),
        ("process", "already a lint or family"),
        ("Session-Leak", "is not a lint id"),
    ] {
        let settings = SETTINGS.replace("session_not_closed", lint);
        let dir = project(&settings);
        let out = stray(dir.path(), &["lib.rs"]);
        assert_eq!(out.code, 2, "{lint}: {}", out.stderr);
        let err = &out.stderr;
        assert!(err.contains("stray.toml"), "{err}");
        assert!(err.contains("resource `Session`"), "{err}");
        assert!(err.contains(expected), "{err}");
    }
}
