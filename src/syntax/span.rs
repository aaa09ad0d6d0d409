//! Byte ranges of expressions and statements without printing them.
//!
//! syn's `Spanned::span()` prints the whole node to find its first and last tokens, so
//! asking it at every level of a deep chain (`t.await.await…`, `a.b().c()…`, nested
//! blocks) costs time quadratic in the depth. These walk down to the leftmost and the
//! rightmost token instead, and give the same range (a test checks it on every node of
//! the ui corpus); the few forms not handled here fall back to `Spanned`.
//!
//! One difference: a range starts after the node's outer attributes. Those of an
//! expression are its statement's (`#[allow(..)] child.kill();`), and a label under the
//! code should not begin on the attribute's line.

use std::ops::Range;

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Expr, Stmt};

/// The byte range `Spanned::span()` gives for `e`, attributes left out.
pub fn expr(e: &Expr) -> Range<usize> {
    start(e)..end(e)
}

/// The byte range `Spanned::span()` gives for a method call, attributes left out.
pub fn method_call(m: &syn::ExprMethodCall) -> Range<usize> {
    start(&m.receiver)..at_end(m.paren_token.span.close())
}

/// The byte range `Spanned::span()` gives for a call, attributes left out.
pub fn call(c: &syn::ExprCall) -> Range<usize> {
    start(&c.func)..at_end(c.paren_token.span.close())
}

/// The byte range `Spanned::span()` gives for a field access, attributes left out.
pub fn field(f: &syn::ExprField) -> Range<usize> {
    start(&f.base)..at_end(f.member.span())
}

/// The byte range `Spanned::span()` gives for an assignment, attributes left out.
pub fn assign(a: &syn::ExprAssign) -> Range<usize> {
    start(&a.left)..end(&a.right)
}

/// The byte range `Spanned::span()` gives for an `.await`, attributes left out.
pub fn await_expr(a: &syn::ExprAwait) -> Range<usize> {
    start(&a.base)..at_end(a.await_token.span)
}

/// The byte range `Spanned::span()` gives for a macro invocation.
pub fn mac(m: &syn::Macro) -> Range<usize> {
    path_start(&m.path)..delimiter_end(&m.delimiter)
}

/// The byte range `Spanned::span()` gives for `s`, but for its outer attributes: a label
/// on the statement starts where its code does, not on the `#[allow(..)]` line above. An
/// item keeps them (nothing is dropped at its end).
pub fn stmt(s: &Stmt) -> Range<usize> {
    match s {
        Stmt::Local(l) => at_start(l.let_token.span)..at_end(l.semi_token.span),
        Stmt::Expr(e, Some(semi)) => start(e)..at_end(semi.span),
        Stmt::Expr(e, None) => expr(e),
        Stmt::Macro(m) => {
            let start = path_start(&m.mac.path);
            let end = match &m.semi_token {
                Some(semi) => semi.span.byte_range().end,
                None => delimiter_end(&m.mac.delimiter),
            };
            start..end
        }
        Stmt::Item(i) => i.span().byte_range(),
    }
}

fn at_start(span: Span) -> usize {
    span.byte_range().start
}

fn at_end(span: Span) -> usize {
    span.byte_range().end
}

fn path_start(p: &syn::Path) -> usize {
    match (&p.leading_colon, p.segments.first()) {
        (Some(colon), _) => at_start(colon.spans[0]),
        (None, Some(s)) => at_start(s.ident.span()),
        (None, None) => p.span().byte_range().start,
    }
}

fn delimiter_end(d: &syn::MacroDelimiter) -> usize {
    match d {
        syn::MacroDelimiter::Paren(p) => at_end(p.span.close()),
        syn::MacroDelimiter::Brace(b) => at_end(b.span.close()),
        syn::MacroDelimiter::Bracket(b) => at_end(b.span.close()),
    }
}

fn label_or(label: &Option<syn::Label>, token: Span) -> usize {
    match label {
        Some(l) => at_start(l.name.apostrophe),
        None => at_start(token),
    }
}

