//! The abstract interpreter: evaluates one body's statements and expressions over the
//! abstract state, following values through bindings, moves, borrows, branches, loops,
//! jumps and the closures that spawners run.
//!
//! One concern a module: `values` (objects, owners, settling and losing), `stmt` (blocks,
//! statements, scopes, assignment), `pattern` (binding what a pattern destructures),
//! `expr`, `call` and `method` (expressions, calls of paths, method calls), `control`
//! (`if`, `match`, `?`, `return`), `loops` (loops, labelled blocks, `break`/`continue`),
//! `concurrency` (spawned and detached closures, `select!`, `join!`, `.await`), `mac`
//! (macro invocations, and the file's own `macro_rules!` expanded in place) and `guard`
//! (guards whose closure runs where they are dropped, `defer!`).

mod call;
mod concurrency;
mod control;
mod expr;
mod guard;
mod held;
mod loops;
mod mac;
mod method;
mod object;
mod pattern;
mod probe;
mod stmt;
mod values;

use std::collections::{HashMap, HashSet};

pub(super) use self::held::{HeldField, Holding, drop_body, terminable_fields};
pub(super) use self::probe::probe;
use std::ops::Range;
use std::rc::Rc;

use syn::Block;

use self::guard::PendingGuard;
use self::loops::LoopTarget;
use super::summaries::Summaries;
use super::track::{ObjectId, Scope, State, Val};
use super::{Event, Exit, Fate, Flow, Loss, Story};
use crate::catalog::{Blocking, Catalog, Part, Resource};
use crate::config::UserResource;
use crate::syntax::imports::Resolver;
use crate::syntax::macro_rules::{FileMacros, MacroRules};
use crate::syntax::types::{StructFields, type_of};

