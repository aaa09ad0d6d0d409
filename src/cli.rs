//! The command line: `cargo stray [OPTIONS] [PATHS]...` or `cargo-stray [OPTIONS] [PATHS]...`.

use std::collections::HashMap;
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser, ValueEnum};

use crate::baseline;
use crate::cache;
use crate::changed::Changed;
use crate::config::Config;
use crate::fix;
use crate::level::{Level, Severity};
use crate::lints::{self, Family, Lint};
use crate::report::{self, Format, Style, cargo_json};
use crate::scan::{self, Report};
use crate::settings::Settings;
use crate::workspace::{self, PackageSelection, Packages};

/// Exit codes, as ruff and cargo-machete use them.
pub const EXIT_CLEAN: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "cargo-stray",
    bin_name = "cargo stray",
    version,
    about = "Finds the resources Rust programs forget to finish: cancellation handles, connections, child processes",
    after_help = "Exit status: 0 no failing finding, 1 findings at error level (or warnings with --deny-warnings), 2 usage or I/O error."
)]
pub struct Args {
    /// Files or directories to scan [default: the Cargo workspace of the current directory]
    #[arg(value_name = "PATH", conflicts_with_all = ["manifest_path", "workspace", "packages", "exclude"])]
    pub paths: Vec<PathBuf>,

    /// Path to Cargo.toml
    #[arg(long, value_name = "PATH", help_heading = "Package Selection")]
    pub manifest_path: Option<PathBuf>,

    /// Scan all packages in the workspace
    #[arg(long, alias = "all", help_heading = "Package Selection")]
    pub workspace: bool,

    /// Package to scan (repeatable)
    #[arg(
        short = 'p',
        long = "package",
        value_name = "SPEC",
        help_heading = "Package Selection"
    )]
    pub packages: Vec<String>,

    /// Exclude packages from the scan (with --workspace)
    #[arg(
        long,
        value_name = "SPEC",
        requires = "workspace",
        help_heading = "Package Selection"
    )]
    pub exclude: Vec<String>,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human, visible_alias = "message-format")]
    pub format: Format,

    /// Write the report to FILE instead of the terminal
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Coloring [default: $CARGO_TERM_COLOR, else auto; NO_COLOR turns auto off]
    #[arg(long, value_enum, value_name = "WHEN")]
    pub color: Option<ColorChoice>,

    /// Print findings only: no summary line
    #[arg(short, long)]
    pub quiet: bool,

    /// Fail (exit 1) on warnings too; also `-D warnings`
    #[arg(long)]
    pub deny_warnings: bool,

    /// Parse every file, even one that names nothing a finding can start from (the
    /// findings are the same; for tests and measurements)
    #[arg(long, hide = true)]
    pub no_prefilter: bool,

    /// Set LINT (a lint id, a family, or `all`) to allow: not reported (repeatable); `-A
    /// warnings` reports no warnings
    #[arg(
        short = 'A',
        long = "allow",
        value_name = "LINT",
        help_heading = "Lint Levels"
    )]
    pub allow: Vec<String>,

    /// Set LINT to warn: reported, fails the run only with --deny-warnings (repeatable);
    /// `-W warnings` undoes an earlier `-A` or `-D warnings`
    #[arg(
        short = 'W',
        long = "warn",
        value_name = "LINT",
        help_heading = "Lint Levels"
    )]
    pub warn: Vec<String>,

    /// Set LINT to deny: reported as an error, fails the run (repeatable); `-D warnings`
    /// is --deny-warnings
    #[arg(
        short = 'D',
        long = "deny",
        value_name = "LINT",
        help_heading = "Lint Levels"
    )]
    pub deny: Vec<String>,

    /// Read settings from FILE instead of the nearest stray.toml
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Record the current findings in FILE (by fingerprint), to report only new ones later
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub write_baseline: Option<PathBuf>,

    /// Report only findings that are not in the baseline FILE
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Apply the safe fixes in place, then report what is left
    #[arg(long, help_heading = "Fixes", conflicts_with_all = ["diff", "write_baseline"])]
    pub fix: bool,

    /// With --fix or --diff: the unsafe fixes too (they may not compile, or change behaviour)
    #[arg(long, help_heading = "Fixes")]
    pub unsafe_fixes: bool,

    /// Print how many findings each lint has, most first, instead of the findings (with
    /// --format human or json)
    #[arg(long)]
    pub statistics: bool,

    /// Print the fixes as a unified diff instead of applying them; exit 1 if there are any
    #[arg(long, help_heading = "Fixes", conflicts_with = "write_baseline")]
    pub diff: bool,

    /// Scan only the Rust files changed since the merge base of REF and HEAD
    ///
    /// Changed: in commits since the merge base (as `git diff REF...HEAD`), staged or
    /// unstaged, or untracked and not ignored; deleted files are skipped. Of those, only
    /// the files the scan would cover anyway: the selected packages or the given paths,
    /// without the excluded ones. For pull requests, pass the target branch
    /// (`origin/main`); in a shallow clone, fetch its history first.
    #[arg(long, value_name = "REF", conflicts_with = "write_baseline")]
    pub changed_since: Option<String>,

    /// Print the documentation of a lint, or list the lints of a family, and exit
    #[arg(long, value_name = "LINT")]
    pub explain: Option<String>,

    /// List every lint with its family, default level and summary, and exit (a JSON
    /// array with --format json)
    #[arg(long)]
    pub list_lints: bool,

    /// Number of worker threads [default: one per core]
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,

    /// Keep the cache in DIR [default: target/stray/ in a Cargo workspace, else
    /// .stray_cache/]
    #[arg(
        long,
        value_name = "DIR",
        env = "STRAY_CACHE_DIR",
        help_heading = "Cache"
    )]
    pub cache_dir: Option<PathBuf>,

    /// Neither read nor write the cache: analyse every file
    #[arg(long, help_heading = "Cache")]
    pub no_cache: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Where this run's cache lives, unless it has none.
