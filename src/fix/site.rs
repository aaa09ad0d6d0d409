//! Where a fix goes: the statement that holds a byte offset, the blocks and bodies around
//! it, and the indentation a new statement needs there.

use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;
use syn::spanned::Spanned;
use syn::visit::Visit;
use syn::{Block, Expr, Pat, Signature, Stmt};

use super::Edit;
use crate::source::SourceFile;

/// What lies between a function's body and a statement, outermost first.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    /// A function's signature: its body follows.
    Fn(&'a Signature),
    /// A closure or an async block: `?`, `.await` and `return` there are its own.
    Closure,
    /// The body of a `loop`, `while` or `for`: it may run more than once.
    Loop,
    /// A block, and the index of its statement that holds the offset.
    Block(&'a Block, usize),
}

/// The scopes around `offset`, outermost first, down to the innermost statement that
/// holds it and any closure or loop inside that statement. `None` when no block statement
/// holds it (an item outside any function).
pub fn scopes_at(file: &syn::File, offset: usize) -> Option<Vec<Scope<'_>>> {
    let mut finder = Finder {
        offset,
        stack: Vec::new(),
        best: None,
    };
    finder.visit_file(file);
    finder.best
}

/// The innermost block of `scopes` and the statement in it.
pub fn innermost<'a>(scopes: &[Scope<'a>]) -> Option<(&'a Block, usize)> {
    scopes.iter().rev().find_map(|s| match s {
        Scope::Block(b, i) => Some((*b, *i)),
        _ => None,
    })
}

/// Whether a closure or async block comes after the innermost statement: the offset is
/// in code that runs elsewhere, with names of its own.
pub fn in_closure_inside_statement(scopes: &[Scope<'_>]) -> bool {
    scopes
        .iter()
        .rev()
        .take_while(|s| !matches!(s, Scope::Block(..)))
        .any(|s| matches!(s, Scope::Closure))
}

/// The function whose body holds the innermost block, when nothing (closure, async
/// block) comes between: where `?` and `.await` belong to that function.
pub fn enclosing_fn<'a>(scopes: &[Scope<'a>]) -> Option<&'a Signature> {
    for s in scopes.iter().rev() {
        match s {
            Scope::Fn(sig) => return Some(sig),
            Scope::Closure => return None,
            _ => {}
        }
    }
    None
}

struct Finder<'a> {
    offset: usize,
    stack: Vec<Scope<'a>>,
    best: Option<Vec<Scope<'a>>>,
}

impl<'a> Finder<'a> {
    /// Enters a scope that holds the offset: the deepest one seen so far, as the visit
    /// only goes down the nodes that hold it.
    fn push(&mut self, scope: Scope<'a>) {
        self.stack.push(scope);
        if self.stack.iter().any(|s| matches!(s, Scope::Block(..))) {
            self.best = Some(self.stack.clone());
        }
    }

    fn holds(&self, node: &impl Spanned) -> bool {
        let r = node.span().byte_range();
        r.start <= self.offset && self.offset < r.end
    }
}

