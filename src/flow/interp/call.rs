//! Calls of paths (`f(..)`, `Type::new(..)`): constructors of tracked values, functions
//! of the file whose summaries say what they do, and the catalog's spawners, wrappers,
//! splitters, diverging calls and `drop`. Any other callee is a function we do not see
//! into: what it is given by value or `&mut` is handed off.

use std::ops::Range;

use syn::Expr;

use super::{Interp, Mode};
use crate::catalog::{
    Blocking, Catalog, Constructor, DIVERGING, EXECUTORS, READ_TO_EOF_FUNCTIONS, Resource,
    SELECT_FUNCTIONS, SPLITTERS, WRAPPERS, prelude,
};
use crate::flow::Exit;
use crate::flow::effects::ParamEffects;
use crate::flow::summaries::{Creator, Made, ParamUse};
use crate::flow::track::{ObjectId, State, Val};
use crate::syntax::imports::Resolved;
use crate::syntax::span;

impl Interp<'_, '_> {
    pub(super) fn call(&mut self, c: &syn::ExprCall) -> Val {
        if let Expr::Path(p) = &*c.func
            && p.qself.is_none()
        {
            let resolved = self.resolver.resolve(&p.path);
            // Guards whose closure runs where they are dropped (see `guard`).
            if let Some(v) = self.guard_call(c, &resolved) {
                return v;
            }
            if let Some(v) = self.construct(c, &resolved) {
                return v;
            }
            if let Some(v) = self.call_known(c, &resolved) {
                return v;
            }
            if let Some(v) = self.method_by_path(c) {
                return v;
            }
        }
        let last = match &*c.func {
            Expr::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
            _ => None,
        };
        // `Ok(x)`, `Some(x)`: the value travels inside.
        if last
            .as_deref()
            .is_some_and(|l| prelude::PRESENT.contains(&l))
            && c.args.len() == 1
        {
            let v = self.eval(&c.args[0], Mode::Move);
            return match v {
                Val::Obj { id, owned: true } => Val::Wrapped(id),
                other => other,
            };
        }
        if !matches!(&*c.func, Expr::Path(_)) {
            self.eval(&c.func, Mode::Borrow);
        }
        for a in &c.args {
            self.argument(a);
        }
        Val::Untracked
    }

    /// A call that creates a tracked value: a constructor declared in settings, one of
    /// the catalog's, or a function of this file that returns one.
    fn construct(&mut self, c: &syn::ExprCall, r: &Resolved) -> Option<Val> {
        if let Some(u) = self
            .user
            .iter()
            .find(|u| r.0.iter().any(|c| u.constructs(c)))
        {
            for a in &c.args {
                self.argument(a);
            }
            let id = self.create(u.resource, span::call(c), 0);
            return Some(Val::Obj { id, owned: true });
        }
        if let Some((resource, ctor)) = r.0.iter().find_map(|c| Catalog::constructed_by(c)) {
            // `BufWriter::new(tls)`: a wrapper of a tracked stream is followed as the
            // stream, which its `shutdown()` shuts down; of anything else, it is a value
            // of its own.
            if let Some(wrapped) = self.wrapping(c, r) {
                return Some(wrapped);
            }
            let id = self.create(resource, span::call(c), 0);
            return Some(constructed(id, resource, ctor));
        }
        if let Some(params) = r.0.iter().find_map(|c| self.summaries.waiter(c)) {
            let params = params.clone();
            self.call_waiter(c, &params);
            return Some(Val::Untracked);
        }
        let effects =
            r.0.iter()
                .find_map(|c| self.summaries.effects_of(c))
                .cloned();
        let creator = r.0.iter().find_map(|c| self.summaries.creator(c)).cloned();
        if effects.is_none() && creator.is_none() {
            return None;
        }
        let span = span::call(c);
        self.pass_arguments(&c.args, effects.as_ref(), true, span.clone());
        Some(match creator {
            Some(creator) => self.made(&creator, span),
            None => Val::Untracked,
        })
    }

    /// What a call of a creator of this file gives: the value it creates, inside a
    /// `Result` when it can fail, or a builder, or a tuple holding one.
    pub(super) fn made(&mut self, creator: &Creator, span: Range<usize>) -> Val {
        self.made_value(&creator.made, creator.fallible, span)
    }

    fn made_value(&mut self, made: &Made, fallible: bool, span: Range<usize>) -> Val {
        match made {
            Made::Resource(resource) => {
                let id = self.create(resource, span, 0);
                if fallible {
                    Val::Wrapped(id)
                } else {
                    Val::Obj { id, owned: true }
                }
            }
            Made::Builder(builder) => Val::Builder { builder, config: 0 },
            Made::Tuple(items) => Val::Tuple(
                items
                    .iter()
                    .map(|m| match m {
                        Some(m) => self.made_value(m, false, span.clone()),
                        None => Val::Untracked,
                    })
                    .collect(),
            ),
        }
    }

