//! One file's analysis: read it, check its text, parse and analyse it within the stack it
//! is given, and turn what the lints said into findings (levels, suppressions).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use super::{ANALYSING, DEEP, DEEP_STACK_SIZE, Limits, NORMAL, Scanned, index};
use crate::cache::{Diagnostics, Restored};
use crate::catalog::SKIPPED_TARGET;
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::finding::Finding;
use crate::flow::{self, CrateIndex, FileIndex};
use crate::input::{FileProblem, Input, ProblemKind};
use crate::layout::Unit;
use crate::lints::{self, FileContext};
use crate::source::SourceFile;
use crate::suppress;
use crate::syntax::imports::FileImports;
use crate::syntax::nesting;
use crate::syntax::parse_failure;
use crate::syntax::types::StructFields;

/// Why a file could not be analysed: the kind, the message, and where (a byte offset).
pub(super) type Failure = (ProblemKind, String, Option<usize>);

fn problem(
    input: &Input,
    kind: ProblemKind,
    message: String,
    position: Option<(usize, usize)>,
) -> FileProblem {
    FileProblem {
        display: input.display.clone(),
        kind,
        message,
        position,
        source: None,
    }
}

/// The file's bytes.
pub(super) fn read(input: &Input) -> Result<Vec<u8>, FileProblem> {
    std::fs::read(&input.path).map_err(|e| {
        problem(
            input,
            ProblemKind::Unreadable,
            format!("could not read file: {e}"),
            None,
        )
    })
}

/// The file's text, if its bytes are UTF-8.
pub(super) fn text(input: &Input, bytes: Vec<u8>) -> Result<Arc<SourceFile>, FileProblem> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        // Shown with the bad bytes replaced, so that the finding can point at the first:
        // everything before it is the file's own text, at the same offsets.
        let src = SourceFile::new(
            input.path.clone(),
            input.display.clone(),
            String::from_utf8_lossy(e.as_bytes()).into_owned(),
        );
        let pos = src.position(at);
        FileProblem {
            source: Some((Arc::new(src), Some(at))),
            ..problem(
                input,
                ProblemKind::NotUtf8,
                format!("file is not valid UTF-8 (invalid byte at offset {at})"),
                Some((pos.line, pos.column)),
            )
        }
    })?;
    Ok(Arc::new(SourceFile::new(
        input.path.clone(),
        input.display.clone(),
        text,
    )))
}

/// What the lints say of the file, what its suppressions need, and (if `summarise`, and
/// it says anything) its summary for its crate's index. A panic is caught, as an internal
/// error.
pub(super) fn analysed(
    source: &SourceFile,
    config: &Config,
    crate_of: CrateOf<'_>,
    summarise: bool,
) -> Result<(Diagnostics, suppress::Marks, Option<FileIndex>), Failure> {
    ANALYSING.with(|a| a.set(true));
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        analyse(source, config, crate_of, summarise)
    }));
    ANALYSING.with(|a| a.set(false));
    // Spans index a per-thread table that only grows; everything we keep is byte offsets.
    proc_macro2::extra::invalidate_current_thread_spans();
    match outcome {
        // Most files tell their crate nothing: keep only what does.
        Ok(Ok((diagnostics, marks, index))) => {
            Ok((diagnostics, marks, index.filter(|f| !f.is_empty())))
        }
        Ok(Err(failure)) => Err(failure),
        Err(panic) => Err((
            ProblemKind::InternalError,
            format!(
                "internal error while analysing this file ({}); please report it",
                panic_message(&*panic)
            ),
            None,
        )),
    }
}

/// The findings of an analysis, with their levels, after the file's suppressions; or the
/// problem that stopped it, placed in the file.
pub(super) fn conclude(
    source: &Arc<SourceFile>,
    config: &Config,
    analysis: Restored,
) -> Result<Scanned, FileProblem> {
    let (diagnostics, marks) = match analysis {
        Ok(done) => done,
        Err((kind, message, offset)) => {
            let position = offset
                .map(|o| source.position(o))
                .map(|p| (p.line, p.column));
            return Err(FileProblem {
                display: source.display.clone(),
                kind,
                message,
                position,
                source: Some((Arc::clone(source), offset)),
            });
        }
    };
    let finding = |lint: &'static lints::Lint, diagnostic| {
        Some(Finding {
            lint,
            severity: lint.severity(config)?,
            file: Arc::clone(source),
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
        return Ok((findings, suppressed));
    }
    let mut suppressions = suppress::parse(source, &marks.items);
    let (mut kept, by_comment) = suppress::apply(&mut suppressions, findings);
    suppressed.extend(by_comment);
    kept.extend(
        suppress::unused(&suppressions, |l| l.severity(config).is_some())
            .into_iter()
            .filter_map(|d| finding(&lints::unused_suppression::LINT, d)),
    );
    Ok((kept, suppressed))
}

/// The diagnostics of a file, and what its suppressions need of its syntax.
type Analysis = Result<(Diagnostics, suppress::Marks, Option<FileIndex>), Failure>;

/// Where a file sits in its crate, and the crate's index.
#[derive(Clone, Copy)]
pub(super) struct CrateOf<'a> {
    pub(super) unit: &'a Unit,
    pub(super) index: Option<&'a CrateIndex>,
    /// Whether the flow engine runs (see `FileContext::flow_wanted`).
    pub(super) flow: bool,
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
        let (message, offset) =
            parse_failure::explain(text, &e.to_string(), e.span().byte_range().start);
        (ProblemKind::ParseError, message, Some(offset + bom))
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
        // A module named for the skipped target (`mod windows;`, `sys/windows.rs`) is
        // compiled only there, as `#![cfg(windows)]` in the file would say.
        flow_wanted: crate_of.flow && !crate_of.unit.module.iter().any(|m| m == SKIPPED_TARGET),
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
