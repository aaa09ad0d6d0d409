//! Scanning: index the crates the files belong to (`index`), then read, check and parse
//! each file on a worker thread, run every enabled lint, and gather findings and per-file
//! problems in a deterministic order.

mod file;
mod index;
mod prefilter;
mod stored;

pub use prefilter::{Prefilter, Verdict};

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

// The scan takes and reports these; callers (tests, benches) name them through `scan`.
pub use crate::cache::CacheStats;
pub use crate::input::{FileProblem, Input, ProblemKind};

use crate::cache::{self, Cache, FileEntry, Second};
use crate::config::Config;
use crate::finding::Finding;
use crate::flow::FileIndex;
use crate::layout::{Packages, Unit};
use crate::level::Severity;
use crate::lints::file_not_analysed;
use crate::source::SourceFile;
use file::CrateOf;
use stored::Stored;

/// Everything a scan produced, sorted.
#[derive(Debug, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
    /// Findings silenced by a `stray: allow(..)` comment, with its reason.
    pub suppressed: Vec<(Finding, Option<String>)>,
    /// Findings left out because the baseline already knows them.
    pub baselined: usize,
    pub problems: Vec<FileProblem>,
    /// Files analysed (or passed over by the pre-filter); those in `problems` are not.
    pub files_scanned: usize,
    /// What the crate index took.
    pub index: IndexStats,
    /// Of the files scanned, those the pre-filter found nothing to parse for.
    pub files_prefiltered: usize,
    /// What the persistent cache saved, and why it could not be written, if it could not.
    pub cache: CacheStats,
    pub cache_problem: Option<String>,
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
        let mut store = config
            .cache
            .as_deref()
            .map(|root| Stored::open(Cache::new(root, config), &inputs, &units));
        // First pass: every file that names something a finding can start from analysed
        // alone; a file of a crate is also summarised for the crate's index.
        let prefilter = (!config.no_prefilter).then(|| Prefilter::new(config));
        progress.start(inputs.len());
        let firsts: Vec<FirstPass> = inputs
            .par_iter()
            .zip(&units)
            .enumerate()
            .map(|(i, (input, unit))| {
                let cached = store.as_ref().map(|s| (&s.cache, s.old(i)));
                let first = first_pass(input, config, unit, prefilter.as_ref(), cached);
                let findings = match &first.result {
                    Ok(Some((findings, _))) => findings.len(),
                    _ => 0,
                };
                progress.file_done(findings);
                first
            })
            .collect();
        let mut results = Vec::with_capacity(firsts.len());
        let mut summarised = Vec::with_capacity(firsts.len());
        let mut fingerprints = Vec::with_capacity(firsts.len());
        let mut stats = CacheStats::default();
        for first in firsts {
            stats.reused += usize::from(first.reused);
            stats.analysed += usize::from(first.analysed);
            results.push(first.result);
            summarised.push(first.summary);
            fingerprints.push(first.fingerprint);
            if let Some(store) = &mut store {
                store.push(first.entry, first.reused);
            }
        }
        let prefiltered = results.iter().filter(|r| matches!(r, Ok(None))).count();
        let started = std::time::Instant::now();
        // A crate whose index is made of what it was made of last time, and whose every
        // file's second pass is known under it, is not indexed again.
        let keys = match &store {
            Some(_) => index::keys(&inputs, &units, &fingerprints, &mut packages),
            None => HashMap::new(),
        };
        let key_of = |i: usize| {
            keys.get(&units[i].group)
                .copied()
                .filter(|_| units[i].shared)
        };
        let settled: HashSet<&Path> = match &store {
            Some(store) => settled_groups(&units, &keys, store),
            None => HashSet::new(),
        };
        let rebuilt: Vec<usize> = (0..inputs.len())
            .filter(|&i| !(units[i].shared && settled.contains(units[i].group.as_path())))
            .collect();
        let mut summarised: Vec<Option<Summarised>> = summarised.into_iter().map(Some).collect();
        let indexes = index::build(
            &rebuilt
                .iter()
                .map(|&i| inputs[i].clone())
                .collect::<Vec<_>>(),
            &rebuilt
                .iter()
                .map(|&i| units[i].clone())
                .collect::<Vec<_>>(),
            rebuilt
                .iter()
                .filter_map(|&i| summarised[i].take())
                .collect(),
            &mut packages,
            config,
        );
        let mut chosen = vec![false; inputs.len()];
        for (j, &i) in rebuilt.iter().enumerate() {
            chosen[i] = indexes.chosen.get(j).copied().unwrap_or(false);
        }
        if let Some(store) = &mut store {
            for (i, chosen) in chosen.iter_mut().enumerate() {
                let Some(key) = key_of(i) else { continue };
                if settled.contains(units[i].group.as_path()) {
                    *chosen = store.second(i, key).is_some_and(|s| s.outcome.is_some());
                } else if !*chosen {
                    store.set_second(
                        i,
                        Second {
                            index: key,
                            outcome: None,
                        },
                    );
                }
            }
            stats.indexes_reused = settled.len();
        }
        let building = started.elapsed();
        let started = std::time::Instant::now();
        // Second pass: the files that name something their crate's index knows, analysed
        // again with it (or taken from the cache, under the index's key).
        let chosen: Vec<usize> = (0..inputs.len()).filter(|&i| chosen[i]).collect();
        progress.again(chosen.len());
        let again: Vec<(usize, SecondPass)> = chosen
            .par_iter()
            .map(|&i| {
                let with = CrateOf {
                    unit: &units[i],
                    index: indexes.of(&units[i]),
                    flow: true,
                };
                let cached = store.as_ref().and_then(|s| {
                    let key = key_of(i)?;
                    Some((&s.cache, key, s.second(i, key), s.content(i)?))
                });
                (i, second_pass(&inputs[i], config, with, cached))
            })
            .collect();
        let index_stats = IndexStats {
            files_read: indexes.files_read,
            files_parsed: indexes.files_parsed,
            files_reanalysed: again.len(),
            building,
            second_pass: started.elapsed(),
        };
        for (i, second) in again {
            stats.reused += usize::from(second.reused);
            stats.analysed += usize::from(second.analysed);
            if let (Some(store), Some(entry)) = (&mut store, second.entry) {
                store.set_second(i, entry);
            }
            results[i] = second.result;
        }
        let cache_problem = store.and_then(|s| s.write().err());
        (results, index_stats, prefiltered, stats, cache_problem)
    };
    let (results, index, files_prefiltered, cache, cache_problem) = match pool {
        Ok(pool) => pool.install(run),
        Err(_) => run(),
    };
    let mut report = Report {
        problems,
        index,
        files_prefiltered,
        cache,
        cache_problem,
        ..Report::default()
    };
    for result in results {
        match result {
            Ok(found) => {
                // A file that could not be read or parsed was skipped, not scanned.
                report.files_scanned += 1;
                if let Some((findings, suppressed)) = found {
                    report.findings.extend(findings);
                    report.suppressed.extend(suppressed);
                }
            }
            Err(problem) => report.problems.push(problem),
        }
    }
    // Each skipped file is also a finding (deny by default), so that a run over a broken
    // file fails instead of passing with nothing checked.
    if let Some(severity) = file_not_analysed::LINT.severity(config) {
        let findings = report.problems.iter().map(|p| skipped_file(p, severity));
        report.findings.extend(findings.collect::<Vec<_>>());
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

/// The `file_not_analysed` finding for a file the scan skipped, at `severity`.
fn skipped_file(problem: &FileProblem, severity: Severity) -> Finding {
    let file = match &problem.source {
        Some((file, _)) => Arc::clone(file),
        // Nothing was read: a file with no text, named as the problem names it.
        None => Arc::new(SourceFile::new(
            PathBuf::from(&problem.display),
            problem.display.clone(),
            String::new(),
        )),
    };
    Finding {
        lint: &file_not_analysed::LINT,
        severity,
        file,
        diagnostic: file_not_analysed::diagnostic(problem),
    }
}

/// The groups whose every input's second pass the cache knows under the group's key.
fn settled_groups<'u>(
    units: &'u [Unit],
    keys: &HashMap<PathBuf, u128>,
    store: &Stored,
) -> HashSet<&'u Path> {
    let mut unsettled = HashSet::new();
    let mut groups = HashSet::new();
    for (i, unit) in units.iter().enumerate() {
        if !unit.shared {
            continue;
        }
        groups.insert(unit.group.as_path());
        // A file that could not be read as text tells the index nothing, and reads nothing
        // from it.
        if store.content(i).is_none() {
            continue;
        }
        let known = keys
            .get(&unit.group)
            .and_then(|&key| store.second(i, key))
            .is_some_and(|s| {
                s.outcome
                    .as_ref()
                    .is_none_or(|o| o.clone().restore().is_some())
            });
        if !known {
            unsettled.insert(unit.group.as_path());
        }
    }
    groups.retain(|g| !unsettled.contains(g));
    groups
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

