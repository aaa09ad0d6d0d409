//! The values of a body: creating them, their parts and owners, settling them (discharged
//! or handed off), losing them, and the variables that hold them.

use std::collections::HashSet;
use std::ops::Range;

use proc_macro2::TokenStream;
use syn::punctuated::Punctuated;
use syn::{Expr, Token};

use super::{Interp, Object};
use crate::catalog::{Blocking, Part, Resource, prelude};
use crate::flow::track::{Bits, GONE, LIVE, ObjectId, SETTLED, State, Val, Var};
use crate::flow::{Event, Exit, Loss};
use crate::syntax::idents::collect_idents;

/// How long a chain of views and calls `object_named` follows from the value it names.
pub(super) const MAX_RECEIVER_CHAIN: usize = 32;

impl Interp<'_, '_> {
    /// The object for `field` of `parent` (`child.stdout`), created open (live) the first
    /// time the field is used on a path where the parent exists.
    pub(super) fn part(
        &mut self,
        parent: ObjectId,
        part: &'static Part,
        span: Range<usize>,
    ) -> ObjectId {
        if let Some(&id) = self.parts.get(&(parent, part.field)) {
            return id;
        }
        let resource = self.out.objects[parent].resource;
        let config = self.out.objects[parent].config;
        self.out.objects.push(Object {
            part_of: Some((parent, part)),
            ..Object::new(resource, span, config)
        });
        let id = self.out.objects.len() - 1;
        self.parts.insert((parent, part.field), id);
        if self.bits(parent) & LIVE != 0 {
            self.state.set(id, LIVE);
        }
        id
    }

    pub(super) fn record(
        &mut self,
        blocking: Blocking,
        object: Option<ObjectId>,
        config: u32,
        span: Range<usize>,
    ) {
        self.record_event(blocking, object, config, span, None);
    }

    /// Records a blocking call; `joins`: the thread a `Join` joins.
    fn record_event(
        &mut self,
        blocking: Blocking,
        object: Option<ObjectId>,
        config: u32,
        span: Range<usize>,
        joins: Option<usize>,
    ) {
        if !self.state.is_reachable() {
            return;
        }
        if blocking == Blocking::Cancellation {
            // Waiting on a token waits on its ancestors' cancellation too.
            // (A waiter on a token already cancelled on this path waits for nothing.)
            let mut at = object;
            while let Some(id) = at {
                if self.bits(id) & LIVE != 0 {
                    self.state.mark_waited(id);
                }
                at = self.out.objects[id].parent;
            }
        }
        let live: Vec<ObjectId> = self.state.live().collect();
        let elsewhere: Vec<ObjectId> = live
            .iter()
            .copied()
            .filter(|&id| !self.held_here(id))
            .collect();
        let used: Vec<ObjectId> = self.state.used().collect();
        let known = self.out.objects.len();
        let after_terminate = object.is_some_and(|id| self.out.objects[id].terminated.is_some());
        if self.out.seen_events.insert((span.start, blocking, joins)) {
            self.out.events.push(Event {
                blocking,
                object,
                config,
                span,
                thread: self.thread,
                live,
                known,
                after_terminate,
                elsewhere,
                used,
                joins,
            });
        } else if let Some(e) = self
            .out
            .events
            .iter_mut()
            .find(|e| e.span.start == span.start && e.blocking == blocking && e.joins == joins)
        {
            // Met again (a loop's next round): what may be live, held elsewhere or used
            // is the union.
            for (all, new) in [
                (&mut e.live, live),
                (&mut e.elsewhere, elsewhere),
                (&mut e.used, used),
            ] {
                for id in new {
                    if !all.contains(&id) {
                        all.push(id);
                    }
                }
            }
        }
    }

