//! cargo-stray: finds the resources Rust programs forget to finish.
//!
//! Data flows one way: files → parse → resolve → flow → lints → suppress → report.
//! `workspace` finds the files (`changed` narrows them to a diff); `scan` parses each on
//! a worker thread, resolves its names and types (`syntax`), follows its values (`flow`),
//! runs the `lints`, attaches their diagnostics to lints and files as `finding`s and
//! applies the `suppress`ions; `baseline` and `report` read the sorted result. Below all
//! of them sits plain data any stage may use; on top, `settings` and `cli` set a run up.
//!
//! A module imports only from its own layer and those below: `tests/layers.rs` holds the
//! table of layers and fails on an import that runs back up.

// Parsing and analysis allocate and free millions of small nodes; mimalloc halves what
// glibc's malloc costs there. It is set here, not in `main.rs`, so that the benchmark's
// bare-parse floor and its scans run on the allocator users get.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

// The bottom: plain data and tables. (`fix::apply` edits files by their findings, so it
// sits with `suppress`.)
pub mod catalog;
pub mod config;
pub mod diagnostic;
pub mod fix;
pub mod input;
pub mod level;
pub mod location;
pub mod serial;
pub mod source;
pub mod suggest;

// Files, and where each sits in its crate.
pub mod changed;
pub mod layout;
pub mod workspace;

// Parse and resolve.
pub mod syntax;

// Flow.
pub mod flow;

// Lints.
pub mod lints;

// Findings: diagnostics attached to their lint, file and severity.
pub mod finding;

// Suppress.
pub mod suppress;

// What the scan keeps between runs.
pub mod cache;

// The scan runs the stages above on every file.
pub mod scan;

// Report: what reads the scan's result.
pub mod baseline;
pub mod report;

// Drivers: what sets a run up.
pub mod cli;
pub mod settings;
