//! Scanning: index the crates the files belong to (`index`), then read, check and parse
//! each file on a worker thread, run every enabled lint, and gather findings and per-file
//! problems in a deterministic order.

mod index;
mod prefilter;

pub use prefilter::{Prefilter, Verdict};

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use rayon::prelude::*;

// The scan takes and reports these; callers (tests, benches) name them through `scan`.
pub use crate::input::{FileProblem, Input, ProblemKind};

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::finding::Finding;
use crate::flow::{self, CrateIndex, FileIndex};
use crate::layout::{Packages, Unit};
use crate::lints::{self, FileContext};
use crate::source::SourceFile;
use crate::suppress;
use crate::syntax::imports::FileImports;
use crate::syntax::nesting;
use crate::syntax::types::StructFields;

/// Everything a scan produced, sorted.
#[derive(Debug, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
    /// Findings silenced by a `stray: allow(..)` comment, with its reason.
    pub suppressed: Vec<(Finding, Option<String>)>,
    /// Findings left out because the baseline already knows them.
    pub baselined: usize,
    pub problems: Vec<FileProblem>,
    pub files_scanned: usize,
    /// What the crate index took.
    pub index: IndexStats,
    /// Of the files scanned, those the pre-filter found nothing to parse for.
    pub files_prefiltered: usize,
}

/// What building the crate indexes took, beyond analysing the files scanned.
#[derive(Debug, Default, Clone, Copy)]
pub struct IndexStats {
    /// Files of the scanned files' crates read for the index only, and of those, parsed.
    pub files_read: usize,
    pub files_parsed: usize,
    /// Scanned files analysed a second time, with their crate's index.
    pub files_reanalysed: usize,
    /// Wall time of building the indexes (reading and summarising the files read for the
    /// index only, merging, and choosing the files that read from it), and of the second
    /// pass (analysing those files again).
    pub building: std::time::Duration,
    pub second_pass: std::time::Duration,
}

/// How deep a file may nest and still be parsed and analysed on a given stack. syn parses
/// delimiters, prefix operators, closures, generic arguments, ranges, `@` bindings,
/// `return`/assignment chains and conditions that are an `if` or `match` themselves
/// recursively; method, field, binary-operator and `else if` chains in a loop, but
/// every visitor (ours, and the tree's `Drop`) recurses into those. A stack overflow aborts
/// the whole process, which no `catch_unwind` can stop, so files are measured first.
#[derive(Debug, Clone, Copy)]
pub(super) struct Limits {
    /// `(`, `[`, `{` nesting, measured before parsing.
    nesting: usize,
    /// Longest run of tokens syn parses by recursion between two separators, measured
    /// before parsing.
    operator_run: usize,
    /// Deepest expression, type or pattern tree, measured after parsing.
    ast_depth: usize,
}

/// What every file gets, on the pool's 64 MiB stacks: far beyond hand-written code.
pub(super) const NORMAL: Limits = Limits {
    nesting: 256,
    operator_run: 1024,
    ast_depth: 1000,
};

/// Generated code (large match tables, long expressions) that passes `NORMAL` is analysed
/// on a thread of its own with a 1 GiB stack (reserved, committed only as used), sixteen
/// times the pool's, with limits scaled alike. Beyond these, a file is skipped.
const DEEP: Limits = Limits {
    nesting: 4096,
    operator_run: 16384,
    ast_depth: 16000,
};

const DEEP_STACK_SIZE: usize = 1 << 30;

/// Worker threads get large stacks, for syn's recursion and ours.
const STACK_SIZE: usize = 64 << 20;

/// Who watches a scan go: told the number of files, then of each file as it is done.
/// Called from the worker threads.
pub trait Progress: Sync {
    fn start(&self, _files: usize) {}
    /// A file done, with the findings it has so far (a file analysed again with its
    /// crate's index is not counted twice).
    fn file_done(&self, _findings: usize) {}
    /// The second pass: `files` analysed again with their crates' indexes.
    fn again(&self, _files: usize) {}
}

