//! UI tests: every `ui-tests/<family>/<case>.rs` is scanned on its own. Lines carrying
//! `//~ lint_id` say which findings must start there; the human rendering must match the
//! blessed `<case>.stderr` next to it. When findings offer fixes, the case with every
//! fix applied (unsafe ones too) must match `<case>.fixed`, and scanning that text must
//! no longer report the lints that offered them. `BLESS=1 cargo test --test ui` rewrites
//! the `.stderr` and `.fixed` files from the current output.
//!
//! Every case runs before anything is reported, so one run shows every failure.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use stray::config::Config;
use stray::finding::Finding;
use stray::lints;
use stray::report::Style;
use stray::scan::{self, Input, Report};

const ROOT: &str = "ui-tests";

/// What a user sees in a log: no color.
const STYLE: Style = Style {
    color: false,
    quiet: false,
};

fn crate_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn blessing() -> bool {
    std::env::var_os("BLESS").is_some_and(|v| !v.is_empty() && v != "0")
}

struct Case {
    /// A `.rs` file, or a directory holding a small crate (a `Cargo.toml` and its files).
    path: PathBuf,
    /// Relative to the crate root, `/`-separated: what the user sees in the output.
    display: String,
    /// The case's Rust files, with their displays: the file itself, or the crate's.
    files: Vec<(String, PathBuf)>,
    config: Config,
    report: Report,
}

impl Case {
    fn stderr_path(&self) -> PathBuf {
        self.path.with_extension("stderr")
    }

    fn fixed_path(&self) -> PathBuf {
        self.path.with_extension("fixed")
    }

    fn line(&self, finding: &Finding) -> usize {
        finding
            .file
            .position(finding.diagnostic.primary.span.start)
            .line
    }
}

/// The families' directories and the `.rs` cases in them, sorted, plus what is out of
/// place (a case outside any family directory).
fn case_paths(failures: &mut Vec<String>) -> Vec<(String, PathBuf)> {
    let root = crate_root().join(ROOT);
    let mut out = Vec::new();
    for family in sorted_entries(&root) {
        let name = file_name(&family);
        if !family.is_dir() {
            if family.extension().is_some_and(|e| e == "rs") {
                failures.push(format!(
                    "{ROOT}/{name}: a case must live in a family directory ({ROOT}/<family>/{name})"
                ));
            }
            continue;
        }
        for file in sorted_entries(&family) {
            let is_crate = file.is_dir() && file.join("Cargo.toml").is_file();
            if file.extension().is_some_and(|e| e == "rs") || is_crate {
                let display = format!("{ROOT}/{name}/{}", file_name(&file));
                out.push((display, file));
            }
        }
    }
    out
}

/// The Rust files of a directory case, below it, sorted, with their displays.
fn crate_files(dir: &Path, display: &str) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for entry in sorted_entries(dir) {
        let shown = format!("{display}/{}", file_name(&entry));
        if entry.is_dir() {
            out.extend(crate_files(&entry, &shown));
        } else if entry.extension().is_some_and(|e| e == "rs") {
            out.push((shown, entry));
        }
    }
    out
}

fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    entries
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_else(|| panic!("non-UTF-8 file name: {}", path.display()))
        .to_string()
}

fn run_cases(failures: &mut Vec<String>) -> Vec<Case> {
    case_paths(failures)
        .into_iter()
        .map(|(display, path)| {
            let files = if path.is_dir() {
                crate_files(&path, &display)
            } else {
                vec![(display.clone(), path.clone())]
            };
            let inputs = files
                .iter()
                .map(|(display, path)| Input {
                    path: path.clone(),
                    display: display.clone(),
                })
                .collect();
            // A case may come with the settings it needs (`<case>.toml`: declared
            // resources, levels), read as `--config` would read them.
            let settings = path.with_extension("toml");
            let config = if settings.is_file() {
                let loaded = stray::settings::Settings::load(
                    path.parent().expect("a case is in a directory"),
                    Some(&settings),
                )
                .unwrap_or_else(|e| panic!("{}: {e:#}", settings.display()));
                Config {
                    levels: loaded.levels.into_iter().collect(),
                    resources: loaded.resources,
                    ..Config::default()
                }
            } else {
                Config::default()
            };
            let report = scan::scan(inputs, vec![], &config);
            Case {
                path,
                display,
                files,
                config,
                report,
            }
        })
        .collect()
}