/// What is known of one tracked value across the paths of its body.
pub(super) struct Object {
    resource: &'static Resource,
    created: Range<usize>,
    config: u32,
    losses: Vec<Loss>,
    seen: HashSet<(usize, Exit)>,
    /// Settled on some path (discharged or handed off).
    settled: bool,
    discharged: bool,
    /// Handed off on some path (moved, given to code we do not see into).
    handed: bool,
    part_of: Option<(ObjectId, &'static Part)>,
    taken_at: Option<Range<usize>>,
    written: bool,
    /// `kill()` was called on it, first here.
    terminated: Option<Range<usize>>,
    /// Held in a field of the struct whose `drop` is being followed.
    held: Option<super::Held>,
    parent: Option<ObjectId>,
    companion_used: bool,
}

impl Object {
    /// A value created at `created`, met on no path yet.
    fn new(resource: &'static Resource, created: Range<usize>, config: u32) -> Object {
        Object {
            resource,
            created,
            config,
            losses: Vec::new(),
            seen: HashSet::new(),
            settled: false,
            discharged: false,
            handed: false,
            part_of: None,
            taken_at: None,
            written: false,
            terminated: None,
            held: None,
            parent: None,
            companion_used: false,
        }
    }
}

/// A function, or a closure or async block run by a spawner, whose `return` and `?`
/// end here.
struct Frame {
    scope_base: usize,
    loop_base: usize,
    temps_base: usize,
    returns: State,
}

struct Interp<'a, 'o> {
    resolver: Resolver<'a>,
    user: &'a [UserResource],
    /// Field types of the file's structs and enum variants.
    fields: &'a StructFields,
    summaries: &'o Summaries,
    /// Variables by name, innermost last: lookups stay constant-time in long bodies.
    names: HashMap<String, Vec<(usize, usize)>>,
    /// The variables that own each value.
    owners: HashMap<ObjectId, Vec<(usize, usize)>>,
    /// The part objects of each value, by field.
    parts: HashMap<(ObjectId, &'static str), ObjectId>,
    /// The values made from each value (`child_token()`).
    children: HashMap<ObjectId, Vec<ObjectId>>,
    /// What the bodies of the file met so far.
    out: &'o mut Recorded,
    /// The thread or task the code being evaluated runs on.
    thread: usize,
    /// Where that thread's own scopes and statements start: what is owned below is held
    /// by the code that spawned it.
    thread_base: (usize, usize),
    /// The method call being evaluated is awaited (or polled by `select!`/`join!`): a
    /// future it returns blocks here.
    awaited: bool,
    scopes: Vec<Scope>,
    frames: Vec<Frame>,
    loops: Vec<LoopTarget>,
    /// Per statement being evaluated: values created or moved out during it that no
    /// variable owns yet. Whatever is still unowned at the statement's end is dropped.
    temps: Vec<Vec<ObjectId>>,
    state: State,
    /// The `macro_rules!` of the file, outside bodies.
    macros: &'a FileMacros,
    /// The `macro_rules!` defined in the blocks being evaluated, innermost last.
    local_macros: Vec<(String, Rc<MacroRules>)>,
    /// The macros of the file being expanded in place, innermost last: an exit inside
    /// one is the macro's.
    expanding: Vec<String>,
    /// Guards made by the statements being evaluated, not yet held by a variable.
    pending_guards: Vec<PendingGuard>,
    /// How deep the expression being evaluated is nested.
    depth: usize,
    /// Loop-body rounds evaluated so far in this body.
    rounds: usize,
    /// The body was too deep or its loops too many to follow exactly: what it found is
    /// dropped (quiet, never a guess).
    approximate: bool,
}

/// How deeply expressions may nest before a body is not followed: each level of closures,
/// macros and long chains costs a walk of what is inside it, so deeper bodies would cost
/// time quadratic in their depth. Real code stays far below.
const MAX_DEPTH: usize = 200;

/// Whether an expression's value is moved (`let x = e`, an argument) or only looked at
/// (`e.method()` receivers, `&e`, format arguments).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Move,
    Borrow,
}

impl Interp<'_, '_> {
    fn new<'a, 'o>(
        resolver: Resolver<'a>,
        facts: FileFacts<'a>,
        summaries: &'o Summaries,
        out: &'o mut Recorded,
    ) -> Interp<'a, 'o> {
        let FileFacts {
            user,
            fields,
            macros,
        } = facts;
        Interp {
            resolver,
            user,
            fields,
            summaries,
            names: HashMap::new(),
            owners: HashMap::new(),
            parts: HashMap::new(),
            children: HashMap::new(),
            out,
            thread: 0,
            thread_base: (0, 0),
            awaited: false,
            scopes: Vec::new(),
            frames: Vec::new(),
            loops: Vec::new(),
            temps: Vec::new(),
            state: State::reachable(),
            macros,
            local_macros: Vec::new(),
            expanding: Vec::new(),
            pending_guards: Vec::new(),
            depth: 0,
            rounds: 0,
            approximate: false,
        }
    }

    /// Interprets a body; `probes`: values bound to some of its parameters (by input
    /// position) instead of what their types say. Returns the state where the body ends,
    /// by falling off its end or by `return` and `?`.
    fn run(&mut self, sig: &syn::Signature, block: &Block, probes: &[(usize, Val)]) -> State {
        self.run_with(sig, block, probes, &[], false)
    }

