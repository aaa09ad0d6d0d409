//! What a function of the file does to a tracked value it is given by value or `&mut`
//! (a child, a writer, a stream): whether it settles it on every path, and the blocking
//! calls and pipe takes it makes on the way. Computed by interpreting the function with a
//! stand-in value bound to the parameter, and replayed where the function is called, so
//! that `finish(&mut child)?` that waits settles the child and `describe(&mut child)` that
//! only looks leaves it live.
//!
//! Summaries are computed in rounds, each with the previous round's: a helper that calls a
//! helper is summarised in the second round, and recursion needs no guard (a function
//! calling itself sees its own summary of the round before, or none).

use std::collections::HashMap;

use crate::catalog::{Blocking, Catalog, Part, Resource};
use crate::config::UserResource;
use crate::syntax::imports::{FileImports, Resolver};
use crate::syntax::macro_rules::FileMacros;
use crate::syntax::types::{StructFields, Ty, type_of};

use super::bodies::windows_only;
use super::interp::{self, HeldField, Holding};
use super::summaries::Summaries;

/// How many times the summaries are recomputed with the previous ones: helpers nested
/// deeper than this are handed their values, as functions we do not see into.
const ROUNDS: usize = 3;

/// What a function does to the value given as one of its parameters.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Effect {
    /// Discharged on every path through the function (it waits, flushes, closes).
    pub(crate) settles: bool,
    /// What it does on the way, in order.
    pub(crate) steps: Vec<Step>,
}

/// One thing a function does to the value it is given, replayed at the call.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
pub(crate) enum Step {
    /// Blocks on the value (`Some` part: on that part, as a read to its end).
    Blocks(
        Blocking,
        #[serde(with = "crate::catalog::serial::part_option")] Option<&'static Part>,
    ),
    /// Takes the part out of the value's field (and drops or keeps it: the caller no
    /// longer has it).
    Takes(#[serde(with = "crate::catalog::serial::part")] &'static Part),
    /// Terminates it (`kill()`).
    Terminates,
    /// Writes to it (a transaction's `execute`) on some path: what it holds is now at
    /// risk, and lost with it.
    Writes,
}

/// Parts are the catalog's statics: the same part is the same field.
impl PartialEq for Step {
    fn eq(&self, other: &Step) -> bool {
        let field = |p: Option<&Part>| p.map(|p| p.field);
        match (self, other) {
            (Step::Blocks(a, p), Step::Blocks(b, q)) => a == b && field(*p) == field(*q),
            (Step::Takes(p), Step::Takes(q)) => p.field == q.field,
            (Step::Terminates, Step::Terminates) | (Step::Writes, Step::Writes) => true,
            _ => false,
        }
    }
}

impl Eq for Step {}

/// The parameters of one function, as its callers pass them: `effects[i]` is for the
/// `i`-th argument of a call (after the receiver, for a method called as `x.m(..)`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct ParamEffects {
    /// The function takes `self`: a call by path (`Type::m(x, ..)`) passes it first.
    pub(crate) has_receiver: bool,
    pub(crate) effects: Vec<Option<Effect>>,
    /// A method's effect on the fields of `self` that hold tracked values, by field;
    /// `None` where it hands the field's value off.
    pub(crate) fields: FieldEffects,
}

/// What a method does to the fields of `self`, by field; `None` where it hands the field's
/// value off.
pub(crate) type FieldEffects = Vec<(String, Option<Effect>)>;

impl ParamEffects {
    /// The effect on the argument at `index` of a call, by path (`by_path`) or as a
    /// method.
    pub(crate) fn on_argument(&self, index: usize, by_path: bool) -> Option<&Effect> {
        let index = if self.has_receiver && by_path {
            index.checked_sub(1)?
        } else {
            index
        };
        self.effects.get(index)?.as_ref()
    }
}

/// A parameter worth summarising: a non-shared tracked value, by value or `&mut`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Probe {
    /// Position among the signature's inputs (the receiver included).
    pub(crate) input: usize,
    pub(crate) resource: &'static Resource,
    pub(crate) by_value: bool,
}

/// A function of the file with such parameters.
struct Candidate<'f, 'i> {
    key: String,
    sig: &'f syn::Signature,
    block: &'f syn::Block,
    resolver: Resolver<'i>,
    probes: Vec<Probe>,
    /// For a method taking `self` by reference: the struct and its fields worth following.
    held: Option<(String, Vec<HeldField>)>,
}