    /// Whether the thread being evaluated holds `id`: a variable of its own (or a value
    /// its statements made) owns it, or, for a part still in its field (a pipe left in
    /// the child), the value holding it. The function's own thread holds everything.
    fn held_here(&self, id: ObjectId) -> bool {
        let (scope_base, temps_base) = self.thread_base;
        if scope_base == 0 {
            return true;
        }
        let holder = match self.out.objects[id].part_of {
            Some((parent, _)) if self.out.objects[id].taken_at.is_none() => parent,
            _ => id,
        };
        self.owned_from(holder, scope_base)
            || self.temps[temps_base.min(self.temps.len())..]
                .iter()
                .any(|t| t.contains(&holder))
    }

    /// A part (a pipe) is read or written here, on this thread.
    pub(super) fn used_part(&mut self, id: ObjectId) {
        if !self.state.is_reachable() || self.out.objects[id].part_of.is_none() {
            return;
        }
        self.state.mark_used(id);
        let io = self.out.thread_io.entry(self.thread).or_default();
        if !io.contains(&id) {
            io.push(id);
        }
    }

    /// `thread` is joined here: what blocks it blocks this thread, and its I/O is this
    /// thread's too.
    pub(super) fn join_thread(&mut self, thread: usize, span: Range<usize>) {
        if !self.state.is_reachable() || thread == self.thread {
            return;
        }
        self.record_event(Blocking::Join, None, 0, span, Some(thread));
        let io = self.out.thread_io.get(&thread).cloned().unwrap_or_default();
        let mine = self.out.thread_io.entry(self.thread).or_default();
        for id in io {
            if !mine.contains(&id) {
                mine.push(id);
            }
        }
    }

    pub(super) fn bits(&self, id: ObjectId) -> Bits {
        self.state.get(id)
    }

    pub(super) fn create(
        &mut self,
        resource: &'static Resource,
        span: Range<usize>,
        config: u32,
    ) -> ObjectId {
        let id = match self.out.sites.get(&span.start) {
            Some(&id) => id,
            None => {
                self.out
                    .objects
                    .push(Object::new(resource, span.clone(), config));
                let id = self.out.objects.len() - 1;
                self.out.sites.insert(span.start, id);
                id
            }
        };
        // A resource put at risk only by some calls (writes) starts clean.
        let armed_later = !resource.arm.is_empty() || !resource.armed_by_argument.is_empty();
        self.state.set(id, if armed_later { 0 } else { LIVE });
        if let Some(t) = self.temps.last_mut() {
            t.push(id);
        }
        id
    }

    /// Discharged (`discharged`) or handed off: the obligation is someone's. Only this
    /// path's state changes: whoever owns the value still does on the other paths, where
    /// it may still be lost.
    pub(super) fn settle(&mut self, id: ObjectId, discharged: bool) {
        let bits = self.bits(id);
        if self.state.is_reachable() && bits & LIVE != 0 {
            self.state.set(id, (bits & !LIVE) | SETTLED);
            self.state.unwait(id);
            self.out.objects[id].settled = true;
            self.out.objects[id].discharged |= discharged;
            self.out.objects[id].handed |= !discharged;
            if !discharged {
                self.hand_off_parts(id);
            }
            // What was made from it (child tokens) is settled with it.
            let children = self.children.get(&id).cloned().unwrap_or_default();
            for child in children {
                self.settle(child, discharged);
            }
        }
    }

    /// Known settled on this path by a test of its state (`if token.is_cancelled()`):
    /// nothing is left to do here, though nothing here settled it (so it counts for no
    /// handle's settling elsewhere).
    ///
    /// Only on the function's own path: a task that awaits `cancelled()` runs beside it,
    /// and what the task learns says nothing of the function's path.
    pub(super) fn known_settled(&mut self, id: ObjectId) {
        let bits = self.bits(id);
        if self.thread == 0 && self.state.is_reachable() && bits & LIVE != 0 {
            self.state.set(id, (bits & !LIVE) | SETTLED);
            self.state.unwait(id);
        }
    }

