//! The conventions clippy, rustc and ruff users bring to the command line (issue 17):
//! `-D warnings`, did-you-mean on names, a one-line format, a pointer to each lint's page,
//! JSON from `--list-lints`, an honest summary, and rustc's drawing of the source.

mod common;

use common::{Run, stray, temp, write};

/// `zombie_child`, a warning: the child is spawned and dropped at once.
const ZOMBIE: &str = "\
use std::process::Command;

pub fn start() {
    Command::new(\"sleep\").spawn().unwrap();
}
";

/// `guard_dropped_immediately`, an error.
const GUARD: &str = "\
use tokio_util::sync::CancellationToken;

pub fn serve(token: CancellationToken) {
    let _ = token.drop_guard();
}
";

fn summary(r: &Run) -> &str {
    r.stderr.lines().last().unwrap_or_default()
}

fn expect(r: Run, code: i32) -> Run {
    assert_eq!(
        r.code, code,
        "--- stdout ---\n{}\n--- stderr ---\n{}",
        r.stdout, r.stderr
    );
    r
}

#[test]
fn warnings_is_the_word_for_every_warning_as_with_rustc() {
    let dir = temp();
    write(dir.path(), "zombie.rs", ZOMBIE.as_bytes());
    write(dir.path(), "guard.rs", GUARD.as_bytes());
    let r = expect(stray(dir.path(), &["zombie.rs"]), 0);
    assert!(r.stderr.contains("warning[zombie_child]"), "{}", r.stderr);

    // `-D warnings` is `--deny-warnings`: the warning stays a warning and fails the run.
    for args in [
        &["-D", "warnings"][..],
        &["-Dwarnings"],
        &["--deny", "warnings"],
    ] {
        let r = expect(stray(dir.path(), &[args, &["zombie.rs"]].concat()), 1);
        assert!(
            r.stderr.contains("warning[zombie_child]"),
            "{args:?}: {}",
            r.stderr
        );
    }
    // Later flags win; `-W warnings` undoes `-D warnings`.
    expect(
        stray(
            dir.path(),
            &["-D", "warnings", "-W", "warnings", "zombie.rs"],
        ),
        0,
    );

    // `-A warnings` reports no warning, and nothing it silences fails the run.
    let r = expect(
        stray(
            dir.path(),
            &["-A", "warnings", "-D", "warnings", "zombie.rs"],
        ),
        1,
    );
    assert!(r.stderr.contains("warning[zombie_child]"), "{}", r.stderr);
    let r = expect(
        stray(dir.path(), &["-D", "warnings", "-A", "warnings", "."]),
        1,
    );
    assert!(!r.stderr.contains("warning["), "{}", r.stderr);
    // Errors are still reported, as rustc's `-A warnings` leaves errors alone.
    assert!(
        r.stderr.contains("error[guard_dropped_immediately]"),
        "{}",
        r.stderr
    );
    assert_eq!(
        summary(&r),
        "1 finding (1 error, 0 warnings) in 2 files; 1 fixable with `--fix`"
    );
    // A lint denied by name is an error, which `-A warnings` does not touch.
    let r = expect(
        stray(dir.path(), &["-A", "warnings", "-D", "zombie_child", "."]),
        1,
    );
    assert!(r.stderr.contains("error[zombie_child]"), "{}", r.stderr);

    // Misspelled, it is still an error, with the hint.
    let r = expect(stray(dir.path(), &["-D", "warning", "zombie.rs"]), 2);
    assert!(
        r.stderr.contains("no lint or family named `warning`"),
        "{}",
        r.stderr
    );
}

#[test]
fn explain_suggests_names_and_explains_families() {
    let dir = temp();
    let r = expect(stray(dir.path(), &["--explain", "zombie"]), 2);
    assert_eq!(
        r.stderr,
        "error: no lint or family named `zombie` (did you mean `zombie_child`?)\n"
    );
    let r = expect(stray(dir.path(), &["--explain", "proces"]), 2);
    assert!(
        r.stderr.contains("(did you mean `process`?)"),
        "{}",
        r.stderr
    );

    let r = expect(stray(dir.path(), &["--explain", "process"]), 0);
    assert!(r.stdout.starts_with("# Family `process`\n"), "{}", r.stdout);
    for lint in stray::lints::ALL {
        let listed = r.stdout.contains(&format!("| `{}` |", lint.id));
        assert_eq!(
            listed,
            lint.family.as_str() == "process",
            "{}: {}",
            lint.id,
            r.stdout
        );
    }
    assert!(
        r.stdout
            .contains("| `zombie_child` | warn | a spawned std child process")
    );
}

#[test]
fn package_flag_suggests_the_member_meant() {
    let dir = temp();
    write(
        dir.path(),
        "Cargo.toml",
        b"[workspace]\nresolver = \"2\"\nmembers = [\"demo-client\", \"demo-server\"]\n",
    );
    for member in ["demo-client", "demo-server"] {
        let manifest =
            format!("[package]\nname = \"{member}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        write(
            dir.path(),
            &format!("{member}/Cargo.toml"),
            manifest.as_bytes(),
        );
        write(dir.path(), &format!("{member}/src/lib.rs"), b"");
    }
    let r = expect(stray(dir.path(), &["-p", "client"]), 2);
    assert_eq!(
        r.stderr,
        "error: package `client` is not a member of the workspace (did you mean `demo-client`?)\n"
    );
    let r = expect(stray(dir.path(), &["-p", "demo-clent"]), 2);
    assert!(
        r.stderr.contains("(did you mean `demo-client`?)"),
        "{}",
        r.stderr
    );
    let r = expect(stray(dir.path(), &["-p", "nothing-like-it"]), 2);
    assert!(!r.stderr.contains("did you mean"), "{}", r.stderr);
}

#[test]
fn short_format_is_one_line_per_finding() {
    let dir = temp();
    write(dir.path(), "zombie.rs", ZOMBIE.as_bytes());
    write(dir.path(), "guard.rs", GUARD.as_bytes());
    write(
        dir.path(),
        "broken.rs",
        b"fn (\nuse std::process::Command;\n",
    );
    let expected = "\
broken.rs:1:4: error[file_not_analysed]: this file could not be parsed, so none of its code was checked: unclosed delimiter: the `(` opened here is never closed
guard.rs:4:13: error[guard_dropped_immediately]: `DropGuard` is dropped immediately: the token is cancelled at once
zombie.rs:4:5: warning[zombie_child]: spawned child process is dropped without being waited for: it stays a zombie when it exits
";
    for format in ["short", "concise"] {
        for flag in ["--format", "--message-format"] {
            let r = expect(stray(dir.path(), &[flag, format, "."]), 1);
            assert!(r.stdout.is_empty(), "{}", r.stdout);
            assert_eq!(
                r.stderr,
                format!(
                    "{expected}3 findings (2 errors, 1 warning) in 2 files; 1 file could not be analysed; 1 fixable with `--fix`\n"
                ),
                "{flag} {format}"
            );
        }
    }
    let r = expect(stray(dir.path(), &["--format", "short", "-q", "."]), 1);
    assert_eq!(r.stderr, expected);
    let r = expect(
        stray(
            dir.path(),
            &["--format=short", "--color=always", "guard.rs"],
        ),
        1,
    );
    assert!(
        r.stderr
            .starts_with("guard.rs:4:13: \x1b[1;31merror[guard_dropped_immediately]\x1b[0m"),
        "{}",
        r.stderr
    );
}

#[test]
fn each_human_finding_says_where_to_read_more() {
    let dir = temp();
    write(dir.path(), "zombie.rs", ZOMBIE.as_bytes());
    write(
        dir.path(),
        "stray.toml",
        b"[[resources]]\ntype = \"Session\"\nconstructors = [\"Session::open\"]\ndischarge = [\"close\"]\nlint = \"session_not_closed\"\n",
    );
    write(
        dir.path(),
        "session.rs",
        b"pub fn f() {\n    let s = Session::open();\n}\n",
    );
    let r = expect(stray(dir.path(), &["."]), 0);
    let note = "  = note: for more, run `cargo stray --explain zombie_child` or see https://github.com/cargo-stray/cargo-stray/blob/main/lints/zombie_child.md";
    assert!(r.stderr.lines().any(|l| l == note), "{}", r.stderr);
    // A lint declared in settings has no published page; `--explain` knows it.
    let declared = "  = note: for more, run `cargo stray --explain session_not_closed`";
    assert!(r.stderr.lines().any(|l| l == declared), "{}", r.stderr);
}

#[test]
fn list_lints_as_json() {
    let dir = temp();
    let r = expect(stray(dir.path(), &["--list-lints", "--format", "json"]), 0);
    let listed: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    let listed = listed.as_array().expect("an array");
    assert_eq!(listed.len(), stray::lints::ALL.len());
    assert_eq!(
        listed[0],
        serde_json::json!({
            "name": "zombie_child",
            "family": "process",
            "default_level": "warn",
            "summary": stray::lints::ALL[0].summary,
            "url": "https://github.com/cargo-stray/cargo-stray/blob/main/lints/zombie_child.md",
        })
    );
    let r = expect(stray(dir.path(), &["--list-lints", "--format", "sarif"]), 2);
    assert!(
        r.stderr.contains("`--list-lints` prints a table or JSON"),
        "{}",
        r.stderr
    );
}

#[test]
fn summary_says_only_what_is_there() {
    let dir = temp();
    write(dir.path(), "guard.rs", GUARD.as_bytes());
    let r = expect(stray(dir.path(), &["."]), 1);
    assert_eq!(
        summary(&r),
        "1 finding (1 error, 0 warnings) in 1 file; 1 fixable with `--fix`"
    );
    // A file that cannot be parsed is skipped: counted as that, not as scanned (its
    // `file_not_analysed` finding is counted with the findings).
    write(
        dir.path(),
        "broken.rs",
        b"fn (\nuse std::process::Command;\n",
    );
    let r = expect(stray(dir.path(), &["."]), 1);
    assert_eq!(
        summary(&r),
        "2 findings (2 errors, 0 warnings) in 1 file; 1 file could not be analysed; 1 fixable with `--fix`"
    );
}

#[test]
fn help_shows_the_message_format_alias() {
    let r = expect(stray(&std::env::temp_dir(), &["--help"]), 0);
    assert!(
        r.stdout.contains("[alias: --message-format]"),
        "{}",
        r.stdout
    );
}

#[test]
fn human_format_is_drawn_as_rustc_draws() {
    let dir = temp();
    let text = "\
use std::process::Command;

pub fn start() {
    #[allow(unused_must_use)]
    let _ = Command::new(\"ls\").spawn();
}
";
    write(dir.path(), "overlap.rs", text.as_bytes());
    let r = expect(stray(dir.path(), &["overlap.rs"]), 0);
    // Two labels on one line, one inside the other, each on a row of its own; the
    // statement's label starts at `let`, not on the attribute's line.
    let expected = "\
warning[zombie_child]: spawned child process is dropped without being waited for: it stays a zombie when it exits
 --> overlap.rs:5:13
  |
5 |     let _ = Command::new(\"ls\").spawn();
  |     --------^^^^^^^^^^^^^^^^^^^^^^^^^^-
  |     |       |
  |     |       the child process is spawned here
  |     the child is dropped at the end of this statement
  |
  = help: bind the child and call `.wait()` on it, or run the command with `.status()` or `.output()`, which wait for it
  = note: for more, run `cargo stray --explain zombie_child` or see https://github.com/cargo-stray/cargo-stray/blob/main/lints/zombie_child.md

1 finding (0 errors, 1 warning) in 1 file
";
    assert_eq!(r.stderr, expected);
}
