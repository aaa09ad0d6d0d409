//! What cargo-stray knows about libraries, as data: the types it recognises (by every
//! path they are exported under), what their constructors and methods return, and which
//! of them are guards whose drop does the work. The engine and the lints read this; they
//! name no library themselves.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

pub mod cancel;
pub mod cancel_safety;
pub mod conn;
pub mod guards;
pub mod pools;
pub mod prelude;
pub mod process;
pub mod runtime;
pub mod serial;
pub mod spans;
pub mod timeouts;
pub mod transactions;

pub use runtime::{
    DIVERGING, Diverging, EXECUTORS, Executors, READ_TO_EOF_FUNCTIONS, SELECT_FUNCTIONS,
    SKIPPED_TARGET, SKIPPED_TARGET_MODULES, SPLITTERS, Splitter, WRAPPERS, Wrapper,
};

/// A library type, with every public path it can be named by.
#[derive(Debug)]
pub struct KnownType {
    /// The path we report and compare by.
    pub canonical: &'static str,
    /// Other public paths (re-exports) that name the same type.
    pub aliases: &'static [&'static str],
    /// The name shown in messages.
    pub short: &'static str,
}

impl KnownType {
    pub const fn new(
        canonical: &'static str,
        aliases: &'static [&'static str],
        short: &'static str,
    ) -> KnownType {
        KnownType {
            canonical,
            aliases,
            short,
        }
    }
}

/// The type an expression produces, as far as the catalog can tell.
#[derive(Debug, Clone, Copy)]
pub enum Output {
    Type(&'static str),
    /// A tuple, element by element (`None`: not a type we track).
    Tuple(&'static [Option<&'static str>]),
}

/// A free function or associated function (`Type::new`) and what it returns.
#[derive(Debug)]
pub struct Function {
    /// Full path: a free function's, or a known type's canonical path plus `::name`.
    pub path: &'static str,
    pub output: Output,
}

/// A method of a known type and what it returns.
#[derive(Debug)]
pub struct Method {
    pub receiver: &'static str,
    pub name: &'static str,
    pub output: Output,
}

/// A type whose `Drop` does the work: dropping it at once undoes what creating it was for.
#[derive(Debug)]
pub struct Guard {
    pub ty: &'static str,
    /// What dropping it does, completing "dropping it ...": `cancels the token`.
    pub on_drop: &'static str,
    /// The consequence of dropping it at once, for the headline: `the token is cancelled at once`.
    pub consequence: &'static str,
    /// How to keep it alive, for the help line.
    pub keep: &'static str,
    /// Its method returns a future of it (`mutex.lock()`): only `.await`ed is it the
    /// guard (the future discarded is clippy's `let_underscore_future`), and only a
    /// `let _ =` or `_ =` discards it by mistake: `mutex.lock().await;` alone is the way
    /// to wait for whoever holds it.
    pub awaited: bool,
}

impl Resource {
    /// The methods that block on the value's end in the way `kind` says.
    pub fn blocking_on(&self, kind: Blocking) -> Vec<&'static str> {
        self.blocking
            .iter()
            .filter(|(_, b)| *b == kind)
            .map(|(m, _)| *m)
            .collect()
    }

    /// Every list empty, every flag off: entries name only what differs
    /// (`Resource { id: .., ..Resource::BASE }`).
    pub const BASE: Resource = Resource {
        id: "",
        ty: "",
        builder: "",
        create: "",
        fallible: false,
        discharge: &[],
        poll: &[],
        neutral: &[],
        reborrow: &[],
        terminate: &[],
        blocking: &[],
        parts: &[],
        constructors: &[],
        shared: false,
        children: &[],
        recover: &[],
        arm: &[],
        driven_by_await: false,
        create_tuple: None,
        drained_by: &[],
        closing_argument: None,
        closed_by_peer: &[],
        settled_when: &[],
        settled_once_done: &[],
        pid: &[],
        loses: &[],
        rolls_back_on_error: false,
        armed_by_argument: &[],
    };
}

