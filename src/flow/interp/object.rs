//! Methods called on a tracked value itself, or on one of its parts (a child's pipe):
//! the catalog entry of its resource says which settle it, which block on it, which only
//! look, which put it at risk; any other method may settle it (an extension trait), and
//! is taken as handing it off.

use syn::Expr;

use super::Interp;
use super::method::Call;
use crate::catalog::{Blocking, Resource, SPLITTERS, prelude};
use crate::flow::Exit;
use crate::flow::track::{LIVE, ObjectId, Val};
use crate::syntax::span;
use crate::syntax::statements::runs_a_write;

use super::call::split_halves;

impl Interp<'_, '_> {
    /// A method of a part (`stdin.write_all(..)`, `stdout.read_to_end(..)`).
    pub(super) fn part_method(&mut self, call: &Call<'_>, id: ObjectId, owned: bool) -> Val {
        let m = call.m;
        if call.is(prelude::WITH_VALUE) {
            // `stdin.as_mut().map(|s| s.write_all(..))`: the closure gets it.
            for a in &m.args {
                match a {
                    Expr::Closure(c) => self.inline_with(
                        false,
                        &c.body,
                        &c.inputs,
                        Some(Val::Obj { id, owned: false }),
                    ),
                    other => self.argument(other),
                }
            }
            return Val::Untracked;
        }
        self.arguments(m);
        let Some((_, part)) = self.out.objects[id].part_of else {
            return Val::Untracked;
        };
        if call.is(prelude::ITERATE) {
            // `lines()`, `bytes()`: the reads happen when it is iterated.
            Val::Derived(id)
        } else if call.is(part.reads_to_eof) {
            self.used_part(id);
            self.record(Blocking::ReadToEof, Some(id), 0, span::method_call(m));
            Val::Derived(id)
        } else if call.is(part.writes) {
            self.write_through(id, &call.method);
            Val::Untracked
        } else if prelude::keeps_value(&call.method) || call.is(prelude::REBORROW) {
            Val::Obj { id, owned }
        } else {
            // Any other I/O (`read(&mut buf)`, `read_line`) drains some of it.
            self.used_part(id);
            Val::Untracked
        }
    }

    /// `method` writes to the value (`stdin.write_all(..)`, `writeln!(stdin, ..)`): a
    /// pipe that takes it is written to.
    pub(super) fn write_through(&mut self, id: ObjectId, method: &str) {
        if let Some((_, part)) = self.out.objects[id].part_of
            && part.writes.contains(&method)
        {
            self.out.objects[id].written = true;
            self.used_part(id);
        }
    }

    /// A method of the tracked value itself.
    pub(super) fn object_method(&mut self, call: &Call<'_>, id: ObjectId, owned: bool) -> Val {
        let resource = self.out.objects[id].resource;
        self.arguments(call.m);
        if resource.shared && call.method == prelude::CLONE {
            // Another handle of the same value.
            return Val::Obj { id, owned: true };
        }
        // `Session::open(..).expect(..)`: a constructor's `Result` is followed as the
        // value itself.
        if prelude::keeps_value(&call.method) && !call.is(resource.reborrow) {
            return Val::Obj { id, owned };
        }
        if call.is(resource.drained_by) {
            return Val::Derived(id);
        }
        if call.is(resource.pid) {
            return Val::Pid(id);
        }
        if let Some(v) = self.risky_method(call, id, resource) {
            return v;
        }
        if call.is(resource.children) {
            return self.child_of(call, id, resource);
        }
        if let Some(v) = self.blocking_method(call, id, resource) {
            return v;
        }
        if call.is(resource.terminate) {
            self.terminate(id, span::method_call(call.m));
        }
        self.settling_method(call, id, resource)
    }

    /// Written to by the call whose method's name starts at `at`: now there is something
    /// to lose, unless this path closed it already.
    pub(super) fn write_to(&mut self, id: ObjectId, at: usize) {
        if self.state.is_reachable() && !self.state.closed(id) {
            self.state.set(id, LIVE);
            self.state.mark_written(id, at);
        }
    }

