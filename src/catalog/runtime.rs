//! What async runtimes, threads and I/O utilities do with the closures and values they
//! are given: the spawners whose closures run (and are analysed in place), the
//! concurrency macros, the wrappers and splitters of readers and writers, and the calls
//! that never return. Versions read: tokio 1.54, futures-util 0.3.34, tracing 0.1.44,
//! Rust std 1.95.

/// A call that splits a value into halves, one of which carries on as the value itself
/// (`tokio::io::split(stream)` gives `(read, write)`: closing the write half closes it).
#[derive(Debug)]
pub struct Splitter {
    /// A free function (taking the value as its first argument) or a method name.
    pub name: &'static str,
    pub is_method: bool,
    /// Where the half that carries on is, in the returned pair.
    pub carries_on: usize,
}

/// Calls that run a closure or async block they are given: its body is analysed as part
/// of the story of the values it captures, instead of being treated as an escape.
#[derive(Debug)]
pub struct Executors {
    pub functions: &'static [&'static str],
    /// Methods of any receiver (`thread::Builder::spawn`, `Scope::spawn`).
    pub methods: &'static [&'static str],
    /// Of those, the functions (by path) and methods (by name) that run the closure to
    /// its end before they return, and give what it returns: the call joins it at once.
    /// The others return a handle that joins it (`JOIN_METHODS`, or `.await`).
    pub run_to_end: &'static [&'static str],
}

/// Functions that wrap a reader or writer without changing what it is (`BufReader::new`):
/// the wrapper is followed as the value itself, when that is a tracked value.
/// `argument`: which argument is wrapped. The writers pass their end on: tokio's
/// `BufWriter::poll_shutdown` flushes and then shuts the inner writer down (tokio 1.54,
/// `io/util/buf_writer.rs`), and tokio-util's `Framed`/`FramedWrite` `Sink::poll_close`
/// flushes and then calls the inner `poll_shutdown` (tokio-util 0.7.20,
/// `codec/framed_impl.rs`).
#[derive(Debug)]
pub struct Wrapper {
    pub path: &'static str,
    pub argument: usize,
}

pub const WRAPPERS: &[Wrapper] = &[
    Wrapper {
        path: "std::io::BufReader::new",
        argument: 0,
    },
    Wrapper {
        path: "std::io::BufReader::with_capacity",
        argument: 1,
    },
    Wrapper {
        path: "tokio::io::BufReader::new",
        argument: 0,
    },
    Wrapper {
        path: "tokio::io::BufReader::with_capacity",
        argument: 1,
    },
    Wrapper {
        path: "futures::io::BufReader::new",
        argument: 0,
    },
    Wrapper {
        path: "tokio::io::BufWriter::new",
        argument: 0,
    },
    Wrapper {
        path: "tokio::io::BufWriter::with_capacity",
        argument: 1,
    },
    Wrapper {
        path: "tokio_util::codec::Framed::new",
        argument: 0,
    },
    Wrapper {
        path: "tokio_util::codec::Framed::with_capacity",
        argument: 0,
    },
    Wrapper {
        path: "tokio_util::codec::FramedWrite::new",
        argument: 0,
    },
];

pub const SPLITTERS: &[Splitter] = &[
    Splitter {
        name: "tokio::io::split",
        is_method: false,
        carries_on: 1,
    },
    Splitter {
        name: "split",
        is_method: true,
        carries_on: 0,
    },
];

/// The futures crates' `select(a, b)` function (not the macro): it resolves to
/// `Either::Left((a's output, b))` or `Either::Right((b's output, a))`.
pub const SELECT_FUNCTIONS: &[&str] = &["futures::future::select", "futures_util::future::select"];

/// Free functions that read their first argument to its end (`std::io::copy`).
pub const READ_TO_EOF_FUNCTIONS: &[&str] = &["std::io::copy", "tokio::io::copy", "io::copy"];

/// The `cfg` target whose code is not analysed: Windows has no zombie processes, and the
/// engine skips items and files compiled only for it (`#[cfg(windows)]`,
/// `#![cfg(target_os = "windows")]`, `if cfg!(windows)`).
pub const SKIPPED_TARGET: &str = "windows";

/// Modules that exist only on that target: a file importing one (`use
/// std::os::windows::process::CommandExt;`) without a `cfg` compiles only there.
pub const SKIPPED_TARGET_MODULES: &[&[&str]] = &[&["std", "os", "windows"]];

/// Calls that never return: the path ends there, silently.
#[derive(Debug)]
pub struct Diverging {
    pub functions: &'static [&'static str],
    pub macros: &'static [&'static str],
}

/// Spawners every family shares.
pub const EXECUTORS: Executors = Executors {
    functions: &[
        "std::thread::spawn",
        "tokio::spawn",
        "tokio::task::spawn",
        "tokio::task::spawn_blocking",
        "tokio::task::spawn_local",
        "tokio::task::block_in_place",
        "async_std::task::spawn",
        "async_std::task::spawn_blocking",
        "smol::spawn",
        "rayon::spawn",
        "futures::executor::block_on",
        "tokio::runtime::Runtime::block_on",
        "std::thread::scope",
    ],
    methods: &[
        "spawn",
        "spawn_scoped",
        "spawn_blocking",
        "spawn_local",
        "block_on",
    ],
    run_to_end: &[
        "tokio::task::block_in_place",
        "futures::executor::block_on",
        "tokio::runtime::Runtime::block_on",
        "std::thread::scope",
        "block_on",
    ],
};

