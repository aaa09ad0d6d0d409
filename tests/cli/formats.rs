//! The output formats: human, short, JSON, GitHub annotations, SARIF, cargo-json, as a
//! user reads them (part of `tests/cli.rs`, which holds the shared helpers).

use super::*;
// =======================================================================================
// 4. Output formats
// =======================================================================================

#[test]
fn human_format_goes_to_stderr() {
    let dir = tree(&[
        ("finding.rs", FINDING.as_bytes()),
        ("broken.rs", BROKEN.as_bytes()),
    ]);
    let r = stray_run(dir.path(), &["."]).expect(1);
    assert!(r.stdout.is_empty(), "{r}");
    let lines: Vec<&str> = r.stderr.lines().collect();
    // Findings come in file order: the broken file's first.
    assert_eq!(
        lines[0],
        "error[file_not_analysed]: this file could not be parsed, so none of its code was checked: unclosed delimiter: the `(` opened here is never closed",
        "{r}"
    );
    assert!(lines[1].contains("--> broken.rs:1:4"), "{r}");
    let at = lines
        .iter()
        .position(|l| l.starts_with("error[guard_dropped_immediately]"))
        .unwrap_or_else(|| panic!("no guard finding: {r}"));
    assert_eq!(
        lines[at],
        "error[guard_dropped_immediately]: `DropGuard` is dropped immediately: the token is cancelled at once",
        "{r}"
    );
    assert!(lines[at + 1].contains("--> finding.rs:4:13"), "{r}");
    // The source line, with its labels.
    assert!(r.stderr.contains("let _ = token.drop_guard();"), "{r}");
    assert!(r.stderr.contains("is created here"), "{r}");
    assert!(r.stderr.contains("does not bind"), "{r}");
    assert!(
        lines
            .iter()
            .any(|l| l.trim_start().starts_with("= help: ") && l.contains("let _guard")),
        "{r}"
    );
    assert_eq!(
        r.summary(),
        "2 findings (2 errors, 0 warnings) in 1 file; 1 file could not be analysed; 1 fixable with `--fix`"
    );
    assert!(!has_ansi(&r.stderr), "{r}");

    // Plurals and warnings in the summary.
    write(&dir.path().join("second.rs"), FINDING.as_bytes());
    let r = stray_run(dir.path(), &["-W", LINT, "-W", "file_not_analysed", "."]).expect(0);
    assert!(r.stderr.starts_with("warning[file_not_analysed]: "));
    assert_eq!(
        r.summary(),
        "3 findings (0 errors, 3 warnings) in 2 files; 1 file could not be analysed; 2 fixable with `--fix`"
    );
}

#[test]
fn human_columns_count_characters() {
    // Three two-byte characters before the guard: column 57, byte column 60.
    let line = "fn f(token: CancellationToken) { let s = \"ééé\"; let _ = token.drop_guard(); }";
    let text = format!("use tokio_util::sync::CancellationToken;\n{line}\n");
    let dir = tree(&[("wide.rs", text.as_bytes())]);
    let column = line.find("token.drop_guard").unwrap() - 3 + 1;
    assert_eq!(column, 57);
    let json = stray_run(dir.path(), &["--format", "json", "wide.rs"]).expect(1);
    assert_eq!(json.json()["findings"][0]["start"]["column"], column);
    let human = stray_run(dir.path(), &["wide.rs"]).expect(1);
    assert!(
        human.stderr.contains(&format!("--> wide.rs:2:{column}")),
        "{human}"
    );
}