/// Nobody watching.
pub struct Unobserved;

impl Progress for Unobserved {}

pub fn scan(inputs: Vec<Input>, problems: Vec<FileProblem>, config: &Config) -> Report {
    scan_observed(inputs, problems, config, &Unobserved)
}

/// As `scan`, telling `progress` how far it got.
pub fn scan_observed(
    inputs: Vec<Input>,
    problems: Vec<FileProblem>,
    config: &Config,
    progress: &dyn Progress,
) -> Report {
    let mut inputs = inputs;
    inputs.sort();
    inputs.dedup_by(|a, b| a.path == b.path);
    let pool = rayon::ThreadPoolBuilder::new()
        .stack_size(STACK_SIZE)
        .num_threads(config.jobs.unwrap_or(0))
        .build();
    let run = || {
        let mut packages = Packages::default();
        let units: Vec<Unit> = inputs
            .iter()
            .map(|i| match config.files_alone {
                true => Unit::alone(&i.path),
                false => packages.unit_of(&i.path),
            })
            .collect();
        // First pass: every file that names something a finding can start from analysed
        // alone; a file of a crate is also summarised for the crate's index.
        let prefilter = (!config.no_prefilter).then(|| Prefilter::new(config));
        progress.start(inputs.len());
        let (mut results, summarised): (Vec<_>, Vec<_>) = inputs
            .par_iter()
            .zip(&units)
            .map(|(input, unit)| {
                let alone = CrateOf { unit, index: None };
                let (result, summary) =
                    scan_one(input, config, alone, unit.shared, prefilter.as_ref());
                let findings = match &result {
                    Ok(Some((findings, _))) => findings.len(),
                    _ => 0,
                };
                progress.file_done(findings);
                (result, summary)
            })
            .unzip();
        let prefiltered = results.iter().filter(|r| matches!(r, Ok(None))).count();
        let started = std::time::Instant::now();
        let indexes = index::build(&inputs, &units, summarised, &mut packages, config);
        let building = started.elapsed();
        let started = std::time::Instant::now();
        // Second pass: the files that name something their crate's index knows, analysed
        // again with it.
        let chosen: Vec<usize> = (0..inputs.len())
            .filter(|&i| indexes.chosen.get(i).copied().unwrap_or(false))
            .collect();
        progress.again(chosen.len());
        let again: Vec<(usize, Result<Option<Scanned>, FileProblem>)> = chosen
            .par_iter()
            .map(|&i| (i, (&inputs[i], &units[i])))
            .map(|(i, (input, unit))| {
                let with = CrateOf {
                    unit,
                    index: indexes.of(unit),
                };
                (i, scan_one(input, config, with, false, None).0)
            })
            .collect();
        let stats = IndexStats {
            files_read: indexes.files_read,
            files_parsed: indexes.files_parsed,
            files_reanalysed: again.len(),
            building,
            second_pass: started.elapsed(),
        };
        for (i, result) in again {
            results[i] = result;
        }
        (results, stats, prefiltered)
    };
    let (results, index, files_prefiltered) = match pool {
        Ok(pool) => pool.install(run),
        Err(_) => run(),
    };
    let mut report = Report {
        problems,
        index,
        files_prefiltered,
        ..Report::default()
    };
    for result in results {
        report.files_scanned += 1;
        match result {
            Ok(None) => {}
            Ok(Some((findings, suppressed))) => {
                report.findings.extend(findings);
                report.suppressed.extend(suppressed);
            }
            Err(problem) => report.problems.push(problem),
        }
    }
    report.suppressed.sort_by(|a, b| {
        (
            &a.0.file.display,
            a.0.diagnostic.primary.span.start,
            a.0.lint.id,
        )
            .cmp(&(
                &b.0.file.display,
                b.0.diagnostic.primary.span.start,
                b.0.lint.id,
            ))
    });
    report.findings.sort_by(|a, b| {
        (
            &a.file.display,
            a.diagnostic.primary.span.start,
            a.lint.id,
            &a.diagnostic.message,
        )
            .cmp(&(
                &b.file.display,
                b.diagnostic.primary.span.start,
                b.lint.id,
                &b.diagnostic.message,
            ))
    });
    report
        .problems
        .sort_by(|a, b| (&a.display, a.position).cmp(&(&b.display, b.position)));
    report
}

