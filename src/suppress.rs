//! Inline suppressions: `// stray: allow(lint_id, ..) -- reason`, and clippy's own
//! attributes for the lints clippy also has.
//!
//! A comment at the end of a line covers that line. A comment on a line of its own covers
//! the next line of code; when that line starts an item (`fn`, `impl`, `mod`, ...), the
//! whole item. `//! stray: allow(..)` covers the whole file. Names may be lint ids,
//! families or `all`. A suppression that suppresses nothing is itself reported
//! (`unused_suppression`), so stale ones do not pile up.
//!
//! `#[allow(clippy::zombie_processes)]` or `#[expect(..)]` (also inside `cfg_attr`) on a
//! statement, an expression, an item or a module (`#![allow(..)]`) silences
//! `zombie_child` in what it covers, as it silences clippy's lint there: the user has
//! already declined that very lint. Those attributes are clippy's, not ours: one that
//! silences nothing is not reported.

use std::ops::{Range, RangeInclusive};

use syn::punctuated::Punctuated;
use syn::spanned::Spanned;

use crate::diagnostic::{Diagnostic, Label};
use crate::finding::Finding;
use crate::lints::{self, Lint};
use crate::source::SourceFile;

/// One `stray: allow(..)` comment.
#[derive(Debug)]
pub struct Suppression {
    /// The lines it covers (1-based, inclusive).
    pub covers: RangeInclusive<usize>,
    /// The names it lists, with their byte ranges in the file.
    pub names: Vec<(String, Range<usize>)>,
    /// The text after `--`, if any.
    pub reason: Option<String>,
    /// Which names suppressed something.
    used: Vec<bool>,
}

/// Whether a file may contain suppressions at all (a cheap test before parsing them).
pub fn may_have(text: &str) -> bool {
    text.contains("stray:")
}

/// What the suppressions of a file need of its syntax: the line ranges of its items (for
/// comments above them) and clippy's attributes.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub struct Marks {
    pub items: Vec<RangeInclusive<usize>>,
    pub clippy: Vec<ClippyAllow>,
}

/// Where a clippy attribute silences one of our lints.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ClippyAllow {
    #[serde(with = "crate::serial::interned")]
    pub lint: crate::serial::StaticStr,
    /// The byte range of what carries the attribute.
    pub covers: Range<usize>,
    /// The reason shown for what it suppresses: the attribute, and its own reason.
    pub reason: String,
}

/// Whether a file may carry clippy attributes for our lints (a cheap test first).
fn may_have_clippy(text: &str) -> bool {
    lints::CLIPPY_EQUIVALENTS
        .iter()
        .any(|(_, clippy)| text.contains(clippy))
}

/// The clippy attributes of a file that silence our lints, shifted by `bom` bytes.
pub fn clippy_allows(file: &syn::File, text: &str, bom: usize) -> Vec<ClippyAllow> {
    if !may_have_clippy(text) {
        return Vec::new();
    }
    let mut found = ClippyAttrs(Vec::new());
    // Inner attributes at the top of the file cover all of it.
    found.add(&file.attrs, 0..text.len());
    syn::visit::Visit::visit_file(&mut found, file);
    for a in &mut found.0 {
        a.covers = a.covers.start + bom..a.covers.end + bom;
    }
    found.0
}

struct ClippyAttrs(Vec<ClippyAllow>);

impl ClippyAttrs {
    fn add(&mut self, attrs: &[syn::Attribute], covers: Range<usize>) {
        for attr in attrs {
            let Some((kind, names, reason)) = lint_attribute(attr) else {
                continue;
            };
            for name in names {
                let Some((ours, clippy)) =
                    lints::CLIPPY_EQUIVALENTS.iter().find(|(_, c)| *c == name)
                else {
                    continue;
                };
                let mut text = format!("clippy's `#[{kind}(clippy::{clippy})]`");
                if let Some(r) = &reason {
                    text.push_str(&format!(": {r}"));
                }
                self.0.push(ClippyAllow {
                    lint: ours,
                    covers: covers.clone(),
                    reason: text,
                });
            }
        }
    }
}