    /// A test of a tracked value's state (`token.is_cancelled()`, `!token.is_cancelled()`,
    /// in parentheses or not): the value, and whether the test holds where it is settled.
    pub(super) fn settled_test(&self, cond: &Expr) -> Option<(ObjectId, bool)> {
        match cond {
            Expr::Paren(p) => self.settled_test(&p.expr),
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Not(_)) => {
                self.settled_test(&u.expr).map(|(id, when)| (id, !when))
            }
            Expr::MethodCall(m) if m.args.is_empty() => {
                let Some(Val::Obj { id, .. }) = self.eval_peek(&m.receiver) else {
                    return None;
                };
                let method = m.method.to_string();
                self.out.objects[id]
                    .resource
                    .settled_when
                    .contains(&method.as_str())
                    .then_some((id, true))
            }
            _ => None,
        }
    }

    /// A future whose completion says a tracked value is settled (`token.cancelled()`).
    pub(super) fn settled_once_done(&self, future: &Expr) -> Option<ObjectId> {
        let Expr::MethodCall(m) = future else {
            return None;
        };
        let Some(Val::Obj { id, .. }) = self.eval_peek(&m.receiver) else {
            return None;
        };
        let method = m.method.to_string();
        self.out.objects[id]
            .resource
            .settled_once_done
            .contains(&method.as_str())
            .then_some(id)
    }

    /// Handed off (`take_pipes(&mut child)`): its parts still in their fields may be
    /// taken or read there, so from here on none is known to be open.
    fn hand_off_parts(&mut self, id: ObjectId) {
        let resource = self.out.objects[id].resource;
        let created = self.out.objects[id].created.clone();
        for part in resource.parts {
            match self.parts.get(&(id, part.field)) {
                Some(&pid) if self.out.objects[pid].taken_at.is_none() => self.settle(pid, false),
                Some(_) => {}
                // Made now, while the value is no longer live: not open.
                None => {
                    self.part(id, part, created.clone());
                }
            }
        }
    }

    /// Records that the value is lost here if it may be live; `mutate`: and it is gone
    /// from this path on (a `?` records the loss on its error path but the normal path
    /// goes on with the value).
    pub(super) fn lose(&mut self, id: ObjectId, span: Range<usize>, exit: Exit, mutate: bool) {
        let bits = self.bits(id);
        if !self.state.is_reachable() || bits & LIVE == 0 {
            return;
        }
        // A shared value (a token and its clones) is lost with its last handle: one
        // handle going out of scope while a variable still holds another loses nothing.
        if self.out.objects[id].resource.shared
            && matches!(exit, Exit::EndOfScope | Exit::Discarded)
            && self.owned_by_var(id)
        {
            return;
        }
        let thread = self.thread;
        let waited = self.state.waited(id);
        let writes = self.state.writes(id);
        let o = &mut self.out.objects[id];
        if o.seen.insert((span.start, exit)) {
            o.losses.push(Loss {
                span,
                exit,
                thread,
                waited,
                writes,
            });
        } else if let Some(l) = o
            .losses
            .iter_mut()
            .find(|l| l.span.start == span.start && l.exit == exit)
        {
            // Met again on another path (a loop's second pass, another arm joined late).
            l.waited |= waited;
            for w in writes {
                if let Err(i) = l.writes.binary_search(&w) {
                    l.writes.insert(i, w);
                }
            }
        }
        // Dropping one handle of a shared value loses nothing while others may live.
        if mutate && !o.resource.shared {
            self.state.set(id, (bits & !LIVE) | GONE);
        }
    }

    /// Removes `id` from whatever owns it (a variable or the statement's temporaries).
    pub(super) fn release(&mut self, id: ObjectId) {
        for (si, vi) in self.owners.remove(&id).unwrap_or_default() {
            if let Some(var) = self.scopes.get_mut(si).and_then(|s| s.vars.get_mut(vi)) {
                var.owns.retain(|o| *o != id);
            }
        }
        for t in &mut self.temps {
            t.retain(|o| *o != id);
        }
    }

    pub(super) fn owned_by_var(&self, id: ObjectId) -> bool {
        self.owners.get(&id).is_some_and(|o| !o.is_empty())
    }

    /// Whether a variable in a scope at or after `base` owns the value.
    pub(super) fn owned_from(&self, id: ObjectId, base: usize) -> bool {
        self.owners
            .get(&id)
            .is_some_and(|o| o.iter().any(|(si, _)| *si >= base))
    }

    pub(super) fn add_owner(&mut self, at: (usize, usize), id: ObjectId) {
        let var = self.var(at);
        if !var.owns.contains(&id) {
            var.owns.push(id);
            self.owners.entry(id).or_default().push(at);
        }
    }

    /// Takes every value a variable owns away from it.
    pub(super) fn take_owned(&mut self, at: (usize, usize)) -> Vec<ObjectId> {
        let owned = std::mem::take(&mut self.var(at).owns);
        for id in &owned {
            if let Some(o) = self.owners.get_mut(id) {
                o.retain(|x| *x != at);
            }
        }
        owned
    }

    pub(super) fn lookup(&self, name: &str) -> Option<(usize, usize)> {
        self.names.get(name).and_then(|v| v.last()).copied()
    }

    pub(super) fn push_var(&mut self, var: Var) {
        let Some(si) = self.scopes.len().checked_sub(1) else {
            return;
        };
        let vi = self.scopes[si].vars.len();
        let (name, owns) = (var.name.clone(), var.owns.clone());
        self.scopes[si].vars.push(Var {
            owns: Vec::new(),
            ..var
        });
        self.names.entry(name).or_default().push((si, vi));
        for id in owns {
            self.add_owner((si, vi), id);
        }
    }

    /// Values that may be live and are owned from scope `scope_base` or by statements
    /// from `temps_base` on: what an exit from there drops.
    pub(super) fn live_owned(&self, scope_base: usize, temps_base: usize) -> Vec<ObjectId> {
        self.live_owned_in(&self.state, scope_base, temps_base)
    }

    pub(super) fn live_owned_in(
        &self,
        state: &State,
        scope_base: usize,
        temps_base: usize,
    ) -> Vec<ObjectId> {
        let in_temps: HashSet<ObjectId> = self.temps[temps_base.min(self.temps.len())..]
            .iter()
            .flatten()
            .copied()
            .collect();
        state
            .live()
            .filter(|id| self.owned_from(*id, scope_base) || in_temps.contains(id))
            .collect()
    }

    pub(super) fn var(&mut self, at: (usize, usize)) -> &mut Var {
        &mut self.scopes[at.0].vars[at.1]
    }

    /// Declares an untracked-ownership variable in an outer scope (`scope`), visible from
    /// here on.
    pub(super) fn declare_in(&mut self, scope: usize, name: String, val: Val) {
        let Some(vars) = self.scopes.get_mut(scope).map(|s| &mut s.vars) else {
            return;
        };
        let vi = vars.len();
        vars.push(Var {
            name: name.clone(),
            val,
            owns: Vec::new(),
            is_container: false,
            is_collection: false,
        });
        let stack = self.names.entry(name).or_default();
        // Inner scopes' variables of the same name (none can have it) stay innermost.
        stack.insert(0, (scope, vi));
    }

    pub(super) fn declare(&mut self, name: String, val: Val) {
        let mut owns = Vec::new();
        let held: Vec<ObjectId> = match &val {
            Val::Obj { id, owned: true } | Val::Wrapped(id) => vec![*id],
            Val::Tuple(items) => items
                .iter()
                .filter_map(|v| match v {
                    Val::Obj { id, owned: true } => Some(*id),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        for id in held {
            for t in &mut self.temps {
                t.retain(|o| *o != id);
            }
            owns.push(id);
        }
        self.push_var(Var {
            name,
            val,
            owns,
            is_container: false,
            is_collection: false,
        });
    }

    /// Hands off every value that `tokens` (of a macro or closure we do not follow)
    /// may use: silence rather than a guess.
    pub(super) fn settle_mentioned(&mut self, tokens: TokenStream) {
        let mut names = Vec::new();
        collect_idents(tokens, &mut names);
        for name in names {
            if name == "self" {
                self.self_escapes();
            }
            if let Some(at) = self.lookup(&name) {
                let var = self.var(at).clone();
                for id in var.owns.iter().copied().chain(var.val.object()) {
                    self.settle(id, false);
                }
            }
        }
    }

    /// The tracked value a receiver expression names (`child`, `child.as_mut()`, `&mut child`,
    /// `child.stdout.take().unwrap()`).
    pub(super) fn object_named(&self, expr: &Expr) -> Option<ObjectId> {
        let mut expr = expr;
        // Receivers are short; a longer chain (`t??…?`) is not followed, so that naming
        // the receiver at each of its levels costs a bounded walk.
        for _ in 0..MAX_RECEIVER_CHAIN {
            expr = match expr {
                Expr::Paren(p) => &p.expr,
                Expr::Reference(r) => &r.expr,
                Expr::Field(f) => &f.base,
                Expr::Try(t) => &t.expr,
                Expr::MethodCall(m)
                    if m.args.is_empty() || prelude::keeps_value(&m.method.to_string()) =>
                {
                    &m.receiver
                }
                other => return self.object_at(other),
            };
        }
        None
    }

    /// `object_named` at the end of the chain: a variable, or the pipe a write macro
    /// writes to.
    fn object_at(&self, expr: &Expr) -> Option<ObjectId> {
        match expr {
            Expr::Path(p) => {
                let at = self.lookup(&p.path.get_ident()?.to_string())?;
                self.scopes[at.0].vars[at.1].val.object()
            }
            // `writeln!(stdin, ..)` is a call on its first argument.
            Expr::Macro(m)
                if m.mac
                    .path
                    .segments
                    .last()
                    .is_some_and(|s| prelude::write_macro(&s.ident.to_string()).is_some()) =>
            {
                let args = m
                    .mac
                    .parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated)
                    .ok()?;
                self.object_named(args.first()?)
            }
            _ => None,
        }
    }

    /// The variable a method chain starts from (`cmd` in `cmd.arg(..).stdout(..)`).
    pub(super) fn chain_root(&self, expr: &Expr) -> Option<(usize, usize)> {
        match expr {
            Expr::MethodCall(m) => self.chain_root(&m.receiver),
            Expr::Paren(p) => self.chain_root(&p.expr),
            Expr::Path(p) => self.lookup(&p.path.get_ident()?.to_string()),
            Expr::Field(f) => self.lookup(&self.field_place(f)?),
            _ => None,
        }
    }

    /// The name of the variable standing for `self.field` (see `builder_place`).
    pub(super) fn field_place(&self, f: &syn::ExprField) -> Option<String> {
        let Expr::Path(base) = &*f.base else {
            return None;
        };
        let member = crate::syntax::idents::member_name(&f.member);
        // Not an identifier, so no variable of the body can shadow it.
        base.path.is_ident("self").then(|| format!("self.{member}"))
    }

    /// What a variable holds, without evaluating anything.
    pub(super) fn eval_peek(&self, expr: &Expr) -> Option<Val> {
        let Expr::Path(p) = expr else { return None };
        let at = self.lookup(&p.path.get_ident()?.to_string())?;
        Some(self.scopes[at.0].vars[at.1].val.clone())
    }

    /// The value a part belongs to (the child of a pipe), or the value itself.
    pub(super) fn root(&self, id: ObjectId) -> ObjectId {
        self.out.objects[id]
            .part_of
            .map_or(id, |(parent, _)| parent)
    }
}
