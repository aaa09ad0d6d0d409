//! Data flows one way: files → parse → resolve → flow → lints → suppress → report. Each
//! module of `src/` has a layer in `LAYERS`, and may import from its own layer and those
//! below, never above: an arrow back up ties an early stage to a later one, so neither can
//! change or be tested alone. The imports are read with syn from the source, as written.
//!
//! The same goes for knowledge: the engine (`flow`) follows values, and what a library's
//! functions and types do is the catalog's to say, so `flow` spells no library name.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use proc_macro2::{Spacing, TokenStream, TokenTree};
use syn::visit::Visit;

/// The layers, bottom to top. A module sits in the layer of the deepest entry that
/// contains it (`fix::site` before `fix`; `lints::zombie_child` in `lints`), and a module
/// no entry contains fails `every_module_has_a_layer`, so new ones are placed on purpose.
/// `lib` is the library's root, `main` the binary's.
const LAYERS: &[&[&str]] = &[
    // Plain data and tables any stage may use.
    &[
        "source", "level", "location", "suggest", "input", "catalog", "fix", "serial",
    ],
    // Parse and resolve (`syntax`); the run's settings and what a lint says, as data.
    &["syntax", "config", "diagnostic", "fix::site"],
    // Files.
    &["workspace", "changed", "layout"],
    &["flow"],
    &["lints"],
    &["finding"],
    &["suppress", "fix::apply"],
    // What the scan keeps between runs.
    &["cache"],
    // Runs the stages above on every file.
    &["scan"],
    // Filters the scan's result by a recorded one, before it is reported.
    &["baseline"],
    &["report"],
    // Set a run up: settings feed the command line.
    &["settings"],
    &["cli", "lib", "main"],
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// A module's path below the crate root: `["report", "sarif"]`; `[]` is `lib.rs`.
type Module = Vec<String>;

fn shown(module: &[String]) -> String {
    if module.is_empty() {
        "lib".to_string()
    } else {
        module.join("::")
    }
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for entry in std::fs::read_dir(&d).expect("read src") {
            let path = entry.expect("read src").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The module a file of `src/` is: `src/flow/interp/mod.rs` is `flow::interp`.
fn module_of(file: &Path) -> Module {
    let rel = file.strip_prefix(src()).expect("file under src");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().expect("file name");
    match last.as_str() {
        "lib.rs" if parts.is_empty() => {}
        "mod.rs" => {}
        name => parts.push(name.trim_end_matches(".rs").to_string()),
    }
    parts
}

fn is_main(file: &Path) -> bool {
    file == src().join("main.rs")
}

/// The layer of a module (by name, `lib` and `main` included) and the entry that placed
/// it, or `None` when no entry contains it.
fn layer(name: &str) -> Option<(usize, &'static str)> {
    let mut best: Option<(usize, &'static str)> = None;
    for (i, entries) in LAYERS.iter().enumerate() {
        for entry in *entries {
            let contains = name == *entry
                || name
                    .strip_prefix(entry)
                    .is_some_and(|rest| rest.starts_with("::"));
            if contains && best.is_none_or(|(_, b)| entry.len() > b.len()) {
                best = Some((i, entry));
            }
        }
    }
    best
}

fn layer_names(i: usize) -> String {
    LAYERS[i].join(", ")
}

/// One path a file names, as written, in the module (with inline `mod`s) it appears in.
#[derive(Debug, Clone)]
struct Named {
    scope: Module,
    segments: Vec<String>,
    line: usize,
    /// The name a `use` brings into scope, for later paths that start with it.
    binds: Option<String>,
}

/// Collects the paths of one file: `use` trees (groups, globs, renames), expression,
/// type and pattern paths, and `ident::ident` sequences inside macro invocations, whose
/// tokens syn leaves unparsed.
struct Collector {
    scope: Module,
    found: Vec<Named>,
}

impl Collector {
    fn push(&mut self, segments: Vec<String>, line: usize, binds: Option<String>) {
        if !segments.is_empty() {
            self.found.push(Named {
                scope: self.scope.clone(),
                segments,
                line,
                binds,
            });
        }
    }

    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(prefix, &p.tree);
                prefix.pop();
            }
            syn::UseTree::Name(n) => {
                let line = n.ident.span().start().line;
                if n.ident == "self" {
                    let bound = prefix.last().cloned();
                    self.push(prefix.clone(), line, bound);
                } else {
                    let mut path = prefix.clone();
                    path.push(n.ident.to_string());
                    self.push(path, line, Some(n.ident.to_string()));
                }
            }
            syn::UseTree::Rename(r) => {
                let mut path = prefix.clone();
                if r.ident != "self" {
                    path.push(r.ident.to_string());
                }
                let line = r.ident.span().start().line;
                self.push(path, line, Some(r.rename.to_string()));
            }
            syn::UseTree::Glob(g) => {
                let line = g.star_token.spans[0].start().line;
                self.push(prefix.clone(), line, None);
            }
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    self.use_tree(prefix, t);
                }
            }
        }
    }

    fn tokens(&mut self, tokens: TokenStream) {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut i = 0;
        while i < trees.len() {
            match &trees[i] {
                TokenTree::Group(g) => {
                    self.tokens(g.stream());
                    i += 1;
                }
                TokenTree::Ident(first) if !after_path_sep(&trees, i) => {
                    let mut segments = vec![first.to_string()];
                    let mut j = i + 1;
                    while let (Some(TokenTree::Ident(next)), true) =
                        (trees.get(j + 2), is_path_sep(&trees, j))
                    {
                        segments.push(next.to_string());
                        j += 3;
                    }
                    if segments.len() > 1 {
                        self.push(segments, first.span().start().line, None);
                    }
                    i = j;
                }
                _ => i += 1,
            }
        }
    }
}

