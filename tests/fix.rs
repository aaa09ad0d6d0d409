//! `--fix`, `--unsafe-fixes` and `--diff` as users run them: what is changed on disk, what
//! is printed, what is left alone.

mod common;

use std::fs;
use std::path::Path;

use common::stray;

/// A safe fix (bind the guard) and an unsafe one (close the tracker inside a spawned task)
/// in one file.
const LEAKY: &str = "\
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

pub fn serve(token: CancellationToken) {
    let _ = token.drop_guard();
    work();
}

pub fn watch() {
    let tracker = TaskTracker::new();
    tokio::spawn(async move {
        tracker.wait().await;
    });
}

fn work() {}
";

/// `LEAKY` with its safe fix applied.
fn safely_fixed() -> String {
    LEAKY.replace(
        "let _ = token.drop_guard();",
        "let _guard = token.drop_guard();",
    )
}

fn dir_with(name: &str, contents: &str) -> tempfile::TempDir {
    let dir = common::temp();
    common::write(dir.path(), name, contents.as_bytes());
    dir
}

/// Everything in `dir`, by name: no temporary file may be left behind.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("listing")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn diff_prints_the_safe_fixes_and_changes_nothing() {
    let dir = dir_with("lib.rs", LEAKY);
    let out = stray(dir.path(), &["--diff", "lib.rs"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let diff = &out.stdout;
    assert!(
        diff.starts_with("--- a/lib.rs\n+++ b/lib.rs\n@@ "),
        "{diff}"
    );
    assert!(
        diff.contains("\n-    let _ = token.drop_guard();\n"),
        "{diff}"
    );
    assert!(
        diff.contains("\n+    let _guard = token.drop_guard();\n"),
        "{diff}"
    );
    // The tracker fixes are unsafe: not in the diff.
    assert!(!diff.contains("close()"), "{diff}");
    let summary = &out.stderr;
    assert!(
        summary.contains("would fix 1 finding in 1 file (1 more with --unsafe-fixes)"),
        "{summary}"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("lib.rs")).unwrap(),
        LEAKY
    );

    let out = stray(dir.path(), &["--diff", "--unsafe-fixes", "lib.rs"]);
    let diff = &out.stdout;
    assert!(diff.contains("\n+        tracker.close();\n"), "{diff}");
    assert!(
        out.stderr.contains("would fix 2 findings in 1 file"),
        "{}",
        out.stderr
    );
}

