// guard_dropped_immediately: a temporary directory or file bound to `_`, or discarded as a statement: it is deleted
// at the end of the statement, before the code after it writes into its path.
use std::io::Write;

use tempfile::NamedTempFile;

pub fn prepare(root: &std::path::Path) -> std::io::Result<()> {
    let _ = tempfile::tempdir_in(root)?; //~ guard_dropped_immediately
    let _ = tempfile::Builder::new().suffix(".sock").tempfile(); //~ guard_dropped_immediately
    NamedTempFile::new()?; //~ guard_dropped_immediately
    writeln!(std::io::stderr(), "prepared")?;
    Ok(())
}