#[test]
fn json_format() {
    let dir = tree(&[
        ("finding.rs", FINDING.as_bytes()),
        ("broken.rs", BROKEN.as_bytes()),
    ]);
    let r = stray_run(dir.path(), &["--format", "json", "."]).expect(1);
    assert!(r.stderr.is_empty(), "{r}");
    let doc = r.json();
    assert_eq!(doc["schema_version"], stray::report::json::SCHEMA_VERSION);
    assert_eq!(doc["tool"]["name"], "cargo-stray");
    assert_eq!(doc["tool"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(
        doc["summary"],
        serde_json::json!({
            "findings": 2,
            "errors": 2,
            "warnings": 0,
            "files_scanned": 1,
            "files_skipped": 1,
            "suppressed": 0,
            "baselined": 0,
        })
    );

    let findings = doc["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 2);
    // The file that does not parse is a finding too, first in file order.
    assert_eq!(findings[0]["lint"], "file_not_analysed");
    assert_eq!(findings[0]["file"], "broken.rs");
    let f = &findings[1];
    assert_eq!(f["lint"], LINT);
    assert_eq!(f["family"], "cancel");
    assert_eq!(f["level"], "error");
    assert_eq!(
        f["message"],
        "`DropGuard` is dropped immediately: the token is cancelled at once"
    );
    assert_eq!(f["file"], "finding.rs");
    assert_eq!(f["start"], serde_json::json!({"line": 4, "column": 13}));
    assert_eq!(f["end"], serde_json::json!({"line": 4, "column": 31}));
    let byte = |v: &Value| v.as_u64().unwrap() as usize;
    let span = |v: &Value| &FINDING[byte(&v["byte_start"])..byte(&v["byte_end"])];
    assert_eq!(span(f), "token.drop_guard()");

    let labels = f["labels"].as_array().unwrap();
    assert_eq!(labels.len(), 2, "{f:#}");
    assert_eq!(labels[0]["primary"], true);
    assert_eq!(labels[0]["start"], f["start"]);
    assert_eq!(labels[0]["end"], f["end"]);
    assert_eq!(span(&labels[0]), "token.drop_guard()");
    assert!(
        labels[0]["message"]
            .as_str()
            .unwrap()
            .contains("created here")
    );
    assert_eq!(labels[1]["primary"], false);
    assert_eq!(span(&labels[1]), "_");
    assert_eq!(
        labels[1]["start"],
        serde_json::json!({"line": 4, "column": 9})
    );
    assert!(
        labels[1]["message"]
            .as_str()
            .unwrap()
            .contains("does not bind")
    );

    assert!(f["help"].as_str().unwrap().contains("let _guard"), "{f:#}");
    let fingerprint = f["fingerprint"].as_str().unwrap();
    assert_eq!(fingerprint.len(), 16, "{fingerprint}");
    assert!(fingerprint.chars().all(|c| c.is_ascii_hexdigit()));

    assert_eq!(
        doc["skipped_files"],
        serde_json::json!([{
            "file": "broken.rs",
            "kind": "parse_error",
            "message": "unclosed delimiter: the `(` opened here is never closed",
            "line": 1,
            "column": 4,
        }])
    );

    // The fingerprint does not depend on where the file's code sits.
    write(
        &dir.path().join("finding.rs"),
        format!("\n\n// moved down\n{FINDING}").as_bytes(),
    );
    let moved = stray_run(dir.path(), &["--format", "json", "finding.rs"])
        .expect(1)
        .json();
    assert_eq!(moved["findings"][0]["start"]["line"], 7);
    assert_eq!(moved["findings"][0]["fingerprint"], fingerprint);
}

#[test]
fn github_format() {
    let dir = tree(&[
        ("src/finding.rs", FINDING.as_bytes()),
        ("src/broken.rs", BROKEN.as_bytes()),
    ]);
    let r = stray_run(dir.path(), &["--format", "github", "src"]).expect(1);
    assert!(r.stderr.is_empty(), "{r}");
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{r}");
    // The file that does not parse is an error of its own, at the `(` never closed.
    assert!(
        lines[0].starts_with(
            "::error file=src/broken.rs,line=1,col=4,endLine=1,endColumn=5,title=cargo-stray%3A file_not_analysed::this file could not be parsed"
        ),
        "{r}"
    );
    let prefix = "::error file=src/finding.rs,line=4,col=13,endLine=4,endColumn=31,\
                  title=cargo-stray%3A guard_dropped_immediately::";
    assert!(lines[1].starts_with(prefix), "{r}");
    let message = &lines[1][prefix.len()..];
    assert!(
        message.starts_with("`DropGuard` is dropped immediately"),
        "{r}"
    );
    // The help follows on a new line, escaped as the runner wants.
    assert!(message.contains("%0Ahelp: "), "{r}");

    // A warning-level finding is a ::warning.
    let r = stray_run(
        dir.path(),
        &["--format", "github", "-W", LINT, "src/finding.rs"],
    )
    .expect(0);
    assert!(
        r.stdout
            .starts_with("::warning file=src/finding.rs,line=4,"),
        "{r}"
    );
}

#[test]
fn sarif_format_is_sarif_2_1_0() {
    let dir = tree(&[("finding.rs", FINDING.as_bytes())]);
    let r = stray_run(dir.path(), &["--format", "sarif", "finding.rs"]).expect(1);
    let doc = r.json();
    assert_eq!(doc["version"], "2.1.0", "{r}");
    assert!(doc["runs"].is_array(), "{r}");
}

#[test]
fn message_format_is_an_alias_of_format() {
    let dir = tree(&[("finding.rs", FINDING.as_bytes())]);
    let format = stray_run(dir.path(), &["--format", "json", "finding.rs"]).expect(1);
    let alias = stray_run(dir.path(), &["--message-format", "json", "finding.rs"]).expect(1);
    assert_eq!(alias.stdout, format.stdout);
    let alias = stray_run(dir.path(), &["--message-format=github", "finding.rs"]).expect(1);
    assert!(alias.stdout.starts_with("::error "), "{alias}");

    let bad = stray_run(dir.path(), &["--format", "xml", "finding.rs"]).expect(2);
    assert!(bad.stderr.contains("xml"), "{bad}");
}

#[test]
fn output_writes_the_report_to_a_file() {
    let dir = tree(&[("finding.rs", FINDING.as_bytes())]);
    let out = temp();
    for (format, name) in [("json", "report.json"), ("human", "report.txt")] {
        let path = out.path().join(name);
        let r = stray_run(
            dir.path(),
            &[
                "--format",
                format,
                "--output",
                path.to_str().unwrap(),
                "finding.rs",
            ],
        )
        .expect(1);
        assert!(r.stdout.is_empty(), "{format}: {r}");
        assert!(r.stderr.is_empty(), "{format}: {r}");
        let written = std::fs::read_to_string(&path).unwrap();
        let direct = stray_run(dir.path(), &["--format", format, "finding.rs"]);
        match format {
            "json" => assert_eq!(written, direct.stdout),
            _ => {
                assert_eq!(written, direct.stderr);
                assert!(!has_ansi(&written));
            }
        }
    }

    // `-o` too, relative to the current directory.
    let file = dir.path().join("finding.rs");
    stray_run(
        out.path(),
        &[
            "-o",
            "short.json",
            "--format",
            "json",
            file.to_str().unwrap(),
        ],
    )
    .expect(1);
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(out.path().join("short.json")).unwrap())
            .unwrap();
    assert_eq!(written["summary"]["findings"], 1);

    // A file that cannot be written: exit 2, naming it.
    let r = stray_run(dir.path(), &["-o", "no/such/dir/r.json", "finding.rs"]).expect(2);
    assert!(r.stderr.contains("no/such/dir/r.json"), "{r}");
}

#[test]
fn quiet_drops_the_summary() {
    let dir = tree(&[
        ("finding.rs", FINDING.as_bytes()),
        ("clean.rs", CLEAN.as_bytes()),
    ]);
    let r = stray_run(dir.path(), &["-q", "finding.rs"]).expect(1);
    assert!(r.stderr.starts_with(HEADLINE), "{r}");
    assert!(!r.stderr.contains("could not be analysed"), "{r}");
    let r = stray_run(dir.path(), &["--quiet", "clean.rs"]).expect(0);
    assert_eq!(r.stderr, "", "{r}");
    let r = stray_run(dir.path(), &["clean.rs"]).expect(0);
    assert_eq!(r.stderr, "0 findings (0 errors, 0 warnings) in 1 file\n");
}

#[test]
fn color_follows_flag_and_environment() {
    let dir = tree(&[("finding.rs", FINDING.as_bytes())]);
    let with = |args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = stray(dir.path());
        cmd.args(args).arg("finding.rs");
        for (k, v) in env {
            cmd.env(k, v);
        }
        run(&mut cmd).expect(1)
    };
    let always = with(&["--color", "always"], &[]);
    assert!(has_ansi(&always.stderr), "{always}");
    assert!(
        always
            .stderr
            .starts_with("\x1b[1;31merror[guard_dropped_immediately]\x1b[0m"),
        "{always}"
    );
    // Colored or not, the same words.
    let never = with(&["--color", "never"], &[]);
    assert!(!has_ansi(&never.stderr), "{never}");
    assert_eq!(strip_ansi(&always.stderr), never.stderr);

    // Not a terminal: auto means no color.
    assert!(!has_ansi(&with(&[], &[]).stderr));
    assert!(!has_ansi(&with(&["--color", "auto"], &[]).stderr));
    assert!(!has_ansi(&with(&[], &[("NO_COLOR", "1")]).stderr));

    // CARGO_TERM_COLOR, as cargo sets it; the flag wins over it.
    assert!(has_ansi(
        &with(&[], &[("CARGO_TERM_COLOR", "always")]).stderr
    ));
    assert!(!has_ansi(
        &with(&[], &[("CARGO_TERM_COLOR", "never")]).stderr
    ));
    assert!(!has_ansi(
        &with(&["--color", "never"], &[("CARGO_TERM_COLOR", "always")]).stderr
    ));
    assert!(has_ansi(
        &with(&["--color", "always"], &[("NO_COLOR", "1")]).stderr
    ));

    // Machine formats never carry escapes.
    let json = with(&["--color", "always", "--format", "json"], &[]);
    assert!(!has_ansi(&json.stdout), "{json}");
    json.json();
    let github = with(&["--color", "always", "--format", "github"], &[]);
    assert!(!has_ansi(&github.stdout), "{github}");
}

/// On a terminal, auto colors unless NO_COLOR is set: checked through `script`, which
/// gives the command a pseudo-terminal (util-linux).
#[cfg(target_os = "linux")]
#[test]
fn auto_color_on_a_terminal_respects_no_color() {
    let dir = tree(&[("finding.rs", FINDING.as_bytes())]);
    let on_terminal = |no_color: bool| {
        let mut cmd = Command::new("script");
        cmd.current_dir(dir.path())
            .env_remove("CARGO_TERM_COLOR")
            .env_remove("NO_COLOR")
            .args(["-q", "-e", "-c"])
            .arg(format!("'{BIN}' finding.rs"))
            .arg("/dev/null");
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        cmd.output().ok()
    };
    let Some(colored) = on_terminal(false) else {
        eprintln!("skipped: `script` is not available to provide a terminal");
        return;
    };
    let colored = String::from_utf8_lossy(&colored.stdout).into_owned();
    if !colored.contains(LINT) {
        eprintln!("skipped: `script` did not run the command: {colored}");
        return;
    }
    assert!(has_ansi(&colored), "{colored}");
    let plain = on_terminal(true).unwrap();
    let plain = String::from_utf8_lossy(&plain.stdout).into_owned();
    assert!(plain.contains(LINT), "{plain}");
    assert!(!has_ansi(&plain), "{plain}");
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // CSI: ESC [ parameters final-byte
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}
