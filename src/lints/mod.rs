//! The lint registry: one list, one file per lint. Adding a lint is adding its file and
//! one line to `ALL`; the docs pages, `--explain`, `--list-lints`, SARIF rules and the
//! README table are all derived from the `Lint` values.

use std::cell::OnceCell;
use std::fmt::Write as _;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Label};
use crate::flow::{self, Flow};
use crate::level::{Level, Severity};
use crate::source::SourceFile;
use crate::syntax::imports::FileImports;
use crate::syntax::types::StructFields;

pub mod abort_handle_unused;
pub mod cancel_missed_on_path;
pub mod cancel_token_never_cancelled;
pub mod child_pipe_never_read;
pub mod child_pipes_read_sequentially;
pub mod child_stdin_not_closed;
pub mod client_built_per_iteration;
pub mod connection_not_driven;
pub mod file_not_analysed;
pub mod guard_dropped_immediately;
pub mod resource_not_released;
pub mod select_branch_not_cancel_safe;
pub mod span_guard_held_across_await;
pub mod stream_dropped_without_shutdown;
pub mod task_tracker_not_closed;
pub mod tokio_child_outlives_timeout;
pub mod transaction_not_committed;
pub mod unflushed_async_writer;
pub mod unused_suppression;
pub mod zombie_child;

/// Every lint cargo-stray knows, in the order they are listed to users.
pub const ALL: &[&Lint] = &[
    &zombie_child::LINT,
    &child_stdin_not_closed::LINT,
    &child_pipe_never_read::LINT,
    &child_pipes_read_sequentially::LINT,
    &tokio_child_outlives_timeout::LINT,
    &cancel_token_never_cancelled::LINT,
    &cancel_missed_on_path::LINT,
    &guard_dropped_immediately::LINT,
    &abort_handle_unused::LINT,
    &select_branch_not_cancel_safe::LINT,
    &span_guard_held_across_await::LINT,
    &task_tracker_not_closed::LINT,
    &unflushed_async_writer::LINT,
    &stream_dropped_without_shutdown::LINT,
    &connection_not_driven::LINT,
    &client_built_per_iteration::LINT,
    &transaction_not_committed::LINT,
    &resource_not_released::LINT,
    &unused_suppression::LINT,
    &file_not_analysed::LINT,
];

/// Our lints that clippy also has, by clippy's name: clippy's `#[allow]`/`#[expect]` of
/// one silences ours where it applies. Verified against rust-clippy's lint list
/// (`clippy_lints/src/declared_lints.rs`, 2026-08): `zombie_processes` (since 1.83) is the
/// only one; `let_underscore_lock`, `let_underscore_future` and `let_underscore_must_use`
/// are about other types than our guards.
pub const CLIPPY_EQUIVALENTS: &[(&str, &str)] = &[("zombie_child", "zombie_processes")];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    Process,
    Cancel,
    Conn,
    /// Resources declared in settings.
    User,
    /// About cargo-stray itself (its suppressions).
    Meta,
}

impl Family {
    pub const ALL: [Family; 5] = [
        Family::Process,
        Family::Cancel,
        Family::Conn,
        Family::User,
        Family::Meta,
    ];

    pub fn named(name: &str) -> Option<Family> {
        Family::ALL.into_iter().find(|f| f.as_str() == name)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Family::Process => "process",
            Family::Cancel => "cancel",
            Family::Conn => "conn",
            Family::User => "user",
            Family::Meta => "meta",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Family::Process => "spawned child processes",
            Family::Cancel => "cancellation and abort handles",
            Family::Conn => "connections and streams",
            Family::User => "resources declared in settings",
            Family::Meta => "cargo-stray's own comments",
        }
    }
}

/// The documentation of a lint, in clippy's and ruff's sections.
#[derive(Debug)]
pub struct Docs {
    pub what_it_does: &'static str,
    pub why_is_this_bad: &'static str,
    /// Rust code that the lint flags.
    pub example: &'static str,
    /// The same code, fixed: the lint is quiet on it.
    pub use_instead: &'static str,
    pub known_limits: &'static str,
    /// The settings (`stray.toml`) the examples assume, if any.
    pub settings: &'static str,
}

/// What one lint needs to look at a file.
pub struct FileContext<'a> {
    pub source: &'a SourceFile,
    pub syntax: &'a syn::File,
    pub imports: &'a FileImports,
    pub fields: &'a StructFields,
    /// The flow engine's results, computed once for all the lints that read them.
    pub flow: OnceCell<Flow>,
    /// Resources declared in settings.
    pub user: &'a [crate::config::UserResource],
    /// What the other files of the file's crate tell it, when they were indexed.
    pub index: Option<&'a flow::CrateIndex>,
    /// Whether the file names anything the flow engine follows. Where it does not (the
    /// pre-filter found only what the syntactic lints look for), its flow is empty.
    pub flow_wanted: bool,
}

