//! What happens to a tokio child process when the future waiting for it is dropped, as a
//! timeout or a losing `select!` branch drops it (tokio 1.54.1, `src/process/mod.rs`).
//!
//! `Command::status` and `Command::output`: "The destructor of the future returned by
//! this function will kill the child if `kill_on_drop` is set to true." And
//! `Command::kill_on_drop`: "By default, this value is assumed to be `false`, meaning the
//! next spawned process will not be killed on drop, similar to the behavior of the
//! standard library." A `Child` dropped without that setting leaves its process running.

/// Functions that drop their future when time runs out.
pub const TIMEOUTS: &[&str] = &["tokio::time::timeout"];

/// Futures that only wait: the branch of a `select!` that ends the race by time.
pub const SLEEPS: &[&str] = &["tokio::time::sleep", "tokio::time::sleep_until"];

/// `Command` methods that spawn the child, wait for it and give its result, in one
/// future that owns the child.
pub const COMMAND_RUNS: &[&str] = &["output", "status"];

/// `Child` methods whose future waits for the process (`wait_with_output` consumes the
/// child; `wait` borrows it, so it can still be killed).
pub const CHILD_WAITS: &[&str] = &["wait", "wait_with_output"];

/// The setting that makes dropping the child (or the future owning it) kill it.
pub const KILL_ON_DROP: &str = "kill_on_drop";

/// `Child` methods that kill the process.
pub const KILLS: &[&str] = &["kill", "start_kill"];

/// The constructor of tokio's `Command`, and the method that spawns its child.
pub const TOKIO_COMMAND_NEW: &str = "tokio::process::Command::new";
pub const SPAWN: &str = "spawn";
