//! SARIF 2.1.0, shaped for GitHub code scanning: every lint is a rule (so alerts keep
//! their descriptions when a lint stops firing), paths are relative to the repository
//! root under `%SRCROOT%`, columns count UTF-16 code units, and each result carries the
//! line-independent fingerprint of the finding. Files that could not be analysed become
//! tool execution notifications rather than results, since they are not code problems.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::diagnostic::Label;
use crate::finding::{Finding, fingerprints};
use crate::fix::Applicability;
use crate::input::FileProblem;
use crate::level::{Level, Severity};
use crate::lints::{self, Lint};
use crate::location::{Places, Uri, directory_uri};
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
    /// Only lints shipped with cargo-stray have a published page; one declared in
    /// settings has its help inline.
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<String>,
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

pub fn write(report: &Report, repo_root: &Path, out: &mut dyn Write) -> std::io::Result<()> {
    let places = Places::new(repo_root);
    let repo_root = places.repo_root();
    // The rules, once: each result names its rule by its index among them.
    let rules = lints::all();
    let prints = fingerprints(&report.findings, repo_root);
    let mut results: Vec<SarifResult<'_>> = report
        .findings
        .iter()
        .zip(prints)
        .map(|(f, fingerprint)| result(f, fingerprint, &places, &rules))
        .collect();
    // Suppressed findings are kept, marked, so code scanning shows them as dismissed.
    let silenced: Vec<Finding> = report.suppressed.iter().map(|(f, _)| f.clone()).collect();
    let silenced_prints = fingerprints(&silenced, repo_root);
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
                    uri: directory_uri(repo_root),
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
        help_uri: lint.page_url(),
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
    places: &Places,
    rules: &[&Lint],
) -> SarifResult<'a> {
    let d = &f.diagnostic;
    let artifact = artifact(places, &f.file.path, &f.file.display);
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

fn notification<'a>(p: &'a FileProblem, places: &Places) -> Notification<'a> {
    // Problems that could not be tied to a path have nothing to point at.
    let locations = if p.display == "<unknown>" {
        Vec::new()
    } else {
        vec![Location {
            id: None,
            physical_location: PhysicalLocation {
                artifact_location: artifact(places, Path::new(&p.display), &p.display),
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

fn artifact(places: &Places, path: &Path, display: &str) -> ArtifactLocation {
    let Uri { uri, relative } = places.uri(path, display);
    ArtifactLocation {
        uri,
        uri_base_id: relative.then_some(SRCROOT),
    }
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
