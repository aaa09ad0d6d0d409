//! Branching and leaving: `if`, `match`, conditions with their `let` bindings, the `?`
//! operator and `return`.

use std::ops::Range;

use syn::Expr;
use syn::spanned::Spanned;

use super::pattern::{refuted_by, refutes_ok};
use super::{Interp, Mode};
use crate::catalog::prelude;
use crate::flow::Exit;
use crate::flow::bodies::is_windows_cfg;
use crate::flow::track::{ABSENT, LIVE, ObjectId, Scope, State, Val};

impl Interp<'_, '_> {
    /// `return value`: the value goes to the caller; everything else the frame owns is
    /// dropped.
    pub(super) fn return_expr(&mut self, r: &syn::ExprReturn) -> Val {
        if let Some(e) = &r.expr {
            self.hand_off(e);
        }
        let exit = self.exit_or_macro(Exit::Return);
        self.leave_frame(r.return_token.span.byte_range(), exit);
        Val::Untracked
    }

    /// How a `return` or `?` is named: inside the expansion of a macro of the file, it is
    /// the macro's exit (its span is the invocation).
    pub(super) fn exit_or_macro(&self, exit: Exit) -> Exit {
        if self.expanding.is_empty() {
            exit
        } else {
            Exit::Macro
        }
    }

    pub(super) fn try_expr(&mut self, t: &syn::ExprTry) -> Val {
        let exit = self.exit_or_macro(Exit::Try);
        self.try_value(&t.expr, t.question_token.span.byte_range(), exit)
    }

    /// `operation?` (or a macro that does the same, `exit` naming it, at `span`): on the
    /// error path, what the frame owns is dropped, except the value whose own creation
    /// or operation failed.
    pub(super) fn try_value(&mut self, expr: &Expr, span: Range<usize>, exit: Exit) -> Val {
        // `child.kill()?`, `stdin.write_all(..)?`: the failure of an operation on the
        // value itself, or on one of its parts, is not the path that loses it (that would
        // flag the `kill()?; wait()?` and pipe I/O idioms everywhere).
        let mut operand = expr;
        // Error conversions (`map_err`, `context`) and the `.await` of the call do not
        // change which call failed.
        loop {
            match operand {
                Expr::Await(a) => operand = &a.base,
                Expr::MethodCall(m)
                    if prelude::PLUMBING.contains(&m.method.to_string().as_str()) =>
                {
                    operand = &m.receiver
                }
                _ => break,
            }
        }
        let on_itself = match operand {
            Expr::MethodCall(m) => self.object_named(&m.receiver),
            // Data read from it (`line?` in a loop over its lines).
            Expr::Path(_) => match self.eval_peek(operand) {
                Some(Val::Derived(id)) => Some(id),
                _ => None,
            },
            other => self.object_named(other),
        }
        .map(|id| self.root(id))
        // Only for values whose own I/O breaks them (a child and its pipes, a stream, a
        // writer): a declared session whose `send()?` fails is still open.
        .filter(|&id| {
            let r = self.out.objects[id].resource;
            !r.parts.is_empty() || !r.arm.is_empty()
        });
        let v = self.eval(expr, Mode::Move);
        // The value whose own creation or poll failed is not lost by this `?`: it never
        // existed, or the failure is of the very call that settles it.
        let inner = match v {
            Val::Polled(id) => Some(id),
            _ => v.object(),
        };
        // On the error path the value inside never existed; everything else live in this
        // frame is dropped by the early return.
        let frame_scopes = self.frames.last().map_or(0, |f| f.scope_base);
        let frame_temps = self.frames.last().map_or(0, |f| f.temps_base);
        // Guards dropped on the error path run their closures there first.
        let normal_path = self.guards_armed(frame_scopes).then(|| {
            let normal = self.state.clone();
            let exempt: Vec<ObjectId> = inner.into_iter().chain(on_itself).collect();
            self.unwind_guards(frame_scopes, frame_temps, &span, exit, &exempt);
            normal
        });
        // On the error path: what the frame owns is lost here (recorded once), the value
        // whose creation failed never existed, the value whose own call failed is broken;
        // none of them is live where the frame ends.
        let mut error_path = self.state.clone();
        for id in self.live_owned(frame_scopes, frame_temps) {
            if Some(id) != inner && Some(self.root(id)) != on_itself {
                self.lose(id, span.clone(), exit, false);
            }
            if !self.out.objects[id].resource.shared {
                error_path.set(id, 0);
            }
        }
        for id in inner.into_iter().chain(on_itself) {
            error_path.set(id, 0);
        }
        if let Some(f) = self.frames.last_mut() {
            f.returns.join(&error_path);
        }
        if let Some(normal) = normal_path {
            self.state = normal;
        }
        match v {
            Val::Wrapped(id) => Val::Obj { id, owned: true },
            other => other,
        }
    }

    /// The value whose own operation the condition finds failed: `op.is_err()` or
    /// `let Err(..) = op`, where `op` is a call on the value (awaited or not).
    pub(super) fn failed_operation(&self, cond: &Expr) -> Option<ObjectId> {
        let op = match cond {
            Expr::MethodCall(m) if m.method == prelude::IS_ERR => &*m.receiver,
            Expr::Let(l) if refutes_ok(&l.pat) => &*l.expr,
            _ => return None,
        };
        let mut op = op;
        while let Expr::Await(a) = op {
            op = &a.base;
        }
        match op {
            Expr::MethodCall(m) => self.object_named(&m.receiver).map(|id| self.root(id)),
            _ => None,
        }
    }

