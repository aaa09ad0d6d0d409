//! Values a struct holds in its fields, followed through the struct's `drop`: each field of
//! a tracked type that can be terminated (a child) is a value `self` owns when `drop`
//! starts. It is at stake only once `drop` terminates it: a child left running was meant
//! to outlive the struct, while one killed and never waited stays a zombie.

use std::ops::Range;

use syn::Block;

use super::{FileFacts, Interp, Object, Recorded};
use crate::catalog::{Catalog, Resource};
use crate::flow::Held;
use crate::flow::summaries::Summaries;
use crate::flow::track::{ObjectId, Val};
use crate::syntax::imports::Resolver;
use crate::syntax::types::{StructFields, Ty};

/// A field of `Self` the body starts with, as the variable standing for `self.field`.
#[derive(Debug, Clone)]
pub(in crate::flow) struct HeldField {
    pub(in crate::flow) field: String,
    pub(in crate::flow) resource: &'static Resource,
    /// `Option<Child>`: `self.field` is the `Option`.
    pub(in crate::flow) optional: bool,
}

/// The fields of the struct `owner` (by resolved path) that `drop` may terminate.
pub(in crate::flow) fn terminable_fields(fields: &StructFields, owner: &str) -> Vec<HeldField> {
    let mut out: Vec<HeldField> = fields
        .fields_of(owner)
        .filter_map(|(field, ty, optional)| {
            let Ty::Path(path) = ty else { return None };
            let resource =
                Catalog::resource_of_type(path).filter(|r| !r.shared && !r.terminate.is_empty())?;
            Some(HeldField {
                field: field.to_string(),
                resource,
                optional,
            })
        })
        .collect();
    out.sort_by(|a, b| a.field.cmp(&b.field));
    out
}

/// The struct whose `drop` is followed, by resolved path, and the fields it holds.
pub(in crate::flow) struct Holding<'h> {
    pub(in crate::flow) owner: &'h str,
    pub(in crate::flow) fields: &'h [HeldField],
}

/// Follows `drop(&mut self)` of a struct holding `holding.fields`.
pub(in crate::flow) fn drop_body(
    resolver: Resolver<'_>,
    facts: FileFacts<'_>,
    summaries: &Summaries,
    out: &mut Recorded,
    (sig, block): (&syn::Signature, &Block),
    holding: Holding<'_>,
) {
    let (objects, events) = (out.objects.len(), out.events.len());
    let mut interp = Interp::new(resolver, facts, summaries, out);
    let span = sig.ident.span().byte_range();
    let places = interp.hold(&holding, span);
    interp.run_with(sig, block, &[], &places, true);
    if interp.approximate {
        out.forget_since(objects, events);
    }
}

/// The variable standing for `self.field`.
pub(super) fn place_of(field: &str) -> String {
    format!("self.{field}")
}

impl Interp<'_, '_> {
    /// A value for each held field, and the variable (`self.field`) it is bound to: owned,
    /// and not at stake until terminated.
    pub(super) fn hold(&mut self, holding: &Holding<'_>, span: Range<usize>) -> Vec<(String, Val)> {
        let owner = holding
            .owner
            .rsplit("::")
            .next()
            .unwrap_or(holding.owner)
            .to_string();
        holding
            .fields
            .iter()
            .map(|f| {
                let id = self.held_object(f, &owner, span.clone());
                let val = if f.optional {
                    Val::Wrapped(id)
                } else {
                    Val::Obj { id, owned: true }
                };
                (place_of(&f.field), val)
            })
            .collect()
    }

    /// The values the held fields stand for, by field, in this body.
    pub(super) fn held_values(&self) -> Vec<(String, ObjectId)> {
        self.scopes
            .first()
            .into_iter()
            .flat_map(|s| &s.vars)
            .filter_map(|v| {
                let id = v.val.object()?;
                let field = v.name.strip_prefix("self.")?;
                self.out.objects[id].held.as_ref()?;
                Some((field.to_string(), id))
            })
            .collect()
    }

    /// `self` used whole (passed on, moved, a method we know nothing of called on it):
    /// what its fields hold goes with it.
    pub(super) fn self_escapes(&mut self) {
        for (_, id) in self.held_values() {
            self.settle(id, false);
        }
    }

    /// A held field terminated (`kill()`): from here it must be waited for.
    pub(super) fn terminate(&mut self, id: ObjectId, span: Range<usize>) {
        let object = &mut self.out.objects[id];
        object.terminated.get_or_insert(span);
        if object.held.is_some() && self.state.is_reachable() {
            self.state.set(id, crate::flow::track::LIVE);
        }
    }

    fn held_object(&mut self, f: &HeldField, owner: &str, span: Range<usize>) -> ObjectId {
        self.out.objects.push(Object {
            held: Some(Held {
                owner: owner.to_string(),
                field: f.field.clone(),
            }),
            ..Object::new(f.resource, span, 0)
        });
        // Not at stake until terminated: the state leaves it out.
        self.out.objects.len() - 1
    }
}
