//! Family `process`: child processes of std (Rust 1.95), read from its source: `Child` has
//! no `Drop`, so an exited child that is never waited stays a zombie; `wait` and
//! `wait_with_output` close stdin first; `kill` signals but does not reap. tokio's and
//! async-process's children are reaped for the program (best effort) and are not tracked.

use super::{Builder, Entries, KnownType, Resource, Setting};

pub const COMMAND: &str = "std::process::Command";
pub const CHILD: &str = "std::process::Child";

/// Configuration flags remembered from the builder.
pub const STDIN_PIPED: u32 = 1;
pub const STDOUT_PIPED: u32 = 2;
pub const STDERR_PIPED: u32 = 4;

const PIPED: &str = "std::process::Stdio::piped";

pub const ENTRIES: Entries = Entries {
    types: &[
        KnownType {
            canonical: COMMAND,
            aliases: &[],
            short: "Command",
        },
        KnownType {
            canonical: CHILD,
            aliases: &[],
            short: "Child",
        },
    ],
    functions: &[],
    methods: &[],
    guards: &[],
    builders: &[Builder {
        ty: COMMAND,
        constructors: &["new"],
        settings: &[
            Setting {
                method: "stdin",
                argument: PIPED,
                flag: STDIN_PIPED,
            },
            Setting {
                method: "stdout",
                argument: PIPED,
                flag: STDOUT_PIPED,
            },
            Setting {
                method: "stderr",
                argument: PIPED,
                flag: STDERR_PIPED,
            },
        ],
    }],
    resources: &[Resource {
        id: "std_child",
        ty: CHILD,
        builder: COMMAND,
        create: "spawn",
        fallible: true,
        discharge: &["wait", "wait_with_output"],
        poll: &["try_wait"],
        neutral: &["kill", "id", "stdin", "stdout", "stderr"],
        reborrow: &["as_mut", "by_ref", "borrow_mut"],
    }],
};