/// What the first pass made of one file.
struct FirstPass {
    /// `Ok(None)`: the pre-filter found nothing in it worth parsing now.
    result: Result<Option<Scanned>, FileProblem>,
    /// What it tells its crate's index (when its unit is shared).
    summary: Summarised,
    /// What the index is built from, as a hash (see `index::keys`); 0 without a cache.
    fingerprint: u128,
    /// Its cache entry as this run leaves it (`None`: not to be cached).
    entry: Option<FileEntry>,
    reused: bool,
    analysed: bool,
}

/// The first pass over one file: analysed alone, or taken from `cached` (the cache, and
/// the file's entry there) when its bytes and place are those of the entry.
fn first_pass(
    input: &Input,
    config: &Config,
    unit: &Unit,
    prefilter: Option<&Prefilter>,
    cached: Option<(&Cache, Option<&FileEntry>)>,
) -> FirstPass {
    let mut first = FirstPass {
        result: Ok(None),
        summary: Summarised::Nothing,
        fingerprint: 0,
        entry: None,
        reused: false,
        analysed: false,
    };
    let bytes = match file::read(input) {
        Ok(bytes) => bytes,
        Err(problem) => {
            first.result = Err(problem);
            return first;
        }
    };
    let content = cached.map(|_| cache::hash(&bytes));
    let context = cache::context(&unit.module, unit.shared);
    let old = cached
        .and_then(|(_, old)| old)
        .filter(|e| Some(e.content) == content && e.context == context);
    let entry = |first: cache::First| {
        content.map(|content| FileEntry {
            content,
            context,
            first,
            second: old.and_then(|o| o.second.clone()),
        })
    };
    let mut flow = true;
    if let Some(prefilter) = prefilter {
        // An unchanged file the pre-filter passed over before gets the same verdict: the
        // cache's stamp covers the settings and the catalog it is built from.
        let verdict = match old.map(|o| &o.first) {
            Some(cache::First::Skipped) => Verdict::Skip,
            Some(cache::First::Deferred) => Verdict::IndexOnly,
            _ => prefilter.verdict(&bytes),
        };
        match verdict {
            Verdict::Analyse => {}
            Verdict::Syntax => {
                flow = false;
                // What it tells its crate's index is its re-exports, as for a file the
                // pre-filter skips.
                if unit.shared && index::reexports(&String::from_utf8_lossy(&bytes)) {
                    first.summary = Summarised::Deferred;
                    first.fingerprint = content.unwrap_or(0);
                }
            }
            Verdict::IndexOnly => {
                if unit.shared {
                    first.summary = Summarised::Deferred;
                    first.fingerprint = content.unwrap_or(0);
                }
                first.entry = entry(cache::First::Deferred);
                return first;
            }
            Verdict::Skip => {
                first.entry = entry(cache::First::Skipped);
                return first;
            }
        }
    }
    let source = match file::text(input, bytes) {
        Ok(source) => source,
        Err(problem) => {
            first.result = Err(problem);
            return first;
        }
    };
    let alone = CrateOf {
        unit,
        index: None,
        flow,
    };
    let reused = old
        .zip(cached)
        .and_then(|(old, (cache, _))| match &old.first {
            cache::First::Analysed { outcome, summary } => {
                let restored = outcome.clone().restore()?;
                let index = match summary {
                    Some(bytes) => Some((cache.summary(bytes)?, cache::hash(bytes))),
                    None => None,
                };
                Some((restored, index, old.first.clone()))
            }
            _ => None,
        });
    let (restored, index, stored) = match reused {
        Some((restored, index, stored)) => {
            first.reused = true;
            (restored, index, Some(stored))
        }
        None => {
            first.analysed = true;
            match file::analysed(&source, config, alone, unit.shared && flow) {
                Ok((diagnostics, marks, index)) => {
                    let outcome = cached.map(|_| cache::Outcome::analysed(&diagnostics, &marks));
                    let encoded = index.map(|index| {
                        let bytes = cached.and_then(|_| cache::encode_summary(&index));
                        (index, bytes)
                    });
                    let fingerprint = encoded.as_ref().map(|(_, b)| b.as_deref().map(cache::hash));
                    let stored = outcome.map(|outcome| cache::First::Analysed {
                        outcome,
                        summary: encoded.as_ref().and_then(|(_, b)| b.clone()),
                    });
                    let index =
                        encoded.map(|(index, _)| (index, fingerprint.flatten().unwrap_or(0)));
                    (Ok((diagnostics, marks)), index, stored)
                }
                Err(failure) => {
                    // A crash is not kept: it is reported again, and a fixed build finds it
                    // gone.
                    let stored = (failure.0 != ProblemKind::InternalError)
                        .then(|| {
                            cached.map(|_| cache::First::Analysed {
                                outcome: cache::Outcome::Problem {
                                    kind: failure.0,
                                    message: failure.1.clone(),
                                    offset: failure.2,
                                },
                                summary: None,
                            })
                        })
                        .flatten();
                    (Err(failure), None, stored)
                }
            }
        }
    };
    if let Some((index, fingerprint)) = index {
        first.summary = Summarised::Index(Box::new(index));
        first.fingerprint = fingerprint;
    }
    first.entry = stored.and_then(entry);
    first.result = file::conclude(&source, config, restored).map(Some);
    first
}