impl<'a> Visit<'a> for Finder<'a> {
    fn visit_item_fn(&mut self, f: &'a syn::ItemFn) {
        if self.holds(f) {
            self.stack.push(Scope::Fn(&f.sig));
            syn::visit::visit_item_fn(self, f);
            self.stack.pop();
        }
    }

    fn visit_impl_item_fn(&mut self, f: &'a syn::ImplItemFn) {
        if self.holds(f) {
            self.stack.push(Scope::Fn(&f.sig));
            syn::visit::visit_impl_item_fn(self, f);
            self.stack.pop();
        }
    }

    fn visit_trait_item_fn(&mut self, f: &'a syn::TraitItemFn) {
        if self.holds(f) {
            self.stack.push(Scope::Fn(&f.sig));
            syn::visit::visit_trait_item_fn(self, f);
            self.stack.pop();
        }
    }

    fn visit_expr_closure(&mut self, c: &'a syn::ExprClosure) {
        if self.holds(c) {
            self.push(Scope::Closure);
            syn::visit::visit_expr_closure(self, c);
            self.stack.pop();
        }
    }

    fn visit_expr_async(&mut self, a: &'a syn::ExprAsync) {
        if self.holds(a) {
            self.push(Scope::Closure);
            syn::visit::visit_expr_async(self, a);
            self.stack.pop();
        }
    }

    fn visit_expr_loop(&mut self, l: &'a syn::ExprLoop) {
        if self.holds(&l.body) {
            self.push(Scope::Loop);
            self.visit_block(&l.body);
            self.stack.pop();
        }
    }

    fn visit_expr_while(&mut self, w: &'a syn::ExprWhile) {
        if self.holds(&w.body) {
            self.push(Scope::Loop);
            self.visit_block(&w.body);
            self.stack.pop();
        } else {
            self.visit_expr(&w.cond);
        }
    }

    fn visit_expr_for_loop(&mut self, f: &'a syn::ExprForLoop) {
        if self.holds(&f.body) {
            self.push(Scope::Loop);
            self.visit_block(&f.body);
            self.stack.pop();
        } else {
            self.visit_expr(&f.expr);
        }
    }

    fn visit_block(&mut self, b: &'a Block) {
        let Some(i) = b.stmts.iter().position(|s| self.holds(s)) else {
            return;
        };
        self.push(Scope::Block(b, i));
        self.visit_stmt(&b.stmts[i]);
        self.stack.pop();
    }
}

/// The text that starts a new line before `stmt`: its line's indentation when it starts
/// its line, else a space (the new statement goes on the same line).
fn leading(source: &SourceFile, start: usize) -> (usize, String) {
    let text = &source.text;
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..start];
    if before.chars().all(|c| c == ' ' || c == '\t') {
        (start, format!("{}{before}", line_ending(text)))
    } else {
        (start, " ".to_string())
    }
}

/// The file's own line ending, so a CRLF file stays CRLF.
pub fn line_ending(text: &str) -> &'static str {
    if text.contains("\r\n") { "\r\n" } else { "\n" }
}

/// An edit putting `code` (one statement, no newline) before `stmt`, as its own line
/// with the same indentation.
pub fn insert_before(source: &SourceFile, stmt: &Stmt, code: &str) -> Edit {
    let start = stmt.span().byte_range().start;
    let (at, after) = leading(source, start);
    Edit::insert(at, format!("{code}{after}"))
}

/// An edit putting `code` after `stmt`, on its own line with the same indentation.
pub fn insert_after(source: &SourceFile, stmt: &Stmt, code: &str) -> Edit {
    let range = stmt.span().byte_range();
    let (_, before) = leading(source, range.start);
    Edit::insert(range.end, format!("{before}{code}"))
}

/// An edit deleting `stmt`, with its whole line when nothing else is on it.
pub fn remove(source: &SourceFile, stmt: &Stmt) -> Edit {
    let range = stmt.span().byte_range();
    let text = &source.text;
    let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[range.end..]
        .find('\n')
        .map_or(text.len(), |i| range.end + i + 1);
    let alone = text[line_start..range.start].trim().is_empty()
        && text[range.end..line_end].trim().is_empty();
    if alone {
        Edit::replace(line_start..line_end, "")
    } else {
        Edit::replace(range, "")
    }
}

/// Whether `name` occurs as an identifier anywhere in `node`, macro arguments included.
pub fn mentions(node: &impl ToTokens, name: &str) -> bool {
    fn walk(tokens: TokenStream, name: &str) -> bool {
        tokens.into_iter().any(|t| match t {
            TokenTree::Ident(i) => i == name,
            TokenTree::Group(g) => walk(g.stream(), name),
            _ => false,
        })
    }
    walk(node.to_token_stream(), name)
}

