//! Which full path a name in a file stands for, from the file's own `use` trees, inline
//! modules, local items and type aliases. Syntax only: what cannot be known from the
//! file stays unresolved (it never matches a catalog path by accident).

use std::collections::HashMap;

use syn::{Item, UseTree};

/// A path as a list of segments, generic arguments dropped.
pub type Segments = Vec<String>;

/// What a name brought into a module's scope stands for.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
enum Binding {
    /// From `use` (or a `type` alias to a plain path): still to be resolved, since its first
    /// segment may itself be a local module or another import.
    Import(Segments),
    /// An inline `mod name { .. }` of this file.
    Module(Segments),
    /// An item defined here: it shadows any external name.
    Local(Segments),
}

/// The names visible in one module or block.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub struct Scope {
    #[serde(serialize_with = "crate::serial::sorted_map")]
    names: HashMap<String, Binding>,
    globs: Vec<Segments>,
}

impl Scope {
    /// The names this scope brings in under another name than their own
    /// (`pub use proc::spawn as spawn_worker`): the name, and the last segment of what
    /// it stands for.
    pub fn renames(&self) -> impl Iterator<Item = (&str, &str)> {
        self.names.iter().filter_map(|(name, b)| match b {
            Binding::Import(target) => target
                .last()
                .filter(|last| *last != name)
                .map(|last| (name.as_str(), last.as_str())),
            _ => None,
        })
    }

    /// The `use` items and item definitions directly in `items`, seen from `module`.
    pub fn of_items(items: &[Item], module: &[String]) -> Scope {
        let mut scope = Scope::default();
        for item in items {
            scope.add_item(item, module);
        }
        scope
    }

    fn add_item(&mut self, item: &Item, module: &[String]) {
        let local = |name: &syn::Ident| {
            let mut p = vec!["crate".to_string()];
            p.extend(module.iter().cloned());
            p.push(name.to_string());
            Binding::Local(p)
        };
        match item {
            Item::Use(u) => self.add_use_tree(&u.tree, Vec::new()),
            // Inline (`mod tests { .. }`) or in a file of its own (`mod net;`).
            Item::Mod(m) => {
                let mut p = module.to_vec();
                p.push(m.ident.to_string());
                self.names.insert(m.ident.to_string(), Binding::Module(p));
            }
            Item::Type(t) => {
                let binding = match &*t.ty {
                    syn::Type::Path(tp) if tp.qself.is_none() => {
                        Binding::Import(path_segments(&tp.path))
                    }
                    _ => local(&t.ident),
                };
                self.names.insert(t.ident.to_string(), binding);
            }
            Item::Struct(s) => {
                self.names.insert(s.ident.to_string(), local(&s.ident));
            }
            Item::Enum(e) => {
                self.names.insert(e.ident.to_string(), local(&e.ident));
            }
            Item::Union(u) => {
                self.names.insert(u.ident.to_string(), local(&u.ident));
            }
            Item::Trait(t) => {
                self.names.insert(t.ident.to_string(), local(&t.ident));
            }
            Item::Fn(f) => {
                self.names
                    .insert(f.sig.ident.to_string(), local(&f.sig.ident));
            }
            Item::Const(c) => {
                self.names.insert(c.ident.to_string(), local(&c.ident));
            }
            Item::Static(s) => {
                self.names.insert(s.ident.to_string(), local(&s.ident));
            }
            _ => {}
        }
    }

    fn add_use_tree(&mut self, tree: &UseTree, prefix: Segments) {
        match tree {
            UseTree::Path(p) => {
                let mut prefix = prefix;
                prefix.push(p.ident.to_string());
                self.add_use_tree(&p.tree, prefix);
            }
            UseTree::Name(n) => {
                let name = n.ident.to_string();
                if name == "self" {
                    // `use a::b::{self}` brings `b` itself.
                    if let Some(last) = prefix.last().cloned() {
                        self.names.insert(last, Binding::Import(prefix));
                    }
                } else {
                    let mut path = prefix;
                    path.push(name.clone());
                    self.names.insert(name, Binding::Import(path));
                }
            }
            UseTree::Rename(r) => {
                let mut path = prefix;
                if r.ident != "self" {
                    path.push(r.ident.to_string());
                }
                let alias = r.rename.to_string();
                if alias != "_" {
                    self.names.insert(alias, Binding::Import(path));
                }
            }
            UseTree::Glob(_) => self.globs.push(prefix),
            UseTree::Group(g) => {
                for t in &g.items {
                    self.add_use_tree(t, prefix.clone());
                }
            }
        }
    }
}

/// The import scopes of the modules of a crate, by their path below its root.
pub type CrateScopes = HashMap<Segments, Scope>;