/// Where the first token of `e` after its outer attributes starts: that of its leftmost
/// operand.
fn start(e: &Expr) -> usize {
    let mut e = e;
    loop {
        e = match e {
            Expr::Assign(x) => &x.left,
            Expr::Await(x) => &x.base,
            Expr::Binary(x) => &x.left,
            Expr::Call(x) => &x.func,
            Expr::Cast(x) => &x.expr,
            Expr::Field(x) => &x.base,
            Expr::Index(x) => &x.expr,
            Expr::MethodCall(x) => &x.receiver,
            Expr::Try(x) => &x.expr,
            Expr::Range(syn::ExprRange { start: Some(s), .. }) => s,
            Expr::Array(x) => return at_start(x.bracket_token.span.open()),
            Expr::Async(x) => return at_start(x.async_token.span),
            Expr::Block(x) => return label_or(&x.label, x.block.brace_token.span.open()),
            Expr::Break(x) => return at_start(x.break_token.span),
            Expr::Continue(x) => return at_start(x.continue_token.span),
            Expr::ForLoop(x) => return label_or(&x.label, x.for_token.span),
            Expr::If(x) => return at_start(x.if_token.span),
            Expr::Let(x) => return at_start(x.let_token.span),
            Expr::Lit(x) => return at_start(x.lit.span()),
            Expr::Loop(x) => return label_or(&x.label, x.loop_token.span),
            Expr::Macro(x) => return path_start(&x.mac.path),
            Expr::Match(x) => return at_start(x.match_token.span),
            Expr::Paren(x) => return at_start(x.paren_token.span.open()),
            Expr::Path(x) if x.qself.is_none() => return path_start(&x.path),
            Expr::Reference(x) => return at_start(x.and_token.span),
            Expr::Return(x) => return at_start(x.return_token.span),
            Expr::Tuple(x) => return at_start(x.paren_token.span.open()),
            Expr::Unary(x) => return at_start(x.op.span()),
            Expr::Unsafe(x) => return at_start(x.unsafe_token.span),
            Expr::While(x) => return label_or(&x.label, x.while_token.span),
            other => return after_attributes(other),
        };
    }
}

/// Where the first token of a node after its outer attributes starts, printing it: for the
/// forms `start` does not walk.
fn after_attributes(node: &impl quote::ToTokens) -> usize {
    first_after_attributes(node.to_token_stream()).unwrap_or_else(|| node.span().byte_range().start)
}

/// The start of the first token after the leading `#[..]`s.
fn first_after_attributes(tokens: proc_macro2::TokenStream) -> Option<usize> {
    use proc_macro2::{Delimiter, TokenTree};
    let mut tokens = tokens.into_iter().peekable();
    while let Some(t) = tokens.next() {
        let attribute = matches!(&t, TokenTree::Punct(p) if p.as_char() == '#')
            && matches!(tokens.peek(), Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Bracket);
        if !attribute {
            return Some(t.span().byte_range().start);
        }
        tokens.next();
    }
    None
}

/// Where the last token of `e` ends: its closing delimiter, or its rightmost operand.
fn end(e: &Expr) -> usize {
    let mut e = e;
    loop {
        e = match e {
            Expr::Assign(x) => &x.right,
            Expr::Binary(x) => &x.right,
            Expr::Closure(x) => &x.body,
            Expr::Let(x) => &x.expr,
            Expr::Reference(x) => &x.expr,
            Expr::Unary(x) => &x.expr,
            Expr::Break(x) => match (&x.expr, &x.label) {
                (Some(v), _) => v,
                (None, Some(l)) => return at_end(l.ident.span()),
                (None, None) => return at_end(x.break_token.span),
            },
            Expr::Return(x) => match &x.expr {
                Some(v) => v,
                None => return at_end(x.return_token.span),
            },
            Expr::Range(x) => match &x.end {
                Some(v) => v,
                None => return x.limits.span().byte_range().end,
            },
            Expr::If(x) => match &x.else_branch {
                Some((_, other)) => other,
                None => return at_end(x.then_branch.brace_token.span.close()),
            },
            Expr::Array(x) => return at_end(x.bracket_token.span.close()),
            Expr::Async(x) => return at_end(x.block.brace_token.span.close()),
            Expr::Await(x) => return at_end(x.await_token.span),
            Expr::Block(x) => return at_end(x.block.brace_token.span.close()),
            Expr::Call(x) => return at_end(x.paren_token.span.close()),
            Expr::Continue(x) => match &x.label {
                Some(l) => return at_end(l.ident.span()),
                None => return at_end(x.continue_token.span),
            },
            Expr::Field(x) => return at_end(x.member.span()),
            Expr::ForLoop(x) => return at_end(x.body.brace_token.span.close()),
            Expr::Index(x) => return at_end(x.bracket_token.span.close()),
            Expr::Lit(x) => return at_end(x.lit.span()),
            Expr::Loop(x) => return at_end(x.body.brace_token.span.close()),
            Expr::Macro(x) => return delimiter_end(&x.mac.delimiter),
            Expr::Match(x) => return at_end(x.brace_token.span.close()),
            Expr::MethodCall(x) => return at_end(x.paren_token.span.close()),
            Expr::Paren(x) => return at_end(x.paren_token.span.close()),
            Expr::Struct(x) => return at_end(x.brace_token.span.close()),
            Expr::Try(x) => return at_end(x.question_token.span),
            Expr::Tuple(x) => return at_end(x.paren_token.span.close()),
            Expr::Unsafe(x) => return at_end(x.block.brace_token.span.close()),
            Expr::While(x) => return at_end(x.body.brace_token.span.close()),
            other => return other.span().byte_range().end,
        };
    }
}

