//! `--statistics`, as ruff users know it: one line per lint with findings, most first,
//! with `[*]` where some have a fix; JSON with `--format json`; the same exit status as
//! the report; and a clear error with a format it cannot print in.

mod common;

use common::{stray, temp, write};

const THREE_FINDINGS: &str = r#"
use std::process::Command;
use tokio_util::sync::CancellationToken;

pub fn fire() {
    let _ = Command::new("ls").spawn();
    let _ = Command::new("pwd").spawn();
}

pub fn serve(token: CancellationToken) {
    let _ = token.drop_guard();
}
"#;

#[test]
fn statistics_count_the_findings_of_each_lint() {
    let dir = temp();
    write(dir.path(), "lib.rs", THREE_FINDINGS.as_bytes());
    let run = stray(dir.path(), &["--statistics", "lib.rs"]);
    // guard_dropped_immediately is an error: the status is the report's.
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(
        lines[0].starts_with("2\tzombie_child\t[ ]\t"),
        "{}",
        run.stdout
    );
    assert!(
        lines[1].starts_with("1\tguard_dropped_immediately\t[*]\t"),
        "{}",
        run.stdout
    );

    let json = stray(dir.path(), &["--statistics", "--format", "json", "lib.rs"]);
    assert_eq!(json.code, 1, "{}", json.stderr);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(doc[0]["lint"], "zombie_child");
    assert_eq!(doc[0]["count"], 2);
    assert_eq!(doc[0]["level"], "warning");
    assert_eq!(doc[1]["lint"], "guard_dropped_immediately");
    assert_eq!(doc[1]["fixable"], 1);
    assert_eq!(doc[1]["level"], "error");
}

#[test]
fn statistics_in_a_format_that_cannot_hold_them_is_an_error() {
    let dir = temp();
    write(dir.path(), "lib.rs", THREE_FINDINGS.as_bytes());
    let run = stray(dir.path(), &["--statistics", "--format", "sarif", "lib.rs"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("use it with `--format human` or `--format json`"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
}
