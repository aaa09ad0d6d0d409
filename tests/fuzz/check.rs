//! Scanning mutants and checking what the scan says about each: the panic hook that
//! tells panics apart, the time limit, and the checks every file's results must pass.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Mutex, OnceLock};
use std::thread::{self, ThreadId};
use std::time::Duration;

use stray::config::Config;
use stray::report::Style;
use stray::scan::{self, Input, ProblemKind, Report};

/// As the scan's worker threads have.
pub const STACK_SIZE: usize = 64 << 20;

const STYLE: Style = Style {
    color: false,
    quiet: false,
};

/// Whether syn parses `text`; too deep to parse safely counts as not.
pub fn parses(text: &str) -> bool {
    let ok = crate::mutate::parse(text.strip_prefix('\u{feff}').unwrap_or(text)).is_some();
    proc_macro2::extra::invalidate_current_thread_spans();
    ok
}

/// What went wrong with one mutant. `kind` names the failure without positions or
/// values, so the mutants failing the same way count as one.
#[derive(Debug, Clone)]
pub struct Bug {
    pub kind: String,
    pub detail: String,
}

pub fn bug(kind: impl Into<String>, detail: impl Into<String>) -> Bug {
    Bug {
        kind: kind.into(),
        detail: detail.into(),
    }
}

/// A panic seen by the hook: where, what, and the crate's frames of its backtrace.
pub struct Panic {
    location: String,
    message: String,
    backtrace: String,
}

static PANICS: Mutex<Vec<Panic>> = Mutex::new(Vec::new());
static HARNESS: OnceLock<ThreadId> = OnceLock::new();

/// The scan catches panics and keeps only their message; the location, which tells
/// failures apart, comes from this hook. Panics of the harness itself print as usual.
pub fn install_panic_hook() {
    HARNESS.get_or_init(|| thread::current().id());
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if HARNESS.get() == Some(&thread::current().id()) {
            return default(info);
        }
        let message = if let Some(s) = info.payload().downcast_ref::<&str>() {
            (*s).to_string()
        } else if let Some(s) = info.payload().downcast_ref::<String>() {
            s.clone()
        } else {
            "(not a string)".to_string()
        };
        let location = info.location().map_or("?".into(), |l| {
            format!("{}:{}:{}", l.file(), l.line(), l.column())
        });
        let full = std::backtrace::Backtrace::force_capture().to_string();
        let mut backtrace = String::new();
        let mut lines = full.lines();
        while let Some(line) = lines.next() {
            if line.contains(": stray::") {
                let _ = writeln!(backtrace, "{line}");
                if let Some(at) = lines.next().filter(|l| l.trim_start().starts_with("at ")) {
                    let _ = writeln!(backtrace, "{at}");
                }
            }
        }
        if let Ok(mut panics) = PANICS.lock() {
            panics.push(Panic {
                location,
                message,
                backtrace,
            });
        }
    }));
}

pub fn take_panics() -> Vec<Panic> {
    std::mem::take(&mut *PANICS.lock().expect("panic list"))
}

/// Names a failure that panicked by the first panic's location.
pub fn with_panic(mut b: Bug, panics: &[Panic]) -> Bug {
    if let Some(p) = panics.first() {
        b.kind = format!("{}: panic at {}", b.kind, p.location);
        let _ = write!(b.detail, "\npanicked: {}\n{}", p.message, p.backtrace);
    }
    b
}

pub enum Outcome<T> {
    Done(T),
    Panicked,
    TimedOut,
}

/// Runs `f` on a thread of its own, giving up after `limit` (the thread is left running).
pub fn limited<T: Send + 'static>(
    limit: Duration,
    f: impl FnOnce() -> T + Send + 'static,
) -> Outcome<T> {
    let (tx, rx) = mpsc::channel();
    thread::Builder::new()
        .name("fuzz-scan".into())
        .stack_size(STACK_SIZE)
        .spawn(move || {
            let _ = tx.send(f());
        })
        .expect("start a scan thread");
    match rx.recv_timeout(limit) {
        Ok(v) => Outcome::Done(v),
        Err(RecvTimeoutError::Timeout) => Outcome::TimedOut,
        Err(RecvTimeoutError::Disconnected) => Outcome::Panicked,
    }
}

