//! Fuzzing the scanner with mutants of every ui case and of the realistic files in
//! `tests/fuzz/corpus/`: tokens deleted, duplicated, swapped or renamed (to multi-byte
//! names too); statements and expressions wrapped in blocks, closures and `async` blocks;
//! `?`, `return`, `break`, `drop(..)` inserted; arms, loops and `.await`s removed; CRLF
//! line endings, byte-order marks, multi-byte strings, comments and whitespace,
//! `stray: allow(..)` comments. For every mutant the scan must:
//!
//! - finish within [`FILE_LIMIT`] and not panic: a panic the scan catches and reports as
//!   an `internal_error` problem is a failure too;
//! - when syn parses the mutant, parse it as well;
//! - report the same findings with one thread (each mutant alone) and with four (the
//!   mutants of a batch together), rendered as the JSON report;
//! - point every label and fix edit at bytes of the file that start and end on character
//!   boundaries, and leave a parseable mutant parseable once every fix is applied.
//!
//! `STRAY_FUZZ_ITERATIONS=N` sets the number of mutants (default [`DEFAULT_ITERATIONS`]),
//! `STRAY_FUZZ_SEED=S` (decimal or `0x` hex; fixed by default, so CI sees the same
//! mutants every run) which ones. Mutant `i` of a seed does not depend on `N`, so a
//! failure found by a long run comes back with `STRAY_FUZZ_SEED=S
//! STRAY_FUZZ_ITERATIONS=i+1`. The smallest mutant of each distinct failure is written to
//! `target/tmp/fuzz-failures/`: `cargo run -- -j 1 <file>` scans it alone, and
//! `STRAY_FUZZ_MINIMIZE=<file> cargo test --test fuzz -- --nocapture` shrinks it to the
//! smallest text that still fails the same way (the first way it fails, or the kind named
//! by `STRAY_FUZZ_KIND`), under the default settings, written beside it as `<file>.min.rs`.
//! When the test process itself dies (a stack overflow aborts it), `in-progress.rs` and
//! `in-progress.txt` there hold the mutant being scanned and where it came from.
//! `STRAY_FUZZ_DUMP=<dir>` writes every mutant to `<dir>`, its mutations in a comment.

#[path = "fuzz/check.rs"]
mod check;
#[path = "fuzz/minimize.rs"]
mod minimize;
#[path = "fuzz/mutate.rs"]
mod mutate;
#[path = "fuzz/rng.rs"]
mod rng;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use stray::config::Config;
use stray::scan::Input;

use check::{
    Bug, Outcome, bug, examine, install_panic_hook, limited, line_diff, parses, take_panics,
    twin_bug, with_panic, write_twins,
};
use rng::Rng;

const DEFAULT_SEED: u64 = 0x5752_4159_0011;
const DEFAULT_ITERATIONS: usize = 400;
/// Mutants scanned together with four threads, and compared with their scans alone.
const BATCH: usize = 32;
/// Generous for a debug build on a busy machine: the slowest mutants take a fifth of a
/// second.
const FILE_LIMIT: Duration = Duration::from_secs(10);
/// Hung scans keep a core busy until the process ends: after this many, stop.
const MAX_TIMEOUTS: usize = 3;
/// The corpus files are few but long, and reach deeper into the engine than any ui case.
const CORPUS_PERCENT: u64 = 25;

fn crate_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn failures_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-failures")
}

/// What is being scanned, kept on disk: a stack overflow aborts the process, and with it
/// the harness, so only a file written before the scan can say which mutant did it.
fn in_progress(case: &Case<'_>, what: &str) {
    let dir = failures_dir();
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(dir.join("in-progress.rs"), &case.text);
    let steps: String = case.steps.iter().map(|s| format!("  - {s}\n")).collect();
    let note = format!(
        "{what}: mutant {} of {} (in-progress.rs), mutations:\n{steps}",
        case.index, case.seed.display
    );
    let _ = std::fs::write(dir.join("in-progress.txt"), note);
}

fn env_number(name: &str) -> Option<u64> {
    let value = std::env::var(name).ok()?;
    let value = value.trim();
    let parsed = match value.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => value.parse(),
    };
    Some(parsed.unwrap_or_else(|e| panic!("{name}={value}: {e}")))
}

