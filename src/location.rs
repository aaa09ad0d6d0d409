//! Where a scanned file is, relative to the repository root: URIs and `/`-separated
//! paths. SARIF, GitHub annotations and the findings' fingerprints all name files this
//! way, so they agree with each other and do not depend on where cargo-stray runs.

use std::path::{Component, Path, PathBuf, Prefix};

/// A file's URI: relative to the repository root when the file is inside it, else an
/// absolute `file:` URI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uri {
    pub uri: String,
    /// Whether `uri` is relative to the repository root (SARIF's `%SRCROOT%`).
    pub relative: bool,
}

/// Turns the paths the scan saw into URIs relative to the repository root.
#[derive(Debug)]
pub struct Places {
    repo_root: PathBuf,
    cwd: Option<PathBuf>,
}

impl Places {
    /// For the paths this process was given: a relative one starts at the current
    /// directory.
    pub fn new(repo_root: &Path) -> Places {
        let cwd = std::env::current_dir().ok();
        Places {
            repo_root: absolute_root(repo_root, cwd.as_deref()),
            cwd,
        }
    }

    /// The repository root, absolute.
    pub fn repo_root(&self) -> &Path {
        &self.repo_root
    }

    /// The file's URI; without a current directory to resolve a relative `path`
    /// against, the path as shown stands in, taken as relative to the root.
    pub fn uri(&self, path: &Path, display: &str) -> Uri {
        match self.locate(path) {
            None => relative(display),
            Some(Place::Inside(rel)) => Uri {
                uri: encode_segments(&segments(&rel)),
                relative: true,
            },
            // Outside the repository no base applies; an absolute URI still lets local
            // SARIF viewers open the file.
            Some(Place::Outside(absolute)) => Uri {
                uri: file_uri(&absolute, false),
                relative: false,
            },
        }
    }

    /// A scanned file's path relative to the repository root, `/`-separated, as GitHub
    /// wants it in annotations wherever cargo-stray ran from; outside the repository, the
    /// path as shown.
    pub fn repository_path(&self, path: &Path, display: &str) -> String {
        match self.locate(path) {
            Some(Place::Inside(rel)) => segments(&rel)
                .iter()
                .map(|s| String::from_utf8_lossy(s))
                .collect::<Vec<_>>()
                .join("/"),
            _ => display.to_string(),
        }
    }

    /// Where `path` is relative to the repository root; `None` without a current directory
    /// to resolve a relative path against.
    fn locate(&self, path: &Path) -> Option<Place> {
        let absolute = if path.is_absolute() {
            path.to_path_buf()
        } else {
            self.cwd.as_deref()?.join(path)
        };
        let absolute = normalize(&absolute);
        // The path as written first: a link inside the repository to a file outside it
        // is still reported where the user sees it. Canonical second, for a cwd or
        // argument that goes through a link into the repository.
        let inside = absolute
            .strip_prefix(&self.repo_root)
            .ok()
            .map(Path::to_path_buf)
            .or_else(|| {
                let canonical = std::fs::canonicalize(&absolute).ok()?;
                canonical
                    .strip_prefix(&self.repo_root)
                    .ok()
                    .map(Path::to_path_buf)
            });
        Some(match inside {
            Some(rel) => Place::Inside(rel),
            None => Place::Outside(absolute),
        })
    }
}

enum Place {
    /// Relative to the repository root.
    Inside(PathBuf),
    Outside(PathBuf),
}

/// The caller canonicalizes the root when it can; when it could not, a relative root
/// would make neither a `file:` URI nor a prefix of the absolute paths below.
fn absolute_root(repo_root: &Path, cwd: Option<&Path>) -> PathBuf {
    match cwd {
        Some(cwd) if repo_root.is_relative() => normalize(&cwd.join(repo_root)),
        _ => repo_root.to_path_buf(),
    }
}

fn relative(display: &str) -> Uri {
    let parts: Vec<Vec<u8>> = display
        .split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .map(|s| s.as_bytes().to_vec())
        .collect();
    Uri {
        uri: encode_segments(&parts),
        relative: true,
    }
}