/// `#[allow(..)]`/`#[expect(..)]`, directly or inside `#[cfg_attr(.., ..)]`: which of the
/// two, the clippy lints it names, and its `reason = ".."`.
fn lint_attribute(attr: &syn::Attribute) -> Option<(String, Vec<String>, Option<String>)> {
    let syn::Meta::List(list) = &attr.meta else {
        return None;
    };
    let metas = list
        .parse_args_with(Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated)
        .ok()?;
    if list.path.is_ident("cfg_attr") {
        return metas.iter().skip(1).find_map(lint_meta);
    }
    lint_meta(&attr.meta)
}

fn lint_meta(meta: &syn::Meta) -> Option<(String, Vec<String>, Option<String>)> {
    let syn::Meta::List(list) = meta else {
        return None;
    };
    let kind = list.path.get_ident()?.to_string();
    if kind != "allow" && kind != "expect" {
        return None;
    }
    let metas = list
        .parse_args_with(Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated)
        .ok()?;
    let mut names = Vec::new();
    let mut reason = None;
    for m in &metas {
        match m {
            syn::Meta::Path(p) => {
                let segs: Vec<String> = p.segments.iter().map(|s| s.ident.to_string()).collect();
                if let [tool, name] = segs.as_slice()
                    && tool == "clippy"
                {
                    names.push(name.clone());
                }
            }
            syn::Meta::NameValue(nv) if nv.path.is_ident("reason") => {
                if let syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) = &nv.value
                {
                    reason = Some(s.value());
                }
            }
            _ => {}
        }
    }
    (!names.is_empty()).then_some((kind, names, reason))
}

impl<'ast> syn::visit::Visit<'ast> for ClippyAttrs {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        let attrs = match item {
            syn::Item::Fn(i) => &i.attrs,
            syn::Item::Impl(i) => &i.attrs,
            syn::Item::Mod(i) => &i.attrs,
            syn::Item::Trait(i) => &i.attrs,
            syn::Item::Const(i) => &i.attrs,
            syn::Item::Static(i) => &i.attrs,
            _ => return syn::visit::visit_item(self, item),
        };
        self.add(attrs, item.span().byte_range());
        syn::visit::visit_item(self, item);
    }
    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        self.add(&f.attrs, f.span().byte_range());
        syn::visit::visit_impl_item_fn(self, f);
    }
    fn visit_trait_item_fn(&mut self, f: &'ast syn::TraitItemFn) {
        self.add(&f.attrs, f.span().byte_range());
        syn::visit::visit_trait_item_fn(self, f);
    }
    fn visit_local(&mut self, l: &'ast syn::Local) {
        self.add(&l.attrs, l.span().byte_range());
        syn::visit::visit_local(self, l);
    }
    fn visit_stmt_macro(&mut self, m: &'ast syn::StmtMacro) {
        self.add(&m.attrs, m.span().byte_range());
        syn::visit::visit_stmt_macro(self, m);
    }
    fn visit_arm(&mut self, a: &'ast syn::Arm) {
        self.add(&a.attrs, a.span().byte_range());
        syn::visit::visit_arm(self, a);
    }
    fn visit_field_value(&mut self, f: &'ast syn::FieldValue) {
        self.add(&f.attrs, f.span().byte_range());
        syn::visit::visit_field_value(self, f);
    }
    fn visit_expr(&mut self, e: &'ast syn::Expr) {
        self.add(expr_attrs(e), e.span().byte_range());
        syn::visit::visit_expr(self, e);
    }
}