/// The `//~ id` annotations of a file, as a multiset of (line, lint id).
fn annotations(
    display: &str,
    text: &str,
    failures: &mut Vec<String>,
) -> BTreeMap<(usize, String), usize> {
    let mut out = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let Some((_, ids)) = line.split_once("//~") else {
            continue;
        };
        let ids: Vec<&str> = ids
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|s| !s.is_empty())
            .collect();
        if ids.is_empty() {
            failures.push(format!("{display}:{}: `//~` names no lint", i + 1));
        }
        for id in ids {
            if lints::Lint::by_id(id).is_none() {
                failures.push(format!(
                    "{display}:{}: `//~ {id}` names no lint cargo-stray knows",
                    i + 1
                ));
            }
            *out.entry((i + 1, id.to_string())).or_insert(0) += 1;
        }
    }
    out
}

fn check_annotations(case: &Case, failures: &mut Vec<String>) {
    // A file that is not analysed is a `file_not_analysed` finding: expected where the
    // case marks it, like any other.
    let marked = |display: &str| {
        case.files.iter().any(|(d, path)| {
            d == display
                && fs::read_to_string(path).is_ok_and(|t| t.contains("//~ file_not_analysed"))
        })
    };
    for p in case.report.problems.iter().filter(|p| !marked(&p.display)) {
        failures.push(format!(
            "{}: not analysed ({}): {}",
            p.display,
            p.kind.as_str(),
            p.message
        ));
    }
    for (display, path) in &case.files {
        check_file_annotations(case, display, path, failures);
    }
}

fn check_file_annotations(case: &Case, display: &str, path: &Path, failures: &mut Vec<String>) {
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            failures.push(format!("{display}: cannot read: {e}"));
            return;
        }
    };
    let expected = annotations(display, &text, failures);
    let mut actual: BTreeMap<(usize, String), Vec<&Finding>> = BTreeMap::new();
    for f in case
        .report
        .findings
        .iter()
        .filter(|f| f.file.display == display)
    {
        actual
            .entry((case.line(f), f.lint.id.to_string()))
            .or_default()
            .push(f);
    }
    let keys: BTreeSet<&(usize, String)> = expected.keys().chain(actual.keys()).collect();
    for key @ (line, id) in keys {
        let want = expected.get(key).copied().unwrap_or(0);
        let got = actual.get(key).map_or(&[][..], Vec::as_slice);
        if got.len() > want {
            for f in &got[want..] {
                failures.push(format!(
                    "{display}:{line}: unexpected `{id}`: {}",
                    f.diagnostic.message
                ));
            }
        } else if want > got.len() {
            let what = if want == 1 {
                "not reported".to_string()
            } else {
                format!("expected {want} times, reported {}", got.len())
            };
            failures.push(format!("{display}:{line}: expected `{id}`, {what}"));
        }
    }
}

fn render(report: &Report) -> String {
    let mut buf = Vec::new();
    stray::report::human::write(report, STYLE, &mut buf).expect("writing to a Vec");
    String::from_utf8(buf).expect("the human report is UTF-8")
}

