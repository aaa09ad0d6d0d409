//! `--format cargo-json`, read the way editors read it: each stdout line must be one of
//! cargo's JSON messages (parsed with `cargo_metadata`, as rust-analyzer does), and every
//! span must point, by bytes and by line and character column, at the text it claims,
//! checked against the file's own bytes rather than against cargo-stray's line index.

mod common;

use std::path::Path;

use cargo_metadata::diagnostic::{Diagnostic, DiagnosticLevel, DiagnosticSpan};
use cargo_metadata::{CompilerMessage, Message, TargetKind};
use common::Run;
use tempfile::TempDir;

/// A package whose every file leaks one child process (`zombie_child`, a warning), in the
/// shapes spans can take: over several lines, after multi-byte characters on its line,
/// behind a byte-order mark, in a file with CRLF line ends; in the library, a binary and
/// an integration test; and a file that does not parse.
const PACKAGE: &[(&str, &[u8])] = &[
    (
        "Cargo.toml",
        b"[package]\nname = \"leaky\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    ),
    (
        "src/lib.rs",
        b"mod bom;\nmod crlf;\nmod unicode;\nuse std::process::Command;\n\n\
          pub fn fire() {\n    let _ = Command::new(\"ls\")\n        .arg(\"-l\")\n        .spawn();\n}\n",
    ),
    (
        "src/unicode.rs",
        "use std::process::Command;\n\npub fn greet() {\n    /* grüße 😀 */ let _ = Command::new(\"ls\").spawn();\n}\n"
            .as_bytes(),
    ),
    (
        "src/bom.rs",
        "\u{feff}use std::process::Command; pub fn b() { let _ = Command::new(\"ls\").spawn(); }\n"
            .as_bytes(),
    ),
    (
        "src/crlf.rs",
        b"use std::process::Command;\r\n\r\npub fn c() {\r\n    let _ = Command::new(\"ls\").spawn();\r\n}\r\n",
    ),
    (
        "src/broken.rs",
        b"fn (\nuse std::process::Command; // a tracked name, so that the pre-filter lets it through\n",
    ),
    (
        "src/bin/tool.rs",
        b"fn main() { let _ = std::process::Command::new(\"ls\").spawn(); }\n",
    ),
    (
        "tests/it.rs",
        b"#[test]\nfn t() { let _ = std::process::Command::new(\"ls\").spawn(); }\n",
    ),
];

/// Per file with a finding: the target it is reported under, and the primary span's text.
const EXPECTED: &[(&str, &str, TargetKind, &str)] = &[
    (
        "src/bin/tool.rs",
        "tool",
        TargetKind::Bin,
        "std::process::Command::new(\"ls\").spawn()",
    ),
    (
        "src/bom.rs",
        "leaky",
        TargetKind::Lib,
        "Command::new(\"ls\").spawn()",
    ),
    (
        "src/crlf.rs",
        "leaky",
        TargetKind::Lib,
        "Command::new(\"ls\").spawn()",
    ),
    (
        "src/lib.rs",
        "leaky",
        TargetKind::Lib,
        "Command::new(\"ls\")\n        .arg(\"-l\")\n        .spawn()",
    ),
    (
        "src/unicode.rs",
        "leaky",
        TargetKind::Lib,
        "Command::new(\"ls\").spawn()",
    ),
    (
        "tests/it.rs",
        "it",
        TargetKind::Test,
        "std::process::Command::new(\"ls\").spawn()",
    ),
];

fn tree(files: &[(&str, &[u8])]) -> TempDir {
    let dir = common::temp();
    for (path, contents) in files {
        common::write(dir.path(), path, contents);
    }
    dir
}

/// `cargo-stray --format cargo-json ARGS` in `dir`.
fn stray(dir: &Path, args: &[&str]) -> Run {
    let mut all = vec!["--format", "cargo-json"];
    all.extend_from_slice(args);
    common::stray(dir, &all)
}

/// Every line as a cargo message; a line that is JSON but no cargo message fails here.
fn messages(run: &Run) -> Vec<Message> {
    for line in run.stdout.lines() {
        if let Err(e) = serde_json::from_str::<serde_json::Value>(line) {
            panic!("not JSON ({e}): {line}\nstderr: {}", run.stderr);
        }
    }
    let messages: Vec<Message> = Message::parse_stream(run.stdout.as_bytes())
        .map(|m| m.expect("read stdout"))
        .collect();
    for m in &messages {
        if let Message::TextLine(line) = m {
            panic!("not a cargo message: {line}");
        }
    }
    messages
}

/// The last message is `build-finished`, its `success` the exit status's.
fn assert_finished(run: &Run, messages: &[Message]) {
    match messages.last() {
        Some(Message::BuildFinished(done)) => {
            assert_eq!(done.success, run.code == 0, "exit status {}", run.code)
        }
        other => panic!("the last message is not build-finished: {other:?}"),
    }
    let finished = messages
        .iter()
        .filter(|m| matches!(m, Message::BuildFinished(_)))
        .count();
    assert_eq!(finished, 1);
}

fn compiler_messages(messages: &[Message]) -> Vec<&CompilerMessage> {
    messages
        .iter()
        .filter_map(|m| match m {
            Message::CompilerMessage(c) => Some(c),
            _ => None,
        })
        .collect()
}

/// The 1-based line and character column of byte `offset`, from the bytes alone: a
/// byte-order mark is not a column.
fn position(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let prefix = std::str::from_utf8(&before[line_start..]).expect("offset on a char boundary");
    let prefix = prefix.strip_prefix('\u{feff}').unwrap_or(prefix);
    (line, prefix.chars().count() + 1)
}

/// The file's lines as rustc gives them: no line ends, no byte-order mark.
fn lines(bytes: &[u8]) -> Vec<String> {
    let text = std::str::from_utf8(bytes).expect("UTF-8 file");
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l).to_string())
        .collect()
}