/// Whether `trees[at..]` starts with `::`.
fn is_path_sep(trees: &[TokenTree], at: usize) -> bool {
    matches!(
        (trees.get(at), trees.get(at + 1)),
        (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b)))
            if a.as_char() == ':' && a.spacing() == Spacing::Joint && b.as_char() == ':'
    )
}

fn after_path_sep(trees: &[TokenTree], at: usize) -> bool {
    at >= 2 && is_path_sep(trees, at - 2)
}

impl<'ast> Visit<'ast> for Collector {
    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        self.scope.push(m.ident.to_string());
        syn::visit::visit_item_mod(self, m);
        self.scope.pop();
    }

    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        // `use ::name` is always another crate.
        if u.leading_colon.is_none() {
            self.use_tree(&mut Vec::new(), &u.tree);
        }
    }

    fn visit_path(&mut self, p: &'ast syn::Path) {
        // One segment is a local name (or `self`, the receiver): what it names was
        // imported by a `use`, seen there.
        if p.leading_colon.is_none() && p.segments.len() > 1 {
            let segments = p.segments.iter().map(|s| s.ident.to_string()).collect();
            let line = p.segments[0].ident.span().start().line;
            self.push(segments, line, None);
        }
        syn::visit::visit_path(self, p);
    }

    // `pub(crate)`, `pub(super)`, `pub(in path)` say who may see an item, not what it uses.
    fn visit_vis_restricted(&mut self, _: &'ast syn::VisRestricted) {}

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        self.tokens(m.tokens.clone());
        syn::visit::visit_macro(self, m);
    }
}

fn collect(text: &str, file: &Path) -> Vec<Named> {
    let syntax =
        syn::parse_file(text).unwrap_or_else(|e| panic!("{}: does not parse: {e}", file.display()));
    let mut c = Collector {
        scope: if is_main(file) {
            Vec::new()
        } else {
            module_of(file)
        },
        found: Vec::new(),
    };
    c.visit_file(&syntax);
    c.found
}

/// The modules of the crate, by the files that hold them.
struct Crate {
    modules: BTreeSet<Module>,
}

impl Crate {
    fn new(files: &[PathBuf]) -> Self {
        Crate {
            modules: files
                .iter()
                .filter(|f| !is_main(f))
                .map(|f| module_of(f))
                .collect(),
        }
    }

    /// The deepest module file that `path` (from the crate root) runs through.
    fn deepest(&self, path: &[String]) -> Module {
        (0..=path.len())
            .rev()
            .map(|n| path[..n].to_vec())
            .find(|m| self.modules.contains(m))
            .unwrap_or_default()
    }

    /// The crate path a path written in `scope` names, or `None` for another crate's, a
    /// local name's or anything else that is not a module of this crate.
    fn resolve(
        &self,
        scope: &[String],
        segments: &[String],
        aliases: &HashMap<String, Module>,
        in_main: bool,
    ) -> Option<Module> {
        let (first, rest) = segments.split_first()?;
        let mut base: Module = match first.as_str() {
            // The binary is its own crate: it reaches the library by its name.
            "crate" if in_main => return None,
            "stray" if in_main => Vec::new(),
            "crate" => Vec::new(),
            "self" => scope.to_vec(),
            "super" => {
                let mut base = scope.to_vec();
                base.pop()?;
                base
            }
            name => {
                let mut child = scope.to_vec();
                child.push(name.to_string());
                if self.modules.contains(&child) {
                    child
                } else {
                    aliases.get(name)?.clone()
                }
            }
        };
        let mut rest = rest.iter().peekable();
        // `super::super::x`.
        while rest.peek().is_some_and(|s| *s == "super") {
            rest.next();
            base.pop()?;
        }
        base.extend(rest.cloned());
        Some(base)
    }
}

