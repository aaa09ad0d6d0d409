//! Concurrency: closures and async blocks given to a spawner run (analysed in place, on
//! a thread of their own); closures not given to one may run at any time (analysed apart);
//! `join!` and `select!` poll futures together; `.await` is where a stored future waits.

use std::ops::Range;

use syn::punctuated::Punctuated;
use syn::{Expr, Pat, Token};

use super::method::Call;
use super::{Frame, Interp, Mode};
use crate::catalog::runtime::{FUTURE_ADAPTERS, JOIN_METHODS};
use crate::catalog::{Blocking, prelude};
use crate::flow::bodies::may_create_in;
use crate::flow::track::{ObjectId, Scope, State, Val};
use crate::syntax::idents::collect_idents;
use crate::syntax::macros;
use crate::syntax::span;

impl Interp<'_, '_> {
    /// A closure not given to a spawner: it may run later, or never. What it captures is
    /// handed off, and what it creates is followed inside it.
    pub(super) fn closure(&mut self, c: &syn::ExprClosure) -> Val {
        self.settle_mentioned(quote::ToTokens::to_token_stream(&c.body));
        self.detached(&c.body, &c.inputs);
        Val::Untracked
    }

    /// An async block not given to a spawner, as a closure.
    pub(super) fn async_block(&mut self, a: &syn::ExprAsync) -> Val {
        self.settle_mentioned(quote::ToTokens::to_token_stream(&a.block));
        let body = async_body(a);
        self.detached(&body, &Punctuated::new());
        Val::Untracked
    }

    /// `future.await`: where a stored future waits, and what a constructor's future gives.
    pub(super) fn await_expr(&mut self, a: &syn::ExprAwait) -> Val {
        let settles = self.settled_once_done(&a.base);
        self.awaited = true;
        let v = self.eval(&a.base, Mode::Move);
        self.awaited = false;
        // After `token.cancelled().await`, the token is cancelled.
        if let Some(id) = settles {
            self.known_settled(id);
        }
        // Awaiting a task's handle joins it, and gives what the task returned.
        if let Val::Handle(thread) = v {
            self.join_thread(thread, span::await_expr(a));
            return Val::Joined(thread);
        }
        self.awaiting(&v, span::expr(&a.base));
        match v {
            // A constructor's future gives its value (`connect(..).await?`).
            v @ (Val::Tuple(_) | Val::Wrapped(_) | Val::Derived(_) | Val::Selected(_)) => v,
            Val::Obj { id, owned } if !self.out.objects[id].resource.driven_by_await => {
                Val::Obj { id, owned }
            }
            _ => Val::Untracked,
        }
    }