/// The outer attributes of an expression (`#[allow(..)] { .. }`, on a call, a closure).
fn expr_attrs(e: &syn::Expr) -> &[syn::Attribute] {
    use syn::Expr as E;
    match e {
        E::Array(x) => &x.attrs,
        E::Assign(x) => &x.attrs,
        E::Async(x) => &x.attrs,
        E::Await(x) => &x.attrs,
        E::Binary(x) => &x.attrs,
        E::Block(x) => &x.attrs,
        E::Break(x) => &x.attrs,
        E::Call(x) => &x.attrs,
        E::Cast(x) => &x.attrs,
        E::Closure(x) => &x.attrs,
        E::Const(x) => &x.attrs,
        E::Continue(x) => &x.attrs,
        E::Field(x) => &x.attrs,
        E::ForLoop(x) => &x.attrs,
        E::Group(x) => &x.attrs,
        E::If(x) => &x.attrs,
        E::Index(x) => &x.attrs,
        E::Infer(x) => &x.attrs,
        E::Let(x) => &x.attrs,
        E::Lit(x) => &x.attrs,
        E::Loop(x) => &x.attrs,
        E::Macro(x) => &x.attrs,
        E::Match(x) => &x.attrs,
        E::MethodCall(x) => &x.attrs,
        E::Paren(x) => &x.attrs,
        E::Path(x) => &x.attrs,
        E::Range(x) => &x.attrs,
        E::RawAddr(x) => &x.attrs,
        E::Reference(x) => &x.attrs,
        E::Repeat(x) => &x.attrs,
        E::Return(x) => &x.attrs,
        E::Struct(x) => &x.attrs,
        E::Try(x) => &x.attrs,
        E::TryBlock(x) => &x.attrs,
        E::Tuple(x) => &x.attrs,
        E::Unary(x) => &x.attrs,
        E::Unsafe(x) => &x.attrs,
        E::While(x) => &x.attrs,
        E::Yield(x) => &x.attrs,
        _ => &[],
    }
}

/// Splits off the findings a clippy attribute silences, with its reason.
pub fn apply_clippy(
    allows: &[ClippyAllow],
    findings: Vec<Finding>,
) -> (Vec<Finding>, Vec<(Finding, Option<String>)>) {
    if allows.is_empty() {
        return (findings, Vec::new());
    }
    let mut kept = Vec::new();
    let mut suppressed = Vec::new();
    for f in findings {
        let at = f.diagnostic.primary.span.start;
        match allows
            .iter()
            .find(|a| a.lint == f.lint.id && a.covers.contains(&at))
        {
            Some(a) => suppressed.push((f, Some(a.reason.clone()))),
            None => kept.push(f),
        }
    }
    (kept, suppressed)
}

/// The line ranges of the items of a file (functions, impls, modules, traits, types), for
/// suppressions placed above an item.
pub fn item_lines(file: &syn::File, source: &SourceFile, bom: usize) -> Vec<RangeInclusive<usize>> {
    struct Items<'s> {
        source: &'s SourceFile,
        bom: usize,
        out: Vec<RangeInclusive<usize>>,
    }
    impl Items<'_> {
        fn add(&mut self, start: proc_macro2::Span, end: proc_macro2::Span) {
            let a = self
                .source
                .position(start.byte_range().start + self.bom)
                .line;
            let b = self.source.position(end.byte_range().end + self.bom).line;
            self.out.push(a..=b);
        }
    }
    impl<'ast> syn::visit::Visit<'ast> for Items<'_> {
        fn visit_item(&mut self, item: &'ast syn::Item) {
            let first = match item {
                syn::Item::Fn(f) => f.attrs.first().map(|a| a.span()).or(Some(f.sig.span())),
                syn::Item::Impl(i) => i
                    .attrs
                    .first()
                    .map(|a| a.span())
                    .or(Some(i.impl_token.span)),
                syn::Item::Mod(m) => m.attrs.first().map(|a| a.span()).or(Some(m.mod_token.span)),
                syn::Item::Trait(t) => t
                    .attrs
                    .first()
                    .map(|a| a.span())
                    .or(Some(t.trait_token.span)),
                _ => None,
            };
            let last = match item {
                syn::Item::Fn(f) => Some(f.block.brace_token.span.close()),
                syn::Item::Impl(i) => Some(i.brace_token.span.close()),
                syn::Item::Mod(m) => m.content.as_ref().map(|(b, _)| b.span.close()),
                syn::Item::Trait(t) => Some(t.brace_token.span.close()),
                _ => None,
            };
            if let (Some(first), Some(last)) = (first, last) {
                self.add(first, last);
            }
            syn::visit::visit_item(self, item);
        }
        fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
            let first = f.attrs.first().map(|a| a.span()).unwrap_or(f.sig.span());
            self.add(first, f.block.brace_token.span.close());
            syn::visit::visit_impl_item_fn(self, f);
        }
    }
    let mut items = Items {
        source,
        bom,
        out: Vec::new(),
    };
    syn::visit::Visit::visit_file(&mut items, file);
    items.out
}