type Scanned = (Vec<Finding>, Vec<(Finding, Option<String>)>);

/// What the first pass learnt of a file for its crate's index.
pub(crate) enum Summarised {
    /// Nothing (or the file could not be analysed).
    Nothing,
    Index(Box<FileIndex>),
    /// Not parsed: it re-exports, and names nothing else. Read for the index only if its
    /// crate has something to index.
    Deferred,
}

/// Scans one file; `summarise`: also what it tells its crate's index (`None` where the
/// file could not be analysed). `Ok(None)`: the pre-filter, when given, found nothing in
/// it worth parsing now.
fn scan_one(
    input: &Input,
    config: &Config,
    crate_of: CrateOf<'_>,
    summarise: bool,
    prefilter: Option<&Prefilter>,
) -> (Result<Option<Scanned>, FileProblem>, Summarised) {
    let mut summary = None;
    let mut deferred = false;
    let result = scan_file(
        input,
        config,
        crate_of,
        summarise.then_some(&mut summary),
        prefilter.map(|p| (p, &mut deferred)),
    );
    let summarised = match summary {
        Some(index) => Summarised::Index(Box::new(index)),
        None if deferred && summarise => Summarised::Deferred,
        None => Summarised::Nothing,
    };
    (result, summarised)
}

fn scan_file(
    input: &Input,
    config: &Config,
    crate_of: CrateOf<'_>,
    summary: Option<&mut Option<FileIndex>>,
    prefilter: Option<(&Prefilter, &mut bool)>,
) -> Result<Option<Scanned>, FileProblem> {
    let problem = |kind, message: String, position| FileProblem {
        display: input.display.clone(),
        kind,
        message,
        position,
    };
    let bytes = std::fs::read(&input.path).map_err(|e| {
        problem(
            ProblemKind::Unreadable,
            format!("could not read file: {e}"),
            None,
        )
    })?;
    if let Some((prefilter, deferred)) = prefilter {
        match prefilter.verdict(&bytes) {
            Verdict::Analyse => {}
            Verdict::IndexOnly => {
                *deferred = true;
                return Ok(None);
            }
            Verdict::Skip => return Ok(None),
        }
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let src = SourceFile::new(
            input.path.clone(),
            input.display.clone(),
            String::from_utf8_lossy(&e.as_bytes()[..at]).into_owned(),
        );
        let pos = src.position(at);
        problem(
            ProblemKind::NotUtf8,
            format!("file is not valid UTF-8 (invalid byte at offset {at})"),
            Some((pos.line, pos.column)),
        )
    })?;
    let source = Arc::new(SourceFile::new(
        input.path.clone(),
        input.display.clone(),
        text,
    ));

    ANALYSING.with(|a| a.set(true));
    let want_summary = summary.is_some();
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        analyse(&source, config, crate_of, want_summary)
    }));
    ANALYSING.with(|a| a.set(false));
    // Spans index a per-thread table that only grows; everything we keep is byte offsets.
    proc_macro2::extra::invalidate_current_thread_spans();
    match outcome {
        Ok(Ok((diagnostics, marks, file_index))) => {
            if let Some(summary) = summary {
                // Most files tell their crate nothing: keep only what does.
                *summary = file_index.filter(|f| !f.is_empty());
            }
            let finding = |lint: &'static lints::Lint, diagnostic| {
                Some(Finding {
                    lint,
                    severity: lint.severity(config)?,
                    file: Arc::clone(&source),
                    diagnostic,
                })
            };
            let findings: Vec<Finding> = diagnostics
                .into_iter()
                .filter_map(|(lint, diagnostic)| {
                    // Settings declare every lint id they name before the scan starts.
                    let reported_as = diagnostic.reported_as.and_then(lints::Lint::by_id);
                    finding(reported_as.unwrap_or(lint), diagnostic)
                })
                .collect();
            let (findings, mut suppressed) = suppress::apply_clippy(&marks.clippy, findings);
            if !suppress::may_have(&source.text) {
                return Ok(Some((findings, suppressed)));
            }
            let mut suppressions = suppress::parse(&source, &marks.items);
            let (mut kept, by_comment) = suppress::apply(&mut suppressions, findings);
            suppressed.extend(by_comment);
            kept.extend(
                suppress::unused(&suppressions)
                    .into_iter()
                    .filter_map(|d| finding(&lints::unused_suppression::LINT, d)),
            );
            Ok(Some((kept, suppressed)))
        }
        Ok(Err((kind, message, offset))) => {
            let pos = offset
                .map(|o| source.position(o))
                .map(|p| (p.line, p.column));
            Err(problem(kind, message, pos))
        }
        Err(panic) => Err(problem(
            ProblemKind::InternalError,
            format!(
                "internal error while analysing this file ({}); please report it",
                panic_message(&*panic)
            ),
            None,
        )),
    }
}