fn check_stderr(case: &Case, failures: &mut Vec<String>) {
    let actual = render(&case.report);
    let path = case.stderr_path();
    let stderr_display = format!("{}.stderr", case.display.trim_end_matches(".rs"));
    if blessing() {
        let current = fs::read_to_string(&path).ok();
        if current.as_deref() != Some(actual.as_str())
            && let Err(e) = fs::write(&path, &actual)
        {
            failures.push(format!("{stderr_display}: cannot write: {e}"));
        }
        return;
    }
    match fs::read_to_string(&path) {
        Ok(expected) => {
            let expected = expected.replace("\r\n", "\n");
            if expected != actual {
                failures.push(format!(
                    "{stderr_display}: the output differs from the blessed file \
                     (`-` blessed, `+` now; BLESS=1 cargo test --test ui to accept):\n{}",
                    line_diff(&expected, &actual)
                ));
            }
        }
        Err(_) => failures.push(format!(
            "{stderr_display}: missing; BLESS=1 cargo test --test ui writes it:\n{actual}"
        )),
    }
}

/// The case with every fix applied must match `<case>.fixed`, still parse, and no longer
/// report the lints whose fixes were applied. A case without fixes has no `.fixed`.
fn check_fixed(case: &Case, failures: &mut Vec<String>) {
    let plan = stray::fix::apply::plan(&case.report.findings, true);
    let path = case.fixed_path();
    let fixed_display = format!("{}.fixed", case.display.trim_end_matches(".rs"));
    let Some(fixed) = plan.files.first() else {
        if path.exists() {
            stale(&path, &fixed_display, "the case offers no fix", failures);
        }
        return;
    };
    if case.path.is_dir() {
        failures.push(format!(
            "{}: a crate case offers fixes; fixes are checked on single-file cases only",
            case.display
        ));
        return;
    }
    if blessing() {
        if fs::read_to_string(&path).ok().as_deref() != Some(fixed.text.as_str())
            && let Err(e) = fs::write(&path, &fixed.text)
        {
            failures.push(format!("{fixed_display}: cannot write: {e}"));
        }
    } else {
        match fs::read_to_string(&path) {
            Ok(expected) if expected == fixed.text => {}
            Ok(expected) => failures.push(format!(
                "{fixed_display}: the fixed case differs from the blessed file \
                 (`-` blessed, `+` now; BLESS=1 cargo test --test ui to accept):\n{}",
                line_diff(&expected, &fixed.text)
            )),
            Err(_) => failures.push(format!(
                "{fixed_display}: missing; BLESS=1 cargo test --test ui writes it:\n{}",
                fixed.text
            )),
        }
    }
    // Scanned under the case's own name, so the output reads like the case's.
    let dir = tempfile::tempdir().expect("a temporary directory");
    let copy = dir.path().join(file_name(&case.path));
    fs::write(&copy, &fixed.text).expect("writing the fixed case");
    let input = Input {
        path: copy,
        display: fixed_display.clone(),
    };
    let again = scan::scan(vec![input], vec![], &case.config);
    for p in &again.problems {
        failures.push(format!(
            "{fixed_display}: the fixed case is not analysed ({}): {}",
            p.kind.as_str(),
            p.message
        ));
    }
    // Findings offering no fix may stay; the fixed ones must go, and nothing new may come.
    let mut left: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &case.report.findings {
        let n = left.entry(f.lint.id).or_insert(0);
        *n += usize::from(f.diagnostic.fix.is_none());
    }
    let mut again_by_lint: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in &again.findings {
        again_by_lint.entry(f.lint.id).or_default().push(f);
    }
    for (id, found) in again_by_lint {
        // A lint the case did not report at all must not appear either.
        let allowed = left.get(id).copied().unwrap_or(0);
        if found.len() > allowed {
            for f in found {
                failures.push(format!(
                    "{fixed_display}:{}: `{id}` is still reported after its fix: {}",
                    f.file.position(f.diagnostic.primary.span.start).line,
                    f.diagnostic.message
                ));
            }
        }
    }
}