/// One scan's results: each file's JSON report, its findings' positions, and what is
/// wrong with it.
#[derive(Default)]
pub struct Examined {
    pub json: BTreeMap<String, String>,
    pub positions: BTreeMap<String, String>,
    pub bugs: BTreeMap<String, Vec<Bug>>,
}

/// Scans `files` (path, display, whether syn parses it) and checks every file's results.
pub fn examine(
    files: Vec<(Input, bool)>,
    mut config: Config,
    jobs: usize,
    root: PathBuf,
) -> Examined {
    config.jobs = Some(jobs);
    let inputs = files.iter().map(|(i, _)| i.clone()).collect();
    let report = scan::scan(inputs, Vec::new(), &config);
    // The other formats once a batch, for their panics (what they say follows the JSON
    // report, compared), and file by file when the batch's panics.
    let all_render = jobs == 1 || renders(&report, &root);
    let mut out = Examined::default();
    for (input, parses) in files {
        let only = only(&report, &input.display);
        let mut json = Vec::new();
        stray::report::json::write(&only, &root, &mut json).expect("JSON report");
        let mut bugs = check(&only, parses);
        if !all_render && !renders(&only, &root) {
            bugs.push(bug("the human, SARIF or github report panicked", ""));
        }
        out.positions
            .insert(input.display.clone(), positions(&only));
        out.json.insert(
            input.display.clone(),
            String::from_utf8(json).expect("UTF-8 JSON"),
        );
        out.bugs.insert(input.display, bugs);
    }
    out
}

fn renders(report: &Report, root: &std::path::Path) -> bool {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut sink = Vec::new();
        stray::report::human::write(report, STYLE, &mut sink).expect("human report");
        stray::report::sarif::write(report, root, &mut sink).expect("SARIF report");
        stray::report::github::write(report, root, &mut sink).expect("github report");
    }))
    .is_ok()
}

/// What a report says in lines and columns, which CRLF line endings and a byte-order
/// mark must not change.
pub fn positions(report: &Report) -> String {
    let mut out = String::new();
    let prints = stray::finding::fingerprints_by(&report.findings, |_| String::new());
    let found = report.findings.iter().map(|f| (f, "")).zip(prints);
    let suppressed = report
        .suppressed
        .iter()
        .map(|s| ((&s.0, "suppressed "), String::new()));
    for ((f, how), print) in found.chain(suppressed) {
        let at = |span: &std::ops::Range<usize>| {
            let (a, b) = (f.file.position(span.start), f.file.position(span.end));
            format!("{}:{}-{}:{}", a.line, a.column, b.line, b.column)
        };
        let d = &f.diagnostic;
        let message = d.message.replace('\r', "");
        let _ = writeln!(
            out,
            "{how}{} {} {message} {print}",
            f.lint.id,
            at(&d.primary.span)
        );
        for l in &d.secondary {
            let _ = writeln!(out, "  {} {}", at(&l.span), l.message.replace('\r', ""));
        }
    }
    for p in &report.problems {
        let _ = writeln!(out, "{} {:?} {}", p.kind.as_str(), p.position, p.message);
    }
    out
}

/// The part of a report about one file.
pub fn only(report: &Report, display: &str) -> Report {
    Report {
        findings: report
            .findings
            .iter()
            .filter(|f| f.file.display == display)
            .cloned()
            .collect(),
        suppressed: report
            .suppressed
            .iter()
            .filter(|f| f.0.file.display == display)
            .cloned()
            .collect(),
        baselined: 0,
        problems: report
            .problems
            .iter()
            .filter(|p| p.display == display)
            .cloned()
            .collect(),
        files_scanned: 1,
        index: report.index,
        files_prefiltered: 0,
        cache: report.cache,
        cache_problem: None,
    }
}