/// Checks a span against the file it names (relative to `root`) and returns its text.
fn check_span(root: &Path, span: &DiagnosticSpan) -> String {
    let bytes = std::fs::read(root.join(&span.file_name))
        .unwrap_or_else(|e| panic!("{} does not resolve: {e}", span.file_name));
    let (start, end) = (span.byte_start as usize, span.byte_end as usize);
    let snippet = std::str::from_utf8(&bytes[start..end]).expect("span on char boundaries");
    assert_eq!(
        (span.line_start, span.column_start),
        position(&bytes, start),
        "start of {span:?}"
    );
    assert_eq!(
        (span.line_end, span.column_end),
        position(&bytes, end),
        "end of {span:?}"
    );
    let lines = lines(&bytes);
    let touched = &lines[span.line_start - 1..span.line_end];
    let texts: Vec<&str> = span.text.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts, touched, "{span:?}");
    let first = span.text.first().expect("a line");
    let last = span.text.last().expect("a line");
    assert_eq!(first.highlight_start, span.column_start);
    assert_eq!(last.highlight_end, span.column_end);
    assert!(span.suggested_replacement.is_none());
    assert!(span.expansion.is_none());
    snippet.to_string()
}

#[test]
fn findings_are_cargo_compiler_messages_that_point_at_their_bytes() {
    let dir = tree(PACKAGE);
    let root = dir.path();
    let run = stray(root, &[]);
    assert_eq!(run.code, 1, "`src/broken.rs` is denied\n{}", run.stderr);
    let messages = messages(&run);
    assert_finished(&run, &messages);
    let compiler = compiler_messages(&messages);
    assert_eq!(compiler.len(), EXPECTED.len() + 1, "{}", run.stdout);

    let metadata = cargo_metadata::MetadataCommand::new()
        .no_deps()
        .current_dir(root)
        .exec()
        .expect("cargo metadata");
    let package = &metadata.packages[0];

    let mut seen = Vec::new();
    for m in &compiler {
        assert_eq!(m.package_id, package.id);
        let d = &m.message;
        if d.code
            .as_ref()
            .is_some_and(|c| c.code == "stray::file_not_analysed")
        {
            // The file that does not parse: an error at the `(` it never closes.
            assert_eq!(d.level, DiagnosticLevel::Error);
            assert_eq!(check_span(root, &d.spans[0]), "(");
            assert!(d.message.contains("could not be parsed"), "{}", d.message);
            assert!(d.message.contains("unclosed delimiter"), "{}", d.message);
            continue;
        }
        let primary: Vec<&DiagnosticSpan> = d.spans.iter().filter(|s| s.is_primary).collect();
        assert_eq!(primary.len(), 1, "{d:?}");
        let file = primary[0].file_name.as_str();
        let Some((_, target, kind, text)) = EXPECTED.iter().find(|e| e.0 == file) else {
            panic!("unexpected file {file}");
        };
        seen.push(file.to_string());
        assert_eq!(m.target.name, *target, "{file}");
        assert!(m.target.kind.contains(kind), "{file}: {:?}", m.target.kind);
        assert_eq!(check_span(root, primary[0]), *text, "{file}");
        assert!(
            primary[0]
                .label
                .as_deref()
                .unwrap_or("")
                .contains("spawned")
        );
        for secondary in d.spans.iter().filter(|s| !s.is_primary) {
            assert_eq!(secondary.file_name, file);
            check_span(root, secondary);
            assert!(secondary.label.is_some());
        }

        assert_eq!(d.level, DiagnosticLevel::Warning);
        let code = d.code.as_ref().expect("a code");
        assert_eq!(code.code, "stray::zombie_child");
        assert!(code.explanation.is_none());
        assert!(d.message.contains("waited"), "{}", d.message);
        assert_eq!(d.children.len(), 1);
        let help = &d.children[0];
        assert_eq!(help.level, DiagnosticLevel::Help);
        assert!(help.spans.is_empty());
        assert!(help.message.contains(".wait()"), "{}", help.message);
        let rendered = d.rendered.as_deref().expect("rendered");
        assert!(
            rendered.starts_with("warning[zombie_child]: "),
            "{rendered}"
        );
        assert!(rendered.contains(&help.message));
        assert!(!rendered.contains('\x1b'), "{rendered:?}");
    }
    seen.sort();
    let expected: Vec<&str> = EXPECTED.iter().map(|e| e.0).collect();
    assert_eq!(seen, expected);
}