    /// A function of this file whose summary says which parameters it only waits on or
    /// looks at: those arguments are followed, the others handed off.
    fn call_waiter(&mut self, c: &syn::ExprCall, params: &[ParamUse]) {
        for (i, a) in c.args.iter().enumerate() {
            let use_ = params.get(i).copied().unwrap_or(ParamUse::Other);
            if use_ != ParamUse::Other {
                let v = self.eval(a, Mode::Borrow);
                if use_ == ParamUse::Waits
                    && let Some(id) = v.object()
                {
                    self.record(Blocking::Cancellation, Some(id), 0, span::expr(a));
                }
            } else {
                self.argument(a);
            }
        }
    }

    /// The catalog's other functions: splitters, wrappers, readers to the end, diverging
    /// calls, `drop`, spawners, `select(a, b)` and builder constructors.
    fn call_known(&mut self, c: &syn::ExprCall, r: &Resolved) -> Option<Val> {
        if let Some(s) = SPLITTERS
            .iter()
            .find(|s| !s.is_method && r.is_any(&[s.name]))
            && let Some(first) = c.args.first()
        {
            if let Val::Obj { id, .. } = self.eval(first, Mode::Move) {
                return Some(split_halves(id, s.carries_on));
            }
            return Some(Val::Untracked);
        }
        if WRAPPERS.iter().any(|w| r.is_any(&[w.path])) {
            return Some(self.wrapping(c, r).unwrap_or(Val::Untracked));
        }
        if r.is_any(READ_TO_EOF_FUNCTIONS) {
            for (i, a) in c.args.iter().enumerate() {
                let v = self.eval(a, Mode::Borrow);
                if i == 0
                    && let Val::Obj { id, .. } = v
                    && self.out.objects[id].part_of.is_some()
                {
                    self.record(Blocking::ReadToEof, Some(id), 0, span::call(c));
                }
            }
            return Some(Val::Untracked);
        }
        if r.is_any(DIVERGING.functions) {
            for a in &c.args {
                self.eval(a, Mode::Borrow);
            }
            self.state = State::unreachable();
            return Some(Val::Untracked);
        }
        if r.is_any(prelude::DROP) && c.args.len() == 1 {
            let v = self.eval(&c.args[0], Mode::Move);
            // Only this path loses it: the variable keeps owning it on the others.
            if let Val::Obj { id, owned: true } | Val::Wrapped(id) = v {
                self.lose(id, span::call(c), Exit::Dropped, true);
            }
            return Some(Val::Untracked);
        }
        if r.is_any(EXECUTORS.functions) {
            let to_end = r.is_any(EXECUTORS.run_to_end);
            return Some(self.run_spawned(c.args.iter(), to_end, span::call(c)));
        }
        if r.is_any(SELECT_FUNCTIONS) && c.args.len() == 2 {
            return Some(self.select_function(c));
        }
        self.builder_constructor(c, r)
    }

    /// A call of a wrapper (`BufReader::new(pipe)`, `Framed::new(tls, codec)`) whose
    /// wrapped argument is a tracked value: that value, which the wrapper is followed as.
    /// Otherwise `None`, with every argument handed off.
    fn wrapping(&mut self, c: &syn::ExprCall, r: &Resolved) -> Option<Val> {
        let w = WRAPPERS.iter().find(|w| r.is_any(&[w.path]));
        let mut wrapped = None;
        for (i, a) in c.args.iter().enumerate() {
            if w.is_some_and(|w| w.argument == i) {
                match self.eval(a, Mode::Move) {
                    v @ Val::Obj { .. } => wrapped = Some(v),
                    v => {
                        for id in v.objects() {
                            self.settle(id, false);
                        }
                    }
                }
            } else {
                self.argument(a);
            }
        }
        wrapped
    }

    /// `select(reads.next(), ticks.next())`: what a read future yields keeps its origin
    /// through the `Either` of outputs (see `bind_pattern`); anything else given to it is
    /// handed off, as to any function.
    fn select_function(&mut self, c: &syn::ExprCall) -> Val {
        let items = c
            .args
            .iter()
            .map(|a| match self.eval(a, Mode::Move) {
                v @ Val::Derived(_) => v,
                v => {
                    for id in v.objects() {
                        self.settle(id, false);
                    }
                    Val::Untracked
                }
            })
            .collect();
        Val::Selected(items)
    }

    /// `Command::new(..)`: a builder, with nothing configured yet.
    fn builder_constructor(&mut self, c: &syn::ExprCall, r: &Resolved) -> Option<Val> {
        for candidate in &r.0 {
            if let Some((ty, ctor)) = candidate.rsplit_once("::")
                && let Some(t) = Catalog::canonical_type(ty)
                && let Some(builder) = Catalog::builder(t.canonical)
                && builder.constructors.contains(&ctor)
            {
                for a in &c.args {
                    self.eval(a, Mode::Borrow);
                }
                return Some(Val::Builder { builder, config: 0 });
            }
        }
        None
    }