fn cache_dir(args: &Args, target: Option<&Path>, cwd: &Path) -> Option<PathBuf> {
    if args.no_cache {
        return None;
    }
    match args
        .cache_dir
        .as_deref()
        .filter(|d| !d.as_os_str().is_empty())
    {
        Some(dir) => Some(cwd.join(dir)),
        None => Some(cache::default_dir(target, cwd)),
    }
}

/// Runs cargo-stray with the process's arguments; returns the exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> i32 {
    let mut args: Vec<OsString> = args.into_iter().collect();
    // `cargo stray ...` runs `cargo-stray stray ...`.
    if args.get(1).is_some_and(|a| a == "stray") {
        args.remove(1);
    }
    let parsed = Args::command()
        .try_get_matches_from(&args)
        .and_then(|m| Ok((Args::from_arg_matches(&m)?, m)));
    let (args, matches) = match parsed {
        Ok(a) => a,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                EXIT_ERROR
            } else {
                EXIT_CLEAN
            };
        }
    };
    match execute(&args, &matches) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            EXIT_ERROR
        }
    }
}

fn execute(args: &Args, matches: &ArgMatches) -> anyhow::Result<i32> {
    if args.list_lints || args.explain.is_some() {
        // Lints declared in the settings here are listed and explained too. A broken
        // stray.toml found on the way must not stop `--explain`; one named with
        // `--config` is an error like anywhere else.
        let loaded = Settings::load(&std::env::current_dir()?, args.config.as_deref());
        if let (Err(e), Some(_)) = (loaded, &args.config) {
            return Err(e);
        }
    }
    if args.list_lints {
        let listed = match args.format {
            Format::Human | Format::Short => list_lints(),
            Format::Json => list_lints_json()?,
            other => anyhow::bail!(
                "`--list-lints` prints a table or JSON: use it with `--format human` or `--format json`, not `{}`",
                format_name(other)
            ),
        };
        to_stdout(listed.as_bytes())?;
        return Ok(EXIT_CLEAN);
    }
    if let Some(name) = &args.explain {
        let page = match (Lint::by_id(name), Family::named(name)) {
            (Some(lint), _) => lint.markdown(),
            (None, Some(family)) => lints::family_page(family),
            (None, None) => anyhow::bail!(
                "no lint or family named `{name}`{}",
                lints::did_you_mean(name)
            ),
        };
        to_stdout(page.as_bytes())?;
        return Ok(EXIT_CLEAN);
    }
    let cwd = std::env::current_dir()?;
    let found = if args.paths.is_empty() {
        workspace::cargo_workspace(
            &PackageSelection {
                manifest_path: args.manifest_path.clone(),
                workspace: args.workspace,
                packages: args.packages.clone(),
                exclude: args.exclude.clone(),
            },
            &cwd,
        )?
    } else {
        workspace::explicit(&args.paths, &cwd)?
    };
    let settings = Settings::load(&found.root, args.config.as_deref())?;
    let excluder = settings.excluder()?;
    let mut found = found;
    found.inputs.retain(|i| !excluder.excludes(&i.path, &cwd));
    if let Some(reference) = &args.changed_since {
        let changed = Changed::since(&found.root, reference)?;
        found.inputs.retain(|i| changed.contains(&i.path, &cwd));
        found
            .problems
            .retain(|p| changed.contains(Path::new(&p.display), &cwd));
        if !args.quiet {
            let since = format!("since `{reference}` (merge base {})", changed.base);
            match found.inputs.len() {
                0 => eprintln!("no changed Rust files {since}"),
                n => eprintln!(
                    "scanning {} changed {since}",
                    report::plural(n, "Rust file")
                ),
            }
        }
    }
    // Files, then the command line: later wins.
    let mut levels: HashMap<&'static str, Level> = settings.levels.into_iter().collect();
    let overrides = level_overrides(matches)?;
    levels.extend(overrides.levels);
    if overrides.warnings == Some(Level::Allow) {
        allow_warnings(&mut levels);
    }
    let config = Config {
        resources: settings.resources,
        levels,
        deny_warnings: args.deny_warnings || overrides.warnings == Some(Level::Deny),
        jobs: args.jobs,
        files_alone: false,
        no_prefilter: args.no_prefilter,
        cache: cache_dir(args, found.target.as_deref(), &cwd),
    };
    scan::install_panic_hook();
    let inputs = found.inputs.clone();
    let bar = ProgressBar::new(shows_progress(args));
    let mut report = scan::scan_observed(found.inputs, found.problems.clone(), &config, &bar);
    bar.finish();
    if let Some(problem) = &report.cache_problem {
        // The findings stand; only the next run is slower.
        eprintln!("warning: {problem}");
    }

    let repo_root = repository_root(&found.root);
    if let Some(path) = &args.write_baseline {
        let n = baseline::write(&report, &repo_root, path)?;
        eprintln!(
            "wrote {} to `{}`",
            report::plural(n, "finding"),
            path.display()
        );
        return Ok(EXIT_CLEAN);
    }
    let known = match &args.baseline {
        Some(path) => Some(baseline::read(path)?),
        None => None,
    };
    if let Some(known) = &known {
        baseline::apply(&mut report, known, &repo_root);
    }
    if args.diff {
        let plan = fix::apply::plan(&report.findings, args.unsafe_fixes);
        to_stdout(fix::apply::diff(&plan).as_bytes())?;
        eprintln!("{}", fix_summary("would fix", &plan));
        return Ok(if plan.files.is_empty() {
            EXIT_CLEAN
        } else {
            EXIT_FINDINGS
        });
    }
    if args.fix {
        report = fix_in_place(report, args.unsafe_fixes, || {
            let mut again = scan::scan(inputs.clone(), found.problems.clone(), &config);
            if let Some(known) = &known {
                baseline::apply(&mut again, known, &repo_root);
            }
            again
        });
    }
    let errors = report
        .findings
        .iter()
        .any(|f| f.severity == Severity::Error);
    let warnings = report
        .findings
        .iter()
        .any(|f| f.severity == Severity::Warning);
    let failed = errors || (config.deny_warnings && warnings);

    let to_terminal = args.output.is_none();
    let style = Style {
        color: use_color(args.color, to_terminal && std::io::stderr().is_terminal()),
        quiet: args.quiet,
    };
    // Explicit paths need no cargo, except to name the package each message is about.
    let packages = match found.packages {
        None if args.format == Format::CargoJson => Packages::around(&cwd),
        packages => packages,
    };
    let cargo = cargo_json::Context {
        root: packages.as_ref().map_or(&found.root, |p| &p.root),
        packages: packages.as_ref(),
        cwd: &cwd,
        success: !failed,
    };
    let mut buffer = Vec::new();
    if args.statistics {
        match args.format {
            Format::Human | Format::Short => report::statistics::write_human(&report, &mut buffer)?,
            Format::Json => report::statistics::write_json(&report, &mut buffer)?,
            other => anyhow::bail!(
                "`--statistics` prints a table or JSON: use it with `--format human` or `--format json`, not `{}`",
                format_name(other)
            ),
        }
        match &args.output {
            Some(path) => std::fs::write(path, &buffer)
                .map_err(|e| anyhow::anyhow!("could not write `{}`: {e}", path.display()))?,
            None => to_stdout(&buffer)?,
        }
        return Ok(if failed { EXIT_FINDINGS } else { EXIT_CLEAN });
    }
    report::write(&report, args.format, style, &repo_root, &cargo, &mut buffer)?;
    match &args.output {
        Some(path) => std::fs::write(path, &buffer)
            .map_err(|e| anyhow::anyhow!("could not write `{}`: {e}", path.display()))?,
        None if matches!(args.format, Format::Human | Format::Short) => {
            std::io::stderr().write_all(&buffer)?
        }
        None => to_stdout(&buffer)?,
    }
    Ok(if failed { EXIT_FINDINGS } else { EXIT_CLEAN })
}