/// Columns count characters and bytes count bytes: on a line with `ü`, `ß` (two bytes
/// each) and `😀` (four) before the span, they part ways, as in rustc.
#[test]
fn columns_are_characters_and_offsets_are_file_bytes() {
    let dir = tree(PACKAGE);
    let run = stray(dir.path(), &[]);
    let messages = messages(&run);
    let spans: Vec<&DiagnosticSpan> = compiler_messages(&messages)
        .into_iter()
        .flat_map(|m| &m.message.spans)
        .filter(|s| s.is_primary)
        .collect();
    let find = |file: &str| {
        *spans
            .iter()
            .find(|s| s.file_name == file)
            .unwrap_or_else(|| panic!("no finding in {file}"))
    };

    let unicode = find("src/unicode.rs");
    let line = "    /* grüße 😀 */ let _ = ";
    assert_eq!(unicode.line_start, 4);
    assert_eq!(unicode.column_start, line.chars().count() + 1);
    let line_offset = "use std::process::Command;\n\npub fn greet() {\n".len();
    assert_eq!(unicode.byte_start as usize, line_offset + line.len());
    assert_ne!(unicode.column_start, line.len() + 1);

    // The mark is three bytes of the file and no column.
    let bom = find("src/bom.rs");
    let before = "use std::process::Command; pub fn b() { let _ = ";
    assert_eq!(bom.byte_start as usize, 3 + before.len());
    assert_eq!((bom.line_start, bom.column_start), (1, before.len() + 1));
    assert!(!bom.text[0].text.starts_with('\u{feff}'));

    // CRLF: the `\r`s count as bytes, and are not part of the line text.
    let crlf = find("src/crlf.rs");
    let before = "use std::process::Command;\r\n\r\npub fn c() {\r\n    let _ = ";
    assert_eq!(crlf.byte_start as usize, before.len());
    assert_eq!((crlf.line_start, crlf.column_start), (4, 13));

    // A span over three lines highlights the rest of the first, all of the middle one and
    // the start of the last.
    let multi = find("src/lib.rs");
    let highlights: Vec<(usize, usize)> = multi
        .text
        .iter()
        .map(|l| (l.highlight_start, l.highlight_end))
        .collect();
    assert_eq!(highlights, [(13, 31), (1, 19), (1, 17)]);
}

/// Like cargo's, file names start at the workspace root wherever the command runs, so
/// rust-analyzer (which joins them to the root) finds the files.
#[test]
fn file_names_are_relative_to_the_workspace_root() {
    let dir = tree(PACKAGE);
    // Sorted: findings come in the order of the paths as shown, which start at the cwd.
    let file_names = |run: &Run| -> Vec<String> {
        let mut names: Vec<String> = compiler_messages(&messages(run))
            .into_iter()
            .flat_map(|m| &m.message.spans)
            .map(|s| s.file_name.clone())
            .collect();
        names.sort();
        names
    };
    let from_root = file_names(&stray(dir.path(), &[]));
    assert!(from_root.contains(&"src/bin/tool.rs".to_string()));
    let from_below = file_names(&stray(&dir.path().join("src/bin"), &[]));
    assert_eq!(from_below, from_root);

    // A file named on the command line still belongs to its package and target.
    let run = stray(&dir.path().join("src"), &["unicode.rs"]);
    let messages = messages(&run);
    let compiler = compiler_messages(&messages);
    assert_eq!(compiler.len(), 1, "{}", run.stdout);
    assert_eq!(compiler[0].target.name, "leaky");
    assert_eq!(compiler[0].message.spans[0].file_name, "src/unicode.rs");
}

