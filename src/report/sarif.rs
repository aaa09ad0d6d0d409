//! SARIF 2.1.0, shaped for GitHub code scanning: every lint is a rule (so alerts keep
//! their descriptions when a lint stops firing), paths are relative to the repository
//! root under `%SRCROOT%`, columns count UTF-16 code units, and each result carries the
//! line-independent fingerprint of the finding. Files that could not be analysed become
//! tool execution notifications rather than results, since they are not code problems.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Component, Path, PathBuf, Prefix};

use serde::Serialize;

use crate::diagnostic::{Finding, Label};
use crate::fix::Applicability;
use crate::input::FileProblem;
use crate::level::{Level, Severity};
use crate::lints::{self, Lint};
use crate::scan::Report;
use crate::source::SourceFile;

pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// Base id of the repository root, as GitHub's upload action and CodeQL name it.
pub const SRCROOT: &str = "%SRCROOT%";
/// Key of `partialFingerprints`; the version changes whenever the fingerprint's inputs
/// do, so old alerts are closed rather than matched against incompatible hashes.
pub const FINGERPRINT_KEY: &str = "cargo-stray/v1";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    invocations: [Invocation<'a>; 1],
    original_uri_base_ids: BTreeMap<&'static str, BaseUri>,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: String,
    short_description: Text,
    full_description: Text,
    help: Help,
    help_uri: String,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: Vec<&'static str>,
    precision: &'static str,
    #[serde(rename = "problem.severity")]
    problem_severity: &'static str,
}

#[derive(Serialize)]
struct BaseUri {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation<'a> {
    execution_successful: bool,
    tool_execution_notifications: Vec<Notification<'a>>,
}

#[derive(Serialize)]
struct Notification<'a> {
    level: &'static str,
    message: MessageRef<'a>,
    descriptor: Descriptor,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<Location<'a>>,
}

#[derive(Serialize)]
struct Descriptor {
    id: &'static str,
}

#[derive(Serialize)]
struct MessageRef<'a> {
    text: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    locations: [Location<'a>; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location<'a>>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    /// In-source suppressions: code scanning shows these results as dismissed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<SarifSuppression>,
    /// The lint's fix, as SARIF replacements in the result's file.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix {
    description: Text,
    artifact_changes: [ArtifactChange; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement>,
}

/// A deleted region (empty for an insertion point) and what goes in its place.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: Region,
    inserted_content: Text,
}

#[derive(Serialize)]
struct SarifSuppression {
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    justification: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<MessageRef<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byte_offset: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byte_length: Option<usize>,
}

/// The findings' fingerprints, computed from their files' paths relative to the
/// repository root, so they are the same wherever cargo-stray is run from.
pub fn fingerprints(findings: &[Finding], repo_root: &Path) -> Vec<String> {
    let cwd = std::env::current_dir().ok();
    let repo_root = absolute_root(repo_root, cwd.as_deref());
    let places = Places {
        repo_root: &repo_root,
        cwd: cwd.as_deref(),
    };
    crate::diagnostic::fingerprints(findings, |f| {
        places.artifact(&f.file.path, &f.file.display).uri
    })
}

/// The caller canonicalizes the root when it can; when it could not, a relative root
/// would make neither a `file:` URI nor a prefix of the absolute paths below.
fn absolute_root(repo_root: &Path, cwd: Option<&Path>) -> PathBuf {
    match cwd {
        Some(cwd) if repo_root.is_relative() => normalize(&cwd.join(repo_root)),
        _ => repo_root.to_path_buf(),
    }
}

pub fn write(report: &Report, repo_root: &Path, out: &mut dyn Write) -> std::io::Result<()> {
    let cwd = std::env::current_dir().ok();
    let repo_root = absolute_root(repo_root, cwd.as_deref());
    let places = Places {
        repo_root: &repo_root,
        cwd: cwd.as_deref(),
    };
    // The rules, once: each result names its rule by its index among them.
    let rules = lints::all();
    let prints = fingerprints(&report.findings, &repo_root);
    let mut results: Vec<SarifResult<'_>> = report
        .findings
        .iter()
        .zip(prints)
        .map(|(f, fingerprint)| result(f, fingerprint, &places, &rules))
        .collect();
    // Suppressed findings are kept, marked, so code scanning shows them as dismissed.
    let silenced: Vec<Finding> = report.suppressed.iter().map(|(f, _)| f.clone()).collect();
    let silenced_prints = fingerprints(&silenced, &repo_root);
    for ((f, reason), fingerprint) in report.suppressed.iter().zip(silenced_prints) {
        let mut r = result(f, fingerprint, &places, &rules);
        r.suppressions.push(SarifSuppression {
            kind: "inSource",
            justification: reason.clone(),
        });
        results.push(r);
    }
    let notifications = report
        .problems
        .iter()
        .map(|p| notification(p, &places))
        .collect();
    let log = Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: env!("CARGO_PKG_NAME"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: env!("CARGO_PKG_REPOSITORY"),
                    rules: rules.iter().map(|l| rule(l)).collect(),
                },
            },
            // Unreadable files are reported, not fatal: the scan itself completed.
            invocations: [Invocation {
                execution_successful: true,
                tool_execution_notifications: notifications,
            }],
            original_uri_base_ids: BTreeMap::from([(
                SRCROOT,
                BaseUri {
                    uri: directory_uri(&repo_root),
                },
            )]),
            column_kind: "utf16CodeUnits",
            results,
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

