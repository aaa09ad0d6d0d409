//! Method calls, by what the receiver evaluates to: a builder being configured, a field
//! holding a part, a tracked value or one of its parts (in `object`), what was read from
//! one, the result of a poll, a `Result`/`Option` holding one. Calls on local
//! collections and spawner methods come first.

use syn::Expr;

use super::{Interp, Mode};
use crate::catalog::{Builder, Catalog, EXECUTORS, Resource, prelude};
use crate::flow::effects::ParamEffects;
use crate::flow::track::{ObjectId, Val};
use crate::syntax::span;
use crate::syntax::statements::runs_a_write;

/// One method call being evaluated: the call, its name, and whether it is awaited.
pub(super) struct Call<'m> {
    pub(super) m: &'m syn::ExprMethodCall,
    pub(super) method: String,
    pub(super) awaited: bool,
}

impl Call<'_> {
    pub(super) fn is(&self, names: &[&str]) -> bool {
        names.contains(&self.method.as_str())
    }
}

impl Interp<'_, '_> {
    pub(super) fn method_call(&mut self, m: &syn::ExprMethodCall) -> Val {
        // Only the outermost call of an awaited expression is awaited.
        let awaited = std::mem::take(&mut self.awaited);
        let call = Call {
            m,
            method: m.method.to_string(),
            awaited,
        };
        // A user-declared constructor method (`.lease`).
        if let Some(u) = self
            .user
            .iter()
            .find(|u| u.constructed_by_method(&call.method))
        {
            self.eval(&m.receiver, Mode::Borrow);
            for a in &m.args {
                self.argument(a);
            }
            let id = self.create(u.resource, span::method_call(m), 0);
            return Val::Obj { id, owned: true };
        }
        if let Some(v) = self.self_method(&call) {
            return v;
        }
        if let Some(v) = self.collection_method(&call) {
            return v;
        }
        if call.is(EXECUTORS.methods)
            && m.args
                .iter()
                .any(|a| matches!(a, Expr::Closure(_) | Expr::Async(_)))
        {
            self.eval(&m.receiver, Mode::Borrow);
            let to_end = call.is(EXECUTORS.run_to_end);
            return self.run_spawned(m.args.iter(), to_end, span::method_call(m));
        }
        let consumes = prelude::keeps_value(&call.method);
        let receiver = self.eval(
            &m.receiver,
            if consumes { Mode::Move } else { Mode::Borrow },
        );
        match receiver {
            Val::Builder { builder, config } => self.builder_method(&call, builder, config),
            Val::Field(pid) => self.field_method(&call, pid),
            Val::Obj { id, owned } if self.out.objects[id].part_of.is_some() => {
                self.part_method(&call, id, owned)
            }
            Val::Obj { id, owned } => self.object_method(&call, id, owned),
            Val::Derived(id) => self.derived_method(&call, id),
            Val::Polled(id) | Val::Status(id) => {
                for a in &m.args {
                    self.eval(a, Mode::Borrow);
                }
                let status = matches!(receiver, Val::Status(_));
                if call.is(prelude::PANICKING_UNWRAP) && status {
                    // `wait_timeout(d)?.expect(..)`: past it, the child exited.
                    self.settle(id, true);
                    Val::Untracked
                } else if call.is(prelude::PANICKING_UNWRAP) {
                    Val::Status(id)
                } else if consumes {
                    receiver
                } else {
                    // Inspected (`is_some()`, `map(..)`): some path may see it done.
                    self.settle(id, true);
                    Val::Untracked
                }
            }
            Val::Wrapped(id) => self.wrapped_method(&call, id),
            // A constructor's `Result` of a tuple (`connect(..).await.into_diagnostic()`).
            Val::Tuple(items) if consumes || call.is(prelude::ERROR_ADAPTERS) => {
                self.arguments(m);
                Val::Tuple(items)
            }
            Val::Handle(thread) => self.handle_method(&call, thread),
            Val::Joined(thread) if consumes => {
                self.arguments(m);
                Val::Joined(thread)
            }
            // Conversions of a process id (`.unwrap()`, `.into()`, `.to_string()`) are the
            // process id still.
            Val::Pid(id) if m.args.is_empty() => Val::Pid(id),
            other @ (Val::Untracked
            | Val::Tuple(_)
            | Val::Selected(_)
            | Val::Joined(_)
            | Val::Pid(_)) => {
                self.arguments(m);
                // `db.get_connection()?.unchecked_transaction()`: a name only one library
                // has begins its value on a receiver of unknown type.
                match (other, Catalog::created_on_any_receiver(&call.method)) {
                    (Val::Untracked, Some(resource)) => {
                        let id = self.create(resource, span::method_call(m), 0);
                        created(id, resource)
                    }
                    _ => Val::Untracked,
                }
            }
        }
    }

