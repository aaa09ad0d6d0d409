//! Summarising a function: interpreting it with stand-ins bound to the parameters that
//! hold tracked values, and reading off what happened to each (see `flow::effects`); and
//! replaying a summary where the function is called.

use std::ops::Range;

use syn::Block;
use syn::spanned::Spanned;

use super::{FileFacts, Holding, Interp, Recorded};
use crate::flow::effects::{Effect, FieldEffects, ParamEffects, Probe, Step};
use crate::flow::summaries::Summaries;
use crate::flow::track::{LIVE, ObjectId, State, Val};
use crate::syntax::imports::Resolver;

/// What the function does to each probed parameter, in the order of `probes`; `None`
/// where it is not summarised (handed off, lost, settled on some paths only, or used on
/// another thread): its callers hand the value off, as to a function they do not see.
/// What a function does to each probed parameter (in the order of the probes), and to each
/// field of `self` it was given (by field).
pub(in crate::flow) type Probed = (Vec<Option<Effect>>, FieldEffects);

pub(in crate::flow) fn probe(
    resolver: Resolver<'_>,
    facts: FileFacts<'_>,
    summaries: &Summaries,
    (sig, block): (&syn::Signature, &Block),
    probes: &[Probe],
    holding: Option<Holding<'_>>,
) -> Probed {
    let mut out = Recorded::default();
    let mut interp = Interp::new(resolver, facts, summaries, &mut out);
    let mut bound = Vec::new();
    for p in probes {
        let Some(syn::FnArg::Typed(t)) = sig.inputs.iter().nth(p.input) else {
            continue;
        };
        let id = interp.create(p.resource, t.pat.span().byte_range(), 0);
        // Whatever it is given may be at risk (written to) already.
        interp.state.set(id, LIVE);
        bound.push((
            p.input,
            Val::Obj {
                id,
                owned: p.by_value,
            },
        ));
    }
    let places = match &holding {
        Some(h) => interp.hold(h, sig.ident.span().byte_range()),
        None => Vec::new(),
    };
    // What the fields hold may be at stake already (killed by the caller).
    for (_, v) in &places {
        if let Some(id) = v.object() {
            interp.state.set(id, LIVE);
        }
    }
    // The fields stay in `self` when the method returns: the places do not own them.
    let exit = interp.run_with(sig, block, &bound, &places, false);
    let on_params = bound
        .iter()
        .zip(probes)
        .map(|((_, v), p)| {
            let id = v.object()?;
            effect_on(&out, &exit, id, p.by_value)
        })
        .collect();
    let on_fields = places
        .iter()
        .filter_map(|(name, v)| {
            let id = v.object()?;
            let field = name.strip_prefix("self.")?.to_string();
            Some((field, effect_on(&out, &exit, id, false)))
        })
        .collect();
    (on_params, on_fields)
}

fn effect_on(out: &Recorded, exit: &State, id: ObjectId, by_value: bool) -> Option<Effect> {
    let object = &out.objects[id];
    let parts: Vec<ObjectId> = (0..out.objects.len())
        .filter(|&p| {
            out.objects[p]
                .part_of
                .is_some_and(|(parent, _)| parent == id)
        })
        .collect();
    let mine = |o: Option<ObjectId>| o.is_some_and(|o| o == id || parts.contains(&o));
    if object.handed
        || parts.iter().any(|&p| out.objects[p].handed)
        || (by_value && !object.losses.is_empty())
        || out.events.iter().any(|e| e.thread != 0 && mine(e.object))
    {
        return None;
    }
    let settles = object.discharged && exit.get(id) & LIVE == 0 && object.losses.is_empty();
    if !settles && (object.settled || by_value) {
        return None;
    }
    let mut steps: Vec<(usize, Step)> = out
        .events
        .iter()
        .filter(|e| mine(e.object))
        .map(|e| {
            let part = e
                .object
                .filter(|&o| o != id)
                .and_then(|o| out.objects[o].part_of.map(|(_, part)| part));
            (e.span.start, Step::Blocks(e.blocking, part))
        })
        .collect();
    for &p in &parts {
        if let (Some(at), Some((_, part))) = (&out.objects[p].taken_at, out.objects[p].part_of) {
            steps.push((at.start, Step::Takes(part)));
        }
    }
    if let Some(at) = &object.terminated {
        steps.push((at.start, Step::Terminates));
    }
    if let Some(&at) = exit.writes(id).first() {
        steps.push((at, Step::Writes));
    }
    steps.sort_by_key(|(at, _)| *at);
    Some(Effect {
        settles,
        steps: steps.into_iter().map(|(_, s)| s).collect(),
    })
}

impl Interp<'_, '_> {
    /// The arguments of a call of a function of this file: those its summary follows get
    /// its effects at `span`, the others are handed off.
    pub(super) fn pass_arguments<'e>(
        &mut self,
        args: impl IntoIterator<Item = &'e syn::Expr>,
        params: Option<&ParamEffects>,
        by_path: bool,
        span: Range<usize>,
    ) {
        for (i, a) in args.into_iter().enumerate() {
            match params.and_then(|p| p.on_argument(i, by_path)).cloned() {
                Some(effect) => {
                    let v = self.eval(a, super::Mode::Borrow);
                    // `insert(&mut *tx)`: a helper taking the connection a transaction
                    // derefs to writes to the transaction.
                    if let Some(id) = v.object().or_else(|| self.executor_argument(a)) {
                        self.replay(id, &effect, span.clone());
                    }
                }
                None => self.argument(a),
            }
        }
    }

    /// `self.stop()`: what the method does to the fields of `self` this body holds; a
    /// field it hands off (or a method not summarised) takes the value with it.
    pub(super) fn replay_on_fields(&mut self, params: Option<&ParamEffects>, span: Range<usize>) {
        for (field, id) in self.held_values() {
            let effect = params
                .and_then(|p| p.fields.iter().find(|(f, _)| *f == field))
                .and_then(|(_, e)| e.clone());
            match effect {
                Some(effect) => self.replay(id, &effect, span.clone()),
                None => self.settle(id, false),
            }
        }
    }

    fn replay(&mut self, id: ObjectId, effect: &Effect, span: Range<usize>) {
        for step in &effect.steps {
            match *step {
                Step::Blocks(blocking, None) => {
                    self.record(blocking, Some(id), 0, span.clone());
                    self.close_parts(id, blocking);
                }
                Step::Blocks(blocking, Some(part)) => {
                    let pid = self.part(id, part, span.clone());
                    self.record(blocking, Some(pid), 0, span.clone());
                }
                Step::Terminates => self.terminate(id, span.clone()),
                Step::Writes => self.write_to(id, span.start),
                Step::Takes(part) => {
                    let pid = self.part(id, part, span.clone());
                    if self.out.objects[pid].taken_at.is_none() {
                        self.out.objects[pid].taken_at = Some(span.clone());
                    }
                    self.settle(pid, false);
                }
            }
        }
        if effect.settles {
            self.settle(id, true);
        }
    }
}
