//! Bad input never crashes: files that cannot be read, decoded or parsed, nesting deep
//! enough to overflow a stack, symbolic link loops; each is reported and the scan goes on
//! (part of `tests/cli.rs`, which holds the shared helpers).

use super::*;
// =======================================================================================
// 6. Bad input never crashes
// =======================================================================================

#[test]
fn broken_file_is_skipped_and_the_rest_still_scanned() {
    let dir = tree(&[
        ("src/a_good.rs", FINDING.as_bytes()),
        ("src/broken.rs", BROKEN.as_bytes()),
        (
            "src/bad_syntax.rs",
            b"fn ok() {}\nfn f() { let = 1; }\nuse std::process::Command;\n",
        ),
        ("src/z_good.rs", FINDING.as_bytes()),
    ]);
    let before = snapshot(dir.path());
    let r = stray_run(dir.path(), &["src"]).expect(1);
    // Each skipped file is a `file_not_analysed` error that says, in the user's terms,
    // what is wrong and where.
    assert!(
        r.stderr.contains(
            "error[file_not_analysed]: this file could not be parsed, so none of its code was checked: unclosed delimiter: the `(` opened here is never closed\n --> src/broken.rs:1:4"
        ),
        "{r}"
    );
    assert!(
        r.stderr.contains(
            "error[file_not_analysed]: this file could not be parsed, so none of its code was checked: syntax error: expected one of"
        ) && r.stderr.contains("--> src/bad_syntax.rs:2:14"),
        "{r}"
    );
    assert!(r.stderr.contains("--> src/a_good.rs:4:13"), "{r}");
    assert!(r.stderr.contains("--> src/z_good.rs:4:13"), "{r}");
    assert_eq!(
        r.summary(),
        "4 findings (4 errors, 0 warnings) in 2 files; 2 files could not be analysed; 2 fixable with `--fix`"
    );
    // Lowered, they are warnings: the run passes on the others' account alone.
    let lowered = stray_run(dir.path(), &["-W", "file_not_analysed", "src/broken.rs"]);
    assert_eq!(lowered.status.code(), Some(0), "{lowered}");
    assert!(
        lowered.stderr.contains("warning[file_not_analysed]"),
        "{lowered}"
    );
    let doc = stray_run(dir.path(), &["--format", "json", "src"])
        .expect(1)
        .json();
    assert_eq!(
        skipped(&doc),
        [
            ("src/bad_syntax.rs".into(), "parse_error".into()),
            ("src/broken.rs".into(), "parse_error".into()),
        ]
    );
    assert_eq!(snapshot(dir.path()), before, "the scan changed the files");
}