/// Finds the suppressions of a file.
pub fn parse(source: &SourceFile, items: &[RangeInclusive<usize>]) -> Vec<Suppression> {
    // Each line with where it starts: a CRLF line ending is two bytes, which `lines()`
    // would hide from the offsets.
    let mut starts = Vec::new();
    let mut lines = Vec::new();
    let mut offset = 0;
    for raw in source.text.split_inclusive('\n') {
        starts.push(offset);
        offset += raw.len();
        let line = raw.strip_suffix('\n').unwrap_or(raw);
        lines.push(line.strip_suffix('\r').unwrap_or(line));
    }
    let mut out = Vec::new();
    for (index, (line, &line_start)) in lines.iter().zip(&starts).enumerate() {
        let number = index + 1;
        let Some(at) = comment_start(line) else {
            continue;
        };
        let comment = &line[at..];
        let (file_wide, body) = match comment.strip_prefix("//!") {
            Some(rest) => (true, rest),
            None => (false, comment.trim_start_matches('/')),
        };
        let Some(rest) = body.trim_start().strip_prefix("stray:") else {
            continue;
        };
        let rest = rest.trim_start();
        let Some(list) = rest.strip_prefix("allow(") else {
            continue;
        };
        let Some(close) = list.find(')') else {
            continue;
        };
        let list_start = line_start + at + (comment.len() - list.len());
        let mut names = Vec::new();
        let mut cursor = 0;
        for part in list[..close].split(',') {
            let name = part.trim();
            let skip = part.len() - part.trim_start().len();
            if !name.is_empty() {
                let start = list_start + cursor + skip;
                names.push((name.to_string(), start..start + name.len()));
            }
            cursor += part.len() + 1;
        }
        let reason = list[close + 1..]
            .trim()
            .strip_prefix("--")
            .map(|r| r.trim().to_string())
            .filter(|r| !r.is_empty());
        let code_before = !line[..at].trim().is_empty();
        let covers = if file_wide {
            1..=lines.len().max(1)
        } else if code_before {
            number..=number
        } else {
            let next = (index + 1..lines.len())
                .find(|&i| {
                    let t = lines[i].trim();
                    !t.is_empty() && !t.starts_with("//")
                })
                .map_or(number, |i| i + 1);
            items
                .iter()
                .filter(|r| *r.start() == next)
                .max_by_key(|r| *r.end())
                .cloned()
                .unwrap_or(next..=next)
        };
        let used = vec![false; names.len()];
        out.push(Suppression {
            covers,
            names,
            reason,
            used,
        });
    }
    out
}

