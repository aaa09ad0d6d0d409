//! Code that runs where a guard is dropped: a guard made with a value and a closure
//! (`scopeguard::guard(child, |mut c| ..)`) owns the value, derefs to it, and runs the
//! closure on it where the guard's scope ends, or at an early exit that drops it;
//! defusing the guard (`ScopeGuard::into_inner(g)`) hands the value back and the closure
//! never runs; a `defer! { .. }` body runs where its scope ends.
//!
//! The guard's variable holds the value itself (method calls on the guard act on it) and
//! the scope it lives in registers the closure as deferred code for that variable. The
//! state says, path by path, whether the closure may still run (`State::armed`).

use std::ops::Range;
use std::rc::Rc;

use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Block, Expr, Pat, Stmt};

use super::{Frame, Interp, Mode};
use crate::catalog::prelude;
use crate::catalog::runtime::SCOPE_GUARDS;
use crate::flow::Exit;
use crate::flow::track::{Deferred, ObjectId, Scope, State, Val};
use crate::syntax::imports::Resolved;

/// A guard made during the statement being evaluated, not yet held by a variable.
pub(super) struct PendingGuard {
    /// The call that makes it.
    at: Range<usize>,
    /// What names it in messages: the function's path, the macro's.
    named: Range<usize>,
    inputs: Rc<Punctuated<Pat, syn::Token![,]>>,
    body: Rc<Expr>,
    value: Val,
}

impl Interp<'_, '_> {
    /// Calls about guards: making one, defusing one, or `drop(guard)`. `None` for any
    /// other call.
    pub(super) fn guard_call(&mut self, c: &syn::ExprCall, r: &Resolved) -> Option<Val> {
        if r.is_any(SCOPE_GUARDS.defuse) && c.args.len() == 1 {
            if let Some(d) = self.deferred_of(&c.args[0]) {
                self.state.disarm(d.id);
            }
            return Some(self.eval(&c.args[0], Mode::Move));
        }
        if r.is_any(prelude::DROP) && c.args.len() == 1 {
            let d = self.deferred_of(&c.args[0])?;
            // Dropped here: the closure runs now, and not again at the scope's end.
            self.run_deferred(&d);
            return Some(Val::Untracked);
        }
        let on_drop = r.is_any(SCOPE_GUARDS.run_on_drop);
        if !(on_drop || r.is_any(SCOPE_GUARDS.run_on_unwind)) || c.args.len() != 2 {
            return None;
        }
        let value = match self.eval(&c.args[0], Mode::Move) {
            v @ (Val::Obj { .. } | Val::Untracked) => v,
            // A guard around something else (a `Result`, a tuple): not followed inside.
            other => {
                for id in other.objects() {
                    self.settle(id, false);
                }
                Val::Untracked
            }
        };
        match &c.args[1] {
            Expr::Closure(closure) if on_drop => self.pending_guards.push(PendingGuard {
                at: c.span().byte_range(),
                named: c.func.span().byte_range(),
                inputs: Rc::new(closure.inputs.clone()),
                body: Rc::new((*closure.body).clone()),
                value: value.clone(),
            }),
            // Run only while unwinding: on the paths followed, the guard only owns the
            // value. What the closure takes by move is its own.
            Expr::Closure(closure) => {
                if closure.capture.is_some() {
                    self.settle_mentioned(quote::ToTokens::to_token_stream(&closure.body));
                }
            }
            // A function given the value when the guard drops: handed off to it.
            other => {
                self.argument(other);
                for id in value.objects() {
                    self.settle(id, false);
                }
                return Some(Val::Untracked);
            }
        }
        // The guard derefs to the value.
        Some(value)
    }