/// The import scopes of every inline module of one file.
#[derive(Debug, Default)]
pub struct FileImports {
    /// By module path below the crate root.
    modules: HashMap<Segments, Scope>,
    /// Whether `crate::` paths can be resolved here: the file is its crate's root, or
    /// its place in the crate is known.
    is_crate_root: bool,
    /// The file's own module below the crate root (`["net", "tls"]`).
    base: Segments,
    /// The scopes of the crate's other modules, for paths through them.
    crate_scopes: Option<std::sync::Arc<CrateScopes>>,
}

impl FileImports {
    pub fn new(file: &syn::File, is_crate_root: bool) -> Self {
        let mut imports = FileImports {
            modules: HashMap::new(),
            is_crate_root,
            base: Vec::new(),
            crate_scopes: None,
        };
        imports.collect(&file.items, Vec::new());
        imports
    }

    /// The imports of a file at `module` of a crate whose other modules' scopes are
    /// `crate_scopes` (when known): `crate::`, `super::` and `self::` paths resolve
    /// through the crate, and the file's items are named by their full path.
    pub fn in_crate(
        file: &syn::File,
        module: Segments,
        crate_scopes: Option<std::sync::Arc<CrateScopes>>,
    ) -> Self {
        let mut imports = FileImports {
            modules: HashMap::new(),
            is_crate_root: true,
            base: module.clone(),
            crate_scopes,
        };
        imports.collect(&file.items, module);
        imports
    }

    /// The file's module below its crate's root.
    pub fn module(&self) -> &[String] {
        &self.base
    }

    /// The file's scopes, by module path, for the crate's index.
    pub fn into_scopes(self) -> CrateScopes {
        self.modules
    }

    fn scope(&self, module: &[String]) -> Option<&Scope> {
        self.modules
            .get(module)
            .or_else(|| self.crate_scopes.as_ref()?.get(module))
    }

    fn collect(&mut self, items: &[Item], module: Segments) {
        for item in items {
            if let Item::Mod(m) = item
                && let Some((_, inner)) = &m.content
            {
                let mut child = module.clone();
                child.push(m.ident.to_string());
                self.collect(inner, child);
            }
        }
        self.modules
            .insert(module.clone(), Scope::of_items(items, &module));
    }
}

/// A resolution: the candidates a path may stand for. More than one only when a glob
/// import might supply the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved(pub Vec<String>);

impl Resolved {
    pub fn is_any(&self, targets: &[&str]) -> bool {
        self.0.iter().any(|c| targets.contains(&c.as_str()))
    }

    /// The unambiguous resolution, if there is exactly one candidate.
    pub fn single(&self) -> Option<&str> {
        match self.0.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }
}

/// Resolves names at one point of a file: inside a module, inside nested blocks that may
/// have their own `use` items, inside an `impl` that gives `Self` a meaning.
#[derive(Debug, Clone)]
pub struct Resolver<'a> {
    imports: &'a FileImports,
    module: Segments,
    blocks: Vec<Scope>,
    self_ty: Option<Segments>,
}

const MAX_DEPTH: usize = 16;

/// How many glob imports one resolution may pass through (`use super::*` reaching a
/// parent's `use x::*`). Each glob multiplies the candidates, so this must stay small.
const GLOB_BUDGET: usize = 2;

impl<'a> Resolver<'a> {
    pub fn new(imports: &'a FileImports) -> Self {
        Resolver {
            imports,
            module: imports.base.clone(),
            blocks: Vec::new(),
            self_ty: None,
        }
    }

    pub fn enter_module(&mut self, name: &str) {
        self.module.push(name.to_string());
    }

    pub fn leave_module(&mut self) {
        self.module.pop();
    }

    /// Items of a block (`use` inside a function body) are visible inside it.
    pub fn enter_block(&mut self, block: &syn::Block) {
        let items: Vec<Item> = block
            .stmts
            .iter()
            .filter_map(|s| match s {
                syn::Stmt::Item(i @ (Item::Use(_) | Item::Type(_))) => Some(i.clone()),
                _ => None,
            })
            .collect();
        self.blocks.push(Scope::of_items(&items, &self.module));
    }

    pub fn leave_block(&mut self) {
        self.blocks.pop();
    }

    /// Sets what `Self` means (inside an `impl`); returns the previous meaning.
    pub fn set_self_type(&mut self, ty: Option<&syn::Type>) -> Option<Segments> {
        let new = match ty {
            Some(syn::Type::Path(tp)) if tp.qself.is_none() => self
                .resolve_segments(&path_segments(&tp.path))
                .0
                .into_iter()
                .next(),
            _ => None,
        }
        .map(|s| s.split("::").map(str::to_string).collect());
        std::mem::replace(&mut self.self_ty, new)
    }

    pub fn restore_self_type(&mut self, previous: Option<Segments>) {
        self.self_ty = previous;
    }