/// The diagnostics of a file, and what its suppressions need of its syntax.
type Analysis = Result<
    (
        Vec<(&'static lints::Lint, Diagnostic)>,
        suppress::Marks,
        Option<FileIndex>,
    ),
    (ProblemKind, String, Option<usize>),
>;

/// Where a file sits in its crate, and the crate's index.
#[derive(Clone, Copy)]
struct CrateOf<'a> {
    unit: &'a Unit,
    index: Option<&'a CrateIndex>,
}

fn analyse(
    source: &SourceFile,
    config: &Config,
    crate_of: CrateOf<'_>,
    summarise: bool,
) -> Analysis {
    if nesting::exceeds(&source.text, NORMAL.nesting, NORMAL.operator_run).is_none() {
        match analyse_within(source, config, NORMAL, crate_of, summarise) {
            // A tree deeper than the normal stack allows: try again on the deep one.
            Err((ProblemKind::TooDeep, _, _)) => {}
            done => return done,
        }
    } else if let Some((why, offset)) =
        nesting::exceeds(&source.text, DEEP.nesting, DEEP.operator_run)
    {
        let message = match why {
            nesting::TooDeep::Delimiters(n) => format!(
                "delimiters nest more than {n} deep; skipped, as parsing it could overflow the stack"
            ),
            nesting::TooDeep::Ranges(n) => format!(
                "more than {n} ranges in a row (`.. ..`); skipped, as analysing it could take hours"
            ),
            nesting::TooDeep::Operators(n) => format!(
                "more than {n} prefix operators, closures, ranges, generic arguments, `return`s or conditions nest in one expression; skipped, as parsing it could overflow the stack"
            ),
        };
        return Err((ProblemKind::TooDeep, message, Some(offset)));
    }
    std::thread::scope(|scope| {
        let thread = std::thread::Builder::new()
            .name("cargo-stray-deep".into())
            .stack_size(DEEP_STACK_SIZE)
            .spawn_scoped(scope, || {
                ANALYSING.with(|a| a.set(true));
                analyse_within(source, config, DEEP, crate_of, summarise)
            });
        match thread {
            Ok(handle) => handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(e) => Err((
                ProblemKind::TooDeep,
                format!(
                    "nests too deep for the worker threads, and a thread with a larger stack could not be started: {e}"
                ),
                None,
            )),
        }
    })
}