impl FileContext<'_> {
    pub fn flow(&self) -> &Flow {
        self.flow.get_or_init(|| {
            if !self.flow_wanted {
                return Flow::default();
            }
            flow::analyse(
                self.syntax,
                self.imports,
                self.fields,
                self.user,
                self.index,
            )
        })
    }
}

pub struct Lint {
    /// Stable: the SARIF rule id, the suppression and config key, the docs page's name.
    pub id: &'static str,
    pub family: Family,
    pub default_level: Level,
    /// One line, lowercase, no final period.
    pub summary: &'static str,
    pub docs: Docs,
    pub check: Check,
}

/// How a lint finds what it reports.
pub enum Check {
    /// From each file's syntax and flow.
    File(fn(&FileContext<'_>, &mut Vec<Diagnostic>)),
    /// From the file's `stray: allow(..)` comments, after every other lint ran.
    Suppressions,
    /// From the files the scan could not read or parse.
    Problems,
    /// Declared in settings for resources declared there: `resource_not_released` finds
    /// them and reports them under this id.
    Declared,
}

impl std::fmt::Debug for Lint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id)
    }
}

/// The lints declared in settings (`lint = "session_not_closed"` in `[[resources]]`), in
/// the order declared. Settings are read once per run, before anything looks lints up.
static DECLARED: std::sync::RwLock<Vec<&'static Lint>> = std::sync::RwLock::new(Vec::new());

/// Every lint of this run: the built-in ones, then those declared in settings.
pub fn all() -> Vec<&'static Lint> {
    let mut all = ALL.to_vec();
    all.extend(declared());
    all
}

fn declared() -> Vec<&'static Lint> {
    DECLARED.read().map(|d| d.clone()).unwrap_or_default()
}

/// ` (did you mean `x`?)` for the lint id of this run, family or `all` closest to `id`,
/// if one is close.
pub fn did_you_mean(id: &str) -> String {
    let names = all()
        .into_iter()
        .map(|l| l.id)
        .chain(Family::ALL.map(Family::as_str))
        .chain(["all"]);
    crate::suggest::did_you_mean(id, names, |c| c.len() / 3 + 1)
}

/// What `--explain FAMILY` prints: the family's lints, each with its level and summary.
pub fn family_page(family: Family) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# Family `{}`\n\nLints about {}.\n",
        family.as_str(),
        family.description()
    );
    let _ = writeln!(s, "| lint | default | what it finds |\n| --- | --- | --- |");
    for l in all().into_iter().filter(|l| l.family == family) {
        let _ = writeln!(
            s,
            "| `{}` | {} | {} |",
            l.id,
            l.default_level.as_str(),
            l.summary
        );
    }
    let _ = writeln!(
        s,
        "\n`cargo stray --explain LINT` prints a lint's page; `-A`, `-W` and `-D {}` set the level of them all.",
        family.as_str()
    );
    s
}

/// Declares a lint for resources declared in settings. Declaring the same id again
/// gives the same lint; a built-in id or a family name cannot be declared.
pub fn declare(id: &str, what: &str) -> Result<&'static Lint, String> {
    let valid = id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !valid {
        return Err(format!(
            "`{id}` is not a lint id: use lowercase letters, digits and `_`, as in `session_not_closed`"
        ));
    }
    // `warnings` is what `-D warnings` is about, as with rustc.
    if ["all", "warnings"].contains(&id)
        || Family::named(id).is_some()
        || ALL.iter().any(|l| l.id == id)
    {
        return Err(format!(
            "`{id}` is already a lint or family of cargo-stray: choose another id"
        ));
    }
    let Ok(mut declared) = DECLARED.write() else {
        return Err("the lint registry is unusable after a crash".to_string());
    };
    if let Some(l) = declared.iter().find(|l| l.id == id) {
        return Ok(l);
    }
    let leak = crate::config::leak;
    let lint: &'static Lint = Box::leak(Box::new(Lint {
        id: leak(id.to_string()),
        family: Family::User,
        default_level: Level::Warn,
        summary: leak(format!(
            "{what} is not released on every path (declared in settings)"
        )),
        docs: Docs {
            what_it_does: leak(format!(
                "Declared in settings: finds {what} values that a path drops without calling one of their release methods. The resources reported under this id, their constructors and release methods are the `[[resources]]` entries with `lint = \"{id}\"`."
            )),
            why_is_this_bad: "Your team declared that these values must be released; see the `message` and `help` of the declaration.",
            example: "",
            use_instead: "",
            known_limits: "The same as `resource_not_released`'s: see `cargo stray --explain resource_not_released`.",
            settings: "",
        },
        check: Check::Declared,
    }));
    declared.push(lint);
    Ok(lint)
}

/// A lint is its id: two lints with one id are the same lint.
impl PartialEq for Lint {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl Eq for Lint {}

impl Lint {
    pub fn by_id(id: &str) -> Option<&'static Lint> {
        ALL.iter()
            .copied()
            .find(|l| l.id == id)
            .or_else(|| declared().into_iter().find(|l| l.id == id))
    }

