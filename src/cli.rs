//! The command line: `cargo stray [OPTIONS] [PATHS]...` or `cargo-stray [OPTIONS] [PATHS]...`.

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, ValueEnum};

use crate::config::Config;
use crate::diagnostic::Severity;
use crate::lints::{self, Lint};
use crate::report::{self, Format, Style};
use crate::scan;
use crate::workspace::{self, PackageSelection};

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
    #[arg(long, value_enum, default_value_t = Format::Human, alias = "message-format")]
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

    /// Fail (exit 1) on warnings too
    #[arg(long)]
    pub deny_warnings: bool,

    /// Print the documentation of a lint and exit
    #[arg(long, value_name = "LINT")]
    pub explain: Option<String>,

    /// List every lint with its family, default level and summary, and exit
    #[arg(long)]
    pub list_lints: bool,

    /// Number of worker threads [default: one per core]
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Runs cargo-stray with the process's arguments; returns the exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> i32 {
    let mut args: Vec<OsString> = args.into_iter().collect();
    // `cargo stray ...` runs `cargo-stray stray ...`.
    if args.get(1).is_some_and(|a| a == "stray") {
        args.remove(1);
    }
    let args = match Args::try_parse_from(&args) {
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
    match execute(&args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            EXIT_ERROR
        }
    }
}

fn execute(args: &Args) -> anyhow::Result<i32> {
    if args.list_lints {
        print!("{}", list_lints());
        return Ok(EXIT_CLEAN);
    }
    if let Some(id) = &args.explain {
        let Some(lint) = Lint::by_id(id) else {
            anyhow::bail!("no lint named `{id}`{}", suggestion(id));
        };
        print!("{}", lint.markdown());
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
    let config = Config {
        deny_warnings: args.deny_warnings,
        jobs: args.jobs,
        ..Config::default()
    };
    scan::install_panic_hook();
    let report = scan::scan(found.inputs, found.problems, &config);

    let repo_root = repository_root(&found.root);
    let to_terminal = args.output.is_none();
    let style = Style {
        color: use_color(args.color, to_terminal && std::io::stderr().is_terminal()),
        width: terminal_width(),
        quiet: args.quiet,
    };
    let mut buffer = Vec::new();
    report::write(&report, args.format, style, &repo_root, &mut buffer)?;
    match &args.output {
        Some(path) => std::fs::write(path, &buffer)
            .map_err(|e| anyhow::anyhow!("could not write `{}`: {e}", path.display()))?,
        None if args.format == Format::Human => std::io::stderr().write_all(&buffer)?,
        None => std::io::stdout().write_all(&buffer)?,
    }

    let errors = report
        .findings
        .iter()
        .any(|f| f.severity == Severity::Error);
    let warnings = report
        .findings
        .iter()
        .any(|f| f.severity == Severity::Warning);
    Ok(if errors || (config.deny_warnings && warnings) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

fn list_lints() -> String {
    let width = lints::ALL.iter().map(|l| l.id.len()).max().unwrap_or(0);
    let mut s = String::new();
    for l in lints::ALL {
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

/// ` (did you mean `x`?)` for the closest lint id, if any is close.
pub fn suggestion(id: &str) -> String {
    lints::ALL
        .iter()
        .map(|l| (edit_distance(id, l.id), l.id))
        .filter(|(d, name)| *d <= name.len() / 3 + 1)
        .min()
        .map(|(_, name)| format!(" (did you mean `{name}`?)"))
        .unwrap_or_default()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
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

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|w| *w >= 40)
        .unwrap_or(100)
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
    use clap::CommandFactory;

    #[test]
    fn suggests_the_closest_lint() {
        assert_eq!(
            suggestion("guard_dropped_immediatly"),
            " (did you mean `guard_dropped_immediately`?)"
        );
        assert_eq!(suggestion("zzz"), "");
    }

    #[test]
    fn cli_definition_is_consistent() {
        Args::command().debug_assert();
    }
}