/// Computes the parameter effects of the file's functions, by resolved path (methods by
/// `Type::method`, as creators are).
pub(crate) fn summarise(
    file: &syn::File,
    imports: &FileImports,
    fields: &StructFields,
    user: &[UserResource],
    macros: &FileMacros,
    base: &Summaries,
) -> HashMap<String, ParamEffects> {
    let mut candidates = Vec::new();
    collect(
        &file.items,
        &mut Resolver::new(imports),
        fields,
        &mut candidates,
    );
    let mut summaries = base.clone();
    for _ in 0..ROUNDS {
        let mut next = HashMap::new();
        for c in &candidates {
            let facts = interp::FileFacts {
                user,
                fields,
                macros,
            };
            let holding = c
                .held
                .as_ref()
                .map(|(owner, fields)| interp::Holding { owner, fields });
            let (effects, on_fields) = interp::probe(
                c.resolver.clone(),
                facts,
                &summaries,
                (c.sig, c.block),
                &c.probes,
                holding,
            );
            let params = ParamEffects {
                has_receiver: c.sig.receiver().is_some(),
                effects: c
                    .sig
                    .inputs
                    .iter()
                    .enumerate()
                    .filter(|(_, input)| matches!(input, syn::FnArg::Typed(_)))
                    .map(|(i, _)| {
                        c.probes
                            .iter()
                            .position(|p| p.input == i)
                            .and_then(|at| effects[at].clone())
                    })
                    .collect(),
                fields: on_fields,
            };
            if params.effects.iter().any(Option::is_some) || !params.fields.is_empty() {
                next.insert(c.key.clone(), params);
            }
        }
        if next == summaries.effects {
            break;
        }
        summaries.effects = next;
    }
    summaries.effects
}

fn collect<'f, 'i>(
    items: &'f [syn::Item],
    resolver: &mut Resolver<'i>,
    fields: &StructFields,
    out: &mut Vec<Candidate<'f, 'i>>,
) {
    for item in items {
        match item {
            syn::Item::Fn(f) if !windows_only(&f.attrs) => {
                add((&f.sig, &f.block), resolver, None, out);
            }
            syn::Item::Impl(i) if !windows_only(&i.attrs) => {
                let previous = resolver.set_self_type(Some(&i.self_ty));
                let owner = resolver
                    .resolve_segments(&["Self".to_string()])
                    .single()
                    .map(str::to_string);
                let held = owner
                    .as_ref()
                    .map(|owner| interp::terminable_fields(fields, owner))
                    .unwrap_or_default();
                for it in &i.items {
                    if let (syn::ImplItem::Fn(f), Some(owner)) = (it, &owner)
                        && !windows_only(&f.attrs)
                    {
                        let holding = Holding {
                            owner,
                            fields: &held,
                        };
                        add((&f.sig, &f.block), resolver, Some(holding), out);
                    }
                }
                resolver.restore_self_type(previous);
            }
            syn::Item::Mod(m) if !windows_only(&m.attrs) => {
                if let Some((_, inner)) = &m.content {
                    resolver.enter_module(&m.ident.to_string());
                    collect(inner, resolver, fields, out);
                    resolver.leave_module();
                }
            }
            _ => {}
        }
    }
}

fn add<'f, 'i>(
    (sig, block): (&'f syn::Signature, &'f syn::Block),
    resolver: &Resolver<'i>,
    holding: Option<Holding<'_>>,
    out: &mut Vec<Candidate<'f, 'i>>,
) {
    let owner = holding.as_ref().map(|h| h.owner);
    // A method borrowing `self` may kill or wait on what its fields hold.
    let held = holding
        .filter(|h| {
            !h.fields.is_empty() && matches!(sig.receiver(), Some(r) if r.reference.is_some())
        })
        .map(|h| (h.owner.to_string(), h.fields.to_vec()));
    let probes: Vec<Probe> = sig
        .inputs
        .iter()
        .enumerate()
        .filter_map(|(input, arg)| {
            let syn::FnArg::Typed(t) = arg else {
                return None;
            };
            if !matches!(&*t.pat, syn::Pat::Ident(p) if p.subpat.is_none()) {
                return None;
            }
            let (ty, by_value, shared) = match &*t.ty {
                syn::Type::Reference(r) => (&*r.elem, false, r.mutability.is_none()),
                other => (other, true, false),
            };
            let Some(Ty::Path(path)) = type_of(ty, resolver) else {
                return None;
            };
            let resource = match Catalog::resource_of_type(&path) {
                // Builders are followed as builders, not summarised.
                Some(r) if Catalog::builder(&path).is_none() => r,
                Some(_) => return None,
                // A connection a transaction derefs to: it may be one, and written to.
                None => Catalog::transaction_behind(&path)?,
            };
            if resource.shared {
                return None;
            }
            // A shared borrow can neither wait nor close (`wait` takes `&mut self`), but it
            // can write to a transaction (tokio-postgres's `execute` takes `&self`).
            if shared && !resource.rolls_back_on_error {
                return None;
            }
            Some(Probe {
                input,
                resource,
                by_value,
            })
        })
        .collect();
    if probes.is_empty() && held.is_none() {
        return;
    }
    let key = match owner {
        Some(owner) => format!("{owner}::{}", sig.ident),
        None => match resolver.resolve_segments(&[sig.ident.to_string()]).single() {
            Some(key) => key.to_string(),
            None => return,
        },
    };
    out.push(Candidate {
        key,
        sig,
        block,
        resolver: resolver.clone(),
        probes,
        held,
    });
}