/// A type whose values configure and then create a resource (`std::process::Command`).
#[derive(Debug)]
pub struct Builder {
    pub ty: &'static str,
    /// Associated functions that start a builder (`Command::new`).
    pub constructors: &'static [&'static str],
    /// Configuration worth remembering, by method and argument.
    pub settings: &'static [Setting],
    /// Methods that create, run to completion and wait in one call.
    pub completions: &'static [Completion],
}

/// A builder method that runs what it builds to completion (`Command::status`).
#[derive(Debug)]
pub struct Completion {
    pub method: &'static str,
    pub blocking: Blocking,
}

/// `cmd.stdout(Stdio::piped())` sets `flag`; the same method with another argument clears it.
#[derive(Debug, Clone, Copy)]
pub struct Setting {
    pub method: &'static str,
    /// The argument that sets the flag: a function path (`std::process::Stdio::piped`) or
    /// a literal (`true`).
    pub argument: &'static str,
    pub flag: u32,
}

/// A value that carries an obligation, created by calling `create` on a builder.
#[derive(Debug)]
pub struct Resource {
    /// Stable name, for lints to select the resources they judge.
    pub id: &'static str,
    pub ty: &'static str,
    /// The builder type and the method that creates the resource from it.
    pub builder: &'static str,
    pub create: &'static str,
    /// Whether `create` returns the resource inside a `Result` (`io::Result<Child>`).
    pub fallible: bool,
    /// Methods that settle the obligation.
    pub discharge: &'static [&'static str],
    /// Methods that settle it only when their result says so (`try_wait()` returning
    /// `Some`): where that `Some` is matched, inside a polling loop, or when the result
    /// is inspected in a way we do not follow.
    pub poll: &'static [&'static str],
    /// Methods and fields that neither settle nor hand the value off. Any other method is
    /// taken as handing it off (an extension trait may settle it): silence, never a guess.
    pub neutral: &'static [&'static str],
    /// Methods that give a reference to the value itself (`as_mut`).
    pub reborrow: &'static [&'static str],
    /// Methods that end it without settling it (`kill`): blocking on it afterwards cannot
    /// hang.
    pub terminate: &'static [&'static str],
    /// Methods that block on the value's end, recorded for the lints that judge what is
    /// still open at that point.
    pub blocking: &'static [(&'static str, Blocking)],
    /// Values held in its fields (a child's pipes), followed as values of their own.
    pub parts: &'static [Part],
    /// Functions that create it directly (rather than a builder's `create` method).
    pub constructors: &'static [Constructor],
    /// Handles share one value (`clone()` gives the same token): dropping one handle
    /// loses nothing while others may live.
    pub shared: bool,
    /// Methods that create a dependent value (`child_token`): settling this one settles
    /// those too.
    pub children: &'static [&'static str],
    /// Methods of a constructor's companion that give the resource back
    /// (`AbortRegistration::handle`).
    pub recover: &'static [&'static str],
    /// Methods that put it at risk: it is created clean, and becomes live (a loss is a
    /// finding) only once one of these is called (`write_all` on a buffered writer).
    pub arm: &'static [&'static str],
    /// Awaiting it settles it (a connection future that does the I/O when polled).
    pub driven_by_await: bool,
    /// Methods that, called in a loop, read it to its end, which completes its closing
    /// (a websocket's `next()`: tungstenite answers the peer's Close frame).
    pub drained_by: &'static [&'static str],
    /// An argument (by the last segment of its path) that makes an `arm` method close it
    /// (`send(Message::Close(..))`).
    pub closing_argument: Option<&'static str>,
    /// Methods of what it yields that say the peer closed it (`msg.is_close()`): the
    /// closing handshake completes there.
    pub closed_by_peer: &'static [&'static str],
    /// Methods that say whether it is settled already (`is_cancelled()`): where one is
    /// `true`, nothing is left to do on that path, though the path itself settled nothing.
    pub settled_when: &'static [&'static str],
    /// Methods whose future completes only once it is settled (`cancelled()`): after it
    /// is awaited, as after a `true` of `settled_when`.
    pub settled_once_done: &'static [&'static str],
    /// Methods that give its process id, through which code we do not see may reap it.
    pub pid: &'static [&'static str],
    /// Methods that throw away what is at risk (`into_inner()` discards the buffer).
    pub loses: &'static [&'static str],
    /// Dropping it on an error path is what it is for (a transaction rolls back when an
    /// error leaves the function): only a normal exit loses it.
    pub rolls_back_on_error: bool,
    /// Methods of other values that take it as an argument to write through it
    /// (`query.execute(&mut *tx)`): passed to one, it is written to, not handed off.
    pub armed_by_argument: &'static [&'static str],
    /// Where the resource is when the builder's `create` method returns a tuple
    /// (`Config::connect` returns `(Client, Connection)`).
    pub create_tuple: Option<(usize, usize)>,
}

