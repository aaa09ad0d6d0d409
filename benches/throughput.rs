//! Throughput of a full scan against a bare `syn::parse_file` of the same files.
//!
//!     cargo bench --bench throughput -- DIR [--jobs N] [--runs N]
//!
//! Both sides read every file and run on the same number of threads; each is run `runs`
//! times and the fastest run is reported, so the ratio is what the analysis adds to parsing.
//! Then the persistent cache: a cold run (an empty cache), a warm one (nothing changed),
//! and, for trees under 300 MB (copied to a temporary directory), one with a single file
//! changed.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use stray::config::Config;
use stray::scan::{self, Input, Prefilter};
use stray::workspace;

fn main() {
    let mut dir = None;
    let mut jobs = None;
    let mut runs = 3;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--jobs" | "-j" => jobs = args.next().and_then(|v| v.parse().ok()),
            "--runs" => runs = args.next().and_then(|v| v.parse().ok()).unwrap_or(3),
            "--bench" => {}
            other => dir = Some(PathBuf::from(other)),
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: cargo bench --bench throughput -- DIR [--jobs N] [--runs N]");
        std::process::exit(2);
    };
    let cwd = std::env::current_dir().unwrap_or_default();
    let found = match workspace::explicit(std::slice::from_ref(&dir), &cwd) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::exit(2);
        }
    };
    let inputs = found.inputs;
    let bytes: u64 = inputs
        .iter()
        .filter_map(|i| std::fs::metadata(&i.path).ok())
        .map(|m| m.len())
        .sum();
    let mb = bytes as f64 / 1e6;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .stack_size(64 << 20)
        .build()
        .expect("thread pool");
    println!(
        "{} files, {:.1} MB, {} threads, best of {runs} runs",
        inputs.len(),
        mb,
        pool.current_num_threads()
    );

    let parse = best(runs, || pool.install(|| bare_parse(&inputs)));
    let filter = Prefilter::new(&Config::default());
    let mut passed = 0;
    let prefilter = best(runs, || {
        passed = pool.install(|| prefilter_only(&inputs, &filter))
    });
    let config = Config {
        jobs,
        ..Config::default()
    };
    // Every file alone, without the crate index: what the index adds is the difference.
    let alone_config = Config {
        files_alone: true,
        ..config.clone()
    };
    let mut alone_findings = 0;
    let alone = best(runs, || {
        alone_findings = scan::scan(inputs.clone(), Vec::new(), &alone_config)
            .findings
            .len();
    });
    let mut findings = 0;
    let mut skipped = 0;
    let mut stats = scan::IndexStats::default();
    let mut prefiltered = 0;
    let full = best(runs, || {
        let report = scan::scan(inputs.clone(), Vec::new(), &config);
        findings = report.findings.len();
        skipped = report.problems.len();
        stats = report.index;
        prefiltered = report.files_prefiltered;
    });
    let unfiltered_config = Config {
        no_prefilter: true,
        ..config.clone()
    };
    let unfiltered = best(runs, || {
        scan::scan(inputs.clone(), Vec::new(), &unfiltered_config);
    });
    let cache = tempfile::tempdir().expect("temporary cache directory");
    let mut fresh = 0;
    let cold = best(runs, || {
        fresh += 1;
        let cached = Config {
            cache: Some(cache.path().join(format!("cold-{fresh}"))),
            ..config.clone()
        };
        scan::scan(inputs.clone(), Vec::new(), &cached);
    });
    let cached = Config {
        cache: Some(cache.path().join("warm")),
        ..config.clone()
    };
    let first = scan::scan(inputs.clone(), Vec::new(), &cached);
    let mut warm_stats = scan::CacheStats::default();
    let mut warm_findings = 0;
    let warm = best(runs, || {
        let report = scan::scan(inputs.clone(), Vec::new(), &cached);
        warm_stats = report.cache;
        warm_findings = report.findings.len();
    });
    assert_eq!(
        warm_findings,
        first.findings.len(),
        "a warm run reports what a cold one does"
    );
    let changed = match bytes < 300_000_000 {
        true => one_file_changed(&dir, &cached, &filter, runs)
            .map_err(|e| println!("one file changed: not measured ({e})"))
            .ok(),
        false => None,
    };
    let line = |name: &str, t: Duration| {
        println!(
            "{name:<12} {:>8.3} s {:>8.1} MB/s",
            t.as_secs_f64(),
            mb / t.as_secs_f64()
        );
    };
    line("bare parse", parse);
    line("pre-filter", prefilter);
    line("files alone", alone);
    line("cargo-stray", full);
    line("unfiltered", unfiltered);
    line("cache cold", cold);
    line("cache warm", warm);
    if let Some((t, _, _)) = &changed {
        line("one changed", *t);
    }
    println!(
        "the pre-filter spared {prefiltered} of {} files ({passed} passed it)",
        inputs.len()
    );
    println!(
        "the crate index adds {:.3} s, {:.1}% of the parse ({} files read and {} parsed beyond the scanned ones, {} analysed again); {alone_findings} findings without it",
        full.as_secs_f64() - alone.as_secs_f64(),
        (full.as_secs_f64() - alone.as_secs_f64()) / parse.as_secs_f64() * 100.0,
        stats.files_read,
        stats.files_parsed,
        stats.files_reanalysed,
    );
    println!(
        "of the last run: the index pass (building the indexes, choosing their readers) {:.3} s, {:.1}% of the parse; the analysis again of those readers {:.3} s, {:.1}%",
        stats.building.as_secs_f64(),
        stats.building.as_secs_f64() / parse.as_secs_f64() * 100.0,
        stats.second_pass.as_secs_f64(),
        stats.second_pass.as_secs_f64() / parse.as_secs_f64() * 100.0,
    );
    println!(
        "cache: warm {:.1}% of cold ({} analyses reused, {} run, {} crate indexes reused); cold {:.2} x the scan without it",
        warm.as_secs_f64() / cold.as_secs_f64() * 100.0,
        warm_stats.reused,
        warm_stats.analysed,
        warm_stats.indexes_reused,
        cold.as_secs_f64() / full.as_secs_f64(),
    );
    if let Some((t, file, stats)) = &changed {
        println!(
            "one file changed ({file}): {:.3} s, {} analyses run, {} reused, {} of the crate indexes reused",
            t.as_secs_f64(),
            stats.analysed,
            stats.reused,
            stats.indexes_reused,
        );
    }
    println!(
        "ratio {:.2}: the scan costs {:.2} x the bare parse ({:.2} x without the pre-filter); {findings} findings, {skipped} files skipped",
        full.as_secs_f64() / parse.as_secs_f64(),
        full.as_secs_f64() / parse.as_secs_f64(),
        unfiltered.as_secs_f64() / parse.as_secs_f64(),
    );
}

