//! Loops and jumps: `loop`, `while` and `for` are analysed to a fixpoint; `break` and
//! `continue` (labelled or not) carry the state to their target; labelled blocks take
//! `break 'label`.

use std::ops::Range;

use syn::{Block, Expr, Pat};

use super::{Interp, Mode};
use crate::catalog::{Blocking, prelude};
use crate::flow::Exit;
use crate::flow::track::{ABSENT, Bits, LIVE, ObjectId, Scope, State, Val};
use crate::syntax::span;

/// How many times a loop body is re-analysed before its state is taken as final. Each
/// value's state only grows (four bits), so real loops settle in two or three rounds.
const MAX_LOOP_ROUNDS: usize = 6;

/// Loop-body rounds one body may take in all. A function's loops take a few rounds each;
/// only loops nested a dozen deep, each re-run for every round of the one around it,
/// come near.
const LOOP_BUDGET: usize = 4096;

/// What a `for` loop binds each round.
#[derive(Clone, Copy)]
struct ForBinding<'p> {
    pat: &'p Pat,
    /// The value taken from a local collection, and whether it is moved into the pattern.
    element: Option<(ObjectId, bool)>,
    /// The value the items are read from (a pipe's lines).
    items: Option<ObjectId>,
}

/// A loop (or labeled block) that `break` and `continue` can target.
pub(super) struct LoopTarget {
    label: Option<String>,
    scope_depth: usize,
    temps_depth: usize,
    breaks: State,
    continues: State,
    /// A labeled block takes `break 'label` but is not a loop.
    is_loop: bool,
}

impl Interp<'_, '_> {
    /// Whether evaluation is inside a loop of the current body.
    pub(super) fn in_loop(&self) -> bool {
        let base = self.frames.last().map_or(0, |f| f.loop_base);
        self.loops[base..].iter().any(|l| l.is_loop)
    }

    pub(super) fn loop_expr(&mut self, l: &syn::ExprLoop) -> Val {
        let label = l.label.as_ref().map(|l| l.name.ident.to_string());
        self.looping(label, None, &l.body, None);
        Val::Untracked
    }

    pub(super) fn while_expr(&mut self, w: &syn::ExprWhile) -> Val {
        let label = w.label.as_ref().map(|l| l.name.ident.to_string());
        self.looping(label, Some(&w.cond), &w.body, None);
        Val::Untracked
    }

    /// `for pat in expr`: over a local collection's elements, over what a tracked value
    /// reads (a pipe's lines, read to the end), or over anything else.
    pub(super) fn for_expr(&mut self, f: &syn::ExprForLoop) -> Val {
        let element = self.collection_element(&f.expr);
        let mut items = None;
        if element.is_none()
            && let Val::Derived(id) = self.eval(&f.expr, Mode::Move)
        {
            if self.out.objects[id].part_of.is_some() {
                self.used_part(id);
                self.record(Blocking::ReadToEof, Some(id), 0, span::expr(&f.expr));
            }
            items = Some(id);
        }
        let label = f.label.as_ref().map(|l| l.name.ident.to_string());
        self.looping(
            label,
            None,
            &f.body,
            Some(ForBinding {
                pat: &f.pat,
                element,
                items,
            }),
        );
        Val::Untracked
    }

    /// `break value`: the value goes to the loop's result; the loop's values are dropped.
    pub(super) fn break_expr(&mut self, b: &syn::ExprBreak) -> Val {
        if let Some(e) = &b.expr {
            self.hand_off(e);
        }
        let label = b.label.as_ref().map(|l| l.ident.to_string());
        self.jump(label, b.break_token.span.byte_range(), Exit::Break);
        Val::Untracked
    }

    pub(super) fn continue_expr(&mut self, c: &syn::ExprContinue) -> Val {
        let label = c.label.as_ref().map(|l| l.ident.to_string());
        self.jump(label, c.continue_token.span.byte_range(), Exit::Continue);
        Val::Untracked
    }

    /// The value a `while let` condition reads to its end (`ws.next().await`).
    pub(super) fn drained_by(&self, cond: &Expr) -> Option<ObjectId> {
        let Expr::Let(l) = cond else { return None };
        let mut op = &*l.expr;
        while let Expr::Await(a) = op {
            op = &a.base;
        }
        let Expr::MethodCall(m) = op else { return None };
        let id = self.object_named(&m.receiver)?;
        self.out.objects[id]
            .resource
            .drained_by
            .contains(&m.method.to_string().as_str())
            .then_some(id)
    }

    /// `break` / `continue`: values owned inside the target loop are dropped.
    pub(super) fn jump(&mut self, label: Option<String>, span: Range<usize>, exit: Exit) {
        let loop_base = self.frames.last().map_or(0, |f| f.loop_base);
        let target = self.loops[loop_base..].iter().rposition(|t| match &label {
            Some(l) => t.label.as_deref() == Some(l),
            None => t.is_loop,
        });
        let Some(index) = target.map(|i| i + loop_base) else {
            self.state = State::unreachable();
            return;
        };
        let (scope_depth, temps_depth) =
            (self.loops[index].scope_depth, self.loops[index].temps_depth);
        // Guards dropped by the jump run their closures there.
        if self.guards_armed(scope_depth) {
            self.unwind_guards(scope_depth, temps_depth, &span, exit, &[]);
        }
        let mut lost: Vec<ObjectId> = self.scopes[scope_depth.min(self.scopes.len())..]
            .iter()
            .flat_map(|s| s.vars.iter().flat_map(|v| v.owns.iter().copied()))
            .collect();
        lost.extend(
            self.temps[temps_depth.min(self.temps.len())..]
                .iter()
                .flatten()
                .copied(),
        );
        for id in lost {
            self.lose(id, span.clone(), exit, false);
        }
        let state = std::mem::replace(&mut self.state, State::unreachable());
        let t = &mut self.loops[index];
        if exit == Exit::Continue {
            t.continues.join(&state);
        } else {
            t.breaks.join(&state);
        }
    }

