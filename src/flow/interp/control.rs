//! Branching and leaving: `if`, `match`, conditions with their `let` bindings, the `?`
//! operator and `return`.

use std::ops::Range;

use syn::Expr;

use super::pattern::{refuted_by, refutes_ok};
use super::{Interp, Mode};
use crate::catalog::prelude;
use crate::flow::Exit;
use crate::flow::bodies::is_windows_cfg;
use crate::flow::track::{ABSENT, LIVE, ObjectId, Scope, State, Val};
use crate::syntax::span;

impl Interp<'_, '_> {
    /// `return value`: the value goes to the caller; everything else the frame owns is
    /// dropped.
    pub(super) fn return_expr(&mut self, r: &syn::ExprReturn) -> Val {
        if let Some(e) = &r.expr {
            self.hand_off(e);
        }
        let exit = self.exit_or_macro(Exit::Return);
        let error = exit == Exit::Macro || r.expr.as_deref().is_some_and(is_err);
        self.leave_frame_erring(r.return_token.span.byte_range(), exit, error);
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
        let operated = self.operated_on(expr);
        let on_itself = operated
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
        let inner: Vec<ObjectId> = match &v {
            Val::Polled(id) => vec![*id],
            // `let (name, child) = spawn_named(..)?;`: nothing in the tuple existed.
            Val::Tuple(_) => v.objects(),
            other => other.object().into_iter().collect(),
        };
        // What a thread that did the values' I/O gave (`reader.join().unwrap()?`).
        let joined_io = self.joined_io(&v);
        // On the error path the value inside never existed; everything else live in this
        // frame is dropped by the early return.
        let frame_scopes = self.frames.last().map_or(0, |f| f.scope_base);
        let frame_temps = self.frames.last().map_or(0, |f| f.temps_base);
        // Guards dropped on the error path run their closures there first.
        let normal_path = self.guards_armed(frame_scopes).then(|| {
            let normal = self.state.clone();
            let exempt: Vec<ObjectId> = inner.iter().copied().chain(on_itself).collect();
            self.unwind_guards(frame_scopes, frame_temps, &span, exit, &exempt);
            normal
        });
        // On the error path: what the frame owns is lost here (recorded once), the value
        // whose creation failed never existed, the value whose own call failed is broken;
        // none of them is live where the frame ends.
        let mut error_path = self.state.clone();
        for id in self.live_owned(frame_scopes, frame_temps) {
            if !inner.contains(&id)
                && Some(self.root(id)) != on_itself
                && !joined_io.contains(&self.root(id))
                && !self.out.objects[id].resource.rolls_back_on_error
            {
                self.lose(id, span.clone(), exit, false);
            }
            if !self.out.objects[id].resource.shared {
                error_path.set(id, 0);
            }
        }
        // The part whose I/O failed (a pipe the child closed) is broken too.
        let broken_part = operated.filter(|_| on_itself.is_some());
        for id in inner
            .into_iter()
            .chain(on_itself)
            .chain(broken_part)
            .chain(joined_io)
        {
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
            Val::Polled(id) => Val::Status(id),
            other => other,
        }
    }

    /// The tracked value whose own operation `operand` is: `child.wait()`,
    /// `stdin.write_all(..)`, `io::copy(&mut stdout, ..)`, `Write::write_all(&mut stdin, ..)`,
    /// or data read from it (`line?`). Error conversions and context adapters
    /// (`.map_err(..)`, `.into_diagnostic()`, `.transpose()`) and the `.await` of the call
    /// do not change which operation failed.
    fn operated_on(&self, operand: &Expr) -> Option<ObjectId> {
        let mut operand = operand;
        for _ in 0..super::values::MAX_RECEIVER_CHAIN {
            match operand {
                Expr::Await(a) => operand = &a.base,
                Expr::MethodCall(m) if self.self_method_effects(m).is_some() => {
                    let params = self.self_method_effects(m)?;
                    let arg = self.summarised_argument(&params, &m.args, false)?;
                    return self.object_named(arg);
                }
                Expr::MethodCall(m) => match (self.object_named(&m.receiver), &*m.receiver) {
                    (Some(id), _) => return Some(id),
                    // An operation on data read from it (`msg.to_text()?`) is not its own.
                    (None, Expr::Path(_)) => return None,
                    // An adapter over the call that failed.
                    (None, receiver) => operand = receiver,
                },
                Expr::Call(c) => {
                    return self
                        .operation_call(c)
                        .and_then(|first| self.object_named(first));
                }
                Expr::Path(_) => {
                    return match self.eval_peek(operand) {
                        Some(Val::Derived(id)) => Some(id),
                        _ => None,
                    };
                }
                other => return self.object_named(other),
            }
        }
        None
    }

    /// The value whose own failed operation the condition finds: `op.is_err()` or
    /// `let Err(..) = op`, where `op` is a call on the value (awaited or not).
    pub(super) fn failed_operation(&self, cond: &Expr) -> Option<ObjectId> {
        let op = match cond {
            Expr::MethodCall(m) if m.method == prelude::IS_ERR => &*m.receiver,
            Expr::Let(l) if refutes_ok(&l.pat) => &*l.expr,
            _ => return None,
        };
        // `ws.next().await.unwrap().is_err()`: what the operation gave, taken out of
        // its `Option` or `Result` first.
        let mut op = op;
        loop {
            op = match op {
                Expr::Await(a) => &a.base,
                Expr::MethodCall(m)
                    if prelude::PANICKING_UNWRAP.contains(&m.method.to_string().as_str()) =>
                {
                    &m.receiver
                }
                _ => break,
            };
        }
        match op {
            // `if let Err(e) = query.execute(&mut *tx).await`: the write through it failed.
            Expr::MethodCall(m) => self
                .object_named(&m.receiver)
                .or_else(|| m.args.iter().find_map(|a| self.executor_argument(a)))
                .map(|id| self.root(id)),
            _ => None,
        }
    }

