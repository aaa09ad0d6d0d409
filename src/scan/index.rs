//! The first pass: the crate index of every group of files the scan touches. Each file of
//! a group is read; those that name a type the catalog (or the settings) track are parsed
//! and summarised, the rest cannot define anything another file could receive a tracked
//! value from, and are skipped unparsed. Files that cannot be read, parsed or analysed
//! safely are left out quietly: the second pass reports them if they are being scanned.

use std::collections::{BTreeMap, HashMap};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use aho_corasick::AhoCorasick;
use rayon::prelude::*;

use super::NORMAL;
use crate::catalog::Catalog;
use crate::config::Config;
use crate::flow::{self, CrateIndex, FileIndex};
use crate::input::Input;
use crate::layout::{self, Packages, Unit};
use crate::syntax::nesting;

/// Where each input sits, and the index of each group they belong to.
#[derive(Debug, Default)]
pub struct Indexes {
    /// Per input, in the order given.
    pub units: Vec<Unit>,
    pub by_group: HashMap<PathBuf, CrateIndex>,
    /// Files read for the index, and of those, parsed.
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

/// Builds the indexes of the groups `inputs` belong to, on the current thread pool.
pub fn build(inputs: &[Input], config: &Config) -> Indexes {
    let mut packages = Packages::default();
    let units: Vec<Unit> = inputs.iter().map(|i| packages.unit_of(&i.path)).collect();
    let groups: BTreeMap<&Path, ()> = units
        .iter()
        .filter(|u| u.shared)
        .map(|u| (u.group.as_path(), ()))
        .collect();
    let mut files: Vec<(usize, PathBuf, Vec<String>)> = Vec::new();
    for (g, group) in groups.keys().enumerate() {
        for path in layout::group_files(group) {
            let unit = packages.unit_of(&path);
            if unit.shared && unit.group == *group {
                files.push((g, path, unit.module));
            }
        }
    }
    let names = Names::new(config);
    let read = files.len();
    let summarised: Vec<(usize, Option<FileIndex>)> = files
        .into_par_iter()
        .map(|(g, path, module)| (g, index_one(&path, module, &names, config)))
        .collect();
    let parsed = summarised.iter().filter(|(_, f)| f.is_some()).count();
    let mut per_group: Vec<Vec<FileIndex>> = groups.keys().map(|_| Vec::new()).collect();
    for (g, file) in summarised {
        if let Some(file) = file {
            per_group[g].push(file);
        }
    }
    let by_group = groups
        .keys()
        .zip(per_group)
        .map(|(group, files)| (group.to_path_buf(), CrateIndex::build(files)))
        .collect();
    Indexes {
        units,
        by_group,
        files_read: read,
        files_parsed: parsed,
    }
}

/// The names a file must contain to be worth indexing: a tracked type, or a re-export
/// (`pub use jobs::spawn_worker;`) that other files' paths may go through.
struct Names(Option<AhoCorasick>);

const REEXPORTS: &[&str] = &["pub use ", "pub(crate) use ", "pub(super) use "];

impl Names {
    fn new(config: &Config) -> Names {
        let mut names: Vec<String> = Catalog::type_names().map(str::to_string).collect();
        names.extend(
            config
                .resources
                .iter()
                .filter_map(|r| r.resource.ty.rsplit("::").next().map(str::to_string)),
        );
        names.extend(REEXPORTS.iter().map(|r| r.to_string()));
        names.sort();
        names.dedup();
        Names(AhoCorasick::new(&names).ok())
    }

    fn any_in(&self, text: &str) -> bool {
        // Without a matcher, every file is worth parsing.
        self.0.as_ref().is_none_or(|m| m.is_match(text))
    }
}

fn index_one(
    path: &Path,
    module: Vec<String>,
    names: &Names,
    config: &Config,
) -> Option<FileIndex> {
    let text = std::fs::read_to_string(path).ok()?;
    if !names.any_in(&text) {
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
        Some(flow::index_file(&syntax, module, &config.resources))
    }));
    super::ANALYSING.with(|a| a.set(false));
    proc_macro2::extra::invalidate_current_thread_spans();
    outcome.ok().flatten()
}
