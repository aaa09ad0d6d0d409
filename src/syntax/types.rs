//! Just enough typing to recognise catalog values without a compiler: local variables
//! whose type follows from their initializer or annotation, struct fields declared in the
//! same file, and the catalog's constructors and methods. Anything else is unknown.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use syn::{Expr, Fields, Item, Member, Pat, Type};

use super::imports::{FileImports, Resolver};
use crate::catalog::{Catalog, Output, prelude};

/// A type as far as we can tell: a path (canonical for catalog types, else as resolved),
/// or a tuple of such.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Ty {
    Path(String),
    Tuple(Vec<Option<Ty>>),
}

impl Ty {
    pub fn path(&self) -> Option<&str> {
        match self {
            Ty::Path(p) => Some(p),
            Ty::Tuple(_) => None,
        }
    }

    fn from_output(out: Output) -> Ty {
        match out {
            Output::Type(t) => Ty::Path(t.to_string()),
            Output::Tuple(ts) => Ty::Tuple(
                ts.iter()
                    .map(|t| t.map(|t| Ty::Path(t.to_string())))
                    .collect(),
            ),
        }
    }
}

/// Whether `path` names one of tracing's span macros (`info_span!`, `tracing::span!`):
/// resolved through the file's imports, or a bare sibling of `span!`, whose name no other
/// crate's macro has.
pub fn is_span_macro(resolver: &Resolver<'_>, path: &syn::Path) -> bool {
    let Some(last) = path.segments.last().map(|s| s.ident.to_string()) else {
        return false;
    };
    let short = |p: &&str| p.rsplit("::").next() == Some(last.as_str());
    // Most macros are others (`vec!`, `format!`): resolve only a span macro's name.
    if !crate::catalog::spans::SPAN_MACROS.iter().any(short) {
        return false;
    }
    let resolved = resolver.resolve(path);
    resolved
        .0
        .iter()
        .any(|c| crate::catalog::spans::SPAN_MACROS.contains(&c.as_str()))
        || (path.segments.len() == 1 && last != "span")
}

/// Wrappers a method call sees through (auto-deref), so `Arc<CancellationToken>` is
/// treated as the token for method calls.
const TRANSPARENT: &[&str] = &[
    "Arc",
    "std::sync::Arc",
    "alloc::sync::Arc",
    "Rc",
    "std::rc::Rc",
    "alloc::rc::Rc",
    "Box",
    "std::boxed::Box",
    "alloc::boxed::Box",
];

/// The type a `syn::Type` names, seen through references and smart pointers.
pub fn type_of(ty: &Type, resolver: &Resolver<'_>) -> Option<Ty> {
    match ty {
        Type::Reference(r) => type_of(&r.elem, resolver),
        Type::Paren(p) => type_of(&p.elem, resolver),
        Type::Group(g) => type_of(&g.elem, resolver),
        Type::Tuple(t) => Some(Ty::Tuple(
            t.elems.iter().map(|e| type_of(e, resolver)).collect(),
        )),
        Type::Path(tp) if tp.qself.is_none() => {
            let resolved = resolver.resolve(&tp.path);
            if resolved.is_any(TRANSPARENT) {
                let last = tp.path.segments.last()?;
                if let syn::PathArguments::AngleBracketed(args) = &last.arguments
                    && let Some(syn::GenericArgument::Type(inner)) = args.args.first()
                {
                    return type_of(inner, resolver);
                }
                return None;
            }
            named(resolved.0.iter().map(String::as_str))
        }
        _ => None,
    }
}

/// Picks the catalog type among candidate resolutions, else the single resolution.
fn named<'a>(mut candidates: impl Iterator<Item = &'a str> + Clone) -> Option<Ty> {
    if let Some(t) = candidates.clone().find_map(Catalog::canonical_type) {
        return Some(Ty::Path(t.canonical.to_string()));
    }
    let first = candidates.next()?;
    candidates
        .next()
        .is_none()
        .then(|| Ty::Path(first.to_string()))
}

/// Guards are not `Clone`: a clone that compiles is of a shared wrapper
/// (`Arc<DropGuard>`), which is not the guard and whose drop leaves it alone.
fn holds_guard(ty: &Ty) -> bool {
    match ty {
        Ty::Path(p) => Catalog::guard(p).is_some(),
        Ty::Tuple(elems) => elems.iter().flatten().any(holds_guard),
    }
}