/// What the second pass made of one file.
struct SecondPass {
    result: Result<Option<Scanned>, FileProblem>,
    /// The file's second pass as the cache keeps it (`None`: not to be cached).
    entry: Option<Second>,
    reused: bool,
    analysed: bool,
}

/// The second pass over one file: analysed with its crate's index, or taken from `cached`
/// (the cache, the index's key, the file's second pass there if under that key, and the
/// hash of the bytes the first pass read).
fn second_pass(
    input: &Input,
    config: &Config,
    with: CrateOf<'_>,
    cached: Option<(&Cache, u128, Option<&Second>, u128)>,
) -> SecondPass {
    let mut second = SecondPass {
        result: Ok(None),
        entry: None,
        reused: false,
        analysed: false,
    };
    let bytes = match file::read(input) {
        Ok(bytes) => bytes,
        Err(problem) => {
            second.result = Err(problem);
            return second;
        }
    };
    // A file changed since the first pass is analysed, and its result not kept.
    let cached = cached.filter(|(_, _, _, content)| *content == cache::hash(&bytes));
    let source = match file::text(input, bytes) {
        Ok(source) => source,
        Err(problem) => {
            second.result = Err(problem);
            return second;
        }
    };
    let reused = cached.and_then(|(_, _, old, _)| old?.outcome.clone()?.restore());
    let restored = match reused {
        Some(restored) => {
            second.reused = true;
            restored
        }
        None => {
            second.analysed = true;
            let analysed = file::analysed(&source, config, with, false)
                .map(|(diagnostics, marks, _)| (diagnostics, marks));
            if let (Some((_, key, _, _)), Ok((diagnostics, marks))) = (cached, &analysed) {
                second.entry = Some(Second {
                    index: key,
                    outcome: Some(cache::Outcome::analysed(diagnostics, marks)),
                });
            }
            analysed
        }
    };
    second.result = file::conclude(&source, config, restored).map(Some);
    second
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