fn analyse_within(
    source: &SourceFile,
    config: &Config,
    limits: Limits,
    crate_of: CrateOf<'_>,
    summarise: bool,
) -> Analysis {
    let text = source.text.strip_prefix('\u{feff}').unwrap_or(&source.text);
    let bom = source.text.len() - text.len();
    let syntax = syn::parse_file(text).map_err(|e| {
        let offset = e.span().byte_range().start + bom;
        (
            ProblemKind::ParseError,
            format!("could not parse: {e}"),
            Some(offset),
        )
    })?;
    if nesting::ast_exceeds(&syntax, limits.ast_depth) {
        // Dropping the tree would recurse as deep as it nests: leak this one instead.
        std::mem::forget(syntax);
        return Err((
            ProblemKind::TooDeep,
            format!(
                "expressions nest more than {} deep; skipped, as analysing it could overflow the stack",
                limits.ast_depth
            ),
            None,
        ));
    }
    let (imports, fields) = match crate_of.index {
        Some(index) => {
            let imports = index.imports(&syntax, crate_of.unit.module.clone());
            let fields = index.fields(&syntax, &imports);
            (imports, fields)
        }
        None if crate_of.unit.shared => {
            let imports = FileImports::in_crate(&syntax, crate_of.unit.module.clone(), None);
            let fields = StructFields::new(&syntax, &imports);
            (imports, fields)
        }
        None => {
            let imports = FileImports::new(&syntax, is_crate_root(source));
            let fields = StructFields::new(&syntax, &imports);
            (imports, fields)
        }
    };
    // The lints see the text syn parsed, so their offsets and the text agree; what they
    // report is shifted past the byte-order mark afterwards.
    let without_bom;
    let seen = if bom == 0 {
        source
    } else {
        without_bom = SourceFile::new(
            source.path.clone(),
            source.display.clone(),
            text.to_string(),
        );
        &without_bom
    };
    let cx = FileContext {
        source: seen,
        syntax: &syntax,
        imports: &imports,
        fields: &fields,
        flow: std::cell::OnceCell::new(),
        user: &config.resources,
        index: crate_of.index,
    };
    let mut out = Vec::new();
    for lint in lints::ALL {
        let lints::Check::File(check) = lint.check else {
            continue;
        };
        // The lint that reports declared resources runs while any of their lints is on.
        let enabled = lint.severity(config).is_some()
            || (lint.id == lints::resource_not_released::LINT.id
                && config.resources.iter().any(|r| {
                    lints::Lint::by_id(r.lint).is_some_and(|l| l.severity(config).is_some())
                }));
        if !enabled {
            continue;
        }
        let mut diagnostics = Vec::new();
        check(&cx, &mut diagnostics);
        out.extend(diagnostics.into_iter().map(|mut d| {
            shift(&mut d, bom);
            (*lint, d)
        }));
    }
    let marks = suppress::Marks {
        items: if suppress::may_have(&source.text) {
            suppress::item_lines(&syntax, source, bom)
        } else {
            Vec::new()
        },
        clippy: suppress::clippy_allows(&syntax, text, bom),
    };
    let flow = cx.flow.into_inner();
    let summary = summarise.then(|| {
        let reexports = index::reexports(text);
        flow::index_of_analysis(&syntax, imports, fields, flow, &config.resources, reexports)
    });
    Ok((out, marks, summary))
}

/// Spans are relative to the text handed to syn, which has no byte-order mark.
fn shift(d: &mut Diagnostic, by: usize) {
    for label in std::iter::once(&mut d.primary).chain(d.secondary.iter_mut()) {
        label.span = label.span.start + by..label.span.end + by;
    }
    for edit in d.fix.iter_mut().flat_map(|f| f.edits.iter_mut()) {
        edit.span = edit.span.start + by..edit.span.end + by;
    }
}

/// Whether `crate::` paths in this file start at its top level.
fn is_crate_root(source: &SourceFile) -> bool {
    let name = source
        .path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("");
    matches!(name, "lib.rs" | "main.rs" | "build.rs")
        || source
            .path
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|n| n.to_str())
            .is_some_and(|dir| matches!(dir, "bin" | "examples" | "tests" | "benches"))
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic".to_string()
    }
}

thread_local! {
    static ANALYSING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A panic while analysing a file is caught and reported as that file's internal error;
/// the default hook would also print it, in the middle of the report.
pub fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !ANALYSING.with(|a| a.get()) {
            default(info);
        }
    }));
}
