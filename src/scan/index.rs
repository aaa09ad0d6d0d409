//! The crate index of every group of files the scan touches. The inputs are summarised by
//! the first pass, which analyses each alone; the groups' other files are read here, and
//! those that name a type the catalog (or the settings) track, or re-export something,
//! are parsed and summarised. The rest cannot define anything another file could receive
//! a tracked value from, and are skipped unparsed. Files that cannot be read, parsed or
//! analysed safely are left out quietly: they are reported if they are being scanned.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use aho_corasick::AhoCorasick;
use rayon::prelude::*;

use super::NORMAL;
use super::Summarised;
use crate::catalog::Catalog;
use crate::config::Config;
use crate::flow::{self, CrateIndex, FileIndex};
use crate::input::Input;
use crate::layout::{self, Packages, Unit};
use crate::syntax::nesting;

/// The index of each group of files the scan touches.
#[derive(Debug, Default)]
pub struct Indexes {
    by_group: HashMap<PathBuf, CrateIndex>,
    /// By input: whether it names something its crate's index knows, so that analysing
    /// it with the index may differ from analysing it alone.
    pub chosen: Vec<bool>,
    /// Files of the groups read for the index beyond the inputs, and of those, parsed.
    pub files_read: usize,
    pub files_parsed: usize,
}

impl Indexes {
    pub fn of(&self, unit: &Unit) -> Option<&CrateIndex> {
        if !unit.shared {
            return None;
        }
        self.by_group.get(&unit.group)
    }
}

/// The names a group's index knows, with the files that define each.
#[derive(Debug, Default)]
struct GroupNames {
    matcher: Option<AhoCorasick>,
    /// Per thing defined: the patterns (of `matcher`) a file must contain all of to read
    /// it, and the file that defines it.
    defined: Vec<(Vec<usize>, PathBuf)>,
    /// The things defined, by the first of their patterns: what a match must check.
    by_pattern: Vec<Vec<usize>>,
}

impl GroupNames {
    fn new(files: &[(PathBuf, FileIndex)]) -> GroupNames {
        let mut words = Words::default();
        let mut defined: Vec<(Vec<usize>, PathBuf)> = Vec::new();
        let mut last_words = HashSet::new();
        for (path, file) in files {
            for name in file.names() {
                last_words.extend(name.last().cloned());
                let patterns = name.iter().map(|w| words.id(w)).collect();
                defined.push((patterns, path.clone()));
            }
        }
        // A re-export under another name of something the index knows defines that name.
        for (path, file) in files {
            for (alias, name) in file.renames() {
                if last_words.contains(&name) {
                    defined.push((vec![words.id(&alias)], path.clone()));
                }
            }
        }
        if defined.is_empty() {
            return GroupNames::default();
        }
        let mut by_pattern = vec![Vec::new(); words.list.len()];
        for (i, (patterns, _)) in defined.iter().enumerate() {
            if let Some(&first) = patterns.first() {
                by_pattern[first].push(i);
            }
        }
        let matcher = words.matcher();
        GroupNames {
            matcher,
            defined,
            by_pattern,
        }
    }

    /// Whether `text`, of the file at `path`, names something another file defines. Costs
    /// the text's length and its matches, not the size of the crate.
    fn read_by(&self, text: &str, path: &Path) -> bool {
        let Some(matcher) = &self.matcher else {
            return false;
        };
        let b = text.as_bytes();
        let mut found: HashSet<usize> = HashSet::new();
        // The words written other than as a member of something else (`.run(`,
        // `TcpStream::connect(`): only those can name a free function or a type.
        let mut named: HashSet<usize> = HashSet::new();
        for m in matcher
            .find_iter(text)
            .filter(|m| whole_word(b, m.start(), m.end()))
        {
            let p = m.pattern().as_usize();
            found.insert(p);
            if !member(b, m.start()) {
                named.insert(p);
            }
        }
        // A name only this file defines is one its own analysis knows already. A
        // one-word name (a function, a type) must be written as itself; a method or a
        // field needs its owner's name too, and is called through a dot.
        found.iter().flat_map(|&p| &self.by_pattern[p]).any(|&d| {
            let (patterns, by) = &self.defined[d];
            by != path
                && match patterns.as_slice() {
                    [one] => named.contains(one),
                    all => all.iter().all(|p| found.contains(p)),
                }
        })
    }
}

