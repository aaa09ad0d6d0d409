//! The persistent cache, as ruff's: what each file's analysis found, kept between runs so
//! that an unchanged file is not parsed again.
//!
//! - One bucket file per crate (a group of files that index each other; loose files by
//!   their directory), under a directory named by the *stamp*: cargo-stray's version and
//!   build, and every setting that changes what a file's analysis finds.
//! - Per file: the hash of its bytes, where it sits in its crate, what the first pass
//!   found (its diagnostics, what suppressions need, its summary for the crate's index),
//!   and what the second pass found with the crate's index, under the index's key.
//! - A bucket is written whole to a temporary file and renamed over the old one, so a
//!   reader sees the old bucket or the new one, never a mix. Concurrent runs may each
//!   rename theirs; the last one wins, and either is whole. A bucket that does not read
//!   back exactly (bad magic, another format, a checksum mismatch, a truncated file, an
//!   unknown lint or catalog entry) is ignored and rebuilt.

mod location;

pub use location::{default_dir, prepare};

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::catalog::Resource;
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::flow::FileIndex;
use crate::input::ProblemKind;
use crate::lints::Lint;
use crate::suppress::Marks;

/// The first bytes of every bucket, and the version of its layout.
const MAGIC: &[u8; 8] = b"STRAYC\0\x01";

/// A bucket's header: magic, payload length (u64), payload checksum (u64).
const HEADER: usize = MAGIC.len() + 16;

/// A 128-bit hash of bytes: of a file's content, of a crate's index.
pub fn hash(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

/// The cache of one run: its directory, under the run's stamp.
#[derive(Debug, Clone)]
pub struct Cache {
    root: PathBuf,
    dir: PathBuf,
    /// The resources the settings declare, which summaries may name.
    declared: Vec<&'static Resource>,
}

impl Cache {
    /// The cache under `root` for runs with `config`.
    pub fn new(root: &Path, config: &Config) -> Cache {
        Cache {
            root: root.to_path_buf(),
            dir: root.join(stamp(config)),
            declared: config.resources.iter().map(|r| r.resource).collect(),
        }
    }

    /// The directory this run's buckets live in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn bucket_path(&self, bucket: &Path) -> PathBuf {
        let key = xxhash_rust::xxh3::xxh3_64(bucket.as_os_str().as_encoded_bytes());
        self.dir.join(format!("{key:016x}.bin"))
    }

    /// The bucket of `bucket` (a crate's directory, or a loose file's), or an empty one
    /// where there is none or it does not read back whole.
    pub fn load(&self, bucket: &Path) -> Bucket {
        let Ok(bytes) = std::fs::read(self.bucket_path(bucket)) else {
            return Bucket::default();
        };
        self.decode(bucket, &bytes).unwrap_or_default()
    }

    fn decode(&self, bucket: &Path, bytes: &[u8]) -> Option<Bucket> {
        let (header, payload) = (bytes.get(..HEADER)?, bytes.get(HEADER..)?);
        if &header[..MAGIC.len()] != MAGIC {
            return None;
        }
        let number = |at: usize| {
            header
                .get(at..at + 8)
                .and_then(|b| b.try_into().ok())
                .map(u64::from_le_bytes)
        };
        let (len, sum) = (number(MAGIC.len())?, number(MAGIC.len() + 8)?);
        if len != payload.len() as u64 || sum != xxhash_rust::xxh3::xxh3_64(payload) {
            return None;
        }
        let stored: Stored = crate::catalog::serial::with_declared(&self.declared, || {
            postcard::from_bytes(payload).ok()
        })?;
        (stored.bucket == bucket).then_some(Bucket {
            files: stored.files,
        })
    }

    /// Creates the cache's directories, marked as a cache, if they are missing.
    pub fn prepare(&self) -> std::io::Result<()> {
        prepare(&self.root)?;
        std::fs::create_dir_all(&self.dir)?;
        prune(&self.root, &self.dir);
        Ok(())
    }

    /// Writes `bucket` whole, replacing what was there (`prepare` first).
    pub fn store(&self, bucket: &Path, files: &Bucket) -> std::io::Result<()> {
        let stored = StoredRef {
            bucket,
            files: files.files.iter().collect(),
        };
        let payload = postcard::to_stdvec(&stored).map_err(std::io::Error::other)?;
        let mut bytes = Vec::with_capacity(HEADER + payload.len());
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(&payload).to_le_bytes());
        bytes.extend_from_slice(&payload);
        let mut file = tempfile::NamedTempFile::new_in(&self.dir)?;
        std::io::Write::write_all(&mut file, &bytes)?;
        file.persist(self.bucket_path(bucket))
            .map_err(|e| e.error)?;
        Ok(())
    }

    /// Decodes a summary stored by `encode_summary`.
    pub fn summary(&self, bytes: &[u8]) -> Option<FileIndex> {
        crate::catalog::serial::with_declared(&self.declared, || postcard::from_bytes(bytes).ok())
    }
}

/// How long a stamp's buckets are kept after they were last written: other builds and
/// other settings write their own, and nothing else would ever remove them.
const KEPT: std::time::Duration = std::time::Duration::from_secs(30 * 24 * 60 * 60);