/// What a blocking call waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Blocking {
    /// The process to exit (`wait`): std and tokio close stdin first, nothing else.
    Wait,
    /// The process to exit while draining stdout and stderr (`wait_with_output`).
    WaitWithOutput,
    /// The end of a pipe (`read_to_end`, `read_to_string`, reading lines to the end).
    ReadToEof,
    /// A command run to completion with `status()`, which drains nothing.
    Status,
    /// A token's cancellation (`cancelled().await`, `run_until_cancelled`).
    Cancellation,
    /// Every task of a tracker, after it is closed (`TaskTracker::wait`).
    Completion,
    /// A thread or task, joined (`handle.join()`, a task's handle awaited, the end of
    /// `block_on`): what blocks that thread blocks the joiner until it ends.
    Join,
    /// The value's end, polled in a loop (`try_wait()`): the loop runs until it says done.
    Poll,
}

impl Blocking {
    /// Whether the call returns a future that blocks only when awaited or polled.
    pub fn is_future(self) -> bool {
        matches!(self, Blocking::Cancellation | Blocking::Completion)
    }

    /// The parts of the value that the call closes before it blocks: std's and tokio's
    /// `wait` drop stdin first, `wait_with_output` takes all three pipes.
    pub fn closes(self) -> &'static [&'static str] {
        match self {
            Blocking::Wait => &[process::STDIN],
            Blocking::WaitWithOutput => &[process::STDIN, process::STDOUT, process::STDERR],
            _ => &[],
        }
    }
}

/// A function that creates a resource (`CancellationToken::new`, `abortable(..)`).
#[derive(Debug)]
pub struct Constructor {
    /// Full path: a free function's, or a type's canonical path plus `::name`.
    pub path: &'static str,
    /// Where the resource is, when the function returns a tuple.
    pub tuple: Option<(usize, usize)>,
    /// Another tuple element that can give the resource back (`AbortRegistration`,
    /// through the resource's `recover` methods).
    pub companion: Option<usize>,
}

/// A value held in a field of a resource (`child.stdout`), taken out with `take()` or
/// used in place through `as_mut()`.
#[derive(Debug)]
pub struct Part {
    pub field: &'static str,
    /// The builder setting without which the field is `None`.
    pub flag: u32,
    /// Methods that read it to its end, possibly through a `BufReader`.
    pub reads_to_eof: &'static [&'static str],
    /// Methods that write to it.
    pub writes: &'static [&'static str],
}

/// One family's share of the catalog.
#[derive(Debug)]
pub struct Entries {
    pub types: &'static [KnownType],
    pub functions: &'static [Function],
    pub methods: &'static [Method],
    pub guards: &'static [Guard],
    pub builders: &'static [Builder],
    pub resources: &'static [Resource],
}

/// Traits whose methods the catalog knows on any receiver (see `extension_method`).
pub const EXTENSION_TRAITS: &[&str] = &[guards::FUTURE_EXT];

/// Every family's entries.
pub static ALL: &[&Entries] = &[
    &cancel::ENTRIES,
    &process::ENTRIES,
    &conn::ENTRIES,
    &guards::ENTRIES,
    &transactions::ENTRIES,
];

/// Lookups over all families.
pub struct Catalog;