/// Whether the word at `start` is a member of something else: after a single `.` (a
/// method or a field: `x.run()`, `x\n    .run()`, not the range `..Foo`), or after a type's
/// `::` (`TcpStream::connect`, `Self::spawn`), where a module's (`jobs::run`) may still
/// be the free function.
fn member(b: &[u8], start: usize) -> bool {
    let Some(end) = b[..start].iter().rposition(|c| !c.is_ascii_whitespace()) else {
        return false;
    };
    let before = &b[..=end];
    if let [.., c, b'.'] = before {
        return *c != b'.';
    }
    if before == b"." {
        return true;
    }
    let Some(path) = before.strip_suffix(b"::") else {
        return false;
    };
    let owner = path
        .iter()
        .rposition(|c| !(c.is_ascii_alphanumeric() || *c == b'_'))
        .map_or(path, |i| &path[i + 1..]);
    owner.first().is_some_and(u8::is_ascii_uppercase)
}

/// The words a matcher looks for, each once, numbered in the order first asked for.
#[derive(Default)]
pub(super) struct Words {
    list: Vec<String>,
    ids: HashMap<String, usize>,
}

impl Words {
    /// How many words there are.
    pub(super) fn len(&self) -> usize {
        self.list.len()
    }

    /// A matcher finding them all, the longest where they overlap (`None` if it cannot be
    /// built). A DFA: with a hundred words, too many for the SIMD search, the default
    /// automaton ran at half the speed.
    pub(super) fn matcher(&self) -> Option<AhoCorasick> {
        AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&self.list)
            .ok()
    }

    /// The words, by number.
    pub(super) fn into_list(self) -> Vec<String> {
        self.list
    }

    pub(super) fn id(&mut self, word: &str) -> usize {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        self.list.push(word.to_string());
        self.ids.insert(word.to_string(), self.list.len() - 1);
        self.list.len() - 1
    }
}

/// Whether a file's text re-exports something under another name (`pub use a::b as c;`).
fn renames(text: &str) -> bool {
    REEXPORTS.iter().any(|marker| {
        text.match_indices(marker).any(|(at, _)| {
            let rest = &text[at..];
            let end = rest.find(';').unwrap_or(rest.len());
            rest[..end].contains(" as ")
        })
    })
}

/// Whether a file's text re-exports something (`pub use ..`), which other files' paths may
/// go through.
pub fn reexports(text: &str) -> bool {
    REEXPORTS.iter().any(|r| text.contains(r))
}

/// Builds the index of every group `units` (the inputs') belong to: from `summarised`, what
/// the first pass found of the inputs (by input, `None` where it found nothing), and from
/// the groups' other files, read now. The merge follows the files' paths, so the result
/// does not depend on the order threads finish in.
pub fn build(
    inputs: &[Input],
    units: &[Unit],
    summarised: Vec<Summarised>,
    packages: &mut Packages,
    config: &Config,
) -> Indexes {
    let groups = groups_of(units);
    let others = others(inputs, &groups, packages);
    let names = Names::new(config);
    let read = others.len();
    let found: Vec<(usize, PathBuf, Option<FileIndex>)> = others
        .into_par_iter()
        .map(|(g, path, module)| {
            let index = index_one(&path, module, &names, config);
            (g, path, index.filter(|i| !i.is_empty()))
        })
        .collect();
    let parsed = found.iter().filter(|(_, _, f)| f.is_some()).count();
    let mut per_group: Vec<Vec<(PathBuf, FileIndex)>> = groups.keys().map(|_| Vec::new()).collect();
    for (g, path, file) in found {
        if let Some(file) = file {
            per_group[g].push((path, file));
        }
    }
    let mut deferred: Vec<(usize, PathBuf, Vec<String>)> = Vec::new();
    for ((input, unit), file) in inputs.iter().zip(units).zip(summarised) {
        let Some(&g) = groups.get(unit.group.as_path()) else {
            continue;
        };
        let path = std::path::absolute(&input.path).unwrap_or_else(|_| input.path.clone());
        match file {
            Summarised::Index(file) if !file.is_empty() => per_group[g].push((path, *file)),
            Summarised::Deferred => deferred.push((g, path, unit.module.clone())),
            _ => {}
        }
    }
    // Files that only re-export matter only to a crate that defines something another
    // file could receive, and there only for the files that read from its index: their
    // renames (`pub use util::spawn as spawn_job`) may make a file one of those, and
    // their scopes are on its paths. So the renaming ones are read first, the others
    // only for a crate some file reads from.
    deferred.retain(|(g, _, _)| per_group[*g].iter().any(|(_, f)| !f.names().is_empty()));
    let (renaming, rest): (Vec<_>, Vec<_>) = deferred
        .into_iter()
        .partition(|(_, path, _)| std::fs::read_to_string(path).is_ok_and(|t| renames(&t)));
    add_reexports(&mut per_group, renaming);
    let names_of: Vec<GroupNames> = per_group
        .iter_mut()
        .map(|files| {
            files.sort_by(|a, b| a.0.cmp(&b.0));
            GroupNames::new(files)
        })
        .collect();
    // The files that read from their crate's index, with their group, module and text.
    let readers: Vec<Option<(usize, &[String], String)>> = inputs
        .par_iter()
        .zip(units)
        .map(|(input, unit)| {
            let &g = groups.get(unit.group.as_path()).filter(|_| unit.shared)?;
            let names = &names_of[g];
            names.matcher.as_ref()?;
            let absolute = std::path::absolute(&input.path).ok()?;
            let text = std::fs::read_to_string(&input.path).ok()?;
            names
                .read_by(&text, &absolute)
                .then_some((g, unit.module.as_slice(), text))
        })
        .collect();
    let chosen: Vec<bool> = readers.iter().map(Option::is_some).collect();
    let on_paths = on_their_paths(readers.into_iter().flatten().collect(), rest);
    add_reexports(&mut per_group, on_paths);
    let mut by_group = HashMap::new();
    for (group, mut files) in groups.keys().zip(per_group) {
        files.sort_by(|a, b| a.0.cmp(&b.0));
        let index = CrateIndex::build(files.into_iter().map(|(_, f)| f).collect());
        by_group.insert(group.to_path_buf(), index);
    }
    Indexes {
        by_group,
        chosen,
        files_read: read,
        files_parsed: parsed,
    }
}