    /// `return`: everything this frame owns is dropped; the path ends.
    pub(super) fn leave_frame(&mut self, span: Range<usize>, exit: Exit) {
        let frame_scopes = self.frames.last().map_or(0, |f| f.scope_base);
        let frame_temps = self.frames.last().map_or(0, |f| f.temps_base);
        if self.guards_armed(frame_scopes) {
            self.unwind_guards(frame_scopes, frame_temps, &span, exit, &[]);
        }
        let mut state = std::mem::replace(&mut self.state, State::unreachable());
        for id in self.live_owned_in(&state, frame_scopes, frame_temps) {
            self.state = state.clone();
            self.lose(id, span.clone(), exit, false);
            // Lost here, once: not again where the frame ends (a shared value lives on in
            // its other handles).
            if !self.out.objects[id].resource.shared {
                state.set(id, 0);
            }
        }
        self.state = State::unreachable();
        if let Some(f) = self.frames.last_mut() {
            f.returns.join(&state);
        }
    }

    /// A condition, with the bindings of `if let` / `while let` (and let chains) declared
    /// in the current scope.
    ///
    /// Returns the state on the path where the condition fails: just before the first
    /// pattern binds, or after the whole condition when nothing binds.
    pub(super) fn condition(&mut self, cond: &Expr) -> State {
        let mut otherwise = None;
        self.condition_part(cond, &mut otherwise);
        otherwise.unwrap_or_else(|| self.state.clone())
    }

    pub(super) fn condition_part(&mut self, cond: &Expr, otherwise: &mut Option<State>) {
        match cond {
            Expr::Let(l) => {
                let v = self.eval(&l.expr, Mode::Move);
                if otherwise.is_none() {
                    *otherwise = Some(self.state.clone());
                }
                self.bind_pattern(&l.pat, v);
            }
            Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
                self.condition_part(&b.left, otherwise);
                self.condition_part(&b.right, otherwise);
            }
            other => {
                self.eval(other, Mode::Borrow);
            }
        }
    }

    pub(super) fn if_expr(&mut self, i: &syn::ExprIf) -> Val {
        // `if cfg!(windows) { .. }`: a platform without zombies; only the else runs here.
        if let Expr::Macro(m) = &*i.cond
            && m.mac.path.is_ident("cfg")
            && is_windows_cfg(m.mac.tokens.clone())
        {
            return match &i.else_branch {
                Some((_, e)) => self.eval(e, Mode::Move),
                None => Val::Untracked,
            };
        }
        self.scopes.push(Scope::default());
        let before = self.state.clone();
        let mut otherwise = self.condition(&i.cond);
        // Where the pattern of an `if let Ok(x) = ...` fails, the value never existed.
        if otherwise.is_reachable() && before.is_reachable() && refuted_by(&i.cond) {
            let created: Vec<ObjectId> = otherwise
                .live()
                .filter(|id| before.get(*id) & LIVE == 0)
                .collect();
            for id in created {
                otherwise.set(id, ABSENT);
            }
        }
        // `if w.write_all(..).await.is_err() { return }`: inside, the value is broken and
        // its own failure is not a path that loses it.
        if let Some(broken) = self.failed_operation(&i.cond) {
            self.state.set(broken, 0);
        }
        // `if msg.is_close() { .. }` on what a stream read: the peer closed it.
        if let Expr::MethodCall(m) = &*i.cond
            && let Some(Val::Derived(id)) = self.eval_peek(&m.receiver)
            && self.out.objects[id]
                .resource
                .closed_by_peer
                .contains(&m.method.to_string().as_str())
        {
            self.settle(id, true);
        }
        let then_value = self.block(&i.then_branch);
        let close = i.then_branch.brace_token.span.close().byte_range();
        self.end_scope(close);
        let then_state = std::mem::replace(&mut self.state, otherwise);
        let else_value = match &i.else_branch {
            Some((_, e)) => self.eval(e, Mode::Move),
            None => Val::Untracked,
        };
        self.state.join(&then_state);
        join_values(then_value, else_value)
    }

    pub(super) fn match_expr(&mut self, m: &syn::ExprMatch) -> Val {
        let scrutinee = self.eval(&m.expr, Mode::Move);
        let entry = self.state.clone();
        let mut after = State::unreachable();
        let mut value = Val::Untracked;
        for arm in &m.arms {
            self.state = entry.clone();
            self.scopes.push(Scope::default());
            self.temps.push(Vec::new());
            self.bind_pattern(&arm.pat, scrutinee.clone());
            if let Some((_, guard)) = &arm.guard {
                self.eval(guard, Mode::Borrow);
            }
            let v = self.eval(&arm.body, Mode::Move);
            // An arm's value moves out of the arm.
            if let Some(id) = v.object()
                && matches!(v, Val::Obj { owned: true, .. } | Val::Wrapped(_))
            {
                self.release(id);
            }
            let end = arm.body.span().byte_range();
            let end = end.end.saturating_sub(1)..end.end;
            self.end_scope(end.clone());
            let temps = self.temps.pop().unwrap_or_default();
            for id in temps {
                if v.object() != Some(id) && !self.owned_by_var(id) {
                    self.lose(id, end.clone(), Exit::Discarded, true);
                }
            }
            if let Some(id) = v.object()
                && let Some(t) = self.temps.last_mut()
            {
                t.push(id);
            }
            after.join(&self.state);
            value = join_values(value, v);
        }
        self.state = after;
        value
    }
}

/// The value of an `if` or `match`: whichever branch gives a tracked one.
fn join_values(a: Val, b: Val) -> Val {
    match (&a, &b) {
        (Val::Untracked, _) => b,
        _ => a,
    }
}