    /// `self.command()`: a method of this file's `Self` that creates what it returns, or
    /// whose summary says what it does to the values it is given (`self.reap(&mut child)`).
    fn self_method(&mut self, call: &Call<'_>) -> Option<Val> {
        let Expr::Path(p) = &*call.m.receiver else {
            return None;
        };
        if !p.path.is_ident("self") {
            return None;
        }
        let owner = self
            .resolver
            .resolve_segments(&["Self".to_string()])
            .single()?
            .to_string();
        let key = format!("{owner}::{}", call.method);
        let creator = self.summaries.creator(&key).cloned();
        let effects = self.summaries.effects_of(&key).cloned();
        if creator.is_none() && effects.is_none() {
            return None;
        }
        let span = span::method_call(call.m);
        self.pass_arguments(&call.m.args, effects.as_ref(), false, span.clone());
        self.replay_on_fields(effects.as_ref(), span.clone());
        Some(match creator {
            Some(creator) => self.made(&creator, span),
            None => Val::Untracked,
        })
    }

    /// The summary of `self.method(..)`, a method of this file's `Self`.
    pub(super) fn self_method_effects(&self, m: &syn::ExprMethodCall) -> Option<ParamEffects> {
        let Expr::Path(p) = &*m.receiver else {
            return None;
        };
        if !p.path.is_ident("self") {
            return None;
        }
        let owner = self
            .resolver
            .resolve_segments(&["Self".to_string()])
            .single()?
            .to_string();
        self.summaries
            .effects_of(&format!("{owner}::{}", m.method))
            .cloned()
    }

    /// Every argument of a method we do not see into, handed off.
    pub(super) fn arguments(&mut self, m: &syn::ExprMethodCall) {
        for a in &m.args {
            if !self.written_through(a, m) {
                self.argument(a);
            }
        }
    }

    /// `query.execute(&mut *tx)`: a value the method writes through (its resource's
    /// `armed_by_argument`) is written to, and stays where it is; one the method only
    /// reads through (`fetch_one(&mut *tx)`, in its `neutral`) stays where it is.
    fn written_through(&mut self, a: &Expr, m: &syn::ExprMethodCall) -> bool {
        let Some(id) = self.executor_argument(a) else {
            return false;
        };
        let resource = self.out.objects[id].resource;
        let method = m.method.to_string();
        let at = m.method.span().byte_range().start;
        if resource.armed_by_argument.contains(&method.as_str()) {
            self.write_to(id, at);
            return true;
        }
        if !resource.neutral.contains(&method.as_str()) {
            return false;
        }
        // `sqlx::query("INSERT .. RETURNING id").fetch_one(&mut *tx)`: a read that writes.
        if runs_a_write(m) {
            self.write_to(id, at);
        }
        true
    }