    pub(super) fn labeled_block(&mut self, label: &str, block: &Block) -> Val {
        self.loops.push(LoopTarget {
            label: Some(label.to_string()),
            scope_depth: self.scopes.len(),
            temps_depth: self.temps.len(),
            breaks: State::unreachable(),
            continues: State::unreachable(),
            is_loop: false,
        });
        let v = self.block(block);
        if let Some(t) = self.loops.pop() {
            self.state.join(&t.breaks);
        }
        v
    }

    /// `loop`, `while` (with `cond`) and `for` (with `pat`): the body is analysed until
    /// the state at its head stops growing.
    ///
    /// A `for` over a local collection that holds one tracked value binds each element
    /// (`element`: the value, and whether it is moved into the loop variable). Every
    /// round starts with a fresh element; when the loop ends, every element went through
    /// the body, so the element's state is what the body left (absent if it never ran).
    fn looping(
        &mut self,
        label: Option<String>,
        cond: Option<&Expr>,
        body: &Block,
        pat: Option<ForBinding<'_>>,
    ) {
        let entry = self.state.clone();
        let mut head = entry.clone();
        let mut exit = State::unreachable();
        let element = pat.as_ref().and_then(|p| p.element);
        let mut processed: Bits = ABSENT;
        for round in 0..MAX_LOOP_ROUNDS {
            // Nested loops multiply their rounds: past the budget, each loop runs once
            // and the body's findings are dropped.
            self.rounds += 1;
            if self.rounds > LOOP_BUDGET {
                self.approximate = true;
                if round > 0 {
                    break;
                }
            }
            self.state = head.clone();
            self.loops.push(LoopTarget {
                label: label.clone(),
                scope_depth: self.scopes.len(),
                temps_depth: self.temps.len(),
                breaks: State::unreachable(),
                continues: State::unreachable(),
                is_loop: true,
            });
            self.scopes.push(Scope::default());
            self.temps.push(Vec::new());
            let mut round_exit = State::unreachable();
            if let Some(cond) = cond {
                // The loop ends when the condition fails.
                let mut otherwise = self.condition(cond);
                // `while let Some(msg) = ws.next().await`: ending because the stream ended
                // completes its closing handshake.
                if let Some(id) = self.drained_by(cond) {
                    let around = std::mem::replace(&mut self.state, otherwise);
                    self.settle(id, true);
                    otherwise = std::mem::replace(&mut self.state, around);
                }
                // `while !token.is_cancelled()` ends only once it is cancelled.
                if let Some((id, false)) = self.settled_test(cond) {
                    let around = std::mem::replace(&mut self.state, otherwise);
                    self.known_settled(id);
                    otherwise = std::mem::replace(&mut self.state, around);
                }
                round_exit.join(&otherwise);
            } else if pat.is_some() {
                // A `for` loop may run no more times.
                round_exit.join(&self.state);
            }
            match pat {
                Some(ForBinding {
                    pat,
                    element: Some((id, moved)),
                    ..
                }) => {
                    self.state.set(id, LIVE);
                    self.bind_pattern(pat, Val::Obj { id, owned: moved });
                }
                // Each item read from a tracked value (a pipe's lines).
                Some(ForBinding {
                    pat,
                    items: Some(source),
                    ..
                }) => self.bind_pattern(pat, Val::Derived(source)),
                Some(ForBinding { pat, .. }) => self.bind_pattern(pat, Val::Untracked),
                None => {}
            }
            self.block(body);
            let close = body.brace_token.span.close().byte_range();
            self.drop_temps(close.clone());
            self.end_scope(close);
            let target = self.loops.pop();
            if let Some((id, _)) = element {
                processed |= self.state.get(id);
                if let Some(t) = &target {
                    processed |= t.continues.get(id) | t.breaks.get(id);
                }
            }
            let mut next = entry.clone();
            next.join(&self.state);
            if let Some(t) = &target {
                next.join(&t.continues);
                round_exit.join(&t.breaks);
            }
            exit = round_exit;
            if next == head {
                break;
            }
            head = next;
        }
        if let Some((id, _)) = element
            && exit.is_reachable()
        {
            exit.set(id, processed);
        }
        self.state = exit;
    }

    /// The tracked value a `for` loop takes from a local collection holding exactly one
    /// (`&v`, `&mut v`, `v.iter()`, `v.iter_mut()` lend it; `v`, `v.into_iter()`,
    /// `v.drain(..)` move it into the loop variable).
    pub(super) fn collection_element(&mut self, expr: &Expr) -> Option<(ObjectId, bool)> {
        let (inner, moved) = match expr {
            Expr::Reference(r) => (&*r.expr, false),
            Expr::MethodCall(m) if prelude::LEND_ITEMS.contains(&m.method.to_string().as_str()) => {
                (&*m.receiver, false)
            }
            Expr::MethodCall(m) if prelude::MOVE_ITEMS.contains(&m.method.to_string().as_str()) => {
                (&*m.receiver, true)
            }
            other => (other, true),
        };
        let Expr::Path(p) = inner else { return None };
        let at = self.lookup(&p.path.get_ident()?.to_string())?;
        let var = self.var(at);
        match var.owns.as_slice() {
            [id] if var.is_container => Some((*id, moved)),
            _ => None,
        }
    }
}