/// Field types of the structs declared in one file, keyed by the struct's resolved path,
/// and of the enum variants' payloads, keyed by the variant's (`crate::Security::Tls`).
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub struct StructFields {
    #[serde(serialize_with = "crate::serial::sorted_nested_map")]
    fields: HashMap<String, HashMap<String, Ty>>,
    /// The fields that hold an `Option` of a known type (`child: Option<Child>`), with
    /// that type, by struct and field.
    #[serde(serialize_with = "crate::serial::sorted_nested_map")]
    optional: HashMap<String, HashMap<String, Ty>>,
    /// The other files' structs, of the crate this file belongs to.
    #[serde(skip)]
    crate_wide: Option<Arc<StructFields>>,
}

impl StructFields {
    pub fn new(file: &syn::File, imports: &FileImports) -> Self {
        let mut out = StructFields::default();
        let mut resolver = Resolver::new(imports);
        out.collect(&file.items, &mut resolver, &mut imports.module().to_vec());
        out
    }

    fn collect(&mut self, items: &[Item], resolver: &mut Resolver<'_>, module: &mut Vec<String>) {
        for item in items {
            match item {
                Item::Struct(s) => {
                    let mut key = vec!["crate".to_string()];
                    key.extend(module.iter().cloned());
                    key.push(s.ident.to_string());
                    let mut map = HashMap::new();
                    let mut optional = HashMap::new();
                    let named = |i: usize, f: &syn::Field| {
                        f.ident.as_ref().map_or(i.to_string(), |id| id.to_string())
                    };
                    if let Fields::Named(_) | Fields::Unnamed(_) = &s.fields {
                        for (i, f) in s.fields.iter().enumerate() {
                            if let Some(inner) = option_of(&f.ty)
                                && let Some(ty) = type_of(inner, resolver)
                            {
                                optional.insert(named(i, f), ty);
                            } else if let Some(ty) = type_of(&f.ty, resolver) {
                                map.insert(named(i, f), ty);
                            }
                        }
                    }
                    let key = key.join("::");
                    if !optional.is_empty() {
                        self.optional.insert(key.clone(), optional);
                    }
                    self.fields.insert(key, map);
                }
                // Each variant's payload, keyed like a struct (`crate::Security::Tls`).
                Item::Enum(e) => {
                    for v in &e.variants {
                        let mut key = vec!["crate".to_string()];
                        key.extend(module.iter().cloned());
                        key.push(e.ident.to_string());
                        key.push(v.ident.to_string());
                        let map = v
                            .fields
                            .iter()
                            .enumerate()
                            .filter_map(|(i, f)| {
                                let name =
                                    f.ident.as_ref().map_or(i.to_string(), |id| id.to_string());
                                Some((name, type_of(&f.ty, resolver)?))
                            })
                            .collect();
                        self.fields.insert(key.join("::"), map);
                    }
                }
                Item::Mod(m) => {
                    if let Some((_, inner)) = &m.content {
                        let name = m.ident.to_string();
                        resolver.enter_module(&name);
                        module.push(name);
                        self.collect(inner, resolver, module);
                        module.pop();
                        resolver.leave_module();
                    }
                }
                _ => {}
            }
        }
    }

    /// These, with the structs of the rest of the crate where this file defines none of
    /// that name.
    pub fn with_crate(mut self, crate_wide: Arc<StructFields>) -> Self {
        self.crate_wide = Some(crate_wide);
        self
    }

    /// The structs of every file of a crate; a path two files define differently (one
    /// struct name in two binaries) is left out.
    pub fn merged(files: impl IntoIterator<Item = StructFields>) -> StructFields {
        let mut out = StructFields::default();
        let mut clashes = Vec::new();
        for file in files {
            for (owner, fields) in file.fields {
                let optional = file.optional.get(&owner).cloned().unwrap_or_default();
                match out.fields.get(&owner) {
                    Some(known)
                        if *known != fields
                            || out.optional.get(&owner).cloned().unwrap_or_default()
                                != optional =>
                    {
                        clashes.push(owner)
                    }
                    Some(_) => {}
                    None => {
                        if !optional.is_empty() {
                            out.optional.insert(owner.clone(), optional);
                        }
                        out.fields.insert(owner, fields);
                    }
                }
            }
        }
        for owner in clashes {
            out.fields.remove(&owner);
            out.optional.remove(&owner);
        }
        out
    }