/// Removes `.` and resolves `..` without touching the file system.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The names of a relative path's components.
fn segments(path: &Path) -> Vec<Vec<u8>> {
    path.components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(os_bytes(s)),
            _ => None,
        })
        .collect()
}

/// Percent-encoding works on bytes, so a name that is not UTF-8 keeps its exact bytes.
#[cfg(unix)]
fn os_bytes(s: &std::ffi::OsStr) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    s.as_bytes().to_vec()
}

#[cfg(not(unix))]
fn os_bytes(s: &std::ffi::OsStr) -> Vec<u8> {
    s.to_string_lossy().into_owned().into_bytes()
}

/// `file:///abs/dir/`: SARIF wants a base URI to end with a slash.
pub fn directory_uri(dir: &Path) -> String {
    file_uri(dir, true)
}

fn file_uri(path: &Path, directory: bool) -> String {
    let mut authority = String::new();
    let mut drive = None;
    let mut parts = Vec::new();
    for c in path.components() {
        match c {
            Component::Prefix(p) => match p.kind() {
                Prefix::Disk(d) | Prefix::VerbatimDisk(d) => drive = Some(char::from(d)),
                Prefix::UNC(server, share) | Prefix::VerbatimUNC(server, share) => {
                    authority = encode(&os_bytes(server));
                    parts.push(os_bytes(share));
                }
                _ => parts.push(os_bytes(p.as_os_str())),
            },
            Component::Normal(s) => parts.push(os_bytes(s)),
            Component::RootDir | Component::CurDir | Component::ParentDir => {}
        }
    }
    let mut uri = format!("file://{authority}/");
    // A drive letter's colon is part of the path, as in `file:///C:/src/`.
    if let Some(d) = drive {
        uri.push(d);
        uri.push(':');
        if !parts.is_empty() {
            uri.push('/');
        }
    }
    uri.push_str(&encode_segments(&parts));
    if directory && !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}

fn encode_segments(parts: &[Vec<u8>]) -> String {
    parts
        .iter()
        .map(|p| encode(p))
        .collect::<Vec<_>>()
        .join("/")
}

/// Percent-encodes one path segment: all but RFC 3986's unreserved characters, so
/// spaces, `%`, `#`, `?` and a `:` that would read as a scheme are all safe.
fn encode(segment: &[u8]) -> String {
    let mut out = String::with_capacity(segment.len());
    for &b in segment {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_segments_and_file_uris() {
        assert_eq!(encode(b"a b#c%d:e.rs"), "a%20b%23c%25d%3Ae.rs");
        assert_eq!(encode("é.rs".as_bytes()), "%C3%A9.rs");
        assert_eq!(
            relative("src/my dir/lib.rs").uri,
            "src/my%20dir/lib.rs".to_string()
        );
        #[cfg(unix)]
        {
            assert_eq!(directory_uri(Path::new("/repo/a b")), "file:///repo/a%20b/");
            assert_eq!(directory_uri(Path::new("/")), "file:///");
            assert_eq!(file_uri(Path::new("/x/ü.rs"), false), "file:///x/%C3%BC.rs");
        }
    }

    #[test]
    fn paths_are_relative_to_the_repository_root() {
        let places = Places {
            repo_root: PathBuf::from("/repo"),
            cwd: Some(PathBuf::from("/repo/crates/a")),
        };
        let a = places.uri(Path::new("src/../src/x y.rs"), "src/x y.rs");
        assert_eq!(a.uri, "crates/a/src/x%20y.rs");
        assert!(a.relative);
        let outside = places.uri(Path::new("/elsewhere/z.rs"), "/elsewhere/z.rs");
        assert_eq!(outside.uri, "file:///elsewhere/z.rs");
        assert!(!outside.relative);

        #[cfg(unix)]
        {
            let path = Path::new("/repo/crates/a/src/x y.rs");
            assert_eq!(
                places.repository_path(path, "src/x y.rs"),
                "crates/a/src/x y.rs"
            );
            let outside = Path::new("/elsewhere/z.rs");
            assert_eq!(places.repository_path(outside, "../z.rs"), "../z.rs");
        }
    }
}