/// Every import of `file` that names a module of the crate: the written path, its line,
/// and the module it reaches.
fn imports(krate: &Crate, file: &Path, text: &str) -> Vec<(String, usize, Module)> {
    let named = collect(text, file);
    let in_main = is_main(file);
    // What `use` bound to a module, so `fix::apply::plan` after `use crate::fix` counts as
    // `fix::apply`.
    let mut aliases = HashMap::new();
    for n in named.iter().filter(|n| n.binds.is_some()) {
        if let Some(target) = krate.resolve(&n.scope, &n.segments, &HashMap::new(), in_main) {
            if krate.modules.contains(&target) {
                aliases.insert(n.binds.clone().expect("filtered"), target);
            }
        }
    }
    named
        .iter()
        .filter_map(|n| {
            let target = krate.resolve(&n.scope, &n.segments, &aliases, in_main)?;
            Some((n.segments.join("::"), n.line, krate.deepest(&target)))
        })
        .collect()
}

fn file_module_name(file: &Path) -> String {
    if is_main(file) {
        "main".to_string()
    } else {
        shown(&module_of(file))
    }
}

#[test]
fn every_module_has_a_layer() {
    let files = rust_files(&src());
    let mut missing = Vec::new();
    let mut names = BTreeSet::new();
    for f in &files {
        let name = file_module_name(f);
        if layer(&name).is_none() {
            missing.push(format!(
                "{} (module `{name}`) has no layer: add it to LAYERS in tests/layers.rs, in the layer of the stage it belongs to",
                f.display()
            ));
        }
        names.insert(name);
    }
    // An entry that names nothing is a module renamed or removed: it would silently place
    // whatever takes the name next.
    for entry in LAYERS.iter().flat_map(|l| l.iter()) {
        let used = names
            .iter()
            .any(|n| layer(n).is_some_and(|(_, e)| e == *entry));
        if !used {
            missing.push(format!(
                "LAYERS names `{entry}`, which is no module of src/"
            ));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn no_module_imports_a_higher_layer() {
    let files = rust_files(&src());
    let krate = Crate::new(&files);
    let mut up = Vec::new();
    let mut checked = 0;
    for file in &files {
        let from = file_module_name(file);
        let Some((from_layer, _)) = layer(&from) else {
            continue; // every_module_has_a_layer names it
        };
        let text = std::fs::read_to_string(file).expect("read source");
        for (written, line, target) in imports(&krate, file, &text) {
            checked += 1;
            let to = shown(&target);
            let Some((to_layer, _)) = layer(&to) else {
                continue;
            };
            if to_layer > from_layer {
                up.push(format!(
                    "{}:{line}: `{written}` reaches `{to}` (layer {to_layer}: {}) from `{from}` (layer {from_layer}: {})",
                    file.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(file).display(),
                    layer_names(to_layer),
                    layer_names(from_layer),
                ));
            }
        }
    }
    // Guards against a collector that finds nothing and so passes everything.
    assert!(checked > 200, "only {checked} crate paths found in src/");
    assert!(
        up.is_empty(),
        "imports run back up the pipeline (move the item down, or the importer up):\n{}",
        up.join("\n")
    );
}

/// The collector on the forms the crate's code uses, so the check above is not vacuous.
#[test]
fn the_collector_sees_every_form_of_path() {
    let files = rust_files(&src());
    let krate = Crate::new(&files);
    let text = r#"
        use crate::lints::{self, Lint, zombie_child::LINT as Z};
        use super::{Style, human};
        use crate::fix;
        pub(crate) fn f(x: crate::finding::Finding) -> crate::level::Level {
            let _ = fix::apply::plan;
            let _ = lints::all();
            let _ = format!("{}", crate::suggest::did_you_mean("", [], |_| 0));
            matches!(x, crate::diagnostic::Diagnostic { .. })
        }
        mod tests {
            use super::*;
            fn g() { super::super::json::SCHEMA; }
        }
    "#;
    let file = src().join("report/sarif.rs");
    let found: BTreeMap<String, String> = imports(&krate, &file, text)
        .into_iter()
        .map(|(written, _, target)| (written, shown(&target)))
        .collect();
    let expected = [
        ("crate::lints", "lints"),
        ("crate::lints::Lint", "lints"),
        ("crate::lints::zombie_child::LINT", "lints::zombie_child"),
        ("super::Style", "report"),
        ("super::human", "report::human"),
        ("crate::fix", "fix"),
        ("crate::finding::Finding", "finding"),
        ("crate::level::Level", "level"),
        ("fix::apply::plan", "fix::apply"),
        ("lints::all", "lints"),
        ("crate::suggest::did_you_mean", "suggest"),
        ("crate::diagnostic::Diagnostic", "diagnostic"),
        ("super", "report::sarif"),
        ("super::super::json::SCHEMA", "report::json"),
    ];
    for (written, module) in expected {
        assert_eq!(
            found.get(written).map(String::as_str),
            Some(module),
            "`{written}` in {found:#?}"
        );
    }
    assert!(
        !found.keys().any(|k| k == "crate"),
        "`pub(crate)` is no import: {found:#?}"
    );
}

/// Words of the Rust language that `flow` may spell as strings: `cfg` predicates,
/// literals, and `Self`/`self`.
const RUST_WORDS: &[&str] = &["Self", "self", "cfg", "not", "any", "all", "true", "false"];

/// A name in a string in `flow` is a library's (or a standard item's, which belongs in
/// the catalog with the others); a string with spaces is a message.
#[test]
fn flow_names_no_library() {
    let mut named = Vec::new();
    for file in rust_files(&src().join("flow")) {
        let text = std::fs::read_to_string(&file).expect("read source");
        let shown = file
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(&file)
            .display()
            .to_string();
        // The issue's check, as it was written: these three names drifted into the
        // engine once.
        for name in ["\"stdin\"", "\"is_close\"", "\"with_context\""] {
            if text.contains(name) {
                named.push(format!("{shown}: {name}"));
            }
        }
        let syntax = syn::parse_file(&text).expect("parse");
        let mut strings = Strings(Vec::new());
        strings.visit_file(&syntax);
        for (value, line) in strings.0 {
            if looks_like_name(&value) && !RUST_WORDS.contains(&value.as_str()) {
                named.push(format!("{shown}:{line}: \"{value}\""));
            }
        }
    }
    assert!(
        named.is_empty(),
        "src/flow names these in strings; move them to the catalog (src/catalog/prelude.rs, src/catalog/runtime.rs):\n{}",
        named.join("\n")
    );
}

#[test]
fn names_in_strings_are_told_from_messages() {
    for name in ["unwrap", "Option::unwrap", "tokio::io::stdin", "_x1"] {
        assert!(looks_like_name(name), "{name}");
    }
    for text in ["the end of its scope", "", "a::", "::a", "1a", "a-b", "a b"] {
        assert!(!looks_like_name(text), "{text}");
    }
    let syntax = syn::parse_file(
        "///unwrap\nfn f() { let _ = (\"unwrap\", matches!(x, y if y == \"expect\")); }",
    )
    .expect("parse");
    let mut strings = Strings(Vec::new());
    strings.visit_file(&syntax);
    let values: Vec<&str> = strings.0.iter().map(|(v, _)| v.as_str()).collect();
    assert_eq!(values, ["unwrap", "expect"]);
}

/// An identifier or a `::` path of them: what a string naming an item looks like.
fn looks_like_name(s: &str) -> bool {
    s.split("::").all(|part| {
        let mut chars = part.chars();
        chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
    })
}

/// The string literals of a file, in code and inside macro invocations; doc comments are
/// prose.
struct Strings(Vec<(String, usize)>);

impl Strings {
    fn tokens(&mut self, tokens: TokenStream) {
        for tree in tokens {
            match tree {
                TokenTree::Group(g) => self.tokens(g.stream()),
                TokenTree::Literal(lit) => {
                    let line = lit.span().start().line;
                    if let syn::Lit::Str(s) = syn::Lit::new(lit) {
                        self.0.push((s.value(), line));
                    }
                }
                _ => {}
            }
        }
    }
}

impl<'ast> Visit<'ast> for Strings {
    fn visit_attribute(&mut self, a: &'ast syn::Attribute) {
        if !a.path().is_ident("doc") {
            syn::visit::visit_attribute(self, a);
        }
    }

    fn visit_lit_str(&mut self, s: &'ast syn::LitStr) {
        self.0.push((s.value(), s.span().start().line));
    }

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        self.tokens(m.tokens.clone());
        syn::visit::visit_macro(self, m);
    }
}