/// Copies `dir` to a temporary directory, fills a cache for the copy, then changes one
/// file the pre-filter has analysed (a comment appended) before each measured run: the time,
/// the file, and what the cache saved.
fn one_file_changed(
    dir: &Path,
    config: &Config,
    filter: &Prefilter,
    runs: usize,
) -> Result<(Duration, String, scan::CacheStats), String> {
    // Not a hidden directory (`.tmpXXXX`), which the walk would skip.
    let copy = tempfile::Builder::new()
        .prefix("stray-bench-")
        .tempdir()
        .map_err(|e| format!("temporary directory: {e}"))?;
    let root = copy.path().join("tree");
    copy_tree(dir, &root).map_err(|e| format!("copying the tree: {e}"))?;
    let found = workspace::explicit(std::slice::from_ref(&root), copy.path())
        .map_err(|e| format!("finding the copy's files: {e:#}"))?;
    let target = found
        .inputs
        .iter()
        .find(|i| {
            std::fs::read(&i.path)
                .is_ok_and(|b| matches!(filter.verdict(&b), scan::Verdict::Analyse))
        })
        .ok_or("no file is worth analysing")?
        .clone();
    let config = Config {
        cache: Some(copy.path().join("cache")),
        ..config.clone()
    };
    scan::scan(found.inputs.clone(), Vec::new(), &config);
    let mut stats = scan::CacheStats::default();
    let mut text = std::fs::read(&target.path).map_err(|e| e.to_string())?;
    let mut times = Vec::new();
    for edit in 1..=runs.max(1) {
        text.extend_from_slice(format!("\n// edit {edit}\n").as_bytes());
        std::fs::write(&target.path, &text).map_err(|e| e.to_string())?;
        let start = Instant::now();
        stats = scan::scan(found.inputs.clone(), Vec::new(), &config).cache;
        times.push(start.elapsed());
    }
    let best = times.into_iter().min().unwrap_or_default();
    Ok((best, target.display, stats))
}

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        // Followed: the corpus's crates are links into its vendor directory.
        let kind = std::fs::metadata(entry.path())?;
        let target = to.join(entry.file_name());
        if kind.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else if kind.is_file() {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

fn bare_parse(inputs: &[Input]) {
    inputs.par_iter().for_each(|i| {
        if let Ok(text) = std::fs::read_to_string(&i.path) {
            let parsed = syn::parse_file(&text);
            drop(parsed);
            proc_macro2::extra::invalidate_current_thread_spans();
        }
    });
}

/// Reads every file and searches it as the pre-filter does: how many pass.
fn prefilter_only(inputs: &[Input], filter: &Prefilter) -> usize {
    inputs
        .par_iter()
        .filter(|i| std::fs::read(&i.path).is_ok_and(|bytes| filter.may_matter(&bytes)))
        .count()
}

fn best(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}