#[test]
fn diff_without_fixes_exits_zero() {
    let dir = dir_with("lib.rs", "pub fn f() {}\n");
    let out = stray(dir.path(), &["--diff", "lib.rs"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.is_empty());
}

#[test]
fn fix_applies_safe_fixes_in_place_and_reports_what_is_left() {
    let dir = dir_with("lib.rs", LEAKY);
    let out = stray(dir.path(), &["--fix", "lib.rs"]);
    let stderr = &out.stderr;
    assert!(stderr.contains("fixed 1 finding in 1 file"), "{stderr}");
    assert_eq!(
        fs::read_to_string(dir.path().join("lib.rs")).unwrap(),
        safely_fixed()
    );
    // What is left: the tracker, with an unsafe fix on offer (its wait is in a spawned
    // task, while the function may still spawn work on it).
    assert!(!stderr.contains("guard_dropped_immediately"), "{stderr}");
    assert_eq!(
        stderr.matches("error[task_tracker_not_closed]").count(),
        1,
        "{stderr}"
    );
    assert!(
        stderr.contains("1 fixable with `--fix --unsafe-fixes`"),
        "{stderr}"
    );
    assert_eq!(names(dir.path()), ["lib.rs"]);

    let out = stray(dir.path(), &["--fix", "--unsafe-fixes", "lib.rs"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let fixed = fs::read_to_string(dir.path().join("lib.rs")).unwrap();
    assert!(
        fixed.contains("        tracker.close();\n        tracker.wait().await;"),
        "{fixed}"
    );
    let again = stray(dir.path(), &["lib.rs"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(again.stderr.starts_with("0 findings"), "{}", again.stderr);
}

#[test]
fn fix_keeps_crlf_line_endings() {
    let crlf = "\
use std::process::{Command, Stdio};\r
use std::io::Write;\r
\r
pub fn feed(input: &[u8]) -> std::io::Result<()> {\r
    let mut child = Command::new(\"cat\").stdin(Stdio::piped()).spawn()?;\r
    let mut stdin = child.stdin.take().unwrap();\r
    stdin.write_all(input)?;\r
    child.wait()?;\r
    Ok(())\r
}\r
";
    let dir = dir_with("feed.rs", crlf);
    let out = stray(dir.path(), &["--fix", "feed.rs"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let fixed = fs::read_to_string(dir.path().join("feed.rs")).unwrap();
    assert!(
        fixed
            .contains("    stdin.write_all(input)?;\r\n    drop(stdin);\r\n    child.wait()?;\r\n"),
        "{fixed:?}"
    );
    assert!(!fixed.replace("\r\n", "").contains('\n'), "{fixed:?}");
}

#[cfg(unix)]
#[test]
fn fix_writes_through_links_and_keeps_permissions() {
    use std::os::unix::fs::PermissionsExt;

    let dir = dir_with("real.rs", LEAKY);
    let real = dir.path().join("real.rs");
    fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink("real.rs", dir.path().join("link.rs")).unwrap();
    let out = stray(dir.path(), &["--fix", "link.rs"]);
    assert!(
        out.stderr.contains("fixed 1 finding in 1 file"),
        "{}",
        out.stderr
    );
    // The link is still a link, and the file it points to is fixed.
    assert!(
        fs::symlink_metadata(dir.path().join("link.rs"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_to_string(&real).unwrap(), safely_fixed());
    assert_eq!(
        fs::metadata(&real).unwrap().permissions().mode() & 0o777,
        0o640
    );
    assert_eq!(names(dir.path()), ["link.rs", "real.rs"]);
}

#[test]
fn fix_leaves_suppressed_and_allowed_findings_alone() {
    let suppressed = LEAKY.replace(
        "    let _ = token.drop_guard();",
        "    // stray: allow(guard_dropped_immediately) -- cancels the workers on purpose\n    let _ = token.drop_guard();",
    );
    let dir = dir_with("lib.rs", &suppressed);
    let out = stray(dir.path(), &["--fix", "lib.rs"]);
    assert!(!out.stderr.contains("fixed"), "{}", out.stderr);
    assert_eq!(
        fs::read_to_string(dir.path().join("lib.rs")).unwrap(),
        suppressed
    );

    let dir = dir_with("lib.rs", LEAKY);
    let out = stray(
        dir.path(),
        &["--fix", "-A", "guard_dropped_immediately", "lib.rs"],
    );
    assert!(!out.stderr.contains("fixed"), "{}", out.stderr);
    assert_eq!(
        fs::read_to_string(dir.path().join("lib.rs")).unwrap(),
        LEAKY
    );
}

#[test]
fn fix_and_diff_do_not_go_together() {
    let dir = dir_with("lib.rs", LEAKY);
    let out = stray(dir.path(), &["--fix", "--diff", "lib.rs"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("cannot be used with"), "{}", out.stderr);
    assert_eq!(
        fs::read_to_string(dir.path().join("lib.rs")).unwrap(),
        LEAKY
    );
}

#[test]
fn fix_after_a_byte_order_mark_edits_the_right_bytes() {
    let with_bom = format!("\u{feff}{LEAKY}");
    let dir = dir_with("lib.rs", &with_bom);
    let out = stray(dir.path(), &["--fix", "lib.rs"]);
    assert!(
        out.stderr.contains("fixed 1 finding in 1 file"),
        "{}",
        out.stderr
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("lib.rs")).unwrap(),
        format!("\u{feff}{}", safely_fixed())
    );
}