    /// The value an executor argument (`&mut *tx`, `&mut tx`, `tx`) names, if its
    /// resource is used through arguments.
    pub(super) fn executor_argument(&self, a: &Expr) -> Option<ObjectId> {
        let mut inner = a;
        while let Expr::Reference(r) = inner {
            inner = &r.expr;
        }
        while let Expr::Unary(u) = inner
            && matches!(u.op, syn::UnOp::Deref(_))
        {
            inner = &u.expr;
        }
        // A bare name passes what it holds: a borrow (a helper's `conn: &mut PgConnection`)
        // is lent again, but an owned transaction moves (`task.execute(tx, input)` hands it
        // to a method that only shares the name).
        if std::ptr::eq(inner, a)
            && let Expr::Path(p) = a
            && let Some(at) = p.path.get_ident().and_then(|i| self.lookup(&i.to_string()))
            && !matches!(
                self.scopes[at.0].vars[at.1].val,
                Val::Obj { owned: false, .. }
            )
        {
            return None;
        }
        let id = self.object_named(inner)?;
        (!self.out.objects[id].resource.armed_by_argument.is_empty()).then_some(id)
    }

    /// Adding to a local collection (it now owns the value), or only looking at one that
    /// holds tracked values.
    fn collection_method(&mut self, call: &Call<'_>) -> Option<Val> {
        let at = match &*call.m.receiver {
            Expr::Path(p) => p.path.get_ident().and_then(|i| self.lookup(&i.to_string())),
            _ => None,
        }?;
        if call.is(prelude::COLLECT) && self.var(at).is_collection {
            let mut taken = Vec::new();
            for a in &call.m.args {
                match self.eval(a, Mode::Move) {
                    Val::Obj { id, owned: true } | Val::Wrapped(id) => taken.push(id),
                    // `jobs.push((name, child))`: the collection owns what the tuple holds.
                    Val::Tuple(items) => taken.extend(items.iter().filter_map(|v| match v {
                        Val::Obj { id, owned: true } | Val::Wrapped(id) => Some(*id),
                        _ => None,
                    })),
                    _ => {}
                }
            }
            for id in taken {
                self.release(id);
                self.add_owner(at, id);
                self.var(at).is_container = true;
            }
            return Some(Val::Untracked);
        }
        if call.is(prelude::COLLECTION_NEUTRAL) && self.var(at).is_container {
            return Some(Val::Untracked);
        }
        None
    }

    /// A builder's method: a setting, a completion (`status()`), or the method that
    /// creates the resource (`spawn()`).
    fn builder_method(&mut self, call: &Call<'_>, builder: &'static Builder, config: u32) -> Val {
        let m = call.m;
        let mut config = config;
        for setting in builder.settings.iter().filter(|s| s.method == call.method) {
            if m.args
                .first()
                .is_some_and(|a| self.is_argument(a, setting.argument))
            {
                config |= setting.flag;
            } else {
                config &= !setting.flag;
            }
        }
        for a in &m.args {
            self.eval(a, Mode::Borrow);
        }
        if let Some(c) = builder.completions.iter().find(|c| c.method == call.method) {
            self.record(c.blocking, None, config, span::method_call(m));
            return Val::Untracked;
        }
        if let Some(resource) = Catalog::resource_created_by(builder.ty, &call.method) {
            let id = self.create(resource, span::method_call(m), config);
            return created(id, resource);
        }
        // Settings change the builder a variable holds, also through a chain
        // (`cmd.arg(..).stdout(..);`: each call returns `&mut Command`).
        if let Some(at) = self.chain_root(&m.receiver)
            && let Val::Builder { .. } = self.var(at).val
        {
            self.var(at).val = Val::Builder { builder, config };
        }
        Val::Builder { builder, config }
    }

    /// A method of the `Option` field holding a part (`child.stdout.take()`).
    fn field_method(&mut self, call: &Call<'_>, pid: ObjectId) -> Val {
        let m = call.m;
        self.arguments(m);
        if call.method == prelude::TAKE {
            // Taken out of the field: the result owns it now.
            self.out.objects[pid].taken_at = Some(span::method_call(m));
            if let Some(t) = self.temps.last_mut() {
                t.push(pid);
            }
            Val::Wrapped(pid)
        } else if call.is(prelude::MOVE_OUT) {
            // `child.stdout.unwrap()` moves it out of the child.
            self.out.objects[pid].taken_at = Some(span::method_call(m));
            if let Some(t) = self.temps.last_mut() {
                t.push(pid);
            }
            Val::Obj {
                id: pid,
                owned: true,
            }
        } else if call.is(prelude::VIEW) {
            Val::Obj {
                id: pid,
                owned: false,
            }
        } else {
            Val::Untracked
        }
    }