/// Methods of a spawned thread's or task's handle that wait for it to end and give its
/// result (std's `JoinHandle::join`, `ScopedJoinHandle::join`); a tokio `JoinHandle` is
/// awaited instead.
pub const JOIN_METHODS: &[&str] = &["join"];

pub const DIVERGING: Diverging = Diverging {
    functions: &[
        "std::process::exit",
        "std::process::abort",
        "process::exit",
        "process::abort",
        "exit",
        "abort",
    ],
    macros: &["panic", "unreachable", "todo", "unimplemented"],
};

/// The macros that poll several futures together until each completes (`join!`,
/// `try_join!`, tokio's and futures').
pub const JOIN_MACROS: &[&str] = &["join", "try_join"];
/// The macro that polls several futures and runs the branch of the first to complete.
pub const SELECT_MACRO: &str = "select";

/// The variants of `futures::future::Either` that `select(a, b)` resolves to: `Left`
/// when `a` finished first, `Right` when `b` did.
pub const EITHER: [&str; 2] = ["Left", "Right"];

/// Methods that wrap a future without changing what it runs
/// (`async move { .. }.instrument(span)`, `FutureExt::boxed`, `fuse`).
pub const FUTURE_ADAPTERS: &[&str] = &["instrument", "in_current_span", "boxed", "fuse"];

/// How a macro that leaves the function early with an error decides to leave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReturnForm {
    /// Always: `return Err(..)` (`bail!(..)`).
    Always,
    /// When its first argument, a condition, is false: `if !cond { return Err(..) }`
    /// (`ensure!(cond, ..)`).
    Unless,
    /// A `?` on its first argument (`try!(result)`).
    Try,
    /// snafu's `whatever!`: `return Err(..)` when its first argument is the message (a
    /// literal); otherwise a `?` on that first argument (`whatever!(result, "..")`).
    TryUnlessMessage,
}

/// A macro that returns early with an error, by the last segment of its path.
#[derive(Debug)]
pub struct EarlyReturn {
    pub name: &'static str,
    pub form: ReturnForm,
    /// The crates that export it under that name.
    pub crates: &'static [&'static str],
}

/// The early-return macros of the error-handling crates, by name (a `macro_rules!` of the
/// file by the same name wins). Versions read: anyhow 1.0.104, eyre 0.6.12, miette 7.6.0,
/// snafu 0.9.2 (sources); error-chain 0.12 and failure 0.1 (their documentation); Rust std
/// 1.95 (`try!`, deprecated, `r#try!` after the 2015 edition).
pub const EARLY_RETURNS: &[EarlyReturn] = &[
    EarlyReturn {
        name: "bail",
        form: ReturnForm::Always,
        crates: &[
            "anyhow",
            "eyre",
            "color-eyre",
            "miette",
            "error-chain",
            "failure",
        ],
    },
    EarlyReturn {
        name: "ensure",
        form: ReturnForm::Unless,
        crates: &[
            "anyhow",
            "eyre",
            "miette",
            "snafu",
            "error-chain",
            "failure",
        ],
    },
    EarlyReturn {
        name: "ensure_whatever",
        form: ReturnForm::Unless,
        crates: &["snafu"],
    },
    EarlyReturn {
        name: "whatever",
        form: ReturnForm::TryUnlessMessage,
        crates: &["snafu"],
    },
    EarlyReturn {
        name: "try",
        form: ReturnForm::Try,
        crates: &["std"],
    },
];

/// The early-return macro named `name`, if it is one.
pub fn early_return(name: &str) -> Option<&'static EarlyReturn> {
    EARLY_RETURNS.iter().find(|m| m.name == name)
}

/// Guards that own a value and run a closure on it when dropped, and the macros that run
/// a body at the end of their scope. Version read: scopeguard 1.2.0 (`src/lib.rs`):
/// `guard(v, f)` and `guard_on_success(v, f)` call `f(v)` in `Drop` (the latter unless
/// unwinding), `guard_on_unwind` only while unwinding; `ScopeGuard::into_inner(g)` gives
/// `v` back and drops `f` uncalled; `ScopeGuard` derefs (mutably) to `v`; `defer! { .. }`
/// is `let _guard = guard((), |()| { .. });`.
#[derive(Debug)]
pub struct ScopeGuards {
    /// `f(value, closure)`: the guard runs the closure on the value when it is dropped.
    pub run_on_drop: &'static [&'static str],
    /// `f(value, closure)`: the closure runs only while unwinding from a panic; on every
    /// path the analysis follows, the guard only owns the value.
    pub run_on_unwind: &'static [&'static str],
    /// `f(guard)`: the value back; the closure never runs.
    pub defuse: &'static [&'static str],
    /// Macros whose body runs where their scope ends.
    pub defer_macros: &'static [&'static str],
    /// Macros whose body runs only while unwinding.
    pub unwind_macros: &'static [&'static str],
}

pub const SCOPE_GUARDS: ScopeGuards = ScopeGuards {
    run_on_drop: &["scopeguard::guard", "scopeguard::guard_on_success"],
    run_on_unwind: &["scopeguard::guard_on_unwind"],
    defuse: &["scopeguard::ScopeGuard::into_inner"],
    defer_macros: &["defer", "defer_on_success"],
    unwind_macros: &["defer_on_unwind"],
};
