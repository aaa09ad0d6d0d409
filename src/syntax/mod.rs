//! Reading Rust without a compiler: name resolution, a little typing, and a statement walk.

pub mod before_exit;
pub mod idents;
pub mod imports;
pub mod macro_rules;
pub mod macros;
pub mod nesting;
pub mod parse_failure;
pub mod select_loops;
pub mod span;
pub mod statements;
pub mod test_code;
pub mod types;
pub mod walk;
