//! A run's use of the persistent cache: the buckets of the files it scans, loaded before
//! the first pass; each file's entry as the run leaves it; and the buckets written back
//! where anything changed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::cache::{Bucket, Cache, FileEntry, First, Second};
use crate::input::Input;
use crate::layout::Unit;

pub(super) struct Stored {
    pub(super) cache: Cache,
    /// By input: its bucket, and its absolute path.
    buckets: Vec<PathBuf>,
    paths: Vec<PathBuf>,
    loaded: HashMap<PathBuf, Bucket>,
    /// By input: its entry as this run leaves it, and whether that differs from the one
    /// loaded.
    entries: Vec<Option<FileEntry>>,
    changed: Vec<bool>,
}

/// The bucket a file's entry lives in: its crate's group, or a loose file's directory.
fn bucket_of(path: &Path, unit: &Unit) -> PathBuf {
    if unit.shared {
        return unit.group.clone();
    }
    path.parent().map(Path::to_path_buf).unwrap_or_default()
}

impl Stored {
    pub(super) fn open(cache: Cache, inputs: &[Input], units: &[Unit]) -> Stored {
        let paths: Vec<PathBuf> = inputs
            .iter()
            .map(|i| std::path::absolute(&i.path).unwrap_or_else(|_| i.path.clone()))
            .collect();
        let buckets: Vec<PathBuf> = paths
            .iter()
            .zip(units)
            .map(|(p, u)| bucket_of(p, u))
            .collect();
        let mut distinct = buckets.clone();
        distinct.sort();
        distinct.dedup();
        let loaded = distinct
            .into_par_iter()
            .map(|b| {
                let bucket = cache.load(&b);
                (b, bucket)
            })
            .collect();
        Stored {
            cache,
            buckets,
            paths,
            loaded,
            entries: Vec::new(),
            changed: Vec::new(),
        }
    }

    /// The entry the cache had for input `i`.
    pub(super) fn old(&self, i: usize) -> Option<&FileEntry> {
        self.loaded.get(&self.buckets[i])?.files.get(&self.paths[i])
    }

    /// Records input `i`'s entry after the first pass (inputs in order); `reused`: its
    /// analysis came from the entry loaded.
    pub(super) fn push(&mut self, entry: Option<FileEntry>, reused: bool) {
        let i = self.entries.len();
        let changed = match (self.old(i), &entry) {
            (Some(old), Some(new)) => {
                old.content != new.content
                    || old.context != new.context
                    || std::mem::discriminant(&old.first) != std::mem::discriminant(&new.first)
                    || (matches!(new.first, First::Analysed { .. }) && !reused)
            }
            (None, Some(_)) => true,
            (old, None) => old.is_some(),
        };
        self.entries.push(entry);
        self.changed.push(changed);
    }

    /// The hash of input `i`'s bytes, as the first pass read them.
    pub(super) fn content(&self, i: usize) -> Option<u128> {
        self.entries.get(i)?.as_ref().map(|e| e.content)
    }

    /// Input `i`'s second pass, if known under the index `key`.
    pub(super) fn second(&self, i: usize, key: u128) -> Option<&Second> {
        self.entries
            .get(i)?
            .as_ref()?
            .second
            .as_ref()
            .filter(|s| s.index == key)
    }

    pub(super) fn set_second(&mut self, i: usize, second: Second) {
        let Some(Some(entry)) = self.entries.get_mut(i) else {
            return;
        };
        let same = second.outcome.is_none()
            && entry
                .second
                .as_ref()
                .is_some_and(|s| s.index == second.index && s.outcome.is_none());
        if !same {
            self.changed[i] = true;
        }
        entry.second = Some(second);
    }

    /// Writes back every bucket where an entry changed: its entries from this run, and
    /// those loaded for files this run did not scan that still exist.
    pub(super) fn write(mut self) -> Result<(), String> {
        let mut by_bucket: HashMap<PathBuf, Vec<usize>> = HashMap::new();
        for (i, bucket) in self.buckets.iter().enumerate() {
            by_bucket.entry(bucket.clone()).or_default().push(i);
        }
        by_bucket.retain(|_, files| files.iter().any(|&i| self.changed.get(i) == Some(&true)));
        if by_bucket.is_empty() {
            return Ok(());
        }
        let problem = |e: std::io::Error| {
            format!(
                "could not write the cache in `{}`: {e}",
                self.cache.dir().display()
            )
        };
        self.cache.prepare().map_err(problem)?;
        let mut entries = std::mem::take(&mut self.entries);
        let buckets: Vec<(PathBuf, Bucket)> = by_bucket
            .into_iter()
            .map(|(path, files)| {
                let mut bucket = self.loaded.remove(&path).unwrap_or_default();
                bucket.files.retain(|p, _| p.exists());
                for i in files {
                    match entries.get_mut(i).and_then(Option::take) {
                        Some(entry) => bucket.files.insert(self.paths[i].clone(), entry),
                        None => bucket.files.remove(&self.paths[i]),
                    };
                }
                (path, bucket)
            })
            .collect();
        buckets
            .par_iter()
            .map(|(path, bucket)| self.cache.store(path, bucket))
            .collect::<Result<(), _>>()
            .map_err(problem)
    }
}