    /// `run`, with `places` (`self.child`) declared in the body's outermost scope, owning
    /// what they hold if `own` (in `drop`, the struct goes away at the end of the body).
    fn run_with(
        &mut self,
        sig: &syn::Signature,
        block: &Block,
        probes: &[(usize, Val)],
        places: &[(String, Val)],
        own: bool,
    ) -> State {
        self.frames.push(Frame {
            scope_base: 0,
            loop_base: 0,
            temps_base: 0,
            returns: State::unreachable(),
        });
        self.temps.push(Vec::new());
        self.scopes.push(Scope::default());
        for (name, val) in places {
            if own {
                self.declare(name.clone(), val.clone());
            } else {
                self.declare_in(0, name.clone(), val.clone());
            }
        }
        for (i, input) in sig.inputs.iter().enumerate() {
            if let Some((_, probe)) = probes.iter().find(|(at, _)| *at == i)
                && let syn::FnArg::Typed(t) = input
            {
                self.bind_pattern(&t.pat, probe.clone());
                continue;
            }
            if let syn::FnArg::Typed(t) = input {
                // A builder parameter (`cmd: &mut Command`) creates what it builds.
                let value = type_of(&t.ty, &self.resolver)
                    .and_then(|ty| Catalog::builder(ty.path()?))
                    .map_or(Val::Untracked, |builder| Val::Builder {
                        builder,
                        config: 0,
                    });
                self.bind_pattern(&t.pat, value);
            }
        }
        let value = self.block(block);
        // The body's value is returned: handed to the caller.
        for id in value.objects() {
            self.settle(id, false);
        }
        let close = block.brace_token.span.close().byte_range();
        self.end_scope(close.clone());
        self.drop_temps(close);
        let mut exit = std::mem::replace(&mut self.state, State::unreachable());
        if let Some(frame) = self.frames.pop() {
            exit.join(&frame.returns);
        }
        exit
    }
}

/// Interprets one body (a function's, a method's, a default trait method's) with the name
/// resolution in force around it, adding what it meets to `out`.
pub(super) fn body(
    resolver: Resolver<'_>,
    facts: FileFacts<'_>,
    summaries: &Summaries,
    out: &mut Recorded,
    sig: &syn::Signature,
    block: &Block,
) {
    let (objects, events) = (out.objects.len(), out.events.len());
    let mut interp = Interp::new(resolver, facts, summaries, out);
    interp.run(sig, block, &[]);
    if interp.approximate {
        out.forget_since(objects, events);
    }
}

/// What is known of the file around its bodies.
#[derive(Clone, Copy)]
pub(in crate::flow) struct FileFacts<'f> {
    /// Resources declared in settings.
    pub(in crate::flow) user: &'f [UserResource],
    /// Field types of the file's structs and enum variants.
    pub(in crate::flow) fields: &'f StructFields,
    /// The file's `macro_rules!`, outside bodies.
    pub(in crate::flow) macros: &'f FileMacros,
}

/// What the bodies of one file met: the tracked values and the blocking calls. Shared
/// by the bodies so that ids and thread numbers are unique in the file.
#[derive(Default)]
pub(super) struct Recorded {
    events: Vec<Event>,
    seen_events: HashSet<(usize, Blocking, Option<usize>)>,
    /// Thread ids handed out so far (closures given to spawners).
    threads: usize,
    /// The parts (pipes) each thread read or wrote, its joined threads' included: a `?`
    /// on what joining it gave is a failure of their I/O.
    thread_io: HashMap<usize, Vec<ObjectId>>,
    objects: Vec<Object>,
    /// Creation sites already seen, so a loop creating a value again reuses its id.
    sites: HashMap<usize, ObjectId>,
    /// The settings of the builders struct literals put in fields (`Runner { cmd }`), by
    /// `owner::field`: those every literal met agrees on.
    pub(super) field_configs: HashMap<String, u32>,
}

impl Recorded {
    /// Drops what a body found from `objects` and `events` on: its values are settled,
    /// its blocking calls forgotten.
    fn forget_since(&mut self, objects: usize, events: usize) {
        let from = objects.min(self.objects.len());
        for o in &mut self.objects[from..] {
            o.losses.clear();
            o.seen.clear();
        }
        let from = events.min(self.events.len());
        for e in self.events.drain(from..) {
            self.seen_events
                .remove(&(e.span.start, e.blocking, e.joins));
        }
    }

    /// Each value's story: its fate over every path, with the loss to report.
    pub(super) fn into_flow(self) -> Flow {
        let stories = self
            .objects
            .into_iter()
            .map(|o| {
                let witness = o
                    .losses
                    .iter()
                    .filter(|l| l.exit.is_early())
                    .min_by_key(|l| l.span.start)
                    .or_else(|| o.losses.iter().min_by_key(|l| l.span.start))
                    .cloned();
                Story {
                    resource: o.resource,
                    created: o.created,
                    config: o.config,
                    fate: match witness {
                        None => Fate::Settled,
                        Some(witness) => Fate::Lost {
                            always: !o.settled,
                            witness,
                        },
                    },
                    losses: o.losses,
                    discharged_somewhere: o.discharged,
                    settled_somewhere: o.settled,
                    part_of: o.part_of,
                    taken_at: o.taken_at,
                    written: o.written,
                    parent: o.parent,
                    companion_used: o.companion_used,
                    held: o.held,
                    terminated_at: o.terminated,
                }
            })
            .collect();
        let mut flow = Flow::new(stories, self.events);
        flow.field_configs = self.field_configs;
        flow
    }
}