    /// Keeps the structs (and variants) with a field `keep` accepts, and of each only
    /// those fields.
    pub fn retain(&mut self, keep: impl Fn(&str, &Ty) -> bool) {
        for table in [&mut self.fields, &mut self.optional] {
            for fields in table.values_mut() {
                fields.retain(|name, ty| keep(name, ty));
            }
            table.retain(|_, fields| !fields.is_empty());
        }
        for owner in self.optional.keys() {
            self.fields.entry(owner.clone()).or_default();
        }
    }

    /// The names (last segments) of this file's structs with a field holding a builder.
    pub fn with_builder_fields(&self) -> HashSet<String> {
        self.fields
            .iter()
            .filter(|(_, fields)| {
                fields
                    .values()
                    .any(|ty| ty.path().and_then(Catalog::builder).is_some())
            })
            .filter_map(|(owner, _)| owner.rsplit("::").next().map(str::to_string))
            .collect()
    }

    /// The structs whose fields are known, by resolved path.
    pub fn owners(&self) -> impl Iterator<Item = &str> {
        self.fields.keys().map(String::as_str)
    }

    /// The struct table that defines `owner`: this file's, else the crate's.
    fn defining(&self, owner: &str) -> Option<&StructFields> {
        if self.fields.contains_key(owner) {
            return Some(self);
        }
        self.crate_wide
            .as_deref()
            .filter(|c| c.fields.contains_key(owner))
    }

    /// The fields of the struct `owner` (by resolved path) whose type is known, with
    /// whether each is an `Option` of it, in no particular order.
    pub fn fields_of<'s>(&'s self, owner: &str) -> impl Iterator<Item = (&'s str, &'s Ty, bool)> {
        let table = self.defining(owner);
        let plain = table
            .and_then(|t| t.fields.get(owner))
            .into_iter()
            .flatten();
        let optional = table
            .and_then(|t| t.optional.get(owner))
            .into_iter()
            .flatten();
        plain
            .map(|(name, ty)| (name.as_str(), ty, false))
            .chain(optional.map(|(name, ty)| (name.as_str(), ty, true)))
    }

    pub fn field(&self, owner: &str, member: &Member) -> Option<&Ty> {
        let name = super::idents::member_name(member);
        self.defining(owner)?.fields.get(owner)?.get(&name)
    }
}

