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
//! and the settings, never from a list kept by hand. A word counts only whole, and not on
//! a line that starts with `//`: a comment, or a doc comment's example, is never code.

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
    /// What starts a finding, by pattern.
    pairs: Vec<Pair>,
    /// Patterns enough on their own: the settings' names, suppressions.
    alone: Vec<usize>,
    /// Re-exports: enough in a file the index would read.
    reexports: Vec<usize>,
    /// The words of the pairs' sets of alternatives (`lock`, `enter`, `process`), each
    /// searched for alone, and only in a file that already has a pair's name and crate
    /// and only as far as that pair needs: common words, which would slow the first
    /// search of every file.
    also_words: Vec<memchr::memmem::Finder<'static>>,
}

/// A name and the crates it may come from: the file must contain the name and one of the
/// crates, and one word (of `also_words`) of each set of alternatives in `also`.
#[derive(PartialEq)]
struct Pair {
    crates: Vec<usize>,
    name: usize,
    also: Vec<Vec<usize>>,
    /// What it starts needs the flow engine.
    flow: bool,
}

/// The comment that starts a suppression, found even inside a longer word.
const SUPPRESSION: &str = "stray:";

/// `futures` re-exports `futures_util` whole: a path of one is written with either.
const SAME_CRATES: &[(&str, &str)] = &[("futures_util", "futures")];

impl Prefilter {
    pub fn new(config: &Config) -> Prefilter {
        let mut words = Words::default();
        let mut also_words = Words::default();
        let mut pairs = Vec::new();
        for (krate, name, also, flow) in library_names() {
            let mut crates = vec![words.id(&krate)];
            for (a, b) in SAME_CRATES {
                if krate == *a {
                    crates.push(words.id(b));
                }
            }
            let also: Vec<Vec<usize>> = also
                .iter()
                .map(|alternatives| alternatives.iter().map(|w| also_words.id(w)).collect())
                .collect();
            let pair = Pair {
                crates,
                name: words.id(&name),
                also,
                flow,
            };
            if !pairs.contains(&pair) {
                pairs.push(pair);
            }
        }
        let mut alone: Vec<usize> = user_names(config).iter().map(|w| words.id(w)).collect();
        // A method that begins a value on any receiver needs no crate's name beside it.
        alone.extend(Catalog::any_receiver_methods().map(|m| words.id(m)));
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
            also_words: also_words
                .into_list()
                .into_iter()
                .map(|w| memchr::memmem::Finder::new(w.as_bytes()).into_owned())
                .collect(),
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
            if self.anywhere[p] || in_code(bytes, m.start(), m.end()) {
                found[p] = true;
            }
        }
        let candidates: Vec<&Pair> = self
            .pairs
            .iter()
            .filter(|p| found[p.name] && p.crates.iter().any(|&c| found[c]))
            .collect();
        let also = Also::new(self.also_words.len());
        let met = |p: &&Pair| {
            p.also.iter().all(|alts| {
                alts.iter()
                    .any(|&a| also.found(a, || self.also_found(a, bytes)))
            })
        };
        if self.alone.iter().any(|&p| found[p]) || candidates.iter().filter(|p| p.flow).any(met) {
            Verdict::Analyse
        } else if candidates.iter().any(met) {
            Verdict::Syntax
        } else if self.reexports.iter().any(|&p| found[p])
            && bytes.len() as u64 <= super::index::MAX_INDEXED_ONLY
        {
            Verdict::IndexOnly
        } else {
            Verdict::Skip
        }
    }

    /// Whether `bytes` contains the pairs' other word `word` as a whole word.
    fn also_found(&self, word: usize, bytes: &[u8]) -> bool {
        let finder = &self.also_words[word];
        let len = finder.needle().len();
        finder
            .find_iter(bytes)
            .any(|at| in_code(bytes, at, at + len))
    }
}

/// Whether `bytes[start..end]` is a whole word that may be code: not on a line that
/// starts with `//` (a comment, a doc comment and its examples), where nothing can be.
fn in_code(bytes: &[u8], start: usize, end: usize) -> bool {
    if !super::index::whole_word(bytes, start, end) {
        return false;
    }
    let line = memchr::memrchr(b'\n', &bytes[..start]).map_or(0, |at| at + 1);
    let first = bytes[line..start]
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map(|at| line + at);
    !first.is_some_and(|at| bytes[at..].starts_with(b"//"))
}

/// Which of the pairs' other words a file has been searched for, and with what result.
struct Also(std::cell::RefCell<Vec<Option<bool>>>);

impl Also {
    fn new(words: usize) -> Also {
        Also(std::cell::RefCell::new(vec![None; words]))
    }

    fn found(&self, word: usize, search: impl FnOnce() -> bool) -> bool {
        if let Some(known) = self.0.borrow()[word] {
            return known;
        }
        let result = search();
        self.0.borrow_mut()[word] = Some(result);
        result
    }
}