    /// A method of what was read from a value (a pipe's lines, a stream's next item).
    fn derived_method(&mut self, call: &Call<'_>, id: ObjectId) -> Val {
        self.arguments(call.m);
        let resource = self.out.objects[id].resource;
        if call.is(resource.drained_by) {
            return Val::Derived(id);
        }
        if call.is(resource.recover) {
            // `registration.handle()`: another handle of the same value.
            return Val::Obj { id, owned: true };
        }
        // Reading what a pipe gives (`lines.next()`) reads the pipe.
        self.used_part(id);
        let drains = call.is(prelude::CONSUME) || (call.is(prelude::NEXT) && self.in_loop());
        if drains && self.out.objects[id].part_of.is_some() {
            self.record(
                crate::catalog::Blocking::ReadToEof,
                Some(id),
                0,
                span::method_call(call.m),
            );
        }
        if prelude::keeps_value(&call.method) || call.is(prelude::ERROR_ADAPTERS) {
            Val::Derived(id)
        } else {
            Val::Untracked
        }
    }

    /// A method of a `Result`/`Option` holding a tracked value.
    fn wrapped_method(&mut self, call: &Call<'_>, id: ObjectId) -> Val {
        let m = call.m;
        if call.is(prelude::WITH_VALUE) {
            // The closure receives the value: run it with the value bound.
            for a in &m.args {
                match a {
                    Expr::Closure(c) => self.inline_with(
                        false,
                        &c.body,
                        &c.inputs,
                        Some(Val::Obj { id, owned: true }),
                    ),
                    other => self.argument(other),
                }
            }
            if !m.args.iter().any(|a| matches!(a, Expr::Closure(_))) {
                self.settle(id, false);
            }
            return Val::Untracked;
        }
        self.arguments(m);
        if call.is(prelude::UNWRAP) {
            Val::Obj { id, owned: true }
        } else if call.is(prelude::PLUMBING) {
            Val::Wrapped(id)
        } else if call.is(prelude::INSPECT) {
            Val::Untracked
        } else {
            // A method we do not know on a fresh `Result`/`Option` of the value is an error
            // adapter of the project's or a crate's (`.report()`, `.log_err()`): it keeps the
            // value for the `?`, `unwrap` or `match` that follows; a statement that ends
            // there (`spawn().non_fatal();`) drops it.
            Val::Wrapped(id)
        }
    }

    /// Whether `arg` is the catalog's argument: a call of the function at `path`
    /// (`Stdio::piped()`) or the literal `path` (`true`).
    fn is_argument(&self, arg: &Expr, path: &str) -> bool {
        match arg {
            Expr::Call(c) => match &*c.func {
                Expr::Path(p) => self.resolver.resolve(&p.path).is_any(&[path]),
                _ => false,
            },
            Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Bool(b),
                ..
            }) => path == if b.value { "true" } else { "false" },
            _ => false,
        }
    }
}

/// What a builder's creating method gives: the value, inside a `Result` when it can
/// fail, or a tuple holding it (a connection, with the client that needs it).
fn created(id: ObjectId, resource: &Resource) -> Val {
    if let Some((at, len)) = resource.create_tuple {
        return Val::Tuple(
            (0..len)
                .map(|i| {
                    if i == at {
                        Val::Obj { id, owned: true }
                    } else if resource.driven_by_await {
                        // The client, whose requests need the connection.
                        Val::Derived(id)
                    } else {
                        Val::Untracked
                    }
                })
                .collect(),
        );
    }
    if resource.fallible {
        Val::Wrapped(id)
    } else {
        Val::Obj { id, owned: true }
    }
}
