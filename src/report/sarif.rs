//! SARIF 2.1.0 (placeholder until the full writer lands).

use std::io::Write;
use std::path::Path;

use crate::scan::Report;

pub fn write(_report: &Report, _repo_root: &Path, _out: &mut dyn Write) -> std::io::Result<()> {
    Err(std::io::Error::other("sarif output is not written yet"))
}
