//! `--format sarif` end to end: the real binary on a small project, its output checked
//! against the official SARIF 2.1.0 schema and against what GitHub code scanning needs to
//! ingest it and to keep alerts stable across commits.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const GUARD: &str = "\
use tokio_util::sync::CancellationToken;
fn f(token: CancellationToken) { let _ = token.drop_guard(); }
";

/// The finding's line has a two-byte `é` (one UTF-16 unit) and a four-byte emoji (two
/// UTF-16 units, a surrogate pair) before the guard.
const WIDE: &str = "\
use tokio_util::sync::CancellationToken;
fn g(token: CancellationToken) {
    /* é😀 */ let _ = token.clone().drop_guard();
}
";

const BROKEN: &str =
    "fn (\nuse std::process::Command; // a tracked name, so that the pre-filter lets it through\n";

/// Where each file lives, relative to the project directory: a space and a non-ASCII
/// character in the directory name exercise URI encoding.
const GUARD_PATH: &str = "src/guard.rs";
const WIDE_PATH: &str = "src/wïde dir/wide.rs";
const BROKEN_PATH: &str = "src/broken.rs";

struct Project {
    _tmp: tempfile::TempDir,
    /// The temporary directory, canonical, that `git init` makes the repository root.
    top: PathBuf,
    /// The directory the binary runs in.
    dir: PathBuf,
}

fn project() -> Project {
    let tmp = tempfile::tempdir().unwrap();
    let top = std::fs::canonicalize(tmp.path()).unwrap();
    let dir = top.join("crate");
    for (path, text) in [
        (GUARD_PATH, GUARD),
        (WIDE_PATH, WIDE),
        (BROKEN_PATH, BROKEN),
    ] {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    Project {
        _tmp: tmp,
        top,
        dir,
    }
}

fn run(dir: &Path) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-stray"))
        .args(["--format", "sarif", GUARD_PATH, WIDE_PATH, BROKEN_PATH])
        .current_dir(dir)
        .env_remove("CARGO_TERM_COLOR")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "deny-level findings fail the run; stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn parse(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).unwrap()
}

/// Where the official schema has a pattern that is not a valid ECMA 262 regex in strict
/// mode (a stray `]`), which jsonschema's meta-schema check rejects.
const BAD_PATTERNS: [&str; 2] = [
    "/definitions/run/properties/language/pattern",
    "/definitions/toolComponent/properties/language/pattern",
];

/// The official schema, compiled offline: every `$ref` in it is local and draft-07's
/// meta-schema is built into jsonschema.
fn schema_validator() -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sarif-schema-2.1.0.json");
    let mut schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let meta = jsonschema::draft7::meta::validator();
    let flaws: Vec<String> = meta
        .iter_errors(&schema)
        .map(|e| e.instance_path().to_string())
        .collect();
    // The workaround below must not hide anything else.
    assert_eq!(
        flaws, BAD_PATTERNS,
        "the schema's known flaws, and only they"
    );
    // cargo-stray never writes a `language`, so what those patterns accept does not
    // matter here; their evident intent (`en` or `en-US`) stands in for them.
    for pointer in BAD_PATTERNS {
        *schema.pointer_mut(pointer).unwrap() = Value::from("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
    }
    jsonschema::draft7::options()
        // Formats too: `uri` and `uri-reference` catch badly encoded paths.
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

fn validate(sarif: &Value) {
    let validator = schema_validator();
    let errors: Vec<String> = validator
        .iter_errors(sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "not valid SARIF 2.1.0:\n{}",
        errors.join("\n")
    );
}

#[test]
fn the_schema_rejects_what_github_would() {
    let validator = schema_validator();
    let bad = serde_json::json!({
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": { "name": "x" } },
            "results": [{
                "message": { "text": "m" },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": "a b.rs" } } }]
            }]
        }]
    });
    assert!(
        !validator.is_valid(&bad),
        "an unencoded space is not a URI reference"
    );
    let mut good = bad.clone();
    good["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
        Value::from("a%20b.rs");
    assert!(validator.is_valid(&good));
}

fn results(sarif: &Value) -> &Vec<Value> {
    sarif["runs"][0]["results"].as_array().unwrap()
}

fn result_in<'a>(sarif: &'a Value, uri: &str) -> &'a Value {
    let found: Vec<&Value> = results(sarif)
        .iter()
        .filter(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri)
        .collect();
    assert_eq!(found.len(), 1, "one result in {uri}: {found:#?}");
    found[0]
}