/// A file the mutants start from, and the settings it is scanned with.
struct Seed {
    display: String,
    text: String,
    config: usize,
}

/// The ui cases and the corpus, sorted, and the configurations they need: the default,
/// then one per case that comes with a `<case>.toml`.
fn seeds() -> (Vec<Seed>, Vec<Seed>, Vec<Config>) {
    let mut configs = vec![Config::default()];
    let mut cases = Vec::new();
    for family in sorted_files(&crate_root().join("ui-tests"), None) {
        for path in sorted_files(&family, Some("rs")) {
            let settings = path.with_extension("toml");
            let config = if settings.is_file() {
                let dir = path.parent().expect("a case is in a directory");
                let loaded = stray::settings::Settings::load(dir, Some(&settings))
                    .unwrap_or_else(|e| panic!("{}: {e:#}", settings.display()));
                configs.push(Config {
                    levels: loaded.levels.into_iter().collect(),
                    resources: loaded.resources,
                    ..Config::default()
                });
                configs.len() - 1
            } else {
                0
            };
            cases.push(seed(&path, config));
        }
    }
    let corpus: Vec<Seed> = sorted_files(&crate_root().join("tests/fuzz/corpus"), Some("rs"))
        .iter()
        .map(|p| seed(p, 0))
        .collect();
    for s in &corpus {
        // A corpus file that no longer parses would only feed the lexical mutations.
        if let Err(e) = syn::parse_file(&s.text) {
            panic!("{}: does not parse: {e}", s.display);
        }
    }
    assert!(!cases.is_empty() && !corpus.is_empty(), "no seed files");
    (cases, corpus, configs)
}

fn seed(path: &Path, config: usize) -> Seed {
    let display = path
        .strip_prefix(crate_root())
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{display}: {e}"));
    Seed {
        display,
        text,
        config,
    }
}

fn sorted_files(dir: &Path, ext: Option<&str>) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| match ext {
            Some(ext) => p.extension().is_some_and(|e| e == ext),
            None => p.is_dir(),
        })
        .collect();
    out.sort();
    out
}

/// One mutant, and where it came from.
struct Case<'s> {
    index: usize,
    seed: &'s Seed,
    text: String,
    steps: Vec<String>,
    parses: bool,
}

impl Case<'_> {
    fn file_name(&self) -> String {
        format!("mutant{:05}.rs", self.index)
    }
}

/// Every distinct failure, with the smallest mutant that shows it.
#[derive(Default)]
struct Failures {
    seed: u64,
    by_kind: BTreeMap<String, Failure>,
    /// The slowest scans alone: (time, mutant, origin, last mutation).
    slowest: Vec<(Duration, usize, String, String)>,
}

struct Failure {
    count: usize,
    bug: Bug,
    index: usize,
    origin: String,
    steps: Vec<String>,
    text: String,
}

impl Failures {
    fn add(&mut self, b: Bug, case: &Case<'_>) {
        let entry = self
            .by_kind
            .entry(b.kind.clone())
            .or_insert_with(|| Failure {
                count: 0,
                bug: b.clone(),
                index: case.index,
                origin: case.seed.display.clone(),
                steps: case.steps.clone(),
                text: case.text.clone(),
            });
        entry.count += 1;
        if case.text.len() < entry.text.len() {
            *entry = Failure {
                count: entry.count,
                bug: b,
                index: case.index,
                origin: case.seed.display.clone(),
                steps: case.steps.clone(),
                text: case.text.clone(),
            };
        }
    }

    fn report(&self) -> String {
        let dir = failures_dir();
        let _ = std::fs::create_dir_all(&dir);
        let mut out = String::new();
        for (n, (kind, f)) in self.by_kind.iter().enumerate() {
            let path = dir.join(format!("seed-{:x}-mutant{:05}.rs", self.seed, f.index));
            let saved = match std::fs::write(&path, &f.text) {
                Ok(()) => path.display().to_string(),
                Err(e) => format!("(could not write {}: {e})", path.display()),
            };
            let _ = writeln!(
                out,
                "[{}] {kind}\n    {} mutant(s); the smallest: mutant {} of {} (STRAY_FUZZ_SEED={:#x}), \
                 saved as {saved}\n    mutations:",
                n + 1,
                f.count,
                f.index,
                f.origin,
                self.seed
            );
            for step in &f.steps {
                let _ = writeln!(out, "      - {step}");
            }
            for line in f.bug.detail.lines() {
                let _ = writeln!(out, "    {line}");
            }
            out.push('\n');
        }
        out
    }
}