/// The variable a `let` binds when its pattern is a plain name (`x`, `mut x`), and
/// whether it is `mut`.
pub fn bound_name(stmt: &Stmt) -> Option<(&syn::PatIdent, &Expr)> {
    let Stmt::Local(local) = stmt else {
        return None;
    };
    let init = local.init.as_ref()?;
    if init.diverge.is_some() {
        return None;
    }
    let pat = match &local.pat {
        Pat::Type(t) => &*t.pat,
        p => p,
    };
    match pat {
        Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none() => Some((p, &init.expr)),
        _ => None,
    }
}

/// Whether `stmt` binds `name` again (a `let` that shadows it).
pub fn rebinds(stmt: &Stmt, name: &str) -> bool {
    let Stmt::Local(local) = stmt else {
        return false;
    };
    mentions(&local.pat, name)
}

/// Whether `stmt` may move the variable `name` within the bytes `within`: any use that
/// is not a method call on it, a borrow of it, or an argument of a macro (the formatting
/// macros borrow).
pub fn moves(stmt: &Stmt, name: &str, within: std::ops::Range<usize>) -> bool {
    struct Uses<'n> {
        name: &'n str,
        within: std::ops::Range<usize>,
        moved: bool,
    }
    impl Uses<'_> {
        fn is_name(&self, e: &Expr) -> bool {
            matches!(e, Expr::Path(p) if p.qself.is_none() && p.path.is_ident(self.name))
        }
    }
    impl<'a> Visit<'a> for Uses<'_> {
        fn visit_expr_method_call(&mut self, m: &'a syn::ExprMethodCall) {
            if !self.is_name(&m.receiver) {
                self.visit_expr(&m.receiver);
            }
            for a in &m.args {
                self.visit_expr(a);
            }
        }
        fn visit_expr_reference(&mut self, r: &'a syn::ExprReference) {
            if !self.is_name(&r.expr) {
                self.visit_expr(&r.expr);
            }
        }
        fn visit_expr_path(&mut self, p: &'a syn::ExprPath) {
            if p.qself.is_none()
                && p.path.is_ident(self.name)
                && self.within.contains(&p.span().byte_range().start)
            {
                self.moved = true;
            }
        }
    }
    let mut uses = Uses {
        name,
        within,
        moved: false,
    };
    uses.visit_stmt(stmt);
    uses.moved
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> (SourceFile, syn::File) {
        let file = syn::parse_file(text).expect("test source parses");
        (
            SourceFile::new("t.rs".into(), "t.rs".into(), text.to_string()),
            file,
        )
    }

    #[test]
    fn finds_the_innermost_statement_and_the_scopes_around_it() {
        let text =
            "fn f() {\n    let a = 1;\n    for i in x {\n        g(|| { h(); });\n    }\n}\n";
        let (_, file) = source(text);
        let at = text.find("h()").expect("present");
        let scopes = scopes_at(&file, at).expect("inside a body");
        let kinds: Vec<&str> = scopes
            .iter()
            .map(|s| match s {
                Scope::Fn(_) => "fn",
                Scope::Closure => "closure",
                Scope::Loop => "loop",
                Scope::Block(_, _) => "block",
            })
            .collect();
        assert_eq!(kinds, ["fn", "block", "loop", "block", "closure", "block"]);
        assert!(enclosing_fn(&scopes).is_none());
        let at = text.find("let a").expect("present");
        let scopes = scopes_at(&file, at).expect("inside a body");
        assert_eq!(innermost(&scopes).map(|(_, i)| i), Some(0));
        assert!(enclosing_fn(&scopes).is_some());
    }

    #[test]
    fn inserts_on_a_new_line_with_the_statement_indentation() {
        let text = "fn f() {\r\n    wait();\r\n}\r\n";
        let (src, file) = source(text);
        let scopes = scopes_at(&file, text.find("wait").expect("present")).expect("body");
        let (block, i) = innermost(&scopes).expect("a block");
        let edit = insert_before(&src, &block.stmts[i], "close();");
        assert_eq!(
            super::super::apply_edits(text, &[edit]),
            "fn f() {\r\n    close();\r\n    wait();\r\n}\r\n"
        );
    }
}
