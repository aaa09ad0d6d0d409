// A small crate whose process helpers live in one file and are used in others: a spawner
// and a builder in `proc_util.rs`, reached through `use crate::..`, `super::` and a
// re-export at the root; a helper that waits (its summary settles the child) and one
// that only looks; a worker whose `Drop`, in a file of its own, kills without waiting; a
// runner whose constructor pipes its `Command`'s stdout, spawned in another file.
mod proc_util;
pub mod jobs;
pub mod runner;
pub mod worker;

pub use proc_util::spawn_quiet as spawn_helper;