/// The files of each group that are not inputs, with their group's number and module.
fn others(
    inputs: &[Input],
    groups: &BTreeMap<&Path, usize>,
    packages: &mut Packages,
) -> Vec<(usize, PathBuf, Vec<String>)> {
    let scanned: HashSet<PathBuf> = inputs
        .iter()
        .filter_map(|i| std::path::absolute(&i.path).ok())
        .collect();
    let mut others = Vec::new();
    for (group, &g) in groups {
        for path in layout::group_files(group) {
            if scanned.contains(&path) {
                continue;
            }
            let unit = packages.unit_of(&path);
            if unit.shared && unit.group == *group {
                others.push((g, path, unit.module));
            }
        }
    }
    others
}

/// The key of each group's index: a hash of everything it is built from. Each input
/// gives its module and `fingerprints` (by input) what its first pass told the index (its
/// summary's hash, its text's for a file that only re-exports, 0 for nothing); every other
/// file of the group gives its module and its text's hash. Files are taken in path order,
/// so the key does not depend on the order threads finish in. Which re-exporting files
/// the build reads depends on the readers' texts too, but only to leave out scopes no
/// reader's paths go through, which a reader's analysis never asks for.
pub fn keys(
    inputs: &[Input],
    units: &[Unit],
    fingerprints: &[u128],
    packages: &mut Packages,
) -> HashMap<PathBuf, u128> {
    let groups = groups_of(units);
    let others = others(inputs, &groups, packages);
    let hashed: Vec<(usize, PathBuf, Vec<String>, u128)> = others
        .into_par_iter()
        .map(|(g, path, module)| {
            let content = std::fs::read(&path)
                .map(|b| crate::cache::hash(&b))
                .unwrap_or(0);
            (g, path, module, content)
        })
        .collect();
    let mut per_group: Vec<BTreeMap<PathBuf, (Vec<String>, u128)>> =
        groups.keys().map(|_| BTreeMap::new()).collect();
    for (g, path, module, content) in hashed {
        per_group[g].insert(path, (module, content));
    }
    for ((input, unit), &fingerprint) in inputs.iter().zip(units).zip(fingerprints) {
        let Some(&g) = groups.get(unit.group.as_path()).filter(|_| unit.shared) else {
            continue;
        };
        let path = std::path::absolute(&input.path).unwrap_or_else(|_| input.path.clone());
        per_group[g].insert(path, (unit.module.clone(), fingerprint));
    }
    groups
        .keys()
        .zip(per_group)
        .map(|(group, files)| {
            let mut text = Vec::new();
            for (path, (module, fingerprint)) in files {
                text.extend_from_slice(path.as_os_str().as_encoded_bytes());
                text.extend_from_slice(format!("\0{module:?}\0{fingerprint:032x}\n").as_bytes());
            }
            (group.to_path_buf(), crate::cache::hash(&text))
        })
        .collect()
}

