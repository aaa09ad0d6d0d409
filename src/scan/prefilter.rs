//! The pre-filter: a file that names nothing a finding can start from is not parsed.
//!
//! Every finding starts from a value the catalog or the settings track, created by a
//! function or builder of a library, or from a suppression comment (`stray:`). A file
//! analysed alone resolves a library's name only through its own `use` items and paths,
//! so it must write both the name (`Command`, `CancellationToken`, `connect_async`) and
//! the crate it comes from (`std`, `tokio_util`, `tokio_tungstenite`). A value made by a
//! helper of another file is found by the crate index's second pass, which reads its
//! files without this filter. A file that re-exports something is read for the index's
//! scopes, up to the size the index reads any file at. The words come from the catalog
//! and the settings, never from a list kept by hand.

use aho_corasick::AhoCorasick;

use super::index::Words;

use crate::catalog::{self, Catalog};
use crate::config::Config;

/// What a file must contain to be worth parsing.
pub struct Prefilter {
    /// `None`: the patterns could not be built; every file is parsed.
    matcher: Option<AhoCorasick>,
    /// Per pattern: whether it counts inside a longer word (`stray:`, `pub use `).
    anywhere: Vec<bool>,
    /// A name and the crates it may come from, by pattern: the file must contain the name
    /// and one of the crates.
    pairs: Vec<(Vec<usize>, usize)>,
    /// Patterns enough on their own: the settings' names, suppressions.
    alone: Vec<usize>,
    /// Re-exports: enough in a file the index would read.
    reexports: Vec<usize>,
}

/// The comment that starts a suppression, found even inside a longer word.
const SUPPRESSION: &str = "stray:";

/// `futures` re-exports `futures_util` whole: a path of one is written with either.
const SAME_CRATES: &[(&str, &str)] = &[("futures_util", "futures")];

impl Prefilter {
    pub fn new(config: &Config) -> Prefilter {
        let mut words = Words::default();
        let mut pairs = Vec::new();
        for (krate, name) in library_names() {
            let mut crates = vec![words.id(krate)];
            for (a, b) in SAME_CRATES {
                if krate == *a {
                    crates.push(words.id(b));
                }
            }
            let pair = (crates, words.id(name));
            if !pairs.contains(&pair) {
                pairs.push(pair);
            }
        }
        let mut alone: Vec<usize> = user_names(config).iter().map(|w| words.id(w)).collect();
        let suppression = words.id(SUPPRESSION);
        alone.push(suppression);
        let reexports: Vec<usize> = super::index::REEXPORTS
            .iter()
            .map(|r| words.id(r))
            .collect();
        let mut anywhere = vec![false; words.len()];
        for &p in reexports.iter().chain([&suppression]) {
            anywhere[p] = true;
        }
        Prefilter {
            matcher: words.matcher(),
            anywhere,
            pairs,
            alone,
            reexports,
        }
    }

    /// Whether `bytes` (a file's) may hold a finding, or tell the crate index something.
    pub fn may_matter(&self, bytes: &[u8]) -> bool {
        self.verdict(bytes) != Verdict::Skip
    }

    /// What a file's bytes call for.
    pub fn verdict(&self, bytes: &[u8]) -> Verdict {
        let Some(matcher) = &self.matcher else {
            return Verdict::Analyse;
        };
        let mut found = vec![false; self.anywhere.len()];
        for m in matcher.find_iter(bytes) {
            let p = m.pattern().as_usize();
            if self.anywhere[p] || super::index::whole_word(bytes, m.start(), m.end()) {
                found[p] = true;
            }
        }
        if self.alone.iter().any(|&p| found[p])
            || self
                .pairs
                .iter()
                .any(|(crates, name)| found[*name] && crates.iter().any(|&c| found[c]))
        {
            Verdict::Analyse
        } else if self.reexports.iter().any(|&p| found[p])
            && bytes.len() as u64 <= super::index::MAX_INDEXED_ONLY
        {
            Verdict::IndexOnly
        } else {
            Verdict::Skip
        }
    }
}

/// What the pre-filter makes of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Nothing a finding can start from, nothing the crate index needs.
    Skip,
    /// Nothing a finding can start from, but re-exports, which other files' paths may go
    /// through: read for the crate index, when the crate has something to index.
    IndexOnly,
    Analyse,
}

/// For every path the catalog creates a tracked value or a builder by, or names a
/// tracked type by: its crate, and the name it is written with.
fn library_names() -> Vec<(&'static str, &'static str)> {
    let mut paths: Vec<(&'static str, bool)> = Catalog::type_paths().map(|p| (p, false)).collect();
    // A `select!` in a loop may race a future that is not cancel safe.
    paths.extend(
        catalog::cancel_safety::SELECT_MACROS
            .iter()
            .map(|m| (*m, true)),
    );
    // A span entered in an async body.
    paths.extend(catalog::spans::SPAN_MACROS.iter().map(|m| (*m, true)));
    paths.extend(catalog::spans::SPAN_FUNCTIONS.iter().map(|f| (*f, true)));
    paths.push((catalog::spans::SPAN, false));
    for entries in catalog::ALL {
        paths.extend(entries.functions.iter().map(|f| (f.path, true)));
        paths.extend(entries.guards.iter().map(|g| (g.ty, false)));
        paths.extend(entries.builders.iter().map(|b| (b.ty, false)));
        for r in entries.resources {
            paths.push((r.ty, false));
            if !r.builder.is_empty() {
                paths.push((r.builder, false));
            }
            paths.extend(r.constructors.iter().map(|c| (c.path, true)));
        }
    }
    paths
        .into_iter()
        .filter_map(|(path, function)| {
            let krate = path.split("::").next()?;
            Some((krate, written(path, function)))
        })
        .filter(|(krate, name)| !krate.is_empty() && !name.is_empty())
        .collect()
}

/// The names of the resources declared in settings, which may be the crate's own: a
/// type's, or a constructor's.
fn user_names(config: &Config) -> Vec<String> {
    let mut out = Vec::new();
    for user in &config.resources {
        out.push(written(user.resource.ty, false).to_string());
        for c in &user.constructors {
            let path = c.join("::");
            out.push(written(path.trim_start_matches('.'), true).to_string());
        }
    }
    out.retain(|w| !w.is_empty());
    out
}

/// The segment a path must be written with: its last; for a function associated with a
/// type (`CancellationToken::new`), the type's name, which the call writes (`Self::new`
/// is written only inside the type's own `impl`, in the library).
fn written(path: &str, function: bool) -> &str {
    let mut segments = path.rsplit("::");
    let last = segments.next().unwrap_or(path);
    match segments.next() {
        Some(owner) if function && owner.starts_with(char::is_uppercase) => owner,
        _ => last,
    }
}
