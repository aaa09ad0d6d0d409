//! The flow engine: follows every value the catalog tracks through its function and
//! decides its fate on every path.
//!
//! It interprets each body's syntax tree directly, as a structured abstract interpreter:
//! Rust has no `goto`, so every jump (`break`/`continue` with or without labels, `return`,
//! `?`, diverging calls) targets an enclosing construct, and carrying the state to that
//! construct is all a control-flow graph would give us. Loops are iterated to a fixpoint;
//! each value's state is a set of possibilities (live, settled, absent, lost), so a value
//! lost on some paths and settled on others is told apart from one lost on all of them,
//! and the loss is reported with the exit that caused it (the `?`, `return`, `break`,
//! the end of a scope).
//!
//! The engine knows no library: what creates, settles or hands off a value is catalog data.

mod bodies;
mod effects;
mod index;
mod interp;
mod stored;
mod summaries;
mod track;

use std::ops::Range;

pub use index::{CrateIndex, FileIndex, index_file, index_of_analysis, index_reexports};
pub use stored::{HeldPipe, StoredField};
pub use track::ObjectId;

use crate::catalog::{Blocking, Part, Resource};
use crate::config::UserResource;
use crate::syntax::imports::FileImports;
use crate::syntax::types::StructFields;

/// How a path loses a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Exit {
    /// `return`.
    Return,
    /// The error path of a `?`.
    Try,
    /// `break` out of a loop the value lives in.
    Break,
    /// `continue` to the next iteration, dropping the value.
    Continue,
    /// The end of the scope that owns the value.
    EndOfScope,
    /// `drop(value)`.
    Dropped,
    /// The variable holding it is assigned a new value.
    Overwritten,
    /// Never bound: dropped at the end of the statement that created it
    /// (`let _ = ...`, `spawn()?;`).
    Discarded,
    /// A macro that returns early: `bail!(..)`, a failed `ensure!(..)`, or a `return` or
    /// `?` in the expansion of a `macro_rules!` of the file. Its span is the invocation.
    Macro,
    /// A guard's closure, run where the guard is dropped, left the value it was given
    /// unsettled (`scopeguard::guard(child, |mut c| { c.kill().ok(); })`). Its span names
    /// the guard.
    Guard,
}

impl Exit {
    /// How a message names it: "the `?`", "the end of its scope".
    pub fn name(self) -> &'static str {
        match self {
            Exit::Return => "the `return`",
            Exit::Try => "the `?`",
            Exit::Break => "the `break`",
            Exit::Continue => "the `continue`",
            Exit::EndOfScope => "the end of its scope",
            Exit::Dropped => "the `drop`",
            Exit::Overwritten => "the assignment",
            Exit::Discarded => "the end of the statement",
            Exit::Macro => "the macro",
            Exit::Guard => "the guard's closure",
        }
    }

    /// Whether this is a jump that leaves early, rather than the normal end.
    pub fn is_early(self) -> bool {
        matches!(
            self,
            Exit::Return | Exit::Try | Exit::Break | Exit::Continue | Exit::Macro
        )
    }
}

/// Where and how a value was lost on one path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loss {
    pub span: Range<usize>,
    pub exit: Exit,
    /// The thread or task the path runs on (0: the function itself), as for events.
    pub thread: usize,
    /// Something waited on the value along this path before it was lost.
    pub waited: bool,
    /// Where paths to here wrote to it (the offsets of the writing methods' names), in
    /// source order: what is lost with it.
    pub writes: Vec<usize>,
}

impl Loss {
    /// "the `?` at line 12", "the `bail!` at line 12", for messages that name the path
    /// that loses a value.
    pub fn describe(&self, source: &crate::source::SourceFile) -> String {
        let what = match self.macro_name(source) {
            Some(name) => format!("the `{name}!`"),
            None => self.exit.name().to_string(),
        };
        format!("{what} at line {}", source.position(self.span.start).line)
    }

    /// The macro a `Macro` exit goes through, as written (`anyhow::bail`).
    pub fn macro_name<'s>(&self, source: &'s crate::source::SourceFile) -> Option<&'s str> {
        if self.exit != Exit::Macro {
            return None;
        }
        let text = source.text.get(self.span.clone())?;
        let name = text.split('!').next()?.trim();
        (!name.is_empty() && name.len() < text.len()).then_some(name)
    }
}

/// What happened to a value over all the paths of its function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fate {
    /// Settled (discharged or handed off) on every path.
    Settled,
    /// Lost on some path. `always`: no path ever settles it. `witness`: the loss to
    /// report, the earliest early exit when there is one.
    Lost { always: bool, witness: Loss },
}

/// A call that blocks on a value's end, with what was open at that point.
#[derive(Debug, Clone)]
pub struct Event {
    pub blocking: Blocking,
    /// The value blocked on: the child for a wait, the pipe for a read to its end. `None`
    /// for a builder's completion (`Command::status()`).
    pub object: Option<ObjectId>,
    /// The builder's configuration, for a completion.
    pub config: u32,
    pub span: Range<usize>,
    /// The thread or task it runs on: 0 for the function itself, another number for each
    /// closure or async block given to a spawner.
    pub thread: usize,
    /// The values that may be live (open, unsettled) when it blocks.
    pub live: Vec<ObjectId>,
    /// Whether the value blocked on was already terminated (`kill()`) on some path.
    pub after_terminate: bool,
    /// How many values existed then: a part with a higher id was still untouched in its
    /// owner's field (a pipe still open in the child).
    pub known: usize,
    /// Of `live`, the values that another thread holds (a spawned thread blocks while the
    /// code that spawned it keeps a pipe open): whether that is a hang depends on where
    /// the thread is joined.
    pub elsewhere: Vec<ObjectId>,
    /// The parts (pipes) read or written on some path to here.
    pub used: Vec<ObjectId>,
    /// For a `Join`: the thread or task joined.
    pub joins: Option<usize>,
}