/// The groups of the shared units, numbered in path order.
fn groups_of(units: &[Unit]) -> BTreeMap<&Path, usize> {
    units
        .iter()
        .filter(|u| u.shared)
        .map(|u| u.group.as_path())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .enumerate()
        .map(|(i, g)| (g, i))
        .collect()
}

/// Of the files that only re-export, those whose scopes the readers' paths may go
/// through: the crate root's (`crate::..`), the readers' ancestors' (`super::..`), and
/// those whose module's name a reader writes (`jobs::spawn`), or a file already taken
/// writes (`pub use self::jobs::*`).
fn on_their_paths(
    readers: Vec<(usize, &[String], String)>,
    deferred: Vec<(usize, PathBuf, Vec<String>)>,
) -> Vec<(usize, PathBuf, Vec<String>)> {
    let mut texts: Vec<(usize, String)> = Vec::new();
    let mut ancestors: HashSet<(usize, Vec<String>)> = HashSet::new();
    for (g, module, text) in readers {
        for depth in 0..module.len() {
            ancestors.insert((g, module[..depth].to_vec()));
        }
        texts.push((g, text));
    }
    let groups: HashSet<usize> = texts.iter().map(|(g, _)| *g).collect();
    let mut pending: Vec<(usize, PathBuf, Vec<String>)> = deferred
        .into_iter()
        .filter(|(g, _, _)| groups.contains(g))
        .collect();
    let mut taken = Vec::new();
    loop {
        let (now, later): (Vec<_>, Vec<_>) = pending.into_iter().partition(|(g, _, module)| {
            ancestors.contains(&(*g, module.clone()))
                || module.last().is_some_and(|name| {
                    texts
                        .iter()
                        .any(|(tg, text)| tg == g && contains_word(text, name))
                })
        });
        pending = later;
        if now.is_empty() {
            break;
        }
        for (g, path, _) in &now {
            if let Ok(text) = std::fs::read_to_string(path) {
                texts.push((*g, text));
            }
        }
        taken.extend(now);
    }
    taken
}

/// Whether `word` occurs in `text` as a whole word.
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word)
        .any(|(at, _)| whole_word(text.as_bytes(), at, at + word.len()))
}

/// Reads the files that only re-export, for their scopes, into their groups' files.
fn add_reexports(
    per_group: &mut [Vec<(PathBuf, FileIndex)>],
    files: Vec<(usize, PathBuf, Vec<String>)>,
) {
    let read: Vec<(usize, PathBuf, FileIndex)> = files
        .into_par_iter()
        .filter_map(|(g, path, module)| {
            let index = parsed_for_index(
                &path,
                |_| true,
                |syntax, _| flow::index_reexports(syntax, module),
            )?;
            (!index.is_empty()).then_some((g, path, index))
        })
        .collect();
    for (g, path, file) in read {
        per_group[g].push((path, file));
    }
}

/// Whether `bytes[start..end]` is a whole word: no identifier character touches it, at
/// either end where the match itself ends in one.
pub(super) fn whole_word(bytes: &[u8], start: usize, end: usize) -> bool {
    let ident = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
    let before = start
        .checked_sub(1)
        .and_then(|at| bytes.get(at))
        .is_some_and(ident);
    let word_end = end
        .checked_sub(1)
        .and_then(|at| bytes.get(at))
        .is_some_and(ident);
    let after = word_end && bytes.get(end).is_some_and(ident);
    !before && !after
}

/// What a file must contain to be worth indexing: a type the catalog tracks named with
/// the module it comes from (`Child` and `process`, as `use std::process::Child` writes
/// them: a bare `Config` or `Builder` is nearly always a crate's own), a type the settings
/// declare, or a re-export (`pub use jobs::spawn_worker;`) other files' paths may go
/// through. Words count whole, not inside longer identifiers.
struct Names {
    matcher: Option<AhoCorasick>,
    patterns: Vec<String>,
    /// Pattern indices a file must contain both of.
    pairs: Vec<(usize, usize)>,
    /// Pattern indices enough alone.
    alone: Vec<usize>,
}

