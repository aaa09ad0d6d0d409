//! Family `cancel`: tokio-util cancellation tokens and their guards, tokio-util's
//! abort-on-drop handles, and tracing-appender's worker guard (versions read:
//! tokio-util 0.7.20, tracing-appender 0.2.5).

use super::{Blocking, Constructor, Entries, Function, Guard, KnownType, Method, Output, Resource};

const TOKEN: &str = "tokio_util::sync::CancellationToken";
const TRACKER: &str = "tokio_util::task::TaskTracker";
const ABORT_HANDLE: &str = "futures_util::future::AbortHandle";
const DROP_GUARD: &str = "tokio_util::sync::DropGuard";
const DROP_GUARD_REF: &str = "tokio_util::sync::DropGuardRef";
const ABORT_ON_DROP_HANDLE: &str = "tokio_util::task::AbortOnDropHandle";
const ABORT_ON_DROP: &str = "tokio_util::task::AbortOnDrop";
const NON_BLOCKING: &str = "tracing_appender::non_blocking::NonBlocking";
const NON_BLOCKING_BUILDER: &str = "tracing_appender::non_blocking::NonBlockingBuilder";
const WORKER_GUARD: &str = "tracing_appender::non_blocking::WorkerGuard";

const WRITER_AND_GUARD: Output = Output::Tuple(&[Some(NON_BLOCKING), Some(WORKER_GUARD)]);