#[cfg(test)]
mod tests {
    use syn::visit::Visit;

    struct Check(usize);

    /// What syn prints of a node, from the first token after its outer attributes.
    fn printed(node: &impl quote::ToTokens) -> Range<usize> {
        let all = node.span().byte_range();
        let start = first_after_attributes(node.to_token_stream()).unwrap_or(all.start);
        start..all.end
    }

    impl<'ast> Visit<'ast> for Check {
        fn visit_expr(&mut self, e: &'ast Expr) {
            assert_eq!(
                super::expr(e),
                printed(e),
                "{}",
                quote::ToTokens::to_token_stream(e)
            );
            self.0 += 1;
            syn::visit::visit_expr(self, e);
        }
        fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
            assert_eq!(super::method_call(m), printed(m));
            syn::visit::visit_expr_method_call(self, m);
        }
        fn visit_expr_call(&mut self, c: &'ast syn::ExprCall) {
            assert_eq!(super::call(c), printed(c));
            syn::visit::visit_expr_call(self, c);
        }
        fn visit_expr_assign(&mut self, a: &'ast syn::ExprAssign) {
            assert_eq!(super::assign(a), printed(a));
            syn::visit::visit_expr_assign(self, a);
        }
        fn visit_expr_await(&mut self, a: &'ast syn::ExprAwait) {
            assert_eq!(super::await_expr(a), printed(a));
            syn::visit::visit_expr_await(self, a);
        }
        fn visit_macro(&mut self, m: &'ast syn::Macro) {
            assert_eq!(super::mac(m), m.span().byte_range());
            syn::visit::visit_macro(self, m);
        }
        fn visit_expr_field(&mut self, f: &'ast syn::ExprField) {
            assert_eq!(super::field(f), printed(f));
            syn::visit::visit_expr_field(self, f);
        }
        fn visit_stmt(&mut self, s: &'ast Stmt) {
            // An item keeps its attributes: nothing is dropped at its end.
            let expected = match s {
                Stmt::Item(_) => s.span().byte_range(),
                _ => printed(s),
            };
            assert_eq!(
                super::stmt(s),
                expected,
                "{}",
                quote::ToTokens::to_token_stream(s)
            );
            self.0 += 1;
            syn::visit::visit_stmt(self, s);
        }
    }

    use super::*;

    /// Every expression and statement of the ui corpus and the fuzzer's seed files.
    #[test]
    fn ranges_are_those_syn_prints() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for dir in ["ui-tests", "tests/fuzz/corpus", "src"] {
            let mut stack = vec![root.join(dir)];
            while let Some(d) = stack.pop() {
                for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                    let path = entry.path();
                    if path.is_dir() {
                        stack.push(path);
                    } else if path.extension().is_some_and(|e| e == "rs") {
                        files.push(path);
                    }
                }
            }
        }
        let mut check = Check(0);
        for path in &files {
            let text = std::fs::read_to_string(path).expect("read");
            if let Ok(file) = syn::parse_file(&text) {
                check.visit_file(&file);
            }
        }
        assert!(check.0 > 10_000, "only {} nodes checked", check.0);
    }
}