fn rule(lint: &Lint) -> Rule {
    let (level, problem_severity) = match lint.default_level {
        Level::Deny => ("error", "error"),
        Level::Warn => ("warning", "warning"),
        Level::Allow => ("none", "recommendation"),
    };
    Rule {
        id: lint.id,
        name: camel_case(lint.id),
        short_description: Text {
            text: lint.summary.to_string(),
        },
        full_description: Text {
            text: fold(lint.docs.what_it_does),
        },
        help: Help {
            text: plain_help(lint),
            markdown: lint.markdown(),
        },
        help_uri: lint.help_uri(),
        default_configuration: Configuration { level },
        properties: RuleProperties {
            tags: vec![env!("CARGO_PKG_NAME"), lint.family.as_str()],
            // Lints are denied by default only when a finding is all but certainly a
            // bug; the others may need a second look.
            precision: if lint.default_level == Level::Deny {
                "very-high"
            } else {
                "high"
            },
            problem_severity,
        },
    }
}

fn result<'a>(
    f: &'a Finding,
    fingerprint: String,
    places: &Places<'_>,
    rules: &[&Lint],
) -> SarifResult<'a> {
    let d = &f.diagnostic;
    let artifact = places.artifact(&f.file.path, &f.file.display);
    let mut text = d.message.clone();
    if let Some(help) = &d.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    SarifResult {
        rule_id: f.lint.id,
        rule_index: rules.iter().position(|l| l.id == f.lint.id),
        level: match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        message: Text { text },
        locations: [Location {
            id: None,
            physical_location: physical(&f.file, &d.primary, artifact.clone()),
            message: Some(MessageRef {
                text: &d.primary.message,
            }),
        }],
        related_locations: d
            .secondary
            .iter()
            .enumerate()
            .map(|(i, label)| Location {
                id: Some(i + 1),
                physical_location: physical(&f.file, label, artifact.clone()),
                message: Some(MessageRef {
                    text: &label.message,
                }),
            })
            .collect(),
        partial_fingerprints: BTreeMap::from([(FINGERPRINT_KEY, fingerprint)]),
        suppressions: Vec::new(),
        fixes: d
            .fix
            .iter()
            .map(|fix| SarifFix {
                description: Text {
                    text: match fix.applicability {
                        Applicability::Safe => fix.message.clone(),
                        Applicability::Unsafe => format!(
                            "{} (unsafe: check it compiles and does what you mean)",
                            fix.message
                        ),
                    },
                },
                artifact_changes: [ArtifactChange {
                    artifact_location: artifact.clone(),
                    replacements: fix
                        .edits
                        .iter()
                        .map(|e| Replacement {
                            deleted_region: region(&f.file, &e.span),
                            inserted_content: Text {
                                text: e.replacement.clone(),
                            },
                        })
                        .collect(),
                }],
            })
            .collect(),
    }
}

fn physical(file: &SourceFile, label: &Label, artifact: ArtifactLocation) -> PhysicalLocation {
    PhysicalLocation {
        artifact_location: artifact,
        region: Some(region(file, &label.span)),
    }
}

fn region(file: &SourceFile, span: &std::ops::Range<usize>) -> Region {
    let start = file.position(span.start);
    let end = file.position(span.end.max(span.start));
    Region {
        start_line: start.line,
        start_column: Some(start.column_utf16),
        end_line: Some(end.line),
        end_column: Some(end.column_utf16),
        byte_offset: Some(span.start),
        byte_length: Some(span.end.saturating_sub(span.start)),
    }
}

fn notification<'a>(p: &'a FileProblem, places: &Places<'_>) -> Notification<'a> {
    // Problems that could not be tied to a path have nothing to point at.
    let locations = if p.display == "<unknown>" {
        Vec::new()
    } else {
        vec![Location {
            id: None,
            physical_location: PhysicalLocation {
                artifact_location: places.artifact(Path::new(&p.display), &p.display),
                // The problem's column counts characters, not the run's UTF-16 units,
                // so only the line is passed on.
                region: p.position.map(|(line, _)| Region {
                    start_line: line,
                    start_column: None,
                    end_line: None,
                    end_column: None,
                    byte_offset: None,
                    byte_length: None,
                }),
            },
            message: None,
        }]
    };
    Notification {
        level: "warning",
        message: MessageRef { text: &p.message },
        descriptor: Descriptor {
            id: p.kind.as_str(),
        },
        locations,
    }
}

/// Turns the paths the scan saw into URIs relative to the repository root.
struct Places<'a> {
    repo_root: &'a Path,
    cwd: Option<&'a Path>,
}