/// Scans a batch alone and together, and records what went wrong. Returns how many scans
/// timed out.
fn run_batch(cases: &[Case<'_>], config: &Config, failures: &mut Failures) -> usize {
    let dir = tempfile::Builder::new()
        .prefix("cargo-stray-fuzz-")
        .tempdir()
        .expect("temporary directory");
    let root = dir.path().to_path_buf();
    let mut together = Vec::new();
    let mut alone = BTreeMap::new();
    let mut twinned = Vec::new();
    // Who each file of the batch comes from, and how it failed alone.
    let mut owners = BTreeMap::new();
    let mut timeouts = 0;
    for case in cases {
        let path = root.join(case.file_name());
        std::fs::write(&path, &case.text).expect("write a mutant");
        let input = Input {
            path,
            display: case.file_name(),
        };
        let files = vec![(input.clone(), case.parses)];
        let (config, dir) = (config.clone(), root.clone());
        in_progress(case, "scanning alone");
        take_panics();
        let scan_started = Instant::now();
        let outcome = limited(FILE_LIMIT, move || examine(files, config, 1, dir));
        let last = case.steps.last().cloned().unwrap_or_default();
        let origin = case.seed.display.clone();
        failures
            .slowest
            .push((scan_started.elapsed(), case.index, origin, last));
        failures.slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
        failures.slowest.truncate(5);
        match outcome {
            Outcome::Done(mut ex) => {
                let panics = take_panics();
                let bugs = ex.bugs.remove(&input.display).unwrap_or_default();
                let kinds: Vec<String> = bugs.iter().map(|b| b.kind.clone()).collect();
                for b in bugs {
                    failures.add(with_panic(b, &panics), case);
                }
                alone.insert(input.display.clone(), ex.json.remove(&input.display));
                if case.index % 3 == 0 {
                    for (what, twin) in write_twins(&input, &case.text) {
                        twinned.push((case, input.display.clone(), what, twin.display.clone()));
                        owners.insert(twin.display.clone(), (case, kinds.clone()));
                        together.push((twin, case.parses));
                    }
                }
                owners.insert(input.display.clone(), (case, kinds));
                together.push((input, case.parses));
            }
            Outcome::Panicked => {
                let b = bug(
                    "the scan panicked",
                    "the panic escaped the scan's own catch_unwind",
                );
                failures.add(with_panic(b, &take_panics()), case);
            }
            Outcome::TimedOut => {
                timeouts += 1;
                failures.add(
                    bug(
                        format!("no result within {FILE_LIMIT:?}"),
                        "a hang, or a very slow path",
                    ),
                    case,
                );
            }
        }
    }
    let first = cases.first();
    let (config, limit) = (config.clone(), FILE_LIMIT * together.len().max(1) as u32);
    if let Some(case) = first {
        let what = format!(
            "scanning {} files together in {}",
            together.len(),
            root.display()
        );
        in_progress(case, &what);
    }
    take_panics();
    match limited(limit, move || examine(together, config, 4, root)) {
        Outcome::Done(ex) => {
            let panics = take_panics();
            for (name, bugs) in &ex.bugs {
                let (case, known) = &owners[name];
                for b in bugs.iter().filter(|b| !known.contains(&b.kind)) {
                    failures.add(with_panic(b.clone(), &panics), case);
                }
            }
            for (case, display, what, twin) in twinned {
                if let Some(b) = twin_bug(&ex, &display, what, &twin) {
                    failures.add(b, case);
                }
            }
            for (name, before) in alone {
                let json = ex.json.get(&name).cloned().unwrap_or_default();
                if before.as_ref() != Some(&json) {
                    let (case, before) = (owners[&name].0, before.unwrap_or_default());
                    failures.add(
                        bug(
                            "the findings differ between 1 thread and 4",
                            line_diff(
                                ("1 thread, alone", &before),
                                ("4 threads, in a batch", &json),
                            ),
                        ),
                        case,
                    );
                }
            }
        }
        Outcome::Panicked => {
            if let Some(case) = first {
                let b = bug(
                    "the scan panicked with 4 threads only",
                    "in a batch, not alone",
                );
                failures.add(with_panic(b, &take_panics()), case);
            }
        }
        Outcome::TimedOut => {
            timeouts += 1;
            if let Some(case) = first {
                failures.add(bug("a batch hung with 4 threads only", "not alone"), case);
            }
        }
    }
    timeouts
}

/// The scanner survives a few hundred mutants of the ui cases and the corpus. This test
/// fails on real bugs of the scanner; its output says how to reproduce each one.
#[test]
fn mutants_scan_cleanly_and_alike_on_1_and_4_threads() {
    // Parsing mutants here needs the stack the scan's workers have.
    let run = thread::Builder::new()
        .name("fuzz".into())
        .stack_size(check::STACK_SIZE)
        .spawn(fuzz)
        .expect("start the fuzzer");
    if let Err(panic) = run.join() {
        std::panic::resume_unwind(panic);
    }
}

fn fuzz() {
    install_panic_hook();
    if let Ok(path) = std::env::var("STRAY_FUZZ_MINIMIZE") {
        return minimize::run(Path::new(&path));
    }
    let seed = env_number("STRAY_FUZZ_SEED").unwrap_or(DEFAULT_SEED);
    let iterations = env_number("STRAY_FUZZ_ITERATIONS").map_or(DEFAULT_ITERATIONS, |n| n as usize);
    let (cases, corpus, configs) = seeds();
    let dump = std::env::var_os("STRAY_FUZZ_DUMP").map(PathBuf::from);
    if let Some(dir) = &dump {
        std::fs::create_dir_all(dir).expect("STRAY_FUZZ_DUMP directory");
    }
    let started = Instant::now();
    let mut failures = Failures {
        seed,
        ..Failures::default()
    };
    let mut pending: BTreeMap<usize, Vec<Case<'_>>> = BTreeMap::new();
    let (mut timeouts, mut parsed) = (0, 0);
    for index in 0..iterations {
        let mut rng = Rng::for_mutant(seed, index as u64);
        let origin = if rng.chance(CORPUS_PERCENT) {
            rng.pick(&corpus)
        } else {
            rng.pick(&cases)
        };
        let donor = if rng.chance(50) {
            rng.pick(&corpus)
        } else {
            rng.pick(&cases)
        };
        let m = mutate::mutate(&origin.text, &donor.text, &mut rng);
        let case = Case {
            index,
            seed: origin,
            parses: parses(&m.text),
            text: m.text,
            steps: m.steps,
        };
        parsed += usize::from(case.parses);
        if let Some(dir) = &dump {
            let steps: String = case.steps.iter().map(|s| format!("// - {s}\n")).collect();
            let head = format!("// mutant {index} of {}:\n{steps}", origin.display);
            std::fs::write(dir.join(case.file_name()), head + &case.text).expect("dump a mutant");
        }
        let batch = pending.entry(origin.config).or_default();
        batch.push(case);
        let last = index + 1 == iterations;
        for (config, batch) in pending.iter_mut() {
            if batch.len() >= BATCH || (last && !batch.is_empty()) {
                timeouts += run_batch(batch, &configs[*config], &mut failures);
                batch.clear();
            }
        }
        if (index + 1) % 1000 == 0 {
            let n = failures.by_kind.len();
            println!(
                "{} mutants, {n} distinct failure(s), {:.0?}",
                index + 1,
                started.elapsed()
            );
        }
        if timeouts >= MAX_TIMEOUTS {
            println!("{timeouts} scans hung: stopped after {} mutants", index + 1);
            break;
        }
    }
    println!(
        "{iterations} mutants (seed {seed:#x}), {parsed} of them parse, in {:.1?}",
        started.elapsed()
    );
    for (time, index, origin, step) in &failures.slowest {
        println!("  slowest: {time:.1?} mutant {index} of {origin}: {step}");
    }
    for name in ["in-progress.rs", "in-progress.txt"] {
        let _ = std::fs::remove_file(failures_dir().join(name));
    }
    assert!(
        failures.by_kind.is_empty(),
        "{} distinct failure(s) in {iterations} mutants (seed {seed:#x}):\n\n{}",
        failures.by_kind.len(),
        failures.report()
    );
}