/// Where a `//` comment starts on a line, outside string and character literals.
fn comment_start(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let mut in_string = false;
    let mut i = 0;
    while i + 1 < b.len() {
        match b[i] {
            b'\\' if in_string => i += 1,
            b'"' => in_string = !in_string,
            b'/' if !in_string && b[i + 1] == b'/' => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

/// Whether `name` (a lint id, a family, or `all`) names `lint`.
fn names(name: &str, lint: &Lint) -> bool {
    name == "all" || name == lint.id || name == lint.family.as_str()
}

/// Splits `findings` into those reported and those suppressed (with their reasons), and
/// marks the suppressions used.
pub fn apply(
    suppressions: &mut [Suppression],
    findings: Vec<Finding>,
) -> (Vec<Finding>, Vec<(Finding, Option<String>)>) {
    let mut kept = Vec::new();
    let mut suppressed = Vec::new();
    for f in findings {
        let line = f.file.position(f.diagnostic.primary.span.start).line;
        let by = suppressions.iter_mut().find_map(|s| {
            if !s.covers.contains(&line) {
                return None;
            }
            let i = s.names.iter().position(|(n, _)| names(n, f.lint))?;
            s.used[i] = true;
            Some(s.reason.clone())
        });
        match by {
            Some(reason) => suppressed.push((f, reason)),
            None => kept.push(f),
        }
    }
    (kept, suppressed)
}

/// The `unused_suppression` diagnostics: names that suppressed nothing, or name no lint.
/// A name that covers a lint not enabled for this file (`-A zombie_child`, `[lints]`) is
/// left alone: that lint did not run, so nothing says its finding is gone.
pub fn unused(suppressions: &[Suppression], enabled: impl Fn(&Lint) -> bool) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for s in suppressions {
        for ((name, span), used) in s.names.iter().zip(&s.used) {
            if *used {
                continue;
            }
            if lints::all().iter().any(|l| names(name, l) && !enabled(l)) {
                continue;
            }
            let known = name == "all"
                || lints::all()
                    .iter()
                    .any(|l| l.id == name || l.family.as_str() == name);
            let (message, help) = if known {
                (
                    format!("this suppression of `{name}` suppresses nothing here"),
                    "remove it: the finding it was for is gone".to_string(),
                )
            } else {
                (
                    format!("no lint named `{name}`{}", lints::did_you_mean(name)),
                    "name a lint id (see `cargo stray --list-lints`), a family, or `all`"
                        .to_string(),
                )
            };
            out.push(Diagnostic {
                message,
                primary: Label {
                    span: span.clone(),
                    message: "suppresses nothing".to_string(),
                },
                secondary: Vec::new(),
                help: Some(help),
                fix: None,
                reported_as: None,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile::new("a.rs".into(), "a.rs".into(), text.into())
    }

    #[test]
    fn parses_the_forms() {
        let src = file(
            "//! stray: allow(zombie_child)\nfn f() {\n    let x = 1; // stray: allow(cancel, all) -- tested\n    // stray: allow(guard_dropped_immediately)\n\n    let y = \"// stray: allow(nope)\";\n}\n",
        );
        let s = parse(&src, &[2..=7]);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].covers, 1..=7);
        assert_eq!(s[1].covers, 3..=3);
        assert_eq!(s[1].names.len(), 2);
        assert_eq!(s[1].reason.as_deref(), Some("tested"));
        assert_eq!(&src.text[s[1].names[0].1.clone()], "cancel");
        // The next line of code, past the blank line; the string is not a comment.
        assert_eq!(s[2].covers, 6..=6);
    }

    #[test]
    fn names_are_found_on_crlf_lines() {
        let src = file(
            "fn f() {\r\n    let größe = 1;\r\n    g(); // stray: allow(größe, zombie_child)\r\n}\r\n",
        );
        let s = parse(&src, &[]);
        assert_eq!(s[0].covers, 3..=3);
        assert_eq!(&src.text[s[0].names[0].1.clone()], "größe");
        assert_eq!(&src.text[s[0].names[1].1.clone()], "zombie_child");
    }

    #[test]
    fn a_comment_above_an_item_covers_the_item() {
        let src = file("// stray: allow(zombie_child) -- fire and forget\nfn f() {\n    a();\n}\n");
        let s = parse(&src, &[2..=4]);
        assert_eq!(s[0].covers, 2..=4);
    }
}
