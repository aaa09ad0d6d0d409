//! Family `process`: child processes of std (Rust 1.95), read from its source: `Child` has
//! no `Drop`, so an exited child that is never waited stays a zombie; `wait` and
//! `wait_with_output` close stdin first; `kill` signals but does not reap. tokio's and
//! async-process's children are reaped for the program (best effort) and are not tracked.

use super::{Blocking, Builder, Completion, Entries, KnownType, Part, Resource, Setting};

pub const COMMAND: &str = "std::process::Command";
pub const CHILD: &str = "std::process::Child";
pub const TOKIO_COMMAND: &str = "tokio::process::Command";
pub const TOKIO_CHILD: &str = "tokio::process::Child";

/// The pipes a child holds, by field.
pub const STDIN: &str = "stdin";
pub const STDOUT: &str = "stdout";
pub const STDERR: &str = "stderr";

/// Configuration flags remembered from the builder.
pub const STDIN_PIPED: u32 = 1;
pub const STDOUT_PIPED: u32 = 2;
pub const STDERR_PIPED: u32 = 4;
pub const KILL_ON_DROP: u32 = 8;

const PIPED: &str = "std::process::Stdio::piped";

const STDIO_SETTINGS: &[Setting] = &[
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
];

/// std (`Read`, `BufRead`) and tokio (`AsyncReadExt`, `AsyncBufReadExt`) readers alike.
const READS_TO_EOF: &[&str] = &["read_to_end", "read_to_string", "lines", "bytes"];
const WRITES: &[&str] = &["write_all", "write", "write_fmt", "write_all_buf"];

/// Calls on a pipe (or a writer around it) held in a field that leave it open.
pub const PIPE_NEUTRAL: &[&str] = &["flush", "by_ref", "as_raw_fd", "as_fd"];

const PIPES: &[Part] = &[
    Part {
        field: STDIN,
        flag: STDIN_PIPED,
        reads_to_eof: &[],
        writes: WRITES,
    },
    Part {
        field: STDOUT,
        flag: STDOUT_PIPED,
        reads_to_eof: READS_TO_EOF,
        writes: &[],
    },
    Part {
        field: STDERR,
        flag: STDERR_PIPED,
        reads_to_eof: READS_TO_EOF,
        writes: &[],
    },
];

/// Calls that reap the child only when their result says it exited: std's `try_wait`, and
/// the wait-timeout crate's `ChildExt::wait_timeout` (0.2.1: "if `Ok(Some(..))` is returned
/// then the child exited"; `Ok(None)`: it is still running and must be waited later).
const STD_POLLS: &[&str] = &["try_wait", "wait_timeout", "wait_timeout_ms"];

const BLOCKING: &[(&str, Blocking)] = &[
    ("wait", Blocking::Wait),
    ("wait_with_output", Blocking::WaitWithOutput),
];

pub static ENTRIES: Entries = Entries {
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
        KnownType {
            canonical: TOKIO_COMMAND,
            aliases: &[],
            short: "Command",
        },
        KnownType {
            canonical: TOKIO_CHILD,
            aliases: &[],
            short: "Child",
        },
    ],
    functions: &[],
    methods: &[],
    guards: &[],
    builders: &[
        Builder {
            ty: COMMAND,
            constructors: &["new"],
            settings: STDIO_SETTINGS,
            completions: &[Completion {
                method: "status",
                blocking: Blocking::Status,
            }],
        },
        Builder {
            ty: TOKIO_COMMAND,
            constructors: &["new"],
            settings: &[
                STDIO_SETTINGS[0],
                STDIO_SETTINGS[1],
                STDIO_SETTINGS[2],
                Setting {
                    method: "kill_on_drop",
                    argument: "true",
                    flag: KILL_ON_DROP,
                },
            ],
            // tokio's `status()` drops the three pipes before waiting: it cannot deadlock.
            completions: &[],
        },
    ],
    resources: &[
        Resource {
            id: "std_child",
            ty: CHILD,
            builder: COMMAND,
            create: "spawn",
            fallible: true,
            discharge: &["wait", "wait_with_output"],
            poll: STD_POLLS,
            neutral: &["kill", "id", "stdin", "stdout", "stderr"],
            pid: &["id"],
            reborrow: &["as_mut", "by_ref", "borrow_mut"],
            terminate: &["kill", "start_kill"],
            blocking: BLOCKING,
            parts: PIPES,
            ..Resource::BASE
        },
        // Reaped by tokio when dropped (best effort): followed for its pipes only.
        Resource {
            id: "tokio_child",
            ty: TOKIO_CHILD,
            builder: TOKIO_COMMAND,
            create: "spawn",
            fallible: true,
            discharge: &["wait", "wait_with_output"],
            poll: &["try_wait"],
            neutral: &["kill", "start_kill", "id", "stdin", "stdout", "stderr"],
            pid: &["id"],
            reborrow: &["as_mut", "by_ref", "borrow_mut"],
            terminate: &["kill", "start_kill"],
            blocking: BLOCKING,
            parts: PIPES,
            ..Resource::BASE
        },
    ],
};