/// `.stderr` files whose case is gone: deleted when blessing, reported otherwise.
fn check_stale(cases: &[Case], failures: &mut Vec<String>) {
    let live: BTreeSet<PathBuf> = cases.iter().map(Case::stderr_path).collect();
    let root = crate_root().join(ROOT);
    for family in sorted_entries(&root).into_iter().filter(|p| p.is_dir()) {
        for file in sorted_entries(&family) {
            if file.extension().is_none_or(|e| e != "stderr") || live.contains(&file) {
                continue;
            }
            let display = format!("{ROOT}/{}/{}", file_name(&family), file_name(&file));
            stale(&file, &display, "its .rs is gone", failures);
        }
    }
}

/// A generated file that should not exist: deleted when blessing, reported otherwise.
fn stale(path: &Path, display: &str, why: &str, failures: &mut Vec<String>) {
    if blessing() {
        if let Err(e) = fs::remove_file(path) {
            failures.push(format!("{display}: cannot delete stale file: {e}"));
        }
    } else {
        failures.push(format!(
            "{display}: stale, {why}; BLESS=1 cargo test --test ui deletes it"
        ));
    }
}

/// A line diff by longest common subsequence; unchanged runs longer than a few lines are
/// elided so the changes stand out.
fn line_diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut ops: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            ops.push((' ', a[i]));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            ops.push(('-', a[i]));
            i += 1;
        } else {
            ops.push(('+', b[j]));
            j += 1;
        }
    }
    const CONTEXT: usize = 2;
    let near_change = |k: usize| {
        let lo = k.saturating_sub(CONTEXT);
        let hi = (k + CONTEXT + 1).min(ops.len());
        ops[lo..hi].iter().any(|(op, _)| *op != ' ')
    };
    let mut out = String::new();
    let mut elided = false;
    for (k, (op, line)) in ops.iter().enumerate() {
        if near_change(k) {
            let _ = writeln!(out, "    {op} {line}");
            elided = false;
        } else if !elided {
            let _ = writeln!(out, "      ...");
            elided = true;
        }
    }
    out
}

fn fail_if_any(what: &str, failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{} {what} failure(s):\n\n{}\n",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn ui() {
    let mut failures = Vec::new();
    let cases = run_cases(&mut failures);
    assert!(!cases.is_empty(), "no case found under {ROOT}/");
    for case in &cases {
        check_annotations(case, &mut failures);
        check_stderr(case, &mut failures);
        check_fixed(case, &mut failures);
    }
    check_stale(&cases, &mut failures);
    fail_if_any("ui-test", &failures);
}

/// What every lint owes its users: a ui-test, and messages in rustc's style.
#[test]
fn conventions() {
    let mut failures = Vec::new();
    let cases = run_cases(&mut failures);
    let mut annotated = BTreeSet::new();
    for case in &cases {
        for (display, path) in &case.files {
            if let Ok(text) = fs::read_to_string(path) {
                let mut ignored = Vec::new();
                for (_, id) in annotations(display, &text, &mut ignored).into_keys() {
                    annotated.insert(id);
                }
            }
        }
    }
    for lint in lints::ALL {
        if !annotated.contains(lint.id) {
            failures.push(format!(
                "lint `{}` has no ui-test: no `//~ {}` under {ROOT}/",
                lint.id, lint.id
            ));
        }
    }
    for case in &cases {
        for f in &case.report.findings {
            let at = format!("{}:{}: `{}`", case.display, case.line(f), f.lint.id);
            let message = &f.diagnostic.message;
            if !message
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c == '`')
            {
                failures.push(format!(
                    "{at}: the message must start lowercase or with a backtick: {message}"
                ));
            }
            if message.ends_with('.') {
                failures.push(format!(
                    "{at}: the message must not end with a period: {message}"
                ));
            }
            if let Some(help) = &f.diagnostic.help
                && help.to_lowercase().contains("try this")
            {
                failures.push(format!(
                    "{at}: the help must say what to do, not \"try this\": {help}"
                ));
            }
        }
    }
    fail_if_any("convention", &failures);
}