pub fn check(report: &Report, parses: bool) -> Vec<Bug> {
    let mut bugs = Vec::new();
    for p in &report.problems {
        match p.kind {
            ProblemKind::ParseError if !parses => {}
            // Long runs of `..`, `(` or `!` are too deep to analyse safely: said cleanly.
            ProblemKind::TooDeep => {}
            ProblemKind::ParseError => {
                bugs.push(bug("syn parses it, the scan does not", &p.message))
            }
            kind => bugs.push(bug(format!("problem `{}`", kind.as_str()), &p.message)),
        }
    }
    let findings = report
        .findings
        .iter()
        .chain(report.suppressed.iter().map(|s| &s.0));
    let mut spans_ok = true;
    for f in findings {
        let d = &f.diagnostic;
        let labels = std::iter::once(("primary label", &d.primary.span))
            .chain(d.secondary.iter().map(|l| ("label", &l.span)))
            .chain(
                d.fix
                    .iter()
                    .flat_map(|x| &x.edits)
                    .map(|e| ("fix edit", &e.span)),
            );
        for (what, span) in labels {
            let text = &f.file.text;
            let wrong = if span.start > span.end || span.end > text.len() {
                "out of the file"
            } else if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
                "inside a character"
            } else {
                continue;
            };
            spans_ok = false;
            bugs.push(bug(
                format!("`{}`: {what} {wrong}", f.lint.id),
                format!(
                    "{}: {span:?} in a file of {} bytes: {}",
                    what,
                    text.len(),
                    d.message
                ),
            ));
        }
    }
    if spans_ok && parses {
        let plan = stray::fix::apply::plan(&report.findings, true);
        for fixed in &plan.files {
            if !self::parses(&fixed.text) {
                let lints: Vec<&str> = report
                    .findings
                    .iter()
                    .filter(|f| f.diagnostic.fix.is_some())
                    .map(|f| f.lint.id)
                    .collect();
                bugs.push(bug(
                    format!("fixes of {lints:?} leave text that does not parse"),
                    stray::fix::apply::diff(&plan),
                ));
            }
        }
    }
    bugs
}

/// Writes the twins of `text` beside `input`: (what, the twin).
pub fn write_twins(input: &Input, text: &str) -> Vec<(&'static str, Input)> {
    twins(text)
        .into_iter()
        .map(|(what, text)| {
            let display = input.display.replace(".rs", &format!("-{what}.rs"));
            let path = input.path.with_file_name(&display);
            std::fs::write(&path, text).expect("write a twin");
            (what, Input { path, display })
        })
        .collect()
}

/// The findings of `display` and of its twin must sit on the same lines and columns.
pub fn twin_bug(ex: &Examined, display: &str, what: &str, twin: &str) -> Option<Bug> {
    let (a, b) = (ex.positions.get(display)?, ex.positions.get(twin)?);
    (a != b).then(|| {
        let kind = format!("{what} changes the findings");
        bug(kind, line_diff(("as is", a), (what, b)))
    })
}

/// The same mutant with CRLF line endings, and with a byte-order mark, where it has
/// neither: the findings must stay on the same lines and columns.
fn twins(text: &str) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if !text.contains('\r') {
        out.push(("crlf", text.replace('\n', "\r\n")));
    }
    if !text.starts_with('\u{feff}') {
        out.push(("bom", format!("\u{feff}{text}")));
    }
    out
}

/// The lines of each report missing from the other.
pub fn line_diff((a_name, a): (&str, &str), (b_name, b): (&str, &str)) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let mut out = format!("{a_name} only:\n");
    for line in a.iter().filter(|l| !b.contains(l)) {
        let _ = writeln!(out, "  - {line}");
    }
    let _ = writeln!(out, "{b_name} only:");
    for line in b.iter().filter(|l| !a.contains(l)) {
        let _ = writeln!(out, "  + {line}");
    }
    out
}