#[test]
fn build_finished_follows_the_exit_status() {
    // Without the broken file, which `file_not_analysed` denies whatever the other levels.
    let parsed: Vec<(&str, &[u8])> = PACKAGE
        .iter()
        .copied()
        .filter(|(path, _)| *path != "src/broken.rs")
        .collect();
    let dir = tree(&parsed);
    for (args, code) in [
        (&[][..], 0),
        (&["--deny-warnings"][..], 1),
        (&["-D", "zombie_child"][..], 1),
        (&["-A", "zombie_child"][..], 0),
    ] {
        let run = stray(dir.path(), args);
        assert_eq!(run.code, code, "{args:?}\n{}", run.stderr);
        let messages = messages(&run);
        assert_finished(&run, &messages);
        let levels: Vec<DiagnosticLevel> = compiler_messages(&messages)
            .iter()
            .filter(|m| m.message.code.is_some())
            .map(|m| m.message.level)
            .collect();
        match args {
            ["-D", _] => assert!(levels.iter().all(|l| *l == DiagnosticLevel::Error)),
            ["-A", _] => assert!(levels.is_empty()),
            _ => assert!(levels.iter().all(|l| *l == DiagnosticLevel::Warning)),
        }
    }

    let clean = tree(&[
        PACKAGE[0],
        ("src/lib.rs", b"pub fn f() -> u8 {\n    1\n}\n"),
    ]);
    let run = stray(clean.path(), &[]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        "{\"reason\":\"build-finished\",\"success\":true}\n"
    );
}

/// A file in no package has no package id or target to give: it gets the diagnostic
/// rustc itself would print, which rust-analyzer reads too, rather than made-up ones.
#[test]
fn files_outside_any_package_are_bare_rustc_diagnostics() {
    let dir = tree(&[
        ("leak.rs", PACKAGE[2].1),
        (
            "broken.rs",
            b"fn (\nuse std::process::Command; // a tracked name, so that the pre-filter lets it through\n",
        ),
    ]);
    let run = stray(dir.path(), &["leak.rs", "broken.rs"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", run.stdout);
    let (last, diagnostics) = lines.split_last().expect("lines");
    assert_eq!(*last, "{\"reason\":\"build-finished\",\"success\":false}");
    let parsed: Vec<Diagnostic> = diagnostics
        .iter()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    for line in diagnostics {
        let value: serde_json::Value = serde_json::from_str(line).expect("JSON");
        assert_eq!(value["$message_type"], "diagnostic");
        assert!(value.get("reason").is_none());
    }
    let code = |d: &&Diagnostic| d.code.as_ref().map(|c| c.code.clone());
    let leak = parsed
        .iter()
        .find(|d| code(d).as_deref() == Some("stray::zombie_child"))
        .expect("the leak");
    assert_eq!(
        leak.code.as_ref().map(|c| c.code.as_str()),
        Some("stray::zombie_child")
    );
    assert_eq!(
        check_span(dir.path(), &leak.spans[0]),
        "Command::new(\"ls\").spawn()"
    );
    let broken = parsed
        .iter()
        .find(|d| code(d).as_deref() == Some("stray::file_not_analysed"))
        .expect("the broken file");
    // The first `(`, never closed.
    assert_eq!(check_span(dir.path(), &broken.spans[0]), "(");
    assert!(
        broken.message.contains("unclosed delimiter"),
        "{}",
        broken.message
    );
}

#[test]
fn fixes_are_rustc_suggestions() {
    let guard = b"use tokio_util::sync::CancellationToken;\n\npub fn serve(token: CancellationToken) {\n    let _ = token.drop_guard();\n}\n";
    let dir = tree(&[
        (
            "Cargo.toml",
            b"[package]\nname = \"guarded\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
        ),
        ("src/lib.rs", guard),
    ]);
    let run = stray(dir.path(), &[]);
    let messages = messages(&run);
    let compiler = compiler_messages(&messages);
    assert_eq!(compiler.len(), 1, "{}", run.stdout);
    let d = &compiler[0].message;
    let suggestion = d
        .children
        .iter()
        .find(|c| c.spans.iter().any(|s| s.suggested_replacement.is_some()))
        .unwrap_or_else(|| panic!("no suggestion: {:#?}", d.children));
    assert_eq!(suggestion.level, DiagnosticLevel::Help);
    assert!(
        suggestion.message.contains("`_guard`"),
        "{}",
        suggestion.message
    );
    let span = &suggestion.spans[0];
    assert_eq!(span.suggested_replacement.as_deref(), Some("_guard"));
    assert_eq!(
        span.suggestion_applicability,
        Some(cargo_metadata::diagnostic::Applicability::MachineApplicable)
    );
    // The bytes it replaces are the `_` of `let _`.
    assert_eq!(
        &guard[span.byte_start as usize..span.byte_end as usize],
        b"_"
    );
    assert_eq!((span.line_start, span.column_start), (4, 9));
}