impl Event {
    /// Whether `id` may be open here: live, or not yet taken out of its owner.
    pub fn open(&self, id: ObjectId) -> bool {
        id >= self.known || self.live.contains(&id)
    }
}

/// One tracked value and its fate.
#[derive(Debug, Clone)]
pub struct Story {
    pub resource: &'static Resource,
    /// The expression that creates it (the `spawn()` call and its receiver).
    pub created: Range<usize>,
    /// Configuration flags from the builder (`Stdio::piped()` on stdout, ...).
    pub config: u32,
    pub fate: Fate,
    /// Every place a path lost it, in the order met.
    pub losses: Vec<Loss>,
    /// Whether anything ever settled it on a path: by a discharge method, or by handing
    /// it off (for messages: "never waited" vs "not waited on all paths").
    pub discharged_somewhere: bool,
    /// Settled on some path: discharged, or handed off to code that may settle it.
    pub settled_somewhere: bool,
    /// For a value held in a field of another (a child's pipe): that value and the field.
    pub part_of: Option<(ObjectId, &'static Part)>,
    /// Where it was taken out of its field (`child.stdin.take()`), if it was.
    pub taken_at: Option<Range<usize>>,
    /// Written to, on some path.
    pub written: bool,
    /// The value it was made from (`parent.child_token()`): settling that settles this.
    pub parent: Option<ObjectId>,
    /// The value created alongside it (a connection's client) was used.
    pub companion_used: bool,
    /// For a value a struct holds in a field, followed through the struct's `drop`: the
    /// struct and the field. It is at stake only once `drop` terminates it (`kill()`).
    pub held: Option<Held>,
    /// Where it was first terminated (`kill()`), if it was.
    pub terminated_at: Option<Range<usize>>,
}

/// A field of a struct holding a tracked value (`Server.child`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    /// The struct, as written in its `impl` (`Server`).
    pub owner: String,
    /// The field (`child`, or `0` for a tuple struct's).
    pub field: String,
}

/// The stories of every tracked value of one file.
#[derive(Debug, Default)]
pub struct Flow {
    /// What the file's functions do, as the crate index keeps it.
    pub(crate) summaries: Option<summaries::Summaries>,
    /// The settings of the builders the file's struct literals store, by `owner::field`.
    pub(crate) field_configs: std::collections::HashMap<String, u32>,
    /// Indexed by `ObjectId`.
    pub stories: Vec<Story>,
    /// In the order the analysis met them.
    pub events: Vec<Event>,
    /// The private fields of the file's structs that store a tracked value nothing settles.
    pub stored: Vec<StoredField>,
    /// The pipes the file's structs hold in a field while a method waits for their child.
    pub held_pipes: Vec<HeldPipe>,
    /// The part of each value held in each field (`child.stdout`), by value and field.
    parts: std::collections::HashMap<(ObjectId, &'static str), ObjectId>,
}

impl Flow {
    /// The part of `parent` held in `field`, if the analysis met it.
    pub fn part(&self, parent: ObjectId, field: &str) -> Option<ObjectId> {
        self.parts.get(&(parent, field)).copied()
    }

    /// The joins (indices into `events`) where what blocks `thread` blocks another thread:
    /// the joins of `thread`, then the joins of the threads that joined it, and so on.
    /// A thread whose handle is never joined where we can see it has none.
    pub fn joins_of(&self, thread: usize) -> Vec<usize> {
        let mut found: Vec<usize> = Vec::new();
        let mut threads = vec![thread];
        while let Some(t) = threads.pop() {
            for (i, e) in self.events.iter().enumerate() {
                if e.joins == Some(t) && e.thread != t && !found.contains(&i) {
                    found.push(i);
                    threads.push(e.thread);
                }
            }
        }
        found
    }

    pub fn new(stories: Vec<Story>, events: Vec<Event>) -> Self {
        let parts = stories
            .iter()
            .enumerate()
            .filter_map(|(id, s)| s.part_of.map(|(parent, part)| ((parent, part.field), id)))
            .collect();
        Flow {
            summaries: None,
            field_configs: std::collections::HashMap::new(),
            stories,
            events,
            stored: Vec::new(),
            held_pipes: Vec::new(),
            parts,
        }
    }
}

/// Runs the engine over every body of a file; `index`: its crate's, when known.
pub fn analyse(
    file: &syn::File,
    imports: &FileImports,
    fields: &StructFields,
    user: &[UserResource],
    index: Option<&CrateIndex>,
) -> Flow {
    let crate_wide = index.map(|i| std::sync::Arc::clone(&i.summaries));
    let mut flow = bodies::analyse_file(file, imports, fields, user, crate_wide);
    let stored = stored::stored_fields(file, imports);
    (flow.stored, flow.held_pipes) = (stored.fields, stored.pipes);
    flow
}