    pub fn resolve(&self, path: &syn::Path) -> Resolved {
        self.resolve_segments(&path_segments(path))
    }

    pub fn resolve_segments(&self, segs: &[String]) -> Resolved {
        let mut out = Vec::new();
        let at = At {
            module: &self.module,
            with_blocks: true,
            depth: 0,
            globs: GLOB_BUDGET,
            anchored: false,
        };
        self.resolve_in(segs, at, &mut out);
        if out.is_empty() {
            out.push(segs.join("::"));
        }
        out.dedup();
        Resolved(out)
    }

    fn resolve_in(&self, segs: &[String], at: At<'_>, out: &mut Vec<String>) {
        let Some(first) = segs.first() else { return };
        if at.depth > MAX_DEPTH {
            out.push(segs.join("::"));
            return;
        }
        let rest = &segs[1..];
        let module = at.module;
        match first.as_str() {
            "crate" if self.imports.is_crate_root => {
                self.resolve_member(rest, at.member_of(&[]), out)
            }
            "self" if !rest.is_empty() => self.resolve_member(rest, at.member_of(module), out),
            "super" if !module.is_empty() => {
                self.resolve_member(rest, at.member_of(&module[..module.len() - 1]), out)
            }
            "Self" if self.self_ty.is_some() => {
                let mut p = self.self_ty.clone().unwrap_or_default();
                p.extend(rest.iter().cloned());
                out.push(p.join("::"));
            }
            _ => {
                let blocks = self.blocks.iter().rev().filter(|_| at.with_blocks);
                for scope in blocks.clone().chain(self.imports.scope(module)) {
                    if let Some(b) = scope.names.get(first) {
                        self.follow(first, b, rest, at, out);
                        return;
                    }
                }
                // Not named here: a glob import may supply it; otherwise it is an external
                // crate's path (or the prelude's), taken as written, or, below a module of
                // this crate, that module's item.
                if at.globs > 0 {
                    let inner = At {
                        with_blocks: false,
                        depth: at.depth + 1,
                        globs: at.globs - 1,
                        anchored: false,
                        ..at
                    };
                    for scope in blocks.chain(self.imports.scope(module)) {
                        for glob in &scope.globs {
                            let mut p = glob.clone();
                            p.extend(segs.iter().cloned());
                            self.resolve_in(&p, inner, out);
                        }
                    }
                }
                if at.anchored {
                    let mut p = vec!["crate".to_string()];
                    p.extend(module.iter().cloned());
                    p.extend(segs.iter().cloned());
                    out.push(p.join("::"));
                } else {
                    out.push(segs.join("::"));
                }
            }
        }
    }

    /// Resolves `segs` as a member of an inline module of this file.
    fn resolve_member(&self, segs: &[String], at: At<'_>, out: &mut Vec<String>) {
        if !segs.is_empty() {
            self.resolve_in(segs, at, out);
        }
    }

    fn follow(&self, name: &str, b: &Binding, rest: &[String], at: At<'_>, out: &mut Vec<String>) {
        match b {
            Binding::Local(p) => {
                let mut p = p.clone();
                p.extend(rest.iter().cloned());
                out.push(p.join("::"));
            }
            Binding::Module(m) => {
                if rest.is_empty() {
                    out.push(format!("crate::{}", m.join("::")));
                } else {
                    self.resolve_member(rest, at.member_of(m), out);
                }
            }
            Binding::Import(target) => {
                let mut p = target.clone();
                p.extend(rest.iter().cloned());
                if target.len() == 1 && target[0] == name {
                    // `use tokio;` names the external crate itself.
                    out.push(p.join("::"));
                } else {
                    // A `use` path is relative to the module it is written in: its first
                    // segment may be a sibling module or another import, else a crate.
                    let within = At {
                        anchored: false,
                        ..at.member_of(at.module)
                    };
                    self.resolve_in(&p, within, out);
                }
            }
        }
    }
}

/// Where a resolution step looks: which module, whether block scopes count, and how much
/// recursion and how many glob imports it may still go through.
#[derive(Clone, Copy)]
struct At<'m> {
    module: &'m [String],
    with_blocks: bool,
    depth: usize,
    globs: usize,
    /// Below a module of this crate (`crate::net::`): a name not found there is that
    /// module's item still.
    anchored: bool,
}

impl<'m> At<'m> {
    /// One step further, inside `module`, where only module-level names count.
    fn member_of<'n>(self, module: &'n [String]) -> At<'n> {
        At {
            module,
            with_blocks: false,
            depth: self.depth + 1,
            globs: self.globs,
            anchored: true,
        }
    }
}

/// A path's segments without generic arguments or a leading `::`.
pub fn path_segments(path: &syn::Path) -> Segments {
    path.segments.iter().map(|s| s.ident.to_string()).collect()
}