pub static ENTRIES: Entries = Entries {
    types: &[
        KnownType {
            canonical: TOKEN,
            aliases: &[],
            short: "CancellationToken",
        },
        KnownType {
            canonical: TRACKER,
            aliases: &["tokio_util::task::task_tracker::TaskTracker"],
            short: "TaskTracker",
        },
        KnownType {
            canonical: ABORT_HANDLE,
            aliases: &[
                "futures::future::AbortHandle",
                "futures_util::future::abortable::AbortHandle",
                "futures_util::abortable::AbortHandle",
            ],
            short: "AbortHandle",
        },
        KnownType {
            canonical: DROP_GUARD,
            aliases: &[],
            short: "DropGuard",
        },
        KnownType {
            canonical: DROP_GUARD_REF,
            aliases: &[],
            short: "DropGuardRef",
        },
        KnownType {
            canonical: ABORT_ON_DROP_HANDLE,
            aliases: &[],
            short: "AbortOnDropHandle",
        },
        KnownType {
            canonical: ABORT_ON_DROP,
            aliases: &[],
            short: "AbortOnDrop",
        },
        KnownType {
            canonical: NON_BLOCKING,
            aliases: &[],
            short: "NonBlocking",
        },
        KnownType {
            canonical: NON_BLOCKING_BUILDER,
            aliases: &[],
            short: "NonBlockingBuilder",
        },
        KnownType {
            canonical: WORKER_GUARD,
            aliases: &[],
            short: "WorkerGuard",
        },
    ],
    functions: &[
        Function {
            path: "tokio_util::sync::CancellationToken::new",
            output: Output::Type(TOKEN),
        },
        Function {
            path: "tokio_util::task::AbortOnDropHandle::new",
            output: Output::Type(ABORT_ON_DROP_HANDLE),
        },
        Function {
            path: "tokio_util::task::AbortOnDrop::new",
            output: Output::Type(ABORT_ON_DROP),
        },
        Function {
            path: "tracing_appender::non_blocking",
            output: WRITER_AND_GUARD,
        },
        Function {
            path: "tracing_appender::non_blocking::NonBlocking::new",
            output: WRITER_AND_GUARD,
        },
    ],
    methods: &[
        Method {
            receiver: TOKEN,
            name: "child_token",
            output: Output::Type(TOKEN),
        },
        Method {
            receiver: TOKEN,
            name: "drop_guard",
            output: Output::Type(DROP_GUARD),
        },
        Method {
            receiver: TOKEN,
            name: "drop_guard_ref",
            output: Output::Type(DROP_GUARD_REF),
        },
        Method {
            receiver: NON_BLOCKING_BUILDER,
            name: "buffered_lines_limit",
            output: Output::Type(NON_BLOCKING_BUILDER),
        },
        Method {
            receiver: NON_BLOCKING_BUILDER,
            name: "lossy",
            output: Output::Type(NON_BLOCKING_BUILDER),
        },
        Method {
            receiver: NON_BLOCKING_BUILDER,
            name: "thread_name",
            output: Output::Type(NON_BLOCKING_BUILDER),
        },
        Method {
            receiver: NON_BLOCKING_BUILDER,
            name: "finish",
            output: WRITER_AND_GUARD,
        },
    ],
    builders: &[],
    resources: &[
        // Dropping every handle never cancels it: it must be cancelled (or guarded).
        Resource {
            id: "cancellation_token",
            ty: TOKEN,
            discharge: &["cancel", "drop_guard", "drop_guard_ref"],
            neutral: &[
                "cancelled",
                "cancelled_owned",
                "is_cancelled",
                "run_until_cancelled",
                "run_until_cancelled_owned",
                "clone",
            ],
            reborrow: &["as_ref"],
            blocking: &[
                ("cancelled", Blocking::Cancellation),
                ("cancelled_owned", Blocking::Cancellation),
                ("run_until_cancelled", Blocking::Cancellation),
                ("run_until_cancelled_owned", Blocking::Cancellation),
            ],
            constructors: &[
                Constructor {
                    path: "tokio_util::sync::CancellationToken::new",
                    tuple: None,
                    companion: None,
                },
                Constructor {
                    path: "tokio_util::sync::CancellationToken::default",
                    tuple: None,
                    companion: None,
                },
            ],
            shared: true,
            children: &["child_token"],
            // tokio-util 0.7.16, `sync/cancellation_token.rs`: "Returns `true` if the
            // `CancellationToken` is cancelled." (A child's parent cancelled counts.)
            settled_when: &["is_cancelled"],
            // Same file: `cancelled()` "Returns a Future that gets fulfilled when
            // cancellation is requested"; `cancelled_owned()` likewise. (Not
            // `run_until_cancelled`, whose future also ends when the work does.)
            settled_once_done: &["cancelled", "cancelled_owned"],
            ..Resource::BASE
        },
        // `wait()` returns only after `close()`.
        Resource {
            id: "task_tracker",
            ty: TRACKER,
            discharge: &["close"],
            neutral: &[
                "spawn",
                "spawn_on",
                "spawn_local",
                "spawn_local_on",
                "spawn_blocking",
                "spawn_blocking_on",
                "track_future",
                "token",
                "len",
                "is_empty",
                "is_closed",
                "wait",
                "clone",
            ],
            reborrow: &["as_ref"],
            blocking: &[("wait", Blocking::Completion)],
            constructors: &[
                Constructor {
                    path: "tokio_util::task::TaskTracker::new",
                    tuple: None,
                    companion: None,
                },
                Constructor {
                    path: "tokio_util::task::TaskTracker::default",
                    tuple: None,
                    companion: None,
                },
            ],
            shared: true,
            recover: &["handle"],
            ..Resource::BASE
        },
        // futures' `AbortHandle` has no `Drop`: unused, its future can never be aborted.
        Resource {
            id: "abort_handle",
            ty: ABORT_HANDLE,
            discharge: &["abort"],
            neutral: &["is_aborted", "clone"],
            reborrow: &["as_ref"],
            constructors: &[
                Constructor {
                    path: "futures_util::future::AbortHandle::new_pair",
                    tuple: Some((0, 2)),
                    companion: Some(1),
                },
                Constructor {
                    path: "futures_util::future::abortable",
                    tuple: Some((1, 2)),
                    companion: None,
                },
            ],
            shared: true,
            recover: &["handle"],
            ..Resource::BASE
        },
    ],
    guards: &[
        Guard {
            ty: DROP_GUARD,
            on_drop: "cancels the token",
            consequence: "the token is cancelled at once",
            keep: "bind the guard to a named variable that lives as long as the work it guards (`let _guard = token.drop_guard();`), or call `token.cancel()` if cancelling now is intended",
            awaited: false,
        },
        Guard {
            ty: DROP_GUARD_REF,
            on_drop: "cancels the token",
            consequence: "the token is cancelled at once",
            keep: "bind the guard to a named variable that lives as long as the work it guards (`let _guard = token.drop_guard_ref();`), or call `token.cancel()` if cancelling now is intended",
            awaited: false,
        },
        Guard {
            ty: ABORT_ON_DROP_HANDLE,
            on_drop: "aborts the task",
            consequence: "the task is aborted at once",
            keep: "bind the handle to a named variable that lives as long as the task should run (`let _task = AbortOnDropHandle::new(..);`), or `.detach()` it to let the task run on",
            awaited: false,
        },
        Guard {
            ty: ABORT_ON_DROP,
            on_drop: "aborts the task",
            consequence: "the task is aborted at once",
            keep: "bind the handle to a named variable that lives as long as the task should run (`let _task = AbortOnDrop::new(..);`), or `.detach()` it to let the task run on",
            awaited: false,
        },
        Guard {
            ty: WORKER_GUARD,
            on_drop: "stops the log-writing worker",
            consequence: "the log worker stops at once and later log lines are lost",
            keep: "bind the guard to a named variable that lives until the program ends (`let (writer, _guard) = tracing_appender::non_blocking(..);`)",
            awaited: false,
        },
    ],
};