    /// Methods that put the value at risk (a write to a buffered writer), close it
    /// (`send(Message::Close(..))`), throw away what is at risk (`into_inner()`), or split
    /// it into halves.
    fn risky_method(&mut self, call: &Call<'_>, id: ObjectId, resource: &Resource) -> Option<Val> {
        let m = call.m;
        if call.is(resource.arm) {
            if let Some(closing) = resource.closing_argument
                && m.args.iter().any(|a| names_call(a, closing))
            {
                // Closed, perhaps before anything was written (rusqlite's
                // `set_drop_behavior(DropBehavior::Commit)` first): the writes after it put
                // nothing at risk.
                self.state.mark_closed(id);
                self.settle(id, true);
                return Some(Val::Untracked);
            }
            self.write_to(id, m.method.span().byte_range().start);
            return Some(Val::Untracked);
        }
        // `tx.query_one("INSERT .. RETURNING id", ..)`: a read that writes.
        if resource.rolls_back_on_error && call.is(resource.neutral) && runs_a_write(m) {
            self.write_to(id, m.method.span().byte_range().start);
        }
        if call.is(resource.loses) {
            // async-std's `into_inner` is async and writes the buffer out first;
            // tokio's and futures' are not, and discard it.
            if call.awaited {
                self.settle(id, true);
            } else {
                self.lose(id, span::method_call(m), Exit::Dropped, true);
            }
            return Some(Val::Untracked);
        }
        if !resource.arm.is_empty()
            && let Some(s) = SPLITTERS
                .iter()
                .find(|s| s.is_method && s.name == call.method)
        {
            return Some(split_halves(id, s.carries_on));
        }
        None
    }

    /// `parent.child_token()`: a value settled with the one it is made from.
    fn child_of(&mut self, call: &Call<'_>, id: ObjectId, resource: &'static Resource) -> Val {
        let child = self.create(resource, span::method_call(call.m), 0);
        self.out.objects[child].parent = Some(id);
        let siblings = self.children.entry(id).or_default();
        if !siblings.contains(&child) {
            siblings.push(child);
        }
        Val::Obj {
            id: child,
            owned: true,
        }
    }

    /// A method that blocks on the value's end (`wait()`, `cancelled()`): recorded where
    /// it blocks. A future not awaited here waits where it is awaited or polled.
    fn blocking_method(
        &mut self,
        call: &Call<'_>,
        id: ObjectId,
        resource: &Resource,
    ) -> Option<Val> {
        let (_, blocking) = resource
            .blocking
            .iter()
            .find(|(name, _)| *name == call.method)?;
        if blocking.is_future() && !call.awaited {
            return Some(Val::Derived(id));
        }
        self.record(*blocking, Some(id), 0, span::method_call(call.m));
        self.close_parts(id, *blocking);
        None
    }

    /// Waiting closes the parts the value still holds (stdin for `wait`); parts taken out
    /// are the taker's.
    pub(super) fn close_parts(&mut self, id: ObjectId, blocking: Blocking) {
        for field in blocking.closes() {
            if let Some(&pid) = self.parts.get(&(id, *field))
                && self.out.objects[pid].taken_at.is_none()
            {
                self.settle(pid, false);
            }
        }
    }

    /// What is left: methods that settle it, poll it, reborrow it, only look at it, or
    /// that we do not know (which may settle it: silence rather than a guess).
    fn settling_method(&mut self, call: &Call<'_>, id: ObjectId, resource: &Resource) -> Val {
        if call.is(resource.discharge) {
            self.settle(id, true);
            Val::Untracked
        } else if call.is(resource.poll) {
            if self.in_loop() {
                // Polled in a loop: the loop runs until it is done; what must drain
                // meanwhile is judged where it polls.
                if self.bits(id) & LIVE != 0 {
                    self.record(Blocking::Poll, Some(id), 0, span::method_call(call.m));
                }
                self.settle(id, true);
                Val::Untracked
            } else {
                Val::Polled(id)
            }
        } else if call.is(resource.reborrow) {
            Val::Obj { id, owned: false }
        } else if call.is(resource.neutral) {
            // What is read from a stream carries where it came from: a `?` on it is a
            // failure of the stream itself.
            if resource.arm.is_empty() {
                Val::Untracked
            } else {
                Val::Derived(id)
            }
        } else {
            self.settle(id, false);
            Val::Untracked
        }
    }
}

/// Whether `e` is a call or path whose last segment is `name` (`Message::Close(None)`).
fn names_call(e: &Expr, name: &str) -> bool {
    let path = match e {
        Expr::Call(c) => match &*c.func {
            Expr::Path(p) => &p.path,
            _ => return false,
        },
        Expr::Path(p) => &p.path,
        _ => return false,
    };
    path.segments.last().is_some_and(|s| s.ident == name)
}