#[test]
fn non_utf8_file_is_skipped_with_its_position() {
    let dir = tree(&[
        ("latin1.rs", b"fn ok() {}\n// caf\xff\xfe\nuse std::process::Command; // a tracked name, so that the pre-filter lets it through\n"),
        ("bytes.rs", b"\xff\xfe std::process::Command"),
        ("good.rs", FINDING.as_bytes()),
    ]);
    let r = stray_run(dir.path(), &["."]).expect(1);
    for (file, at) in [("latin1.rs", "2:7"), ("bytes.rs", "1:1")] {
        assert!(
            r.stderr.contains(&format!(
                "error[file_not_analysed]: this file is not UTF-8, so none of its code was checked: file is not valid UTF-8 (invalid byte at offset {})\n --> {file}:{at}\n",
                if file == "bytes.rs" { 0 } else { 17 }
            )),
            "{r}"
        );
    }
    assert!(r.stderr.contains("--> good.rs:4:13"), "{r}");
    assert_eq!(
        r.summary(),
        "3 findings (3 errors, 0 warnings) in 1 file; 2 files could not be analysed; 1 fixable with `--fix`"
    );
    let doc = stray_run(dir.path(), &["--format", "json", "."])
        .expect(1)
        .json();
    let entry = doc["skipped_files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["file"] == "latin1.rs")
        .unwrap()
        .clone();
    assert_eq!(entry["kind"], "not_utf8");
    assert_eq!(
        (entry["line"].clone(), entry["column"].clone()),
        (2.into(), 7.into())
    );
}

#[test]
fn byte_order_mark_does_not_shift_findings() {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(FINDING.as_bytes());
    let dir = tree(&[("bom.rs", &bytes)]);
    let r = stray_run(dir.path(), &["--format", "json", "bom.rs"]).expect(1);
    let doc = r.json();
    assert_eq!(count(&doc, "files_skipped"), 0, "{r}");
    let f = &doc["findings"][0];
    assert_eq!(f["start"], serde_json::json!({"line": 4, "column": 13}));
    assert_eq!(f["end"], serde_json::json!({"line": 4, "column": 31}));
    // Byte offsets are offsets in the file, mark included.
    let start = f["byte_start"].as_u64().unwrap() as usize;
    let end = f["byte_end"].as_u64().unwrap() as usize;
    assert_eq!(&bytes[start..end], b"token.drop_guard()");
    let human = stray_run(dir.path(), &["bom.rs"]).expect(1);
    assert!(human.stderr.contains("--> bom.rs:4:13"), "{human}");
    let github = stray_run(dir.path(), &["--format", "github", "bom.rs"]).expect(1);
    assert!(
        github
            .stdout
            .starts_with("::error file=bom.rs,line=4,col=13,endLine=4,endColumn=31,"),
        "{github}"
    );
}

/// On the first line, the mark is not a column either (rustc and editors do not count it).
#[test]
fn byte_order_mark_is_not_a_column_on_the_first_line() {
    let line = "use tokio_util::sync::CancellationToken; fn f(token: CancellationToken) { let _ = token.drop_guard(); }";
    let dir = tree(&[("bom1.rs", format!("\u{feff}{line}\n").as_bytes())]);
    let column = line.find("token.drop_guard").unwrap() + 1;
    let doc = stray_run(dir.path(), &["--format", "json", "bom1.rs"])
        .expect(1)
        .json();
    assert_eq!(doc["findings"][0]["start"]["column"], column);
    let human = stray_run(dir.path(), &["bom1.rs"]).expect(1);
    assert!(
        human.stderr.contains(&format!("--> bom1.rs:1:{column}")),
        "{human}"
    );
}

/// `fn f() { let x = ((( ... 1 ... ))); }`, `depth` parentheses deep, then a finding.
fn nested(depth: usize) -> String {
    format!(
        "use tokio_util::sync::CancellationToken;\n\
         fn f(token: CancellationToken) {{\n    let x = {}1{};\n    let _ = token.drop_guard();\n}}\n",
        "(".repeat(depth),
        ")".repeat(depth)
    )
}

#[test]
fn deeply_nested_expression_is_skipped_without_crashing() {
    let dir = tree(&[
        ("deep.rs", nested(5000).as_bytes()),
        ("good.rs", FINDING.as_bytes()),
    ]);
    let r = stray_run(dir.path(), &["."]);
    let code = r.code();
    assert!(code != 101 && code != 134, "crashed: {r}");
    assert_eq!(code, 1, "{r}");
    let headline = r
        .stderr
        .lines()
        .find(|l| l.starts_with("error[file_not_analysed]: this file nests too deeply"))
        .unwrap_or_else(|| panic!("deep.rs is not reported as skipped: {r}"));
    assert!(headline.contains("nest more than"), "{headline}");
    assert!(r.stderr.contains("--> deep.rs:3:"), "{r}");
    assert!(r.stderr.contains("--> good.rs:4:13"), "{r}");
    assert_eq!(
        r.summary(),
        "2 findings (2 errors, 0 warnings) in 1 file; 1 file could not be analysed; 1 fixable with `--fix`"
    );
    let doc = stray_run(dir.path(), &["--format", "json", "deep.rs"])
        .expect(1)
        .json();
    assert_eq!(skipped(&doc), [("deep.rs".into(), "too_deep".into())]);
}

#[test]
fn deep_but_legal_expression_is_analysed() {
    let dir = tree(&[("deep200.rs", nested(200).as_bytes())]);
    let r = stray_run(dir.path(), &["--format", "json", "deep200.rs"]).expect(1);
    let doc = r.json();
    assert_eq!(count(&doc, "files_skipped"), 0, "{r}");
    assert_eq!(doc["findings"][0]["start"]["line"], 4, "{r}");
}

/// Files the parser takes but that are very long chains: a binary operator chain and a
/// method-call chain of 20,000 links each, with a finding after them. They must be
/// analysed, or at worst skipped with a diagnostic; never crash the process.
#[test]
fn long_chains_do_not_crash() {
    let binary = format!(
        "use tokio_util::sync::CancellationToken;\n\
         fn f(token: CancellationToken) {{\n    let x = {};\n    let _ = token.drop_guard();\n}}\n",
        vec!["1"; 20_000].join(" + ")
    );
    let calls = format!(
        "use tokio_util::sync::CancellationToken;\n\
         fn f(token: CancellationToken) {{\n    let x = a{};\n    let _ = token.drop_guard();\n}}\n",
        ".m()".repeat(20_000)
    );
    let dir = tree(&[
        ("binary.rs", binary.as_bytes()),
        ("calls.rs", calls.as_bytes()),
    ]);
    for (file, jobs, files) in [("binary.rs", "1", 1), ("calls.rs", "1", 1), (".", "2", 2)] {
        let r = stray_run(dir.path(), &["--format", "json", "-j", jobs, file]);
        let code = r.code();
        assert!(code == 0 || code == 1, "{file}: {r}");
        let doc = r.json();
        for entry in doc["skipped_files"].as_array().unwrap() {
            assert_ne!(entry["kind"], "internal_error", "{file}: {r}");
        }
        // Every file is either analysed (its finding reported) or skipped (its
        // `file_not_analysed` finding reported), not both.
        assert_eq!(
            count(&doc, "findings"),
            count(&doc, "files_scanned") + count(&doc, "files_skipped"),
            "{file}: {r}"
        );
        assert_eq!(
            count(&doc, "files_scanned") + count(&doc, "files_skipped"),
            files,
            "{file}: {r}"
        );
    }
}

/// Nesting without delimiters: prefix operators, closures, `return`s, assignments, nested
/// generics and reference types, ranges, `if`/`match`/`while`/`for` in the condition of
/// another, `@` bindings, and longer call chains. The delimiter count that guards the
/// parser does not see these, and each of them overflows the stack (the process aborts
/// with SIGABRT) in the parser (`syn::expr::parsing::unary_expr`, `syn::ty::parsing`,
/// `syn::pat::parsing`) or in `stray::syntax::types::Typer::infer`. Each file is a few
/// hundred kilobytes at most.
#[test]
fn nesting_without_delimiters_does_not_crash() {
    let body = |expr: String| format!("fn f() {{ let x = {expr}; }}\n");
    let shapes = [
        ("not.rs", body(format!("{}true", "!".repeat(20_000)))),
        ("neg.rs", body(format!("{}1", "-".repeat(20_000)))),
        ("refs.rs", body(format!("{}x", "&".repeat(100_000)))),
        ("closures.rs", body(format!("{}1", "|| ".repeat(5_000)))),
        ("calls.rs", body(format!("a{}", ".m()".repeat(50_000)))),
        ("fields.rs", body(format!("a{}", ".b".repeat(50_000)))),
        ("binary.rs", body(vec!["1"; 300_000].join(" + "))),
        (
            "returns.rs",
            format!("fn f() {{ {}1; }}\n", "return ".repeat(20_000)),
        ),
        (
            "assign.rs",
            format!("fn f() {{ {}1; }}\n", "a = ".repeat(20_000)),
        ),
        (
            "generics.rs",
            format!("type T = {}u8{};\n", "A<".repeat(5_000), ">".repeat(5_000)),
        ),
        (
            "ref_types.rs",
            format!("type T = {}u8;\n", "&".repeat(5_000)),
        ),
        ("ranges.rs", body(format!("{}0", ".. ".repeat(20_000)))),
        (
            "ifs.rs",
            body(format!(
                "{}c{}",
                "if ".repeat(20_000),
                " {} else {}".repeat(20_000)
            )),
        ),
        (
            "matches.rs",
            body(format!(
                "{}c{}",
                "match ".repeat(20_000),
                " {}".repeat(20_000)
            )),
        ),
        (
            "whiles.rs",
            body(format!(
                "{}c{}",
                "while ".repeat(20_000),
                " {}".repeat(20_000)
            )),
        ),
        (
            "fors.rs",
            body(format!(
                "{}c{}",
                "for x in ".repeat(20_000),
                " {}".repeat(20_000)
            )),
        ),
        (
            "bindings.rs",
            format!("fn f() {{ let {}b = 1; }}\n", "a @ ".repeat(100_000)),
        ),
        // Inside the macros whose bodies the analysis parses and follows.
        (
            "select_chain.rs",
            format!(
                "use tokio_util::sync::CancellationToken;\n\
                 async fn f(t: CancellationToken) {{ tokio::select! {{ _ = t{} => {{}} }} }}\n",
                ".m()".repeat(100_000)
            ),
        ),
        (
            "join_chain.rs",
            format!(
                "use tokio_util::sync::CancellationToken;\n\
                 async fn f(t: CancellationToken) {{ tokio::join!(t{}, async {{}}); }}\n",
                ".m()".repeat(100_000)
            ),
        ),
    ];
    let dir = temp();
    for (name, text) in &shapes {
        write(&dir.path().join(name), text.as_bytes());
    }
    let mut crashed = Vec::new();
    for (name, _) in &shapes {
        let r = stray_run(dir.path(), &["--format", "json", "-j", "1", name]);
        match r.status.code() {
            Some(0 | 1) => {
                let doc = r.json();
                assert_eq!(
                    count(&doc, "files_scanned") + count(&doc, "files_skipped"),
                    1,
                    "{name}: {r}"
                );
            }
            _ => crashed.push(format!("{name}: {}", r.status)),
        }
    }
    assert!(crashed.is_empty(), "crashed on:\n{}", crashed.join("\n"));
}

/// Ranges nested in ranges (`.. .. .. ?`, 24 in a row, which only a mangled file has)
/// take syn 2.0.119 time exponential in their number to print, and the analysis prints
/// statements to find their spans: ten seconds for this file, twenty for one more pair.
#[test]
fn ranges_in_a_row_are_skipped() {
    let text = format!(
        "use std::process::Command;\n\
         fn f() -> std::io::Result<()> {{\n    let mut child = Command::new(\"make\").spawn()?;\n    \
         if c() {{ return {}?; }}\n    Ok(())\n}}\n",
        ".. ".repeat(24)
    );
    let dir = tree(&[("ranges.rs", text.as_bytes())]);
    let r = stray_run(dir.path(), &["--format", "json", "ranges.rs"]).expect(1);
    assert_eq!(
        skipped(&r.json()),
        [("ranges.rs".into(), "too_deep".into())],
        "{r}"
    );
}

#[cfg(unix)]
#[test]
fn broken_rust_symlinks_and_loops_are_reported_per_file() {
    use std::os::unix::fs::symlink;
    let dir = tree(&[
        ("src/a.rs", FINDING.as_bytes()),
        ("src/sub/z.rs", FINDING.as_bytes()),
        ("src/real/linked.rs", CLEAN.as_bytes()),
    ]);
    let src = dir.path().join("src");
    symlink("nowhere.rs", src.join("dangling.rs")).unwrap();
    symlink("..", src.join("sub/up")).unwrap();
    symlink("itself.rs", src.join("itself.rs")).unwrap();
    symlink("real", src.join("alias")).unwrap();
    // A broken link with no `.rs` name is no Rust file lost (docs not built yet).
    symlink("../book/man", src.join("man")).unwrap();
    let before = snapshot(dir.path());

    let r = stray_run(dir.path(), &["--format", "json", "src"]).expect(1);
    let doc = r.json();
    let analysed: Vec<String> = finding_files(&doc)
        .into_iter()
        .zip(doc["findings"].as_array().into_iter().flatten())
        .filter(|(_, f)| f["lint"] != "file_not_analysed")
        .map(|(file, _)| file)
        .collect();
    assert_eq!(analysed, ["src/a.rs", "src/sub/z.rs"], "{r}");
    let skips = skipped(&doc);
    let messages: Vec<&str> = doc["skipped_files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["message"].as_str().unwrap())
        .collect();
    let find = |file: &str| {
        skips
            .iter()
            .position(|(f, _)| f == file)
            .unwrap_or_else(|| panic!("{file} is not reported: {r}"))
    };
    assert!(
        messages[find("src/dangling.rs")].contains("broken symbolic link"),
        "{r}"
    );
    // A loop back up the tree loses nothing: its files are scanned under their own
    // paths. Neither it nor the broken `man` link is reported.
    assert!(
        skips
            .iter()
            .all(|(f, _)| f != "src/sub/up" && f != "src/man"),
        "{r}"
    );
    assert_eq!(skips.len(), 2, "{r}");
    assert!(
        messages[find("src/itself.rs")].contains("symbolic links"),
        "{r}"
    );
    for (_, kind) in &skips {
        assert_eq!(kind, "unreadable", "{r}");
    }
    // A link to a directory is followed: its file is scanned under both names.
    assert_eq!(count(&doc, "files_scanned"), 4, "{r}");

    let human = stray_run(dir.path(), &["src"]).expect(1);
    assert!(
        human.stderr.contains(
            "error[file_not_analysed]: this file could not be read, so none of its code was checked: broken symbolic link: its target does not exist\n --> src/dangling.rs\n"
        ),
        "{human}"
    );
    assert_eq!(snapshot(dir.path()), before, "the scan changed the files");
}