pub(super) const REEXPORTS: &[&str] = &["pub use ", "pub(crate) use ", "pub(super) use "];

impl Names {
    fn new(config: &Config) -> Names {
        let mut patterns = Words::default();
        let mut pairs = Vec::new();
        for path in Catalog::type_paths() {
            let mut segments = path.rsplit("::");
            if let (Some(ty), Some(module)) = (segments.next(), segments.next()) {
                let pair = (patterns.id(module), patterns.id(ty));
                if !pairs.contains(&pair) {
                    pairs.push(pair);
                }
            }
        }
        let mut alone = Vec::new();
        let declared = config
            .resources
            .iter()
            .filter_map(|r| r.resource.ty.rsplit("::").next());
        for word in declared.chain(REEXPORTS.iter().copied()) {
            alone.push(patterns.id(word));
        }
        let matcher = patterns.matcher();
        Names {
            matcher,
            patterns: patterns.list,
            pairs,
            alone,
        }
    }

    fn worth_indexing(&self, text: &str) -> bool {
        // Without a matcher, every file is worth parsing.
        let Some(matcher) = &self.matcher else {
            return true;
        };
        let mut found = vec![false; self.patterns.len()];
        for m in matcher.find_iter(text) {
            if whole_word(text.as_bytes(), m.start(), m.end()) {
                found[m.pattern().as_usize()] = true;
            }
        }
        self.alone.iter().any(|&p| found[p])
            || self.pairs.iter().any(|&(a, b)| found[a] && found[b])
    }
}

/// Files of a crate read only for its index are left out above this size: hand-written
/// helpers are far smaller, and a generated file this large would cost a syntax tree of
/// hundreds of megabytes to tell nothing (a scanned file is analysed whatever its size).
pub(super) const MAX_INDEXED_ONLY: u64 = 2 << 20;

fn index_one(
    path: &Path,
    module: Vec<String>,
    names: &Names,
    config: &Config,
) -> Option<FileIndex> {
    parsed_for_index(
        path,
        |text| names.worth_indexing(text),
        |syntax, text| flow::index_file(syntax, module, &config.resources, reexports(text)),
    )
}

/// Reads the file at `path` (up to `MAX_INDEXED_ONLY`), and if `wanted` says its text is
/// worth it, parses it and makes what `index` makes of its syntax. `None` where it cannot
/// be read, parsed or analysed safely.
fn parsed_for_index(
    path: &Path,
    wanted: impl FnOnce(&str) -> bool,
    index: impl FnOnce(&syn::File, &str) -> FileIndex,
) -> Option<FileIndex> {
    if std::fs::metadata(path).ok()?.len() > MAX_INDEXED_ONLY {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    if !wanted(&text) {
        return None;
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if nesting::exceeds(text, NORMAL.nesting, NORMAL.operator_run).is_some() {
        return None;
    }
    super::ANALYSING.with(|a| a.set(true));
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let syntax = syn::parse_file(text).ok()?;
        if nesting::ast_exceeds(&syntax, NORMAL.ast_depth) {
            std::mem::forget(syntax);
            return None;
        }
        Some(index(&syntax, text))
    }));
    super::ANALYSING.with(|a| a.set(false));
    proc_macro2::extra::invalidate_current_thread_spans();
    outcome.ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::{member, renames};

    #[test]
    fn a_word_after_a_dot_or_a_type_is_a_member() {
        let at = |text: &str| member(text.as_bytes(), text.rfind("run").unwrap_or(0));
        assert!(at("server.run()"));
        assert!(at("server\n        .run()"));
        assert!(at("self.run"));
        assert!(at("TcpStream::run(addr)"));
        assert!(at("Self::run()"));
        assert!(at("tokio::net::TcpStream::run(addr)"));
        assert!(!at("run(&mut child)"));
        assert!(!at("jobs::run(&mut child)"));
        assert!(!at("crate::jobs::run(&mut child)"));
        assert!(!at("x = ..run"));
        assert!(!at("run"));
    }

    #[test]
    fn a_rename_is_a_re_export_under_another_name() {
        assert!(renames("pub use util::spawn as spawn_job;"));
        assert!(renames("pub(crate) use util::{spawn as go, wait};"));
        assert!(!renames(
            "pub use util::spawn;\nfn f(x: u8) -> u32 { x as u32 }"
        ));
        assert!(!renames("use util::spawn as go;"));
    }
}