impl Catalog {
    /// The canonical path of a known type named by `path` (canonical or alias).
    pub fn canonical_type(path: &str) -> Option<&'static KnownType> {
        ALL.iter()
            .flat_map(|e| e.types)
            .find(|t| t.canonical == path || t.aliases.contains(&path))
    }

    /// Every path that names a type the catalog knows (`std::process::Child`, and the
    /// re-exports of each).
    pub fn type_paths() -> impl Iterator<Item = &'static str> {
        ALL.iter()
            .flat_map(|e| e.types)
            .flat_map(|t| std::iter::once(t.canonical).chain(t.aliases.iter().copied()))
    }

    pub fn known_type(canonical: &str) -> Option<&'static KnownType> {
        ALL.iter()
            .flat_map(|e| e.types)
            .find(|t| t.canonical == canonical)
    }

    /// The function named by a resolved path: a free function, or `Type::assoc` where
    /// `Type` may be named by any of its aliases.
    pub fn function(path: &str) -> Option<&'static Function> {
        let by_type = path.rsplit_once("::").and_then(|(ty, name)| {
            let ty = Self::canonical_type(ty)?;
            Some((ty.canonical, name))
        });
        ALL.iter().flat_map(|e| e.functions).find(|f| {
            f.path == path
                || by_type.is_some_and(|(ty, name)| {
                    f.path
                        .rsplit_once("::")
                        .is_some_and(|(fty, fname)| fty == ty && fname == name)
                })
        })
    }

    pub fn method(receiver: &str, name: &str) -> Option<&'static Method> {
        ALL.iter()
            .flat_map(|e| e.methods)
            .find(|m| m.receiver == receiver && m.name == name)
    }

    /// A method of an extension trait every value of some kind has (`FutureExt`'s
    /// `remote_handle`, on any future), known by its name whatever the receiver.
    /// Asked of every method call the Typer meets: a table built once.
    pub fn extension_method(name: &str) -> Option<&'static Method> {
        static TABLE: OnceLock<HashMap<&'static str, &'static Method>> = OnceLock::new();
        TABLE
            .get_or_init(|| {
                ALL.iter()
                    .flat_map(|e| e.methods)
                    .filter(|m| EXTENSION_TRAITS.contains(&m.receiver))
                    .map(|m| (m.name, m))
                    .collect()
            })
            .get(name)
            .copied()
    }

    pub fn guard(ty: &str) -> Option<&'static Guard> {
        ALL.iter().flat_map(|e| e.guards).find(|g| g.ty == ty)
    }

    pub fn builder(ty: &str) -> Option<&'static Builder> {
        ALL.iter().flat_map(|e| e.builders).find(|b| b.ty == ty)
    }

    /// The resource a value of the type `ty` (canonical) holds.
    pub fn resource_of_type(ty: &str) -> Option<&'static Resource> {
        ALL.iter().flat_map(|e| e.resources).find(|r| r.ty == ty)
    }

    /// The transaction a helper's parameter of this type is given (a sqlx connection, which
    /// `&mut *tx` derefs to), for what the helper writes through it.
    pub fn transaction_behind(ty: &str) -> Option<&'static Resource> {
        let (_, transaction) = transactions::EXECUTORS.iter().find(|(c, _)| *c == ty)?;
        Self::resource_of_type(transaction)
    }

    /// The resource a method begins on any receiver, one whose type is not known
    /// (`conn.unchecked_transaction()`: only rusqlite has that name).
    pub fn created_on_any_receiver(method: &str) -> Option<&'static Resource> {
        let (_, opener) = transactions::ANY_RECEIVER
            .iter()
            .find(|(name, _)| *name == method)?;
        Self::resource_created_by(opener, method)
    }

    /// The names of those methods: a file that calls one may hold a finding.
    pub fn any_receiver_methods() -> impl Iterator<Item = &'static str> {
        transactions::ANY_RECEIVER.iter().map(|(name, _)| *name)
    }

    /// Whether a SQL statement changes data (`INSERT .. RETURNING` run by `fetch_one`).
    pub fn statement_writes(sql: &str) -> bool {
        transactions::statement_writes(sql)
    }

    /// The resource a builder's method creates.
    pub fn resource_created_by(builder: &str, method: &str) -> Option<&'static Resource> {
        ALL.iter()
            .flat_map(|e| e.resources)
            .find(|r| r.builder == builder && r.create == method)
    }

    /// The resource a function creates, and where it is in a tuple result.
    pub fn constructed_by(path: &str) -> Option<(&'static Resource, &'static Constructor)> {
        // `futures` re-exports `futures_util` whole.
        let normalized = path
            .strip_prefix("futures::")
            .map(|rest| format!("futures_util::{rest}"));
        let path = normalized.as_deref().unwrap_or(path);
        let by_type = path.rsplit_once("::").and_then(|(ty, name)| {
            let ty = Self::canonical_type(ty)?;
            Some(format!("{}::{name}", ty.canonical))
        });
        ALL.iter().flat_map(|e| e.resources).find_map(|r| {
            r.constructors
                .iter()
                .find(|c| c.path == path || by_type.as_deref() == Some(c.path))
                .map(|c| (r, c))
        })
    }

    /// Whether the last segments of a call's path may name a constructor (`new_pair`,
    /// `CancellationToken::new`): a cheap filter before analysis.
    pub fn may_construct(segments: &[String]) -> bool {
        let (owner, name) = match segments {
            [.., o, n] => (Some(o.as_str()), n.as_str()),
            [n] => (None, n.as_str()),
            [] => return false,
        };
        let Some(owners) = Self::constructor_owners().get(name) else {
            return false;
        };
        // A free function's module (`future` of `future::abortable`) need not be written
        // before it: a lowercase owner takes any.
        owner.is_none()
            || owners
                .iter()
                .any(|o| Some(*o) == owner || o.chars().next().is_some_and(char::is_lowercase))
    }

    /// The catalog's constructors by their last segment, with the segment before it.
    fn constructor_owners() -> &'static HashMap<&'static str, Vec<&'static str>> {
        static TABLE: OnceLock<HashMap<&'static str, Vec<&'static str>>> = OnceLock::new();
        TABLE.get_or_init(|| {
            let mut table: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
            for c in ALL
                .iter()
                .flat_map(|e| e.resources)
                .flat_map(|r| r.constructors)
            {
                let mut parts = c.path.rsplit("::");
                let name = parts.next().unwrap_or_default();
                let owner = parts.next().unwrap_or_default();
                table.entry(name).or_default().push(owner);
            }
            table
        })
    }

    /// Whether a method name creates some resource or runs a builder to completion (a
    /// cheap filter before analysis).
    pub fn is_create_method(method: &str) -> bool {
        static NAMES: OnceLock<HashSet<&'static str>> = OnceLock::new();
        NAMES
            .get_or_init(|| {
                let creates = ALL.iter().flat_map(|e| e.resources).map(|r| r.create);
                let completions = ALL
                    .iter()
                    .flat_map(|e| e.builders)
                    .flat_map(|b| b.completions)
                    .map(|c| c.method);
                creates.chain(completions).collect()
            })
            .contains(method)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_the_catalog_mentions_is_a_known_type() {
        let known = |p: &str| Catalog::known_type(p).is_some();
        let outputs = |o: &Output| match o {
            Output::Type(t) => vec![*t],
            Output::Tuple(ts) => ts.iter().flatten().copied().collect(),
        };
        for e in ALL {
            for f in e.functions {
                for t in outputs(&f.output) {
                    assert!(known(t), "{}: unknown output type {t}", f.path);
                }
            }
            for m in e.methods {
                assert!(
                    known(m.receiver) || EXTENSION_TRAITS.contains(&m.receiver),
                    "{}: unknown receiver",
                    m.name
                );
                for t in outputs(&m.output) {
                    assert!(known(t), "{}: unknown output type {t}", m.name);
                }
            }
            for g in e.guards {
                assert!(known(g.ty), "guard {} is not a known type", g.ty);
            }
        }
    }
}
