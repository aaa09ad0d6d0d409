//! The abstract state: what each tracked value may be at a program point.

use std::collections::BTreeSet;
use std::ops::Range;
use std::rc::Rc;

use syn::punctuated::Punctuated;
use syn::{Expr, Pat, Token};

/// Index of a tracked value in the analysis of one file.
pub type ObjectId = usize;

/// What a value may be at a program point, as a bit set. Only "may still be live" is
/// kept in the state; the other bits name why it is not (for readability of the
/// interpreter): settled, never created on this path, or already lost and recorded.
pub type Bits = u8;
/// Created and not yet settled: losing it now is a finding.
pub const LIVE: Bits = 1;
/// Discharged or handed off.
pub const SETTLED: Bits = 2;
/// Never created on this path (the `Err` arm of the `Result` that would hold it).
pub const ABSENT: Bits = 4;
/// Already lost (and recorded) on this path.
pub const GONE: Bits = 8;

/// The state at a program point: the values that may still be live there, or `None`
/// where no path reaches (after `return`, `panic!`); the values something may wait on
/// along the way there; the parts (pipes) some path there may have read or written; and
/// the deferred code (guards' closures) that may still run at the end of its scope; and
/// what some path there did to a value that is written to (a transaction): where it
/// wrote, and whether it closed it first. Sparse sets, so that branching in a long
/// function costs what is live, not what was ever created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State(
    pub Option<BTreeSet<ObjectId>>,
    pub BTreeSet<ObjectId>,
    pub BTreeSet<ObjectId>,
    pub BTreeSet<DeferredId>,
    pub BTreeSet<(ObjectId, Mark)>,
);

/// What a path did to a value that writes put at risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    /// Closed before (rusqlite's `set_drop_behavior(DropBehavior::Commit)`): what is
    /// written after it is not at risk.
    Closed,
    /// Written to by the call that starts at this offset.
    Written(usize),
}

impl State {
    pub fn reachable() -> Self {
        State(
            Some(BTreeSet::new()),
            BTreeSet::new(),
            BTreeSet::new(),
            BTreeSet::new(),
            BTreeSet::new(),
        )
    }

    pub fn unreachable() -> Self {
        State(
            None,
            BTreeSet::new(),
            BTreeSet::new(),
            BTreeSet::new(),
            BTreeSet::new(),
        )
    }

    /// Deferred code registered on this path: it runs where its scope ends.
    pub fn arm(&mut self, id: DeferredId) {
        if self.0.is_some() {
            self.3.insert(id);
        }
    }

    /// Defused (`ScopeGuard::into_inner`) or already run on this path.
    pub fn disarm(&mut self, id: DeferredId) {
        self.3.remove(&id);
    }

    /// Whether the deferred code may still run on this path.
    pub fn armed(&self, id: DeferredId) -> bool {
        self.3.contains(&id)
    }

    pub fn is_reachable(&self) -> bool {
        self.0.is_some()
    }

    pub fn get(&self, id: ObjectId) -> Bits {
        match &self.0 {
            Some(live) if live.contains(&id) => LIVE,
            _ => 0,
        }
    }

    pub fn set(&mut self, id: ObjectId, bits: Bits) {
        if let Some(live) = &mut self.0 {
            if bits & LIVE != 0 {
                live.insert(id);
            } else {
                live.remove(&id);
            }
        }
    }

    /// The values that may be live here.
    pub fn live(&self) -> impl Iterator<Item = ObjectId> + '_ {
        self.0.iter().flatten().copied()
    }

    /// Records that something waits on `id` along this path (a task awaiting a token).
    pub fn mark_waited(&mut self, id: ObjectId) {
        if self.0.is_some() {
            self.1.insert(id);
        }
    }

    /// Settled: nothing waits on it any more along this path.
    pub fn unwait(&mut self, id: ObjectId) {
        self.1.remove(&id);
    }

    /// Whether something may wait on `id` along this path.
    pub fn waited(&self, id: ObjectId) -> bool {
        self.1.contains(&id)
    }

    /// Records that this path reads or writes `id` (a pipe) here.
    pub fn mark_used(&mut self, id: ObjectId) {
        if self.0.is_some() {
            self.2.insert(id);
        }
    }

    /// The values some path to here read or wrote.
    pub fn used(&self) -> impl Iterator<Item = ObjectId> + '_ {
        self.2.iter().copied()
    }

    /// Records a write to `id` by the call at `at` on this path.
    pub fn mark_written(&mut self, id: ObjectId, at: usize) {
        if self.0.is_some() {
            self.4.insert((id, Mark::Written(at)));
        }
    }

    /// Records that this path closed `id`: writes after this put nothing at risk.
    pub fn mark_closed(&mut self, id: ObjectId) {
        if self.0.is_some() {
            self.4.insert((id, Mark::Closed));
        }
    }

    /// Whether some path to here closed `id` (quiet where only some did).
    pub fn closed(&self, id: ObjectId) -> bool {
        self.4.contains(&(id, Mark::Closed))
    }

    /// Where paths to here wrote to `id`, in source order.
    pub fn writes(&self, id: ObjectId) -> Vec<usize> {
        self.4
            .range((id, Mark::Closed)..=(id, Mark::Written(usize::MAX)))
            .filter_map(|(_, m)| match m {
                Mark::Written(at) => Some(*at),
                Mark::Closed => None,
            })
            .collect()
    }

    /// The union of two states: everything possible on either path.
    pub fn join(&mut self, other: &State) {
        if other.0.is_some() {
            self.1.extend(other.1.iter().copied());
            self.2.extend(other.2.iter().copied());
            self.3.extend(other.3.iter().copied());
            self.4.extend(other.4.iter().copied());
        }
        match (&mut self.0, &other.0) {
            (_, None) => {}
            (None, Some(o)) => self.0 = Some(o.clone()),
            (Some(a), Some(b)) => a.extend(b.iter().copied()),
        }
    }
}