    /// `Child::wait(&mut child)`, `Write::write_all(&mut stdin, ..)`: a method of a tracked
    /// value called by its path is that method call.
    fn method_by_path(&mut self, c: &syn::ExprCall) -> Option<Val> {
        let Expr::Path(p) = &*c.func else {
            return None;
        };
        let method = p.path.segments.last()?.ident.clone();
        let first = self.operation_call(c)?;
        let receiver = match first {
            Expr::Reference(r) => (*r.expr).clone(),
            other => other.clone(),
        };
        let call = syn::ExprMethodCall {
            attrs: Vec::new(),
            receiver: Box::new(receiver),
            dot_token: Default::default(),
            method,
            turbofish: None,
            paren_token: c.paren_token,
            args: c.args.iter().skip(1).cloned().collect(),
        };
        Some(self.method_call(&call))
    }

    /// The first argument of a call that is an operation on it: a function that reads it
    /// to its end (`io::copy(&mut stdout, ..)`), or a method its catalog entry knows called
    /// by its path (`Write::write_all(&mut stdin, ..)`).
    pub(super) fn operation_call<'e>(&self, c: &'e syn::ExprCall) -> Option<&'e Expr> {
        let Expr::Path(p) = &*c.func else {
            return None;
        };
        if p.qself.is_some() {
            return None;
        }
        let resolved = self.resolver.resolve(&p.path);
        // A helper of this file whose summary follows what it does to an argument.
        if let Some(params) = resolved.0.iter().find_map(|c| self.summaries.effects_of(c)) {
            return self.summarised_argument(params, &c.args, true);
        }
        if p.path.segments.len() < 2 {
            return None;
        }
        let first = c.args.first()?;
        let id = self.object_named(first)?;
        let method = p.path.segments.last()?.ident.to_string();
        let known = resolved.is_any(READ_TO_EOF_FUNCTIONS) || self.knows_method(id, &method);
        known.then_some(first)
    }

    /// The first argument that a summarised function does something to, when it names a
    /// tracked value: a failure of the function is that value's own failed operation.
    pub(super) fn summarised_argument<'e>(
        &self,
        params: &ParamEffects,
        args: impl IntoIterator<Item = &'e Expr>,
        by_path: bool,
    ) -> Option<&'e Expr> {
        args.into_iter().enumerate().find_map(|(i, a)| {
            let effect = params.on_argument(i, by_path)?;
            (effect.settles || !effect.steps.is_empty())
                .then_some(a)
                .filter(|a| self.object_named(a).is_some())
        })
    }

    /// Whether the catalog says what `method` does to the value (or part) `id`.
    fn knows_method(&self, id: ObjectId, method: &str) -> bool {
        let object = &self.out.objects[id];
        if let Some((_, part)) = object.part_of {
            return part.writes.contains(&method) || part.reads_to_eof.contains(&method);
        }
        let r = object.resource;
        [
            r.discharge,
            r.poll,
            r.neutral,
            r.terminate,
            r.arm,
            r.loses,
            r.drained_by,
        ]
        .iter()
        .any(|names| names.contains(&method))
            || r.blocking.iter().any(|(name, _)| *name == method)
    }

    /// An argument to a function we do not see into: by value or `&mut`, handed off; a
    /// shared borrow cannot settle anything.
    pub(super) fn argument(&mut self, a: &Expr) {
        let shared_borrow = matches!(a, Expr::Reference(r) if r.mutability.is_none());
        let v = self.eval(a, Mode::Move);
        for id in v.objects() {
            // `cancel()`, `close()` and `abort()` take `&self`: a shared borrow of a shared
            // value is enough to settle it.
            if !shared_borrow || self.out.objects[id].resource.shared {
                self.settle(id, false);
            }
        }
    }
}

/// What a catalog constructor gives: the value, or a tuple holding it with its companion
/// (which can give it back) and, for a connection, the client that needs it.
fn constructed(id: ObjectId, resource: &Resource, ctor: &Constructor) -> Val {
    let obj = Val::Obj { id, owned: true };
    match ctor.tuple {
        Some((at, len)) => Val::Tuple(
            (0..len)
                .map(|i| {
                    if i == at {
                        obj.clone()
                    } else if ctor.companion == Some(i) || resource.driven_by_await {
                        Val::Derived(id)
                    } else {
                        Val::Untracked
                    }
                })
                .collect(),
        ),
        None => obj,
    }
}

/// The halves of a split value: the one that carries on is the value itself.
pub(super) fn split_halves(id: ObjectId, carries_on: usize) -> Val {
    Val::Tuple(
        (0..2)
            .map(|i| {
                if i == carries_on {
                    Val::Obj { id, owned: true }
                } else {
                    // The other (read) half: what it reads comes from the value.
                    Val::Derived(id)
                }
            })
            .collect(),
    )
}