    /// `defer! { .. }`: its body runs where the current scope ends; the body of an
    /// unwind-only `defer_on_unwind!` never runs on the paths followed.
    pub(super) fn defer_macro(&mut self, name: &str, mac: &syn::Macro) -> Option<Val> {
        if SCOPE_GUARDS.unwind_macros.contains(&name) {
            return Some(Val::Untracked);
        }
        if !SCOPE_GUARDS.defer_macros.contains(&name) {
            return None;
        }
        let span = mac.span();
        let stmts = mac.parse_body_with(Block::parse_within).ok()?;
        let body = Expr::Block(syn::ExprBlock {
            attrs: Vec::new(),
            label: None,
            block: Block {
                brace_token: syn::token::Brace(span),
                stmts,
            },
        });
        // The macro binds a hidden variable that holds the guard.
        self.declare(String::new(), Val::Untracked);
        self.register(PendingGuard {
            at: span.byte_range(),
            named: mac.path.span().byte_range(),
            inputs: Rc::new(Punctuated::new()),
            body: Rc::new(body),
            value: Val::Untracked,
        });
        Some(Val::Untracked)
    }

    /// At the end of a statement: the guards it made go to the variable it binds (`let
    /// guard = scopeguard::guard(..)`), run at once when it binds none (`let _ = ..`,
    /// `guard(..);`), or go wherever the statement put them (handed off).
    pub(super) fn claim_guards(&mut self, from: usize, stmt: &Stmt) {
        if self.pending_guards.len() <= from {
            return;
        }
        let pending: Vec<PendingGuard> = self.pending_guards.drain(from..).collect();
        if !self.state.is_reachable() {
            return;
        }
        for guard in pending {
            match held_by(stmt, &guard.at) {
                Some(true) => self.register(guard),
                Some(false) => {
                    let d = self.deferred(guard, usize::MAX);
                    self.state.arm(d.id);
                    self.run_deferred(&d);
                }
                None => {
                    for id in guard.value.objects() {
                        self.settle(id, false);
                    }
                    self.settle_mentioned(quote::ToTokens::to_token_stream(&*guard.body));
                }
            }
        }
    }

    /// Registers a guard on the variable declared last, in the current scope.
    fn register(&mut self, guard: PendingGuard) {
        let Some(scope) = self.scopes.len().checked_sub(1) else {
            return;
        };
        let Some(var) = self.scopes[scope].vars.len().checked_sub(1) else {
            return;
        };
        let d = self.deferred(guard, var);
        self.state.arm(d.id);
        self.scopes[scope].deferred.push(d);
    }

    fn deferred(&self, guard: PendingGuard, var: usize) -> Deferred {
        Deferred {
            // The site: a guard made again in a loop's next round is the same one.
            id: guard.at.start,
            var,
            inputs: guard.inputs,
            body: guard.body,
            value: guard.value,
            span: guard.at,
            named: guard.named,
        }
    }

    /// The deferred code of the guard a variable holds, if the expression names one that
    /// may still run.
    fn deferred_of(&self, e: &Expr) -> Option<Deferred> {
        let Expr::Path(p) = e else { return None };
        let (si, vi) = self.lookup(&p.path.get_ident()?.to_string())?;
        self.scopes[si]
            .deferred
            .iter()
            .find(|d| d.var == vi && self.state.armed(d.id))
            .cloned()
    }

    /// Runs the deferred code of variable `vi` of scope `si`, if it may still run.
    pub(super) fn run_deferred_of(&mut self, si: usize, vi: usize) {
        let found: Vec<Deferred> = self.scopes[si]
            .deferred
            .iter()
            .filter(|d| d.var == vi)
            .cloned()
            .collect();
        for d in found {
            self.run_deferred(&d);
        }
    }

