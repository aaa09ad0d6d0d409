//! cargo-stray: finds the resources Rust programs forget to finish.
//!
//! The pipeline, one way: `workspace` finds files, `scan` parses each on a worker thread
//! and runs the `lints` (which read `syntax` and the `catalog`), and `report` writes the
//! sorted findings in the chosen format.

pub mod baseline;
pub mod catalog;
pub mod changed;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod finding;
pub mod fix;
pub mod flow;
pub mod input;
pub mod level;
pub mod lints;
pub mod location;
pub mod report;
pub mod scan;
pub mod settings;
pub mod source;
pub mod suggest;
pub mod suppress;
pub mod syntax;
pub mod workspace;