fn region(result: &Value) -> &Value {
    &result["locations"][0]["physicalLocation"]["region"]
}

fn fingerprint(result: &Value) -> &str {
    result["partialFingerprints"]["cargo-stray/v1"]
        .as_str()
        .unwrap()
}

/// Everything GitHub code scanning checks or relies on, plus the UTF-16 columns.
fn check_github_rules(sarif: &Value, root: &Path, prefix: &str) {
    let text = sarif.to_string();
    assert!(!text.contains("security-severity"), "not a security tool");
    assert_eq!(sarif["version"], "2.1.0");
    let runs = sarif["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    assert_eq!(run["columnKind"], "utf16CodeUnits");

    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "cargo-stray");
    assert_eq!(driver["semanticVersion"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let all: Vec<&str> = stray::lints::ALL.iter().map(|l| l.id).collect();
    assert_eq!(ids, all, "every lint is a rule, once, in registry order");
    for (rule, lint) in rules.iter().zip(stray::lints::ALL) {
        assert_eq!(rule["shortDescription"]["text"], lint.summary);
        assert!(!rule["fullDescription"]["text"].as_str().unwrap().is_empty());
        assert_eq!(rule["help"]["markdown"], lint.markdown());
        assert!(!rule["help"]["text"].as_str().unwrap().contains("```"));
        assert_eq!(rule["helpUri"], lint.help_uri());
        let tags = rule["properties"]["tags"].as_array().unwrap();
        assert!(tags.contains(&Value::from(lint.family.as_str())));
        assert!(rule["properties"]["problem.severity"].is_string());
    }
    let rule = rules
        .iter()
        .find(|r| r["id"] == "guard_dropped_immediately")
        .unwrap();
    assert_eq!(rule["name"], "GuardDroppedImmediately");
    assert_eq!(rule["defaultConfiguration"]["level"], "error");
    assert_eq!(rule["properties"]["precision"], "very-high");
    let full = rule["fullDescription"]["text"].as_str().unwrap();
    assert!(
        !full.contains('\n') && full.starts_with("Finds guards"),
        "{full}"
    );

    // Temporary directories have unreserved names (`/tmp/.tmpXXXXXX`): nothing to escape.
    let root = format!("file://{}/", root.to_str().unwrap());
    assert_eq!(run["originalUriBaseIds"]["%SRCROOT%"]["uri"], root);

    // The file that does not parse is a result of its own, and has no `_` to point at.
    let (skipped, results): (Vec<_>, Vec<_>) = results(sarif)
        .iter()
        .partition(|r| r["ruleId"] == "file_not_analysed");
    assert_eq!(skipped.len(), 1, "{skipped:#?}");
    assert_eq!(results.len(), 2, "{results:#?}");
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(r["ruleId"], rules[index]["id"]);
        assert_eq!(r["level"], "error");
        assert!(r["message"]["text"].as_str().unwrap().contains("help: "));
        let locations = r["locations"].as_array().unwrap();
        assert_eq!(locations.len(), 1);
        let artifact = &locations[0]["physicalLocation"]["artifactLocation"];
        let uri = artifact["uri"].as_str().unwrap();
        assert!(
            uri.starts_with(prefix) && !uri.starts_with('/') && !uri.contains(':'),
            "{uri}"
        );
        assert_eq!(artifact["uriBaseId"], "%SRCROOT%");
        assert!(!fingerprint(r).is_empty());
        // `let _` gets a second label on the `_` that fails to bind.
        let related = r["relatedLocations"].as_array().unwrap();
        assert_eq!(related.len(), 1);
        assert!(related[0]["id"].is_u64());
        assert_eq!(
            related[0]["physicalLocation"]["artifactLocation"],
            *artifact
        );
        assert!(
            related[0]["message"]["text"]
                .as_str()
                .unwrap()
                .contains("does not bind")
        );
    }

    let guard = result_in(sarif, &format!("{prefix}src/guard.rs"));
    // `fn f(token: CancellationToken) { let _ = ` is 41 ASCII characters.
    assert_eq!(region(guard)["startLine"], 2);
    assert_eq!(region(guard)["startColumn"], 42);
    // `token.drop_guard()` is 18 long; the end column is exclusive.
    assert_eq!(region(guard)["endColumn"], 60);
    let underscore = &guard["relatedLocations"][0]["physicalLocation"]["region"];
    assert_eq!(underscore["startColumn"], 38);
    assert_eq!(underscore["endColumn"], 39);
    // The fix replaces that `_` with a name, in the same file.
    let fix = &guard["fixes"][0];
    assert!(
        fix["description"]["text"]
            .as_str()
            .unwrap()
            .contains("`_guard`")
    );
    let change = &fix["artifactChanges"][0];
    assert_eq!(
        change["artifactLocation"],
        guard["locations"][0]["physicalLocation"]["artifactLocation"]
    );
    let replacement = &change["replacements"][0];
    assert_eq!(replacement["deletedRegion"]["startLine"], 2);
    assert_eq!(replacement["deletedRegion"]["startColumn"], 38);
    assert_eq!(replacement["deletedRegion"]["endColumn"], 39);
    assert_eq!(replacement["insertedContent"]["text"], "_guard");

    let wide = result_in(sarif, &format!("{prefix}src/w%C3%AFde%20dir/wide.rs"));
    // Before `token`: 4 spaces, `/* ` (3), `é` (1 unit), `😀` (2 units), ` */ ` (4) and
    // `let _ = ` (8): 22 units, so column 23, where counting characters would give 22.
    assert_eq!(region(wide)["startLine"], 3);
    assert_eq!(region(wide)["startColumn"], 23);
    // `token.clone().drop_guard()` is 26 long.
    assert_eq!(region(wide)["endLine"], 3);
    assert_eq!(region(wide)["endColumn"], 49);

    let invocations = run["invocations"].as_array().unwrap();
    assert_eq!(invocations.len(), 1);
    assert_eq!(invocations[0]["executionSuccessful"], true);
    let notes = invocations[0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert_eq!(notes.len(), 1, "{notes:#?}");
    let note = &notes[0];
    assert_eq!(note["level"], "warning");
    assert_eq!(note["descriptor"]["id"], "parse_error");
    assert!(!note["message"]["text"].as_str().unwrap().is_empty());
    let place = &note["locations"][0]["physicalLocation"];
    assert_eq!(
        place["artifactLocation"]["uri"],
        format!("{prefix}src/broken.rs")
    );
    assert_eq!(place["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    assert_eq!(place["region"]["startLine"], 1);
}

#[test]
fn sarif_is_valid_and_fit_for_github_code_scanning() {
    let p = project();

    // No repository: paths start at the scan root, the current directory.
    let bytes = run(&p.dir);
    let sarif = parse(&bytes);
    validate(&sarif);
    check_github_rules(&sarif, &p.dir, "");

    // In a repository: paths start at its top level, above the current directory.
    let init = Command::new("git")
        .args(["init", "-q"])
        .current_dir(&p.top)
        .status()
        .unwrap();
    assert!(init.success());
    let sarif = parse(&run(&p.dir));
    validate(&sarif);
    check_github_rules(&sarif, &p.top, "crate/");
}

#[test]
fn output_is_deterministic() {
    let p = project();
    let first = run(&p.dir);
    let second = run(&p.dir);
    assert!(first == second, "two runs differ");
    assert!(first.ends_with(b"}\n"));
}

#[test]
fn fingerprints_survive_unrelated_line_moves() {
    let p = project();
    let before = parse(&run(&p.dir));
    let path = p.dir.join(GUARD_PATH);
    std::fs::write(&path, format!("// one\n// two\n\n{GUARD}")).unwrap();
    let after = parse(&run(&p.dir));
    validate(&after);
    for uri in ["src/guard.rs", "src/w%C3%AFde%20dir/wide.rs"] {
        let (b, a) = (result_in(&before, uri), result_in(&after, uri));
        assert_eq!(fingerprint(b), fingerprint(a), "{uri}");
    }
    let (b, a) = (
        result_in(&before, "src/guard.rs"),
        result_in(&after, "src/guard.rs"),
    );
    assert_eq!(
        region(a)["startLine"].as_u64().unwrap(),
        region(b)["startLine"].as_u64().unwrap() + 3
    );
    assert_eq!(region(a)["startColumn"], region(b)["startColumn"]);
    // Two different findings never share a fingerprint.
    assert_ne!(
        fingerprint(result_in(&after, "src/guard.rs")),
        fingerprint(result_in(&after, "src/w%C3%AFde%20dir/wide.rs"))
    );
}

/// Code scanning matches alerts across runs by fingerprint: running from the repository
/// root or from a subdirectory must not reopen them.
#[test]
fn fingerprints_do_not_depend_on_the_working_directory() {
    let p = project();
    let git = Command::new("git")
        .args(["init", "-q"])
        .current_dir(&p.top)
        .status();
    if !git.is_ok_and(|s| s.success()) {
        eprintln!("git is not available: skipping");
        return;
    }
    let from_crate = parse(&run(&p.dir));
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-stray"))
        .args(["--format", "sarif"])
        .args([GUARD_PATH, WIDE_PATH].map(|f| format!("crate/{f}")))
        .current_dir(&p.top)
        .output()
        .unwrap();
    let from_top = parse(&out.stdout);
    for uri in ["crate/src/guard.rs", "crate/src/w%C3%AFde%20dir/wide.rs"] {
        assert_eq!(
            fingerprint(result_in(&from_crate, uri)),
            fingerprint(result_in(&from_top, uri)),
            "{uri}"
        );
    }
}

/// Suppressed findings stay in SARIF, marked `inSource` with their reason, so code
/// scanning shows them as dismissed; the output still passes the schema.
#[test]
fn suppressed_findings_are_kept_as_dismissed() {
    let dir = tempfile::tempdir().unwrap();
    let text = "use tokio_util::sync::CancellationToken;\n\
                fn f(token: CancellationToken) {\n\
                \x20   // stray: allow(guard_dropped_immediately) -- cancels at once on purpose\n\
                \x20   let _ = token.drop_guard();\n\
                }\n";
    std::fs::write(dir.path().join("s.rs"), text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-stray"))
        .args(["--format", "sarif", "s.rs"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    // Suppressed: nothing fails the run.
    assert_eq!(out.status.code(), Some(0));
    let sarif = parse(&out.stdout);
    validate(&sarif);
    let results = results(&sarif);
    assert_eq!(results.len(), 1);
    let suppression = &results[0]["suppressions"][0];
    assert_eq!(suppression["kind"], "inSource");
    assert_eq!(suppression["justification"], "cancels at once on purpose");
    assert_eq!(results[0]["ruleId"], "guard_dropped_immediately");
}

/// A finding silenced by clippy's attribute for the same lint is kept, dismissed, with the
/// attribute (and its own reason) as the justification.
#[test]
fn clippy_attributes_dismiss_their_equivalent() {
    let dir = tempfile::tempdir().unwrap();
    let text = "use std::process::Command;\n\
                fn f() {\n\
                \x20   #[expect(clippy::zombie_processes, reason = \"the notifier daemonizes\")]\n\
                \x20   let _child = Command::new(\"notify-send\").spawn().unwrap();\n\
                }\n";
    std::fs::write(dir.path().join("c.rs"), text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-stray"))
        .args(["--format", "sarif", "c.rs"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let sarif = parse(&out.stdout);
    validate(&sarif);
    let results = results(&sarif);
    assert_eq!(results.len(), 1);
    assert_eq!(results[0]["ruleId"], "zombie_child");
    let suppression = &results[0]["suppressions"][0];
    assert_eq!(suppression["kind"], "inSource");
    assert_eq!(
        suppression["justification"],
        "clippy's `#[expect(clippy::zombie_processes)]`: the notifier daemonizes"
    );
}

/// A lint declared in settings has no published page: its rule carries its help inline
/// and no `helpUri` (which would point nowhere), and the document stays valid.
#[test]
fn declared_lints_have_no_help_uri() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(
        dir.join("stray.toml"),
        "[[resources]]\ntype = \"Session\"\nconstructors = [\"Session::open\"]\n\
         discharge = [\"close\"]\nlint = \"session_not_closed\"\n\
         message = \"a `Session` is not closed\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("s.rs"),
        "pub fn f() { let _session = Session::open(\"db\"); }\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-stray"))
        .args(["--format", "sarif", "s.rs"])
        .current_dir(dir)
        .output()
        .unwrap();
    let sarif = parse(&out.stdout);
    validate(&sarif);
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let declared = rules
        .iter()
        .find(|r| r["id"] == "session_not_closed")
        .unwrap_or_else(|| panic!("no rule for the declared lint: {sarif:#}"));
    assert!(declared.get("helpUri").is_none(), "{declared:#}");
    assert!(declared["help"]["text"].is_string(), "{declared:#}");
    let shipped = rules.iter().find(|r| r["id"] == "zombie_child").unwrap();
    assert!(shipped["helpUri"].is_string());
}