/// Removes the stamp directories under `root` (other than `current`) not written for
/// `KEPT`. Best effort: another run may be using one, and then simply rebuilds it.
fn prune(root: &Path, current: &Path) {
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > KEPT);
        if stale && path != current && entry.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

/// A summary's bytes: the same summary always has the same ones.
pub fn encode_summary(index: &FileIndex) -> Option<Vec<u8>> {
    postcard::to_stdvec(index).ok()
}

/// The directory name of a run's buckets: the build, and the settings that change what a
/// file's analysis finds. Levels count (a lint turned off is not run); the number of
/// threads, the baseline and the output format do not.
fn stamp(config: &Config) -> String {
    let mut text = format!("{}\n{}\n", env!("CARGO_PKG_VERSION"), build());
    let levels: BTreeMap<&str, _> = config.levels.iter().map(|(k, v)| (*k, v)).collect();
    text.push_str(&format!(
        "{levels:?}\n{:?}\n{}\n{}\n",
        config.resources, config.files_alone, config.no_prefilter
    ));
    format!(
        "{}-{:016x}",
        env!("CARGO_PKG_VERSION"),
        xxhash_rust::xxh3::xxh3_64(text.as_bytes())
    )
}

/// What tells this build of cargo-stray from another of the same version: the size and
/// time of its executable, so a rebuilt or reinstalled binary never reads what an older
/// one wrote.
fn build() -> String {
    std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| {
            let time = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map(|d| d.as_nanos())
                .unwrap_or(0);
            format!("{} {time}", m.len())
        })
        .unwrap_or_default()
}

/// The cached files of one bucket, by absolute path.
#[derive(Debug, Default)]
pub struct Bucket {
    pub files: HashMap<PathBuf, FileEntry>,
}

#[derive(Deserialize)]
struct Stored {
    bucket: PathBuf,
    files: HashMap<PathBuf, FileEntry>,
}

/// `Stored`, written in path order from borrowed entries.
#[derive(Serialize)]
struct StoredRef<'a> {
    bucket: &'a Path,
    files: BTreeMap<&'a PathBuf, &'a FileEntry>,
}

/// What the cache knows of one file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FileEntry {
    /// The hash of its bytes.
    pub content: u128,
    /// Where it sits in its crate (see `context`).
    pub context: u64,
    pub first: First,
    /// The second pass, under the key of the crate's index it ran with.
    pub second: Option<Second>,
}

/// The key of where a file sits in its crate: its module, and whether the crate's other
/// files index it.
pub fn context(module: &[String], shared: bool) -> u64 {
    xxhash_rust::xxh3::xxh3_64(format!("{module:?} {shared}").as_bytes())
}

/// What the first pass found, analysing the file alone.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum First {
    /// The pre-filter found nothing in it to parse.
    Skipped,
    /// The pre-filter found only re-exports: read for the crate's index when it needs them.
    Deferred,
    Analysed {
        outcome: Outcome,
        /// Its summary for the crate's index (`encode_summary`), if it was asked for and
        /// says anything.
        summary: Option<Vec<u8>>,
    },
}

/// The second pass: analysed again with the crate's index whose key is `index`, or (when
/// `outcome` is `None`) left as the first pass found it, naming nothing the index knows.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Second {
    pub index: u128,
    pub outcome: Option<Outcome>,
}

/// What analysing a file found: the diagnostics with their lints' ids, and what its
/// suppressions need, or why it could not be analysed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Outcome {
    Analysed {
        diagnostics: Vec<(String, Diagnostic)>,
        marks: Marks,
    },
    Problem {
        kind: ProblemKind,
        message: String,
        offset: Option<usize>,
    },
}

/// Diagnostics by lint, as the scan holds them.
pub type Diagnostics = Vec<(&'static Lint, Diagnostic)>;

/// An outcome as the scan holds it: diagnostics and marks, or the problem's kind, message
/// and offset.
pub type Restored = Result<(Diagnostics, Marks), (ProblemKind, String, Option<usize>)>;

impl Outcome {
    pub fn analysed(diagnostics: &Diagnostics, marks: &Marks) -> Outcome {
        Outcome::Analysed {
            diagnostics: diagnostics
                .iter()
                .map(|(lint, d)| (lint.id.to_string(), d.clone()))
                .collect(),
            marks: marks.clone(),
        }
    }

    /// The outcome as the scan holds it; `None` if it names a lint this run does not know.
    pub fn restore(self) -> Option<Restored> {
        match self {
            Outcome::Analysed { diagnostics, marks } => {
                let diagnostics = diagnostics
                    .into_iter()
                    .map(|(id, d)| Some((Lint::by_id(&id)?, d)))
                    .collect::<Option<Vec<_>>>()?;
                Some(Ok((diagnostics, marks)))
            }
            Outcome::Problem {
                kind,
                message,
                offset,
            } => Some(Err((kind, message, offset))),
        }
    }
}

/// How much of a scan the cache saved.
#[derive(Debug, Default, Clone, Copy)]
pub struct CacheStats {
    /// Analyses (of either pass) taken from the cache, and run.
    pub reused: usize,
    pub analysed: usize,
    /// Crates whose index was not rebuilt, since nothing it is made of changed.
    pub indexes_reused: usize,
}