    /// `if child.try_wait()?.is_none() { .. }`: where the poll is seen to hold `Some`, the
    /// value is done; where it holds `None`, it is not. Evaluates the condition, leaves
    /// the state where it holds, and gives the state where it fails; `None` (nothing
    /// evaluated) for any other condition.
    fn poll_test(&mut self, cond: &Expr) -> Option<State> {
        let Expr::MethodCall(m) = cond else {
            return None;
        };
        let some_holds = match m.method.to_string().as_str() {
            prelude::IS_SOME => true,
            prelude::IS_NONE => false,
            _ => return None,
        };
        let mut poll = &*m.receiver;
        while let Expr::Try(t) = poll {
            poll = &t.expr;
        }
        let Expr::MethodCall(p) = poll else {
            return None;
        };
        let id = self.object_named(&p.receiver)?;
        let method = p.method.to_string();
        if !m.args.is_empty()
            || !self.out.objects[id]
                .resource
                .poll
                .contains(&method.as_str())
        {
            return None;
        }
        let (Val::Polled(id) | Val::Status(id)) = self.eval(&m.receiver, Mode::Borrow) else {
            return Some(self.state.clone());
        };
        let pending = self.state.clone();
        self.settle(id, true);
        let done = std::mem::replace(&mut self.state, pending);
        Some(if some_holds {
            std::mem::replace(&mut self.state, done)
        } else {
            done
        })
    }

    /// `return`: everything this frame owns is dropped; the path ends.
    /// Leaves the frame: by a macro's exit (`bail!`), on its error path.
    pub(super) fn leave_frame(&mut self, span: Range<usize>, exit: Exit) {
        self.leave_frame_erring(span, exit, exit == Exit::Macro);
    }

    /// Leaves the frame, `error` telling whether it returns an error: what rolls back on
    /// error (a transaction) is then dropped on purpose, not lost.
    pub(super) fn leave_frame_erring(&mut self, span: Range<usize>, exit: Exit, error: bool) {
        let frame_scopes = self.frames.last().map_or(0, |f| f.scope_base);
        let frame_temps = self.frames.last().map_or(0, |f| f.temps_base);
        if self.guards_armed(frame_scopes) {
            self.unwind_guards(frame_scopes, frame_temps, &span, exit, &[]);
        }
        let mut state = std::mem::replace(&mut self.state, State::unreachable());
        for id in self.live_owned_in(&state, frame_scopes, frame_temps) {
            self.state = state.clone();
            if !(error && self.out.objects[id].resource.rolls_back_on_error) {
                self.lose(id, span.clone(), exit, false);
            }
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
        let mut otherwise = match self.poll_test(&i.cond) {
            Some(fails) => fails,
            None => self.condition(&i.cond),
        };
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
        // `if token.is_cancelled() { return }`: there, nothing is left to cancel.
        if let Some((id, when)) = self.settled_test(&i.cond) {
            if when {
                self.known_settled(id);
            } else {
                let around = std::mem::replace(&mut self.state, otherwise);
                self.known_settled(id);
                otherwise = std::mem::replace(&mut self.state, around);
            }
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
        self.not_followed(&then_value, &else_value);
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
            for id in v.owned() {
                self.release(id);
            }
            // What it carries goes to the statement around the `match`.
            let carried = match &v {
                Val::Tuple(_) => v.owned(),
                other => other.object().into_iter().collect(),
            };
            let end = span::expr(&arm.body);
            let end = end.end.saturating_sub(1)..end.end;
            self.end_scope(end.clone());
            let temps = self.temps.pop().unwrap_or_default();
            for id in temps {
                if !carried.contains(&id) && !self.owned_by_var(id) {
                    self.lose(id, end.clone(), Exit::Discarded, true);
                }
            }
            if let Some(t) = self.temps.last_mut() {
                t.extend(carried);
            }
            self.not_followed(&value, &v);
            after.join(&self.state);
            value = join_values(value, v);
        }
        self.state = after;
        value
    }
}

impl Interp<'_, '_> {
    /// A branch's value where an earlier branch gave another tracked one (`match
    /// connect() { Ok(pair) => pair, Err(_) => retry()? }`): the `if` or `match` has one
    /// value, the earlier branch's, so what this branch gives goes where it is not
    /// followed. On this branch's path it is handed off, not lost.
    fn not_followed(&mut self, chosen: &Val, branch: &Val) {
        if matches!(chosen, Val::Untracked) {
            return;
        }
        let kept = chosen.objects();
        for id in branch.owned() {
            if !kept.contains(&id) {
                self.settle(id, false);
            }
        }
    }
}

/// The value of an `if` or `match`: whichever branch gives a tracked one.
fn join_values(a: Val, b: Val) -> Val {
    match (&a, &b) {
        (Val::Untracked, _) => b,
        _ => a,
    }
}

/// `Err(..)`: the value of a `return` on an error path.
fn is_err(expr: &Expr) -> bool {
    match expr {
        Expr::Call(c) => {
            matches!(&*c.func, Expr::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == prelude::ERR))
        }
        Expr::Paren(p) => is_err(&p.expr),
        _ => false,
    }
}