    /// Runs a guard's closure in place, on the value the guard holds. A value the guard
    /// owned and the closure left unsettled is lost there, in the guard's name.
    fn run_deferred(&mut self, d: &Deferred) {
        if !self.state.is_reachable() || !self.state.armed(d.id) {
            return;
        }
        self.state.disarm(d.id);
        self.frames.push(Frame {
            scope_base: self.scopes.len(),
            loop_base: self.loops.len(),
            temps_base: self.temps.len(),
            returns: State::unreachable(),
        });
        self.scopes.push(Scope::default());
        self.temps.push(Vec::new());
        // The closure gets the value; what it does not settle is the guard's to lose.
        let lent = match d.value {
            Val::Obj { id, .. } => Val::Obj { id, owned: false },
            ref other => other.clone(),
        };
        let mut first = Some(lent);
        for p in d.inputs.iter() {
            let v = first.take().unwrap_or(Val::Untracked);
            self.bind_pattern(p, v);
        }
        self.eval(&d.body, Mode::Move);
        if let Some(f) = self.frames.pop() {
            self.state.join(&f.returns);
        }
        let end = d.span.end.saturating_sub(1)..d.span.end;
        self.drop_temps(end.clone());
        self.end_scope(end);
        if let Val::Obj { id, owned: true } = d.value {
            self.lose(id, d.named.clone(), Exit::Guard, true);
        }
    }

    /// Whether a guard may still run in the scopes from `base` on.
    pub(super) fn guards_armed(&self, base: usize) -> bool {
        self.scopes[base.min(self.scopes.len())..]
            .iter()
            .flat_map(|s| &s.deferred)
            .any(|d| self.state.armed(d.id))
    }

    /// An early exit from the scopes from `scope_base` on (and the statements from
    /// `temps_base` on) where guards may run: what is dropped is dropped in reverse order
    /// of declaration, each guard's closure running where its variable is dropped.
    /// Leaves the state as the exit leaves it; `exempt` values are neither lost nor
    /// dropped here (the value whose own operation failed at a `?`).
    pub(super) fn unwind_guards(
        &mut self,
        scope_base: usize,
        temps_base: usize,
        span: &Range<usize>,
        exit: Exit,
        exempt: &[ObjectId],
    ) {
        // The value whose own operation failed is not lost on this path, not even by a
        // guard's closure.
        for &id in exempt {
            self.state.set(id, 0);
        }
        let temps: Vec<ObjectId> = self.temps[temps_base.min(self.temps.len())..]
            .iter()
            .flatten()
            .copied()
            .collect();
        for id in temps {
            self.drop_at_exit(id, span, exit, exempt);
        }
        for si in (scope_base..self.scopes.len()).rev() {
            for vi in (0..self.scopes[si].vars.len()).rev() {
                self.run_deferred_of(si, vi);
                let owned = self.scopes[si].vars[vi].owns.clone();
                for id in owned {
                    self.drop_at_exit(id, span, exit, exempt);
                }
            }
        }
    }

    fn drop_at_exit(&mut self, id: ObjectId, span: &Range<usize>, exit: Exit, exempt: &[ObjectId]) {
        if exempt.contains(&id) || exempt.contains(&self.root(id)) {
            return;
        }
        self.lose(id, span.clone(), exit, false);
        if !self.out.objects[id].resource.shared {
            self.state.set(id, 0);
        }
    }
}

/// Whether the statement binds the guard made at `at` to a variable (`Some(true)`),
/// drops it at once (`Some(false)`: `let _ = guard(..);`, `guard(..);`), or puts it
/// somewhere else (`None`).
fn held_by(stmt: &Stmt, at: &Range<usize>) -> Option<bool> {
    let (pat, init) = match stmt {
        Stmt::Local(l) => (Some(&l.pat), &*l.init.as_ref()?.expr),
        Stmt::Expr(e, Some(_)) => (None, e),
        _ => return None,
    };
    if init.span().byte_range() != *at {
        return None;
    }
    match pat.map(unwrap_type) {
        None | Some(Pat::Wild(_)) => Some(false),
        Some(Pat::Ident(p)) if p.subpat.is_none() => Some(true),
        Some(_) => None,
    }
}

fn unwrap_type(pat: &Pat) -> &Pat {
    match pat {
        Pat::Type(t) => unwrap_type(&t.pat),
        other => other,
    }
}