/// Writes to stdout. A reader that closed the pipe early (`| head`) has read all it
/// wants: as rustc and ripgrep do, the rest is dropped quietly, and the run ends as it
/// would have.
fn to_stdout(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// `--fix`: applies the fixes of `report` and scans again with `rescan`, until nothing
/// is left to fix; returns the last report. Fixes that overlap wait for the next pass,
/// when the lints run on the fixed text; a few passes settle everything real code has.
fn fix_in_place(
    mut report: Report,
    unsafe_fixes: bool,
    mut rescan: impl FnMut() -> Report,
) -> Report {
    let mut fixed = 0;
    let mut files = std::collections::BTreeSet::new();
    for _ in 0..MAX_FIX_PASSES {
        let plan = fix::apply::plan(&report.findings, unsafe_fixes);
        if plan.files.is_empty() {
            break;
        }
        let (written, failed) = fix::apply::write(&plan);
        for (file, why) in &failed {
            eprintln!("warning: could not fix `{file}`: {why}");
        }
        if written.is_empty() {
            break;
        }
        fixed += plan.fixed;
        files.extend(written.iter().map(|f| f.source.display.clone()));
        report = rescan();
    }
    if fixed > 0 {
        eprintln!(
            "fixed {} in {}",
            report::plural(fixed, "finding"),
            report::plural(files.len(), "file")
        );
    }
    report
}

/// At most this many rounds of fixing and scanning again.
const MAX_FIX_PASSES: usize = 8;

/// "would fix 3 findings in 2 files (1 more with --unsafe-fixes)".
fn fix_summary(verb: &str, plan: &fix::apply::Plan) -> String {
    let mut s = format!(
        "{verb} {} in {}",
        report::plural(plan.fixed, "finding"),
        report::plural(plan.files.len(), "file")
    );
    if plan.unsafe_held_back > 0 {
        s.push_str(&format!(
            " ({} more with --unsafe-fixes)",
            plan.unsafe_held_back
        ));
    }
    s
}

/// What `-A`/`-W`/`-D` set: levels by lint, and what was said of `warnings`.
struct Overrides {
    levels: HashMap<&'static str, Level>,
    /// The last `-A`, `-W` or `-D warnings`, which as with rustc is about every warning
    /// rather than about a lint: `-D warnings` fails the run on them (`--deny-warnings`),
    /// `-A warnings` reports none, `-W warnings` undoes either.
    warnings: Option<Level>,
}

/// `-A`/`-W`/`-D` in the order given, so a later flag wins, as with rustc and clippy.
fn level_overrides(matches: &ArgMatches) -> anyhow::Result<Overrides> {
    let mut flags: Vec<(usize, Level, &String)> = Vec::new();
    for (id, level) in [
        ("allow", Level::Allow),
        ("warn", Level::Warn),
        ("deny", Level::Deny),
    ] {
        if let (Some(indices), Some(values)) =
            (matches.indices_of(id), matches.get_many::<String>(id))
        {
            flags.extend(indices.zip(values).map(|(i, v)| (i, level, v)));
        }
    }
    flags.sort_by_key(|f| f.0);
    let mut levels = HashMap::new();
    let mut warnings = None;
    for (_, level, name) in flags {
        let selected: Vec<&Lint> = match name.as_str() {
            "warnings" => {
                warnings = Some(level);
                continue;
            }
            "all" => lints::all(),
            family if Family::named(family).is_some() => lints::all()
                .into_iter()
                .filter(|l| Some(l.family) == Family::named(family))
                .collect(),
            id => match Lint::by_id(id) {
                Some(l) => vec![l],
                None => anyhow::bail!("no lint or family named `{id}`{}", lints::did_you_mean(id)),
            },
        };
        for lint in selected {
            levels.insert(lint.id, level);
        }
    }
    Ok(Overrides { levels, warnings })
}

/// `-A warnings`: every lint that would warn is allowed; denied ones still report.
fn allow_warnings(levels: &mut HashMap<&'static str, Level>) {
    for lint in lints::all() {
        if lint.level_in(levels) == Level::Warn {
            levels.insert(lint.id, Level::Allow);
        }
    }
}

/// The name of a format, as `--format` takes it.
fn format_name(format: Format) -> String {
    format
        .to_possible_value()
        .map(|v| v.get_name().to_string())
        .unwrap_or_default()
}

/// `--list-lints --format json`: one object per lint, in the order of the table.
fn list_lints_json() -> anyhow::Result<String> {
    let listed: Vec<serde_json::Value> = lints::all()
        .into_iter()
        .map(|l| {
            serde_json::json!({
                "name": l.id,
                "family": l.family.as_str(),
                "default_level": l.default_level.as_str(),
                "summary": l.summary,
                "url": l.page_url(),
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&listed)?;
    text.push('\n');
    Ok(text)
}

fn list_lints() -> String {
    let all = lints::all();
    let width = all.iter().map(|l| l.id.len()).max().unwrap_or(0);
    let mut s = String::new();
    for l in all {
        s.push_str(&format!(
            "{:width$}  {:7}  {:4}  {}\n",
            l.id,
            l.family.as_str(),
            l.default_level.as_str(),
            l.summary,
        ));
    }
    s
}

fn use_color(choice: Option<ColorChoice>, is_terminal: bool) -> bool {
    let choice = choice.or_else(|| {
        std::env::var("CARGO_TERM_COLOR")
            .ok()
            .and_then(|v| ColorChoice::from_str(&v, true).ok())
    });
    match choice.unwrap_or(ColorChoice::Auto) {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// The git top level around `root`, where SARIF paths start; else `root` itself.
fn repository_root(root: &Path) -> PathBuf {
    let absolute = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    absolute
        .ancestors()
        .find(|dir| dir.join(".git").exists())
        .map(Path::to_path_buf)
        .unwrap_or(absolute)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_lint() {
        assert_eq!(
            lints::did_you_mean("guard_dropped_immediatly"),
            " (did you mean `guard_dropped_immediately`?)"
        );
        assert_eq!(lints::did_you_mean("zzz"), "");
    }

    #[test]
    fn cli_definition_is_consistent() {
        Args::command().debug_assert();
    }
}

/// Whether a progress bar may be drawn: on a terminal's stderr, for the human report;
/// never with `--quiet`, in CI (`CI` set), where a bar is noise in the log, or with a
/// machine format, whose reader wants nothing else.
fn shows_progress(args: &Args) -> bool {
    progress_wanted(
        std::io::stderr().is_terminal(),
        args.quiet,
        std::env::var_os("CI").is_some_and(|v| !v.is_empty()),
        args.format,
    )
}

fn progress_wanted(terminal: bool, quiet: bool, ci: bool, format: Format) -> bool {
    terminal && !quiet && !ci && matches!(format, Format::Human | Format::Short)
}

/// The progress of a scan on stderr: files done out of all, and findings so far. Drawn
/// only once the scan has run for a while, so that quick runs (a save, a commit) print
/// nothing but their report.
struct ProgressBar {
    bar: Option<indicatif::ProgressBar>,
    started: std::time::Instant,
    findings: std::sync::atomic::AtomicUsize,
    shown: std::sync::atomic::AtomicBool,
}

/// How long a scan runs before its progress is drawn.
const PROGRESS_AFTER: std::time::Duration = std::time::Duration::from_secs(1);

impl ProgressBar {
    fn new(wanted: bool) -> ProgressBar {
        let bar = wanted.then(|| {
            let bar = indicatif::ProgressBar::with_draw_target(
                None,
                indicatif::ProgressDrawTarget::hidden(),
            );
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "{spinner} scanning {pos}/{len} files {wide_bar} {msg}",
            ) {
                bar.set_style(style);
            }
            bar
        });
        ProgressBar {
            bar,
            started: std::time::Instant::now(),
            findings: std::sync::atomic::AtomicUsize::new(0),
            shown: std::sync::atomic::AtomicBool::new(false),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl scan::Progress for ProgressBar {
    fn start(&self, files: usize) {
        if let Some(bar) = &self.bar {
            bar.set_length(files as u64);
        }
    }

    fn file_done(&self, findings: usize) {
        use std::sync::atomic::Ordering;
        let Some(bar) = &self.bar else { return };
        let total = self.findings.fetch_add(findings, Ordering::Relaxed) + findings;
        bar.inc(1);
        bar.set_message(report::plural(total, "finding"));
        if self.started.elapsed() >= PROGRESS_AFTER && !self.shown.swap(true, Ordering::Relaxed) {
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }

    fn again(&self, files: usize) {
        if let Some(bar) = &self.bar
            && files > 0
        {
            bar.set_message(format!(
                "{}; {} again with the crate index",
                report::plural(
                    self.findings.load(std::sync::atomic::Ordering::Relaxed),
                    "finding"
                ),
                report::plural(files, "file")
            ));
        }
    }
}

#[cfg(test)]
mod progress_tests {
    use super::*;

    #[test]
    fn progress_only_on_a_terminal_for_people() {
        assert!(progress_wanted(true, false, false, Format::Human));
        assert!(!progress_wanted(false, false, false, Format::Human));
        assert!(!progress_wanted(true, true, false, Format::Human));
        assert!(!progress_wanted(true, false, true, Format::Human));
        assert!(!progress_wanted(true, false, false, Format::Json));
        assert!(!progress_wanted(true, false, false, Format::Sarif));
    }
}