    /// Closures and async blocks given to a spawner run: their bodies are analysed in
    /// place, on a thread of their own, as part of the story of what they capture. Other
    /// arguments are handed off. `to_end`: the call runs it to its end before it returns
    /// (`block_on`, `thread::scope`), joining it at once; otherwise it gives the thread's
    /// handle (when it runs exactly one).
    pub(super) fn run_spawned<'e>(
        &mut self,
        args: impl Iterator<Item = &'e Expr>,
        to_end: bool,
        span: Range<usize>,
    ) -> Val {
        let mut spawned = Vec::new();
        for a in args {
            let async_block = match a {
                Expr::Async(b) => Some(b),
                // `spawn(async move { .. }.instrument(span))` and wrappers like it.
                Expr::MethodCall(w) if FUTURE_ADAPTERS.contains(&w.method.to_string().as_str()) => {
                    match &*w.receiver {
                        Expr::Async(b) => Some(b),
                        _ => None,
                    }
                }
                _ => None,
            };
            let thread = match (a, async_block) {
                (Expr::Closure(c), _) => {
                    let thread = self.enter_thread();
                    self.inline(c.capture.is_some(), &c.body, &c.inputs);
                    thread
                }
                (_, Some(b)) => {
                    let thread = self.enter_thread();
                    let body = async_body(b);
                    self.inline(b.capture.is_some(), &body, &Punctuated::new());
                    thread
                }
                _ => {
                    self.argument(a);
                    continue;
                }
            };
            spawned.push(thread.id);
            self.leave_thread(thread);
        }
        match spawned.as_slice() {
            [thread] if to_end => {
                self.join_thread(*thread, span);
                Val::Joined(*thread)
            }
            [thread] => Val::Handle(*thread),
            _ => Val::Untracked,
        }
    }

    /// A method of a spawned thread's or task's handle: joining it (`join()`), or taking
    /// it out of the `Result` a spawner gave it in (`Builder::spawn(..).expect(..)`).
    pub(super) fn handle_method(&mut self, call: &Call<'_>, thread: usize) -> Val {
        self.arguments(call.m);
        if call.is(JOIN_METHODS) {
            self.join_thread(thread, span::method_call(call.m));
            Val::Joined(thread)
        } else if prelude::keeps_value(&call.method) {
            Val::Handle(thread)
        } else {
            Val::Untracked
        }
    }

    /// The values whose I/O (a pipe's) a thread did, its joined threads' included: a `?`
    /// on what joining it gave, or on starting it (`Builder::spawn(..)?`), is a failure of
    /// that I/O, and does not lose them.
    pub(super) fn joined_io(&self, v: &Val) -> Vec<ObjectId> {
        match v {
            Val::Joined(thread) | Val::Handle(thread) => self
                .out
                .thread_io
                .get(thread)
                .into_iter()
                .flatten()
                .map(|&id| self.root(id))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Starts evaluating code on a new thread or task.
    fn enter_thread(&mut self) -> Entered {
        let entered = Entered {
            id: self.out.threads + 1,
            outer: self.thread,
            outer_base: self.thread_base,
        };
        self.out.threads += 1;
        self.thread = entered.id;
        self.thread_base = (self.scopes.len(), self.temps.len());
        entered
    }

    fn leave_thread(&mut self, entered: Entered) {
        self.thread = entered.outer;
        self.thread_base = entered.outer_base;
    }

    pub(super) fn inline(&mut self, moves: bool, body: &Expr, inputs: &Punctuated<Pat, Token![,]>) {
        self.inline_with(moves, body, inputs, None);
    }

    /// Runs a closure body in place; `first`: the value its first parameter receives.
    pub(super) fn inline_with(
        &mut self,
        moves: bool,
        body: &Expr,
        inputs: &Punctuated<Pat, Token![,]>,
        first: Option<Val>,
    ) {
        let mut mentioned = Vec::new();
        collect_idents(quote::ToTokens::to_token_stream(body), &mut mentioned);
        self.frames.push(Frame {
            scope_base: self.scopes.len(),
            loop_base: self.loops.len(),
            temps_base: self.temps.len(),
            returns: State::unreachable(),
        });
        self.scopes.push(Scope::default());
        self.temps.push(Vec::new());
        // A token handed to a spawned task is something that task waits on.
        for name in &mentioned {
            if let Some(at) = self.lookup(name)
                && let Some(id) = match self.scopes[at.0].vars[at.1].val {
                    Val::Derived(id) => Some(id),
                    ref v => v.object(),
                }
                && self.out.objects[id]
                    .resource
                    .blocking
                    .iter()
                    .any(|(_, b)| *b == Blocking::Cancellation)
            {
                let span = span::expr(body);
                self.record(
                    Blocking::Cancellation,
                    Some(id),
                    0,
                    span.start..span.start + 1,
                );
            }
        }
        if moves {
            // Captured by move: the closure owns them now.
            for name in &mentioned {
                if let Some(at) = self.lookup(name)
                    && at.0 + 1 < self.scopes.len()
                {
                    let var = self.var(at).clone();
                    if var.owns.is_empty() {
                        continue;
                    }
                    // The closure owns them now (and drops them at its end); the outer
                    // variable keeps co-owning them for the paths that do not get here.
                    self.push_var(var);
                }
            }
        }
        let mut first = first;
        for p in inputs {
            let v = first.take().unwrap_or(Val::Untracked);
            // An owned value given to the closure is dropped at its end unless bound.
            if let Val::Obj { id, owned: true } = v
                && let Some(t) = self.temps.last_mut()
            {
                t.push(id);
            }
            self.bind_pattern(p, v);
        }
        let value = self.eval(body, Mode::Move);
        // What the spawned work returns goes to whoever joins it.
        for id in value.objects() {
            self.settle(id, false);
        }
        let frame = self.frames.pop();
        if let Some(f) = &frame {
            self.state.join(&f.returns);
        }
        let end = span::expr(body);
        let end = end.end.saturating_sub(1)..end.end;
        self.drop_temps(end.clone());
        self.end_scope(end);
    }

    /// A stored future of a value (`let stop = token.cancelled_owned()`) awaited or
    /// polled here: that is where it waits.
    pub(super) fn awaiting(&mut self, v: &Val, span: Range<usize>) {
        // Polling a task's handle to its end (`join!(handle)`) joins the task.
        if let Val::Handle(thread) = *v {
            self.join_thread(thread, span.clone());
        }
        // Polling a connection future drives it.
        if let Val::Obj { id, .. } = *v
            && self.out.objects[id].resource.driven_by_await
        {
            self.settle(id, true);
        }
        if let Val::Derived(id) = *v
            && let Some((_, blocking)) = self.out.objects[id]
                .resource
                .blocking
                .iter()
                .find(|(_, b)| b.is_future())
        {
            self.record(*blocking, Some(id), 0, span);
        }
    }

    /// One of several futures polled together (`join!`, `select!`): evaluated as a task of
    /// its own, so reads in two of them are not one after the other.
    pub(super) fn concurrently(&mut self, future: &Expr) -> Val {
        self.concurrently_joined(future).0
    }

    /// As `concurrently`, giving also the task the future ran as: `join!` waits for every
    /// one of them to end, and joins them there (a `select!` waits for one only).
    pub(super) fn concurrently_joined(&mut self, future: &Expr) -> (Val, usize) {
        let thread = self.enter_thread();
        let id = thread.id;
        let mut value = Val::Untracked;
        match future {
            Expr::Async(b) => {
                let body = async_body(b);
                self.inline(b.capture.is_some(), &body, &Punctuated::new());
            }
            other => {
                // Polled by the macro, as if awaited.
                self.awaited = true;
                let v = self.eval(other, Mode::Borrow);
                self.awaited = false;
                self.awaiting(&v, span::expr(other));
                if let Val::Derived(_) = v {
                    value = v;
                }
            }
        }
        self.leave_thread(thread);
        (value, id)
    }

    /// `select!`: the futures are polled together, and one branch completes: each branch
    /// starts from the state before it, runs its future and its handler; the branches
    /// join as `match` arms do.
    pub(super) fn select(&mut self, select: &macros::Select) {
        // Every branch's future is polled while the select waits: a connection future in
        // any branch is driven, whichever branch completes.
        for branch in &select.branches {
            if let Some(id) = self.object_named(&branch.future)
                && self.out.objects[id].resource.driven_by_await
            {
                self.settle(id, true);
            }
        }
        let entry = self.state.clone();
        let mut after = State::unreachable();
        for branch in &select.branches {
            self.state = entry.clone();
            self.scopes.push(Scope::default());
            if let Some(guard) = &branch.guard {
                self.eval(guard, Mode::Borrow);
            }
            let value = self.concurrently(&branch.future);
            // `_ = token.cancelled() => ..`: the branch runs once the token is cancelled.
            if let Some(id) = self.settled_once_done(&branch.future) {
                self.known_settled(id);
            }
            self.bind_pattern(&branch.pat, value);
            self.eval(&branch.handler, Mode::Move);
            let end = span::expr(&branch.handler);
            self.end_scope(end.end.saturating_sub(1)..end.end);
            after.join(&self.state);
        }
        if let Some(otherwise) = &select.otherwise {
            self.state = entry.clone();
            self.eval(otherwise, Mode::Move);
            after.join(&self.state);
        }
        self.state = after;
    }

    /// A closure or async block that may run at any time: analysed as a body of its own,
    /// leaving the state around it as it was.
    pub(super) fn detached(&mut self, body: &Expr, inputs: &Punctuated<Pat, Token![,]>) {
        if !may_create_in(body, self.summaries) {
            return;
        }
        let saved = self.state.clone();
        let thread = self.enter_thread();
        self.inline_with(false, body, inputs, None);
        self.leave_thread(thread);
        // The state around it is as before: it may run at any time, or never.
        self.state = saved;
    }
}

/// A thread or task being evaluated, and the one to return to when it ends.
struct Entered {
    id: usize,
    outer: usize,
    outer_base: (usize, usize),
}

/// An async block's body as an expression, to analyse it like a closure's.
pub(super) fn async_body(b: &syn::ExprAsync) -> Expr {
    Expr::Block(syn::ExprBlock {
        attrs: Vec::new(),
        label: None,
        block: b.block.clone(),
    })
}