/// What the pre-filter makes of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Nothing a finding can start from, nothing the crate index needs.
    Skip,
    /// Only what the syntactic lints look for (a `select!`, a span, a guard of the
    /// guards' family): parsed, with no flow analysis and no summary for the index.
    Syntax,
    /// Nothing a finding can start from, but re-exports, which other files' paths may go
    /// through: read for the crate index, when the crate has something to index.
    IndexOnly,
    Analyse,
}

/// What a file must write for a finding to start in it: a name, the crate it comes from,
/// and, for names that start one only together with certain calls, those calls: each
/// inner list is a set of alternatives, and every set must be met.
type Trigger = (String, String, Vec<Vec<String>>, bool);

/// For every path the catalog creates a tracked value, a builder or a guard by, or names
/// a tracked type by: its crate, the name it is written with, and what else it needs.
fn library_names() -> Vec<Trigger> {
    // Path, whether it is a function's, what else it needs, whether the flow engine does.
    let mut paths: Vec<(&'static str, bool, Vec<Vec<&'static str>>, bool)> = Vec::new();
    for entries in catalog::ALL {
        // The guards' own family names common types (tokio's `Mutex`): those start a
        // finding only through the calls that make a guard of them.
        let guards_only = std::ptr::eq(*entries, &catalog::guards::ENTRIES);
        for t in entries.types {
            let also = match guards_only {
                true => match guard_calls(t.canonical) {
                    Some(also) => also,
                    None => continue,
                },
                false => Vec::new(),
            };
            for path in std::iter::once(t.canonical).chain(t.aliases.iter().copied()) {
                paths.push((path, false, also.clone(), !guards_only));
            }
        }
        for f in entries.functions {
            let also = match (guards_only, f.output) {
                (true, catalog::Output::Type(t)) => match guard_calls(t) {
                    Some(also) => also,
                    None => continue,
                },
                _ => Vec::new(),
            };
            paths.push((f.path, true, also, !guards_only));
        }
        paths.extend(
            entries
                .guards
                .iter()
                .map(|g| (g.ty, false, Vec::new(), !guards_only)),
        );
        paths.extend(
            entries
                .builders
                .iter()
                .map(|b| (b.ty, false, Vec::new(), true)),
        );
        for r in entries.resources {
            paths.push((r.ty, false, Vec::new(), true));
            if !r.builder.is_empty() {
                paths.push((r.builder, false, Vec::new(), true));
            }
            paths.extend(
                r.constructors
                    .iter()
                    .map(|c| (c.path, true, Vec::new(), true)),
            );
        }
    }
    // A `select!` in a loop racing a call that is not cancel safe (a wrapper of the file
    // awaits one, so the file writes it too).
    let unsafe_calls = catalog::cancel_safety::names();
    paths.extend(
        catalog::cancel_safety::SELECT_MACROS
            .iter()
            .map(|m| (*m, true, vec![unsafe_calls.clone()], false)),
    );
    // A span entered in an async body.
    let enter = catalog::spans::ENTER.to_vec();
    let spans = catalog::spans::SPAN_MACROS
        .iter()
        .chain(catalog::spans::SPAN_FUNCTIONS)
        .map(|p| (*p, true));
    for (path, function) in spans.chain([(catalog::spans::SPAN, false)]) {
        paths.push((path, function, vec![enter.clone()], false));
    }
    // A client or pool built in a loop, or in a closure run per item. Their names are
    // common words (`get`, `connect`, `Pool`): the crate's name, which is not, is what
    // the first search looks for, and the rest are words searched only after it.
    let mut repeats = vec!["for".to_string(), "while".to_string(), "loop".to_string()];
    repeats.extend(catalog::pools::PER_ITEM.iter().map(|w| w.to_string()));
    let builds = catalog::pools::BUILDS.iter().filter_map(|b| {
        let krate = b.path.split("::").next()?.to_string();
        let name = written(b.path, true);
        let mut also = vec![vec![name.to_string()], repeats.clone()];
        also.extend(
            modules(b.path, name)
                .into_iter()
                .map(|m| vec![m.to_string()]),
        );
        if !b.completions.is_empty() {
            also.push(b.completions.iter().map(|c| c.to_string()).collect());
        }
        Some((krate.clone(), krate, also, false))
    });
    let connects = catalog::pools::CONNECT_METHODS.iter().map(|m| {
        let also = vec![vec![m.name.to_string()], repeats.clone()];
        (m.krate.to_string(), m.krate.to_string(), also, false)
    });
    let pools: Vec<Trigger> = builds.chain(connects).collect();
    // A method any value has (`remote_handle` of `FutureExt`): the file writes the
    // method and, to import the trait, its crate.
    let extensions = catalog::ALL
        .iter()
        .flat_map(|e| e.methods)
        .filter(|m| catalog::EXTENSION_TRAITS.contains(&m.receiver))
        .filter_map(|m| {
            let krate = m.receiver.split("::").next()?;
            Some((krate.to_string(), m.name.to_string(), Vec::new(), false))
        });
    paths
        .into_iter()
        .flat_map(|(path, function, also, flow)| {
            variants(path, function)
                .into_iter()
                .map(move |path| (path, function, also.clone(), flow))
        })
        .filter_map(|(path, function, also, flow)| {
            let krate = path.split("::").next()?.to_string();
            let name = written(&path, function);
            let mut also: Vec<Vec<String>> = also
                .iter()
                .map(|alts| alts.iter().map(|w| w.to_string()).collect())
                .collect();
            also.extend(
                modules(&path, name)
                    .into_iter()
                    .map(|m| vec![m.to_string()]),
            );
            Some((krate, name.to_string(), also, flow))
        })
        .chain(extensions)
        .chain(pools)
        .filter(|(krate, name, _, _)| !krate.is_empty() && !name.is_empty())
        .collect()
}