/// What an expression evaluates to, as far as tracking goes.
#[derive(Debug, Clone)]
pub enum Val {
    Untracked,
    /// The tracked value itself. `owned`: this is the value (a temporary or a move), not
    /// a borrow of it.
    Obj {
        id: ObjectId,
        owned: bool,
    },
    /// A `Result`/`Option` that holds the value when it succeeded.
    Wrapped(ObjectId),
    /// A field holding a part of a value, in place (`child.stdout`: an `Option` of it).
    Field(ObjectId),
    /// Data read from a value (the lines of a pipe): a `?` on it is a failure of the
    /// value's own I/O.
    Derived(ObjectId),
    /// The result of polling the value (`try_wait()`): it was settled where this is seen
    /// to hold `Some`.
    Polled(ObjectId),
    /// The `Option` a poll gave, its `Result` taken off (by `?`, `unwrap`, `expect`):
    /// unwrapping it too says it held `Some` (it panics otherwise), so the value is done.
    Status(ObjectId),
    /// A tuple holding tracked values (`AbortHandle::new_pair()`).
    Tuple(Vec<Val>),
    /// The handle of a spawned thread or task (the number the events on it carry):
    /// joining it is where what blocks that thread blocks the joiner.
    Handle(usize),
    /// What joining a thread or task gave (its result): a `?` on it is a failure of the
    /// I/O that thread did.
    Joined(usize),
    /// The value's process id (`child.id()`): whoever is given it may reap the process
    /// through it (`waitpid`), so giving it away hands the value off.
    Pid(ObjectId),
    /// What `select(a, b)` gives (an `Either` of outputs): the values of `a` and `b`
    /// that keep their origin (reads of a stream), the others untracked.
    Selected(Vec<Val>),
    /// A builder with its configuration flags.
    Builder {
        builder: &'static crate::catalog::Builder,
        config: u32,
    },
}

impl Val {
    /// Every tracked value this holds, tuples included.
    pub fn objects(&self) -> Vec<ObjectId> {
        match self {
            Val::Tuple(items) => items.iter().flat_map(Val::objects).collect(),
            Val::Pid(id) => vec![*id],
            other => other.object().into_iter().collect(),
        }
    }

    /// The tracked values this is (or holds, for a tuple) by value, not as a borrow: what
    /// moves with it out of a block or an arm.
    pub fn owned(&self) -> Vec<ObjectId> {
        match self {
            Val::Obj { id, owned: true } | Val::Wrapped(id) => vec![*id],
            Val::Tuple(items) => items.iter().flat_map(Val::owned).collect(),
            _ => Vec::new(),
        }
    }

    /// The tracked value this evaluates to or holds, if any.
    pub fn object(&self) -> Option<ObjectId> {
        match self {
            Val::Obj { id, .. } | Val::Wrapped(id) => Some(*id),
            _ => None,
        }
    }
}

/// A variable in scope.
#[derive(Debug, Clone)]
pub struct Var {
    pub name: String,
    pub val: Val,
    /// Values this variable owns: dropping the variable drops them. A variable owns its
    /// own value, and a local collection owns what was pushed into it.
    pub owns: Vec<ObjectId>,
    /// A collection that took values: any use other than adding to it hands them off.
    pub is_container: bool,
    /// A local collection (`Vec::new()`, `vec![]`, ...), which may take ownership of the
    /// values pushed into it.
    pub is_collection: bool,
}

/// One lexical scope of a body.
#[derive(Debug, Default, Clone)]
pub struct Scope {
    pub vars: Vec<Var>,
    /// Code that runs when one of its variables is dropped (a guard's closure), by the
    /// variable's index.
    pub deferred: Vec<Deferred>,
}

/// Numbers the deferred code of a body, for the state's set of what may still run.
pub type DeferredId = usize;

/// Code a scope runs when the variable holding it is dropped: a guard's closure, run on
/// the value the guard owns (`scopeguard::guard(child, |c| ..)`), or a `defer!` body.
#[derive(Debug, Clone)]
pub struct Deferred {
    pub id: DeferredId,
    /// The index of the variable that holds it, in its scope.
    pub var: usize,
    /// The closure's parameters (none for a `defer!` body) and its body.
    pub inputs: Rc<Punctuated<Pat, Token![,]>>,
    pub body: Rc<Expr>,
    /// What the closure's first parameter receives.
    pub value: Val,
    /// Where the guard is made.
    pub span: Range<usize>,
    /// What names it in messages (`scopeguard::guard`, `defer`).
    pub named: Range<usize>,
}