    /// The level this run gives the lint: the configured one, else its default.
    pub fn level(&self, config: &Config) -> Level {
        self.level_in(&config.levels)
    }

    /// Its level in `levels`, else its default.
    pub fn level_in(&self, levels: &std::collections::HashMap<&'static str, Level>) -> Level {
        levels.get(self.id).copied().unwrap_or(self.default_level)
    }

    /// The severity its findings are reported with; `None` when it is allowed.
    pub fn severity(&self, config: &Config) -> Option<Severity> {
        self.level(config).severity()
    }

    /// The page `lints/<id>.md`, also printed by `--explain`.
    pub fn markdown(&self) -> String {
        let d = &self.docs;
        let mut s = String::new();
        let _ = writeln!(s, "# `{}`\n", self.id);
        let _ = writeln!(
            s,
            "Family: `{}` ({}) · Default level: `{}`\n",
            self.family.as_str(),
            self.family.description(),
            self.default_level.as_str()
        );
        let _ = writeln!(s, "{}.\n", capitalize(self.summary));
        let _ = writeln!(s, "## What it does\n\n{}\n", d.what_it_does.trim());
        let _ = writeln!(s, "## Why is this bad?\n\n{}\n", d.why_is_this_bad.trim());
        if !d.settings.trim().is_empty() {
            let _ = writeln!(s, "## Settings\n\n```toml\n{}\n```\n", d.settings.trim());
        }
        let _ = writeln!(s, "## Example\n\n```rust\n{}\n```\n", d.example.trim());
        let _ = writeln!(
            s,
            "Use instead:\n\n```rust\n{}\n```\n",
            d.use_instead.trim()
        );
        let _ = writeln!(s, "## Known limits\n\n{}\n", d.known_limits.trim());
        let _ = write!(
            s,
            "## Suppressing\n\nOn the line of a finding or the line above it, or above the `fn`, `impl` or `mod` it is in: `// stray: allow({}) -- reason`. For a whole file, at its top: `//! stray: allow({})`. A suppression that suppresses nothing is reported as `unused_suppression`.",
            self.id, self.id
        );
        if let Some((_, clippy)) = CLIPPY_EQUIVALENTS.iter().find(|(ours, _)| *ours == self.id) {
            let _ = write!(
                s,
                " clippy's `#[allow(clippy::{clippy})]` or `#[expect(clippy::{clippy})]` on a statement, an expression, an item or a module (`#![allow(..)]`) silences it there too, as the same lint."
            );
        }
        s.push('\n');
        s
    }

    /// Where the page of a built-in lint is published; a lint declared in settings has
    /// none (its documentation is `--explain`'s).
    pub fn page_url(&self) -> Option<String> {
        ALL.contains(&self).then(|| self.help_uri())
    }

    /// Where the page is published (SARIF `helpUri`).
    pub fn help_uri(&self) -> String {
        format!(
            "{}/blob/main/lints/{}.md",
            env!("CARGO_PKG_REPOSITORY"),
            self.id
        )
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The README's table of lints, between its `<!-- lints -->` markers.
pub fn readme_table() -> String {
    let mut s =
        String::from("| lint | family | default | what it finds |\n| --- | --- | --- | --- |\n");
    for l in ALL {
        let _ = writeln!(
            s,
            "| [`{}`](lints/{}.md) | {} | {} | {} |",
            l.id,
            l.id,
            l.family.as_str(),
            l.default_level.as_str(),
            l.summary
        );
    }
    s
}

/// What a finding on a field that stores a tracked value nothing settles says.
pub(crate) struct StoredReport<'a> {
    pub message: String,
    /// The primary label, at the first store.
    pub stored: &'a str,
    /// The methods whose calls are worth pointing at, and what each label says.
    pub calls: (&'a [&'a str], &'a str),
    pub help: String,
}

/// A finding at the first store of a field (`Server { child }`), pointing at the other
/// stores and the calls that show what the field is used for.
pub(crate) fn stored_field(
    field: &flow::StoredField,
    report: StoredReport<'_>,
) -> Option<Diagnostic> {
    /// Enough labels to show the pattern, not every call of a long file.
    const MAX_CALLS: usize = 3;
    let (first, others) = field.stores.split_first()?;
    let mut secondary: Vec<Label> = others
        .iter()
        .map(|span| Label {
            span: span.clone(),
            message: "also stored here".to_string(),
        })
        .collect();
    let (methods, label) = report.calls;
    secondary.extend(
        field
            .calls
            .iter()
            .filter(|(m, _)| methods.contains(m))
            .take(MAX_CALLS)
            .map(|(_, span)| Label {
                span: span.clone(),
                message: label.to_string(),
            }),
    );
    Some(Diagnostic {
        message: report.message,
        primary: Label {
            span: first.clone(),
            message: report.stored.to_string(),
        },
        secondary,
        help: Some(report.help),
        fix: None,
        reported_as: None,
    })
}