/// Every path a file may write `path` with: a type's, or an associated function's owner's,
/// canonical path and each of its aliases, which the resolver takes alike.
fn variants(path: &'static str, function: bool) -> Vec<String> {
    let of_type = |ty: &str| {
        Catalog::canonical_type(ty)
            .map(|t| std::iter::once(t.canonical).chain(t.aliases.iter().copied()))
    };
    if !function {
        if let Some(paths) = of_type(path) {
            return paths.map(str::to_string).collect();
        }
    } else if let Some((owner, name)) = path.rsplit_once("::")
        && let Some(paths) = of_type(owner)
    {
        return paths.map(|o| format!("{o}::{name}")).collect();
    }
    vec![path.to_string()]
}

/// The modules between a path's crate and the name it is written with (`process` of
/// `std::process::Command`): a file that resolves the path through its own `use` items or
/// paths writes each of them.
fn modules<'a>(path: &'a str, written: &str) -> Vec<&'a str> {
    let segments: Vec<&str> = path.split("::").collect();
    let end = segments
        .iter()
        .rposition(|s| *s == written)
        .unwrap_or(segments.len());
    segments
        .get(1..end)
        .unwrap_or_default()
        .iter()
        .copied()
        .filter(|s| !s.is_empty())
        .collect()
}

/// What a file holding a value of type `ty` must also write to discard a guard made from
/// it: one of the methods that make one (`lock`, `enter`), and for guards made by a
/// future, the `_ = ` that discards them (a bare `lock().await;` is a wait, not
/// reported). `Some(vec![])` for a guard itself; `None` where no guard comes of it.
fn guard_calls(ty: &str) -> Option<Vec<Vec<&'static str>>> {
    if Catalog::guard(ty).is_some() {
        return Some(Vec::new());
    }
    let makers: Vec<(&'static str, bool)> = catalog::ALL
        .iter()
        .flat_map(|e| e.methods)
        .filter(|m| m.receiver == ty)
        .filter_map(|m| match m.output {
            catalog::Output::Type(out) => Some((m.name, Catalog::guard(out)?.awaited)),
            catalog::Output::Tuple(_) => None,
        })
        .collect();
    // A builder of one (`tempfile::Builder`) is as good as its guards' methods.
    let chained: Vec<&'static str> = catalog::ALL
        .iter()
        .flat_map(|e| e.methods)
        .filter(|m| m.receiver == ty)
        .filter_map(|m| match m.output {
            catalog::Output::Type(out) if out != ty && Catalog::guard(out).is_none() => {
                guard_calls(out).and_then(|also| also.first().cloned())
            }
            _ => None,
        })
        .flatten()
        .collect();
    let mut names: Vec<&'static str> = makers.iter().map(|(n, _)| *n).collect();
    names.extend(chained);
    if names.is_empty() {
        return None;
    }
    let mut also = vec![names];
    if !makers.is_empty() && makers.iter().all(|(_, awaited)| *awaited) {
        also.push(vec![DISCARD]);
    }
    Some(also)
}

/// How a guard made by a future is discarded by mistake: `let _ = ..` or `_ = ..`.
const DISCARD: &str = "_ = ";

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

#[cfg(test)]
mod tests {
    use super::in_code;

    fn at(text: &str, word: &str) -> bool {
        let start = text.find(word).expect("the word is in the text");
        in_code(text.as_bytes(), start, start + word.len())
    }

    #[test]
    fn a_word_on_a_comment_line_is_not_code() {
        assert!(!at("/// let client = reqwest::Client::new();\n", "reqwest"));
        assert!(!at("fn f() {}\n    // Command::new(\"ls\")\n", "Command"));
        assert!(!at("//! reqwest::get(url)\n", "reqwest"));
        assert!(at(
            "let c = reqwest::Client::new(); // a client\n",
            "reqwest"
        ));
        // A `//` later on the line, even inside a string, does not hide what comes before.
        assert!(at("    reqwest::get(\"http://example.com\")\n", "reqwest"));
        assert!(at("let u = \"http://x\"; reqwest::get(u)\n", "reqwest"));
        assert!(!at("let reqwests = 1;\n", "reqwest"));
    }
}
