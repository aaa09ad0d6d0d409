//! What the `conn` lints share: naming the path that loses a value.

use crate::flow::{Exit, Loss};
use crate::source::SourceFile;

/// "the `?` at line 12", "the end of its scope at line 20".
pub fn path_through(loss: &Loss, source: &SourceFile) -> String {
    let line = source.position(loss.span.start).line;
    let what = match loss.exit {
        Exit::Return => "the `return`",
        Exit::Try => "the `?`",
        Exit::Break => "the `break`",
        Exit::Continue => "the `continue`",
        Exit::EndOfScope => "the end of its scope",
        Exit::Dropped => "the `drop`",
        Exit::Overwritten => "the assignment",
        Exit::Discarded => "the end of the statement",
    };
    format!("{what} at line {line}")
}