/// `T` of a field typed `Option<T>` (by its last segment: `Option` is in every prelude).
fn option_of(ty: &Type) -> Option<&Type> {
    let Type::Path(tp) = ty else { return None };
    let last = tp.path.segments.last()?;
    if last.ident != prelude::OPTION {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first()? {
        syn::GenericArgument::Type(inner) => Some(inner),
        _ => None,
    }
}

/// Local variables in scope and what is known of their types.
#[derive(Debug, Default)]
pub struct Locals {
    /// Innermost scope last. `None` marks a function boundary: an inner `fn` item does
    /// not see the locals of the function around it.
    scopes: Vec<Option<HashMap<String, Option<Ty>>>>,
}

impl Locals {
    pub fn push(&mut self) {
        self.scopes.push(Some(HashMap::new()));
    }

    pub fn push_barrier(&mut self) {
        self.scopes.push(None);
        self.push();
    }

    pub fn pop(&mut self) {
        self.scopes.pop();
    }

    pub fn pop_barrier(&mut self) {
        self.scopes.pop();
        self.scopes.pop();
    }

    pub fn bind(&mut self, name: String, ty: Option<Ty>) {
        if let Some(Some(scope)) = self.scopes.last_mut() {
            scope.insert(name, ty);
        }
    }

    pub fn lookup(&self, name: &str) -> Option<&Ty> {
        for scope in self.scopes.iter().rev() {
            match scope {
                Some(s) => {
                    if let Some(t) = s.get(name) {
                        return t.as_ref();
                    }
                }
                None => return None,
            }
        }
        None
    }

    /// Binds every identifier of `pat`, with the type of the value it takes where `ty`
    /// (the type of the whole matched value) says it.
    pub fn bind_pattern(&mut self, pat: &Pat, ty: Option<Ty>, resolver: &Resolver<'_>) {
        match pat {
            Pat::Ident(p) => {
                if let Some((_, sub)) = &p.subpat {
                    self.bind_pattern(sub, ty.clone(), resolver);
                }
                self.bind(p.ident.to_string(), ty);
            }
            Pat::Type(p) => {
                let ty = type_of(&p.ty, resolver).or(ty);
                self.bind_pattern(&p.pat, ty, resolver);
            }
            Pat::Reference(p) => self.bind_pattern(&p.pat, ty, resolver),
            Pat::Paren(p) => self.bind_pattern(&p.pat, ty, resolver),
            Pat::Tuple(t) => {
                let elems = match ty {
                    Some(Ty::Tuple(e)) if !t.elems.iter().any(|p| matches!(p, Pat::Rest(_))) => e,
                    _ => Vec::new(),
                };
                for (i, p) in t.elems.iter().enumerate() {
                    self.bind_pattern(p, elems.get(i).cloned().flatten(), resolver);
                }
            }
            Pat::TupleStruct(t) => {
                for p in &t.elems {
                    self.bind_pattern(p, None, resolver);
                }
            }
            Pat::Struct(s) => {
                for f in &s.fields {
                    self.bind_pattern(&f.pat, None, resolver);
                }
            }
            Pat::Slice(s) => {
                for p in &s.elems {
                    self.bind_pattern(p, None, resolver);
                }
            }
            Pat::Or(o) => {
                for p in &o.cases {
                    self.bind_pattern(p, None, resolver);
                }
            }
            _ => {}
        }
    }
}

/// Infers expression types from locals, fields and the catalog.
pub struct Typer<'a, 'r> {
    pub resolver: &'r Resolver<'a>,
    pub locals: &'r Locals,
    pub fields: &'r StructFields,
}

impl Typer<'_, '_> {
    pub fn infer(&self, expr: &Expr) -> Option<Ty> {
        match expr {
            Expr::Path(p) if p.qself.is_none() => {
                let ident = p.path.get_ident()?;
                self.locals.lookup(&ident.to_string()).cloned()
            }
            Expr::Reference(r) => self.infer(&r.expr),
            Expr::Paren(p) => self.infer(&p.expr),
            Expr::Group(g) => self.infer(&g.expr),
            // The catalog gives what a future or a `Result` holds (`mutex.lock()`'s guard,
            // `tempdir()`'s directory): awaiting or unwrapping it gives that.
            Expr::Await(a) => self
                .infer(&a.base)
                .filter(|t| t.path().and_then(Catalog::guard).is_some_and(|g| g.awaited)),
            Expr::Try(t) => self.infer(&t.expr),
            // A span made by `tracing::info_span!` and its siblings.
            Expr::Macro(m) => is_span_macro(self.resolver, &m.mac.path)
                .then(|| Ty::Path(crate::catalog::spans::SPAN.to_string())),
            Expr::Call(c) => {
                let Expr::Path(f) = &*c.func else { return None };
                if f.qself.is_some() {
                    return None;
                }
                let resolved = self.resolver.resolve(&f.path);
                for candidate in &resolved.0 {
                    if let Some(func) = Catalog::function(candidate) {
                        return Some(Ty::from_output(func.output));
                    }
                    // `Default::default` always returns `Self`.
                    if let Some(ty) = candidate.strip_suffix("::default")
                        && let Some(t) = Catalog::canonical_type(ty)
                    {
                        return Some(Ty::Path(t.canonical.to_string()));
                    }
                    // The wrappers are transparent, so `Arc::new(token)` and
                    // `Arc::clone(&token)` are the token itself.
                    if let Some((wrapper, method)) = candidate.rsplit_once("::")
                        && TRANSPARENT.contains(&wrapper)
                        && let [arg] = c.args.iter().collect::<Vec<_>>().as_slice()
                    {
                        return match method {
                            "new" | "from" => self.infer(arg),
                            "clone" => self.infer(arg).filter(|t| !holds_guard(t)),
                            _ => None,
                        };
                    }
                }
                None
            }
            Expr::MethodCall(m) => {
                let method = m.method.to_string();
                if let Some(m) = Catalog::extension_method(&method) {
                    return Some(Ty::from_output(m.output));
                }
                let receiver = self.infer(&m.receiver)?;
                if method == "clone" {
                    return (!holds_guard(&receiver)).then_some(receiver);
                }
                if matches!(method.as_str(), "unwrap" | "expect" | "ok") {
                    return Some(receiver);
                }
                Catalog::method(receiver.path()?, &method).map(|m| Ty::from_output(m.output))
            }
            Expr::Field(f) => match self.infer(&f.base)? {
                Ty::Path(owner) => self.fields.field(&owner, &f.member).cloned(),
                Ty::Tuple(elems) => match &f.member {
                    Member::Unnamed(i) => elems.get(i.index as usize).cloned().flatten(),
                    Member::Named(_) => None,
                },
            },
            Expr::Struct(s) if s.qself.is_none() => {
                named(self.resolver.resolve(&s.path).0.iter().map(String::as_str))
            }
            _ => None,
        }
    }
}