impl Places<'_> {
    fn artifact(&self, path: &Path, display: &str) -> ArtifactLocation {
        match self.locate(path) {
            None => relative(display),
            Some(Place::Inside(rel)) => ArtifactLocation {
                uri: encode_segments(&segments(&rel)),
                uri_base_id: Some(SRCROOT),
            },
            // Outside the repository no base applies; an absolute URI still lets local
            // SARIF viewers open the file.
            Some(Place::Outside(absolute)) => ArtifactLocation {
                uri: file_uri(&absolute, false),
                uri_base_id: None,
            },
        }
    }

    /// Where `path` is relative to the repository root; `None` without a current directory
    /// to resolve a relative path against.
    fn locate(&self, path: &Path) -> Option<Place> {
        let absolute = if path.is_absolute() {
            path.to_path_buf()
        } else {
            self.cwd?.join(path)
        };
        let absolute = normalize(&absolute);
        // The path as written first: a link inside the repository to a file outside it
        // is still reported where the user sees it. Canonical second, for a cwd or
        // argument that goes through a link into the repository.
        let inside = absolute
            .strip_prefix(self.repo_root)
            .ok()
            .map(Path::to_path_buf)
            .or_else(|| {
                let canonical = std::fs::canonicalize(&absolute).ok()?;
                canonical
                    .strip_prefix(self.repo_root)
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

/// A scanned file's path relative to the repository root, `/`-separated, as GitHub wants
/// it in annotations wherever cargo-stray ran from; outside the repository, the path as
/// shown.
pub fn repository_path(path: &Path, display: &str, repo_root: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    let repo_root = absolute_root(repo_root, cwd.as_deref());
    let places = Places {
        repo_root: &repo_root,
        cwd: cwd.as_deref(),
    };
    match places.locate(path) {
        Some(Place::Inside(rel)) => segments(&rel)
            .iter()
            .map(|s| String::from_utf8_lossy(s))
            .collect::<Vec<_>>()
            .join("/"),
        _ => display.to_string(),
    }
}

fn relative(display: &str) -> ArtifactLocation {
    let parts: Vec<Vec<u8>> = display
        .split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .map(|s| s.as_bytes().to_vec())
        .collect();
    ArtifactLocation {
        uri: encode_segments(&parts),
        uri_base_id: Some(SRCROOT),
    }
}

/// Removes `.` and resolves `..` without touching the file system.
pub(super) fn normalize(path: &Path) -> PathBuf {
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
fn directory_uri(dir: &Path) -> String {
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

/// `guard_dropped_immediately` → `GuardDroppedImmediately`.
fn camel_case(id: &str) -> String {
    id.split('_')
        .map(|word| {
            let mut c = word.chars();
            match c.next() {
                Some(first) => first.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect()
}

/// Prose with hard line breaks, as one line per paragraph.
fn fold(text: &str) -> String {
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.trim().lines() {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join(" "));
    }
    paragraphs.join("\n\n")
}

/// The lint's page for viewers that show no Markdown: the same sections, code indented
/// instead of fenced.
fn plain_help(lint: &Lint) -> String {
    let d = &lint.docs;
    let code = |s: &str| {
        s.trim()
            .lines()
            .map(|l| {
                if l.is_empty() {
                    String::new()
                } else {
                    format!("    {l}")
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut c = lint.summary.chars();
    let summary: String = c
        .next()
        .map(|first| first.to_uppercase().chain(c).collect())
        .unwrap_or_default();
    let sections = [
        ("What it does:", fold(d.what_it_does)),
        ("Why is this bad?", fold(d.why_is_this_bad)),
        ("Example:", code(d.example)),
        ("Use instead:", code(d.use_instead)),
        ("Known limits:", fold(d.known_limits)),
    ];
    let mut text = format!("{summary}.\n");
    for (title, body) in sections {
        text.push_str(&format!("\n{title}\n{body}\n"));
    }
    text
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
            repo_root: Path::new("/repo"),
            cwd: Some(Path::new("/repo/crates/a")),
        };
        let a = places.artifact(Path::new("src/../src/x y.rs"), "src/x y.rs");
        assert_eq!(a.uri, "crates/a/src/x%20y.rs");
        assert_eq!(a.uri_base_id, Some(SRCROOT));
        let outside = places.artifact(Path::new("/elsewhere/z.rs"), "/elsewhere/z.rs");
        assert_eq!(outside.uri, "file:///elsewhere/z.rs");
        assert_eq!(outside.uri_base_id, None);

        #[cfg(unix)]
        {
            let root = Path::new("/repo");
            let path = Path::new("/repo/crates/a/src/x y.rs");
            assert_eq!(
                repository_path(path, "src/x y.rs", root),
                "crates/a/src/x y.rs"
            );
            let outside = Path::new("/elsewhere/z.rs");
            assert_eq!(repository_path(outside, "../z.rs", root), "../z.rs");
        }
    }

    #[test]
    fn rule_texts() {
        assert_eq!(
            camel_case("guard_dropped_immediately"),
            "GuardDroppedImmediately"
        );
        assert_eq!(fold("\na\nb\n\n  c\n"), "a b\n\nc");
        for lint in lints::ALL {
            let help = plain_help(lint);
            assert!(!help.contains("```"), "{help}");
            assert!(help.starts_with(char::is_uppercase), "{help}");
        }
    }
}
