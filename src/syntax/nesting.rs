//! Whether a file is safe to parse, measured with a small lexer before parsing: syn
//! parses some constructs recursively, and a stack overflow aborts the process.

use crate::catalog::{prelude, runtime};

/// Why a file is too deep to parse safely, with the byte offset where the limit is passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TooDeep {
    /// `(`, `[` or `{` nested deeper than the limit.
    Delimiters(usize),
    /// A run of tokens that syn parses by recursion (prefix operators, closures, generic
    /// arguments, ranges, `@` bindings, `return`/`break` and assignment chains, `if`,
    /// `match`, `while` or `for` in the condition of another) longer than the limit.
    Operators(usize),
    /// More than this many ranges in a row (`.. .. ..`), which syn takes time exponential
    /// in their number to print, as `Spanned::span` does.
    Ranges(usize),
}

/// Code has one range at a time; `.. ..` is already meaningless.
pub const MAX_RANGES_IN_A_ROW: usize = 8;

/// The first place where the file passes one of the limits. Strings, characters and
/// comments are skipped so their contents do not count.
pub fn exceeds(text: &str, max_nesting: usize, max_run: usize) -> Option<(TooDeep, usize)> {
    let b = text.as_bytes();
    let mut depth = 0usize;
    // Per delimiter depth, the tokens syn would recurse on since the last `;`, `,`, `=>`
    // or brace at that depth; those end any such chain.
    let mut runs: Vec<usize> = vec![0];
    // `..`s with nothing but whitespace and comments between them.
    let mut ranges_in_a_row = 0;
    let mut i = 0;
    while i < b.len() {
        // Whitespace (most of a file's bytes, as indentation) neither counts nor ends a
        // run of ranges.
        if matches!(b[i], b' ' | b'\n' | b'\t' | b'\r') {
            i += 1;
            continue;
        }
        let range = b[i] == b'.' && b.get(i + 1) == Some(&b'.');
        let comment = b[i] == b'/' && matches!(b.get(i + 1), Some(b'/' | b'*'));
        if range {
            ranges_in_a_row += 1;
            if ranges_in_a_row > MAX_RANGES_IN_A_ROW {
                return Some((TooDeep::Ranges(MAX_RANGES_IN_A_ROW), i));
            }
        } else if !comment && !b[i].is_ascii_whitespace() && b[i] < 0x80 {
            ranges_in_a_row = 0;
        }
        match b[i] {
            b'(' | b'[' | b'{' => {
                if b[i] == b'{' {
                    runs[depth] = 0;
                }
                depth += 1;
                if depth > max_nesting {
                    return Some((TooDeep::Delimiters(max_nesting), i));
                }
                if runs.len() <= depth {
                    runs.push(0);
                }
                runs[depth] = 0;
                i += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                if b[i] == b'}' {
                    runs[depth] = 0;
                }
                i += 1;
            }
            b';' | b',' => {
                runs[depth] = 0;
                i += 1;
            }
            b'=' if b.get(i + 1) == Some(&b'>') => {
                runs[depth] = 0;
                i += 2;
            }
            b'.' if b.get(i + 1) == Some(&b'.') => {
                // A range's end, and the pattern after `..`, are parsed by recursion.
                runs[depth] += 1;
                if runs[depth] > max_run {
                    return Some((TooDeep::Operators(max_run), i));
                }
                i += 2;
            }
            b'!' | b'-' | b'*' | b'&' | b'|' | b'<' | b'=' | b'@' => {
                runs[depth] += 1;
                if runs[depth] > max_run {
                    return Some((TooDeep::Operators(max_run), i));
                }
                i += 1;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = memchr(b'\n', b, i).unwrap_or(b.len());
            }
            b'/' if b.get(i + 1) == Some(&b'*') => i = skip_block_comment(b, i + 2),
            b'"' => i = skip_string(b, i + 1),
            b'\'' => i = skip_char_or_lifetime(b, i + 1),
            c if (c.is_ascii_alphabetic() || c == b'_') && !ident_before(b, i) => {
                // `r"…"`, `b'x'` and the like are literals; anything else is a word.
                let end = if matches!(c, b'r' | b'b' | b'c') {
                    skip_prefixed_literal(b, i)
                } else {
                    skip_ident(b, i)
                };
                // Each of these starts an expression whose operand syn parses by
                // recursion; the keywords taking a condition are only in a run when the
                // condition is another of them, as a block ends a run.
                if matches!(
                    &b[i..end],
                    b"return"
                        | b"break"
                        | b"yield"
                        | b"move"
                        | b"if"
                        | b"match"
                        | b"while"
                        | b"for"
                ) {
                    runs[depth] += 1;
                    if runs[depth] > max_run {
                        return Some((TooDeep::Operators(max_run), i));
                    }
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    None
}

fn memchr(needle: u8, b: &[u8], from: usize) -> Option<usize> {
    memchr::memchr(needle, &b[from..]).map(|p| from + p)
}

pub(super) fn ident_before(b: &[u8], i: usize) -> bool {
    i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_' || b[i - 1] >= 0x80)
}

pub(super) fn skip_block_comment(b: &[u8], mut i: usize) -> usize {
    let mut level = 1;
    while i < b.len() {
        if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
            level += 1;
            i += 2;
        } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
            level -= 1;
            i += 2;
            if level == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    i
}

/// From just after an opening `"` to just after the closing one.
pub(super) fn skip_string(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        match memchr::memchr2(b'\\', b'"', &b[i..]) {
            Some(at) if b[i + at] == b'"' => return i + at + 1,
            Some(at) => i += at + 2,
            None => return b.len(),
        }
    }
    i
}

/// From just after a `'`: a character literal (`'a'`, `'\n'`, `'é'`) or a lifetime.
pub(super) fn skip_char_or_lifetime(b: &[u8], i: usize) -> usize {
    if b.get(i) == Some(&b'\\') {
        // An escape: skip to the closing quote on this line.
        let mut j = i + 2;
        while j < b.len() && b[j] != b'\'' && b[j] != b'\n' {
            j += 1;
        }
        return (j + 1).min(b.len());
    }
    // One character (of up to four bytes) followed by `'` is a char literal.
    let width = match b.get(i) {
        Some(c) if *c < 0x80 => 1,
        Some(c) if *c >= 0xF0 => 4,
        Some(c) if *c >= 0xE0 => 3,
        Some(_) => 2,
        None => return i,
    };
    if b.get(i + width) == Some(&b'\'') {
        i + width + 1
    } else {
        i
    }
}

/// `r"..."`, `r#"..."#`, `b"..."`, `br#"..."#`, `b'x'`, `c"..."`, `cr"..."`; anything
/// else starting with these letters is an identifier and is stepped over.
pub(super) fn skip_prefixed_literal(b: &[u8], i: usize) -> usize {
    let mut j = i;
    if matches!(b[j], b'b' | b'c') {
        j += 1;
        if b[i] == b'b' && b.get(j) == Some(&b'\'') {
            return skip_char_or_lifetime(b, j + 1);
        }
    }
    if b.get(j) == Some(&b'r') {
        j += 1;
        let hashes = b[j..].iter().take_while(|&&c| c == b'#').count();
        j += hashes;
        if b.get(j) != Some(&b'"') {
            return skip_ident(b, i);
        }
        j += 1;
        while j < b.len() {
            if b[j] == b'"'
                && b[j + 1..]
                    .iter()
                    .take(hashes)
                    .filter(|&&c| c == b'#')
                    .count()
                    == hashes
            {
                return j + 1 + hashes;
            }
            j += 1;
        }
        return j;
    }
    if b.get(j) == Some(&b'"') {
        return skip_string(b, j + 1);
    }
    skip_ident(b, i)
}

pub(super) fn skip_ident(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] >= 0x80) {
        i += 1;
    }
    i
}

/// Whether the flow analysis parses the body of the macro named `name` (by the last
/// segment of its path): `select!`, `join!`, the catalog's expression macros, the
/// early-return macros and the guards' `defer!` family. The catalog lists them; reading
/// them here keeps this bound in step with what the analysis walks.
fn parsed_by_flow(name: &str) -> bool {
    runtime::JOIN_MACROS.contains(&name)
        || name == runtime::SELECT_MACRO
        || prelude::EXPRESSION_MACROS.contains(&name)
        || runtime::early_return(name).is_some()
        || runtime::SCOPE_GUARDS.defer_macros.contains(&name)
        || runtime::SCOPE_GUARDS.unwind_macros.contains(&name)
}

/// Whether expressions, types or patterns nest deeper than `limit` in the parsed file.
/// syn parses method, field, binary-operator and `else if` chains in a loop, but every
/// visitor (ours and syn's `Drop`) recurses into them; this check recurses at most
/// `limit` levels itself.
pub fn ast_exceeds(file: &syn::File, limit: usize) -> bool {
    let mut d = Depth {
        depth: 0,
        limit,
        exceeded: false,
    };
    syn::visit::Visit::visit_file(&mut d, file);
    d.exceeded
}

struct Depth {
    depth: usize,
    limit: usize,
    exceeded: bool,
}

impl Depth {
    fn nested(&mut self, inner: impl FnOnce(&mut Self)) {
        if self.exceeded {
            return;
        }
        if self.depth >= self.limit {
            self.exceeded = true;
            return;
        }
        self.depth += 1;
        inner(self);
        self.depth -= 1;
    }
}

impl<'ast> syn::visit::Visit<'ast> for Depth {
    fn visit_expr(&mut self, e: &'ast syn::Expr) {
        self.nested(|d| syn::visit::visit_expr(d, e));
    }
    fn visit_type(&mut self, t: &'ast syn::Type) {
        self.nested(|d| syn::visit::visit_type(d, t));
    }
    fn visit_pat(&mut self, p: &'ast syn::Pat) {
        self.nested(|d| syn::visit::visit_pat(d, p));
    }
    fn visit_item(&mut self, i: &'ast syn::Item) {
        self.nested(|d| syn::visit::visit_item(d, i));
    }
    /// The analysis parses the bodies of some macros (`select!`, `join!`, the formatting
    /// and logging ones) and walks them as it walks code, so their trees count too. They
    /// are bounded from their tokens rather than parsed: parsing a body flattens every
    /// macro nested in it, and these nest as other expressions do.
    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        let parsed = m
            .path
            .segments
            .last()
            .is_some_and(|s| parsed_by_flow(&s.ident.to_string()));
        if parsed && self.depth + token_depth(m.tokens.clone()) > self.limit {
            self.exceeded = true;
        }
    }
}

/// A bound on how deep the tree parsed from `tokens` nests: every node takes at least one
/// token, so between two separators (`,`, `;`, `=>`), which part siblings, the tree can
/// nest no deeper than the tokens there, plus what the deepest group among them holds.
fn token_depth(tokens: proc_macro2::TokenStream) -> usize {
    use proc_macro2::{Spacing, TokenTree};
    let (mut deepest, mut run, mut inner) = (0, 0, 0);
    let mut tokens = tokens.into_iter().peekable();
    while let Some(t) = tokens.next() {
        let separator = match &t {
            TokenTree::Punct(p) if matches!(p.as_char(), ',' | ';') => true,
            TokenTree::Punct(p) if p.as_char() == '=' && p.spacing() == Spacing::Joint => {
                let arrow =
                    matches!(tokens.peek(), Some(TokenTree::Punct(q)) if q.as_char() == '>');
                if arrow {
                    tokens.next();
                }
                arrow
            }
            TokenTree::Group(g) => {
                inner = inner.max(token_depth(g.stream()));
                false
            }
            _ => false,
        };
        if separator {
            deepest = deepest.max(run + inner);
            (run, inner) = (0, 0);
        } else {
            run += 1;
        }
    }
    deepest.max(run + inner)
}

#[cfg(test)]
mod tests {
    use super::{TooDeep, exceeds};

    fn nesting(text: &str, limit: usize) -> Option<(TooDeep, usize)> {
        exceeds(text, limit, usize::MAX)
    }

    #[test]
    fn counts_real_delimiters_only() {
        // `{` is the first level, the second `(` the third.
        assert_eq!(
            nesting("fn f() { ((1)) }", 2),
            Some((TooDeep::Delimiters(2), 10))
        );
        assert_eq!(nesting("fn f() { ((1)) }", 3), None);
        let hidden = r####"
            // (((((
            /* ((( /* ((( */ ((( */
            let s = "(((((\"((";
            let r = r#"((("((("#;
            let b = b'(';
            let c = '(';
            let l: &'a str = "";
            let u = '\u{28}';
            let e = 'é';
        "####;
        assert_eq!(nesting(hidden, 1), None);
        let deep = format!("fn f() {{ {}1{} }}", "(".repeat(300), ")".repeat(300));
        assert!(nesting(&deep, 256).is_some());
    }

    #[test]
    fn counts_recursive_chains_between_separators() {
        let chain = format!("fn f() {{ let x = {}true; }}", "!".repeat(50));
        assert!(matches!(
            exceeds(&chain, 256, 40),
            Some((TooDeep::Operators(40), _))
        ));
        assert_eq!(exceeds(&chain, 256, 60), None);
        let returns = format!("fn f() {{ {}1; }}", "return ".repeat(50));
        assert!(exceeds(&returns, 256, 40).is_some());
        // Separators end a chain: many short expressions are fine.
        let many = "fn f() { let a = !x; let b = -y; }\n".repeat(100);
        assert_eq!(exceeds(&many, 256, 40), None);
        let arms = format!("match x {{ {} }}", "A | B => !c, ".repeat(100));
        assert_eq!(exceeds(&arms, 256, 40), None);
        // `returned` is an identifier, not the keyword.
        assert_eq!(exceeds(&"returned ".repeat(100), 256, 40), None);
    }

    #[test]
    fn measures_the_macro_bodies_the_analysis_parses() {
        let deep = |body: &str| {
            let file = syn::parse_file(body).expect("parses");
            let exceeded = super::ast_exceeds(&file, 100);
            if exceeded {
                std::mem::forget(file);
            }
            exceeded
        };
        let chain = "x".to_string() + &".m()".repeat(200);
        assert!(deep(&format!(
            "async fn f() {{ tokio::select! {{ _ = {chain} => {{}} }} }}"
        )));
        assert!(deep(&format!(
            "async fn f() {{ tokio::join!({chain}, b); }}"
        )));
        assert!(deep(&format!("fn f() {{ println!(\"{{}}\", {chain}); }}")));
        assert!(!deep(
            "fn f() { println!(\"{}\", x.m().m()); m! { a b c } }"
        ));
        // A macro the analysis leaves alone is not measured, and a long list is shallow.
        assert!(!deep(&format!("fn f() {{ m!({chain}); }}")));
        let table = vec!["1"; 5000].join(", ");
        assert!(!deep(&format!("fn f() {{ let v = vec![{table}]; }}")));
        let arms = "_ = a.b() => c(), ".repeat(1000);
        assert!(!deep(&format!(
            "async fn f() {{ tokio::select! {{ {arms} }} }}"
        )));
    }

    #[test]
    fn stops_at_ranges_in_a_row() {
        let ranges = format!("fn f() {{ return {}?; }}", ".. /* */\n".repeat(9));
        assert!(matches!(
            exceeds(&ranges, 256, 1024),
            Some((TooDeep::Ranges(8), _))
        ));
        let apart = format!("fn f() {{ {} }}", "let r = ..; ".repeat(20));
        assert_eq!(exceeds(&apart, 256, 1024), None);
    }

    #[test]
    fn counts_ranges_bindings_and_conditions_that_nest() {
        let deep = [
            format!("fn f() {{ let x = {}0; }}", ".. ".repeat(50)),
            format!("fn f() {{ let {}b = 1; }}", "a @ ".repeat(50)),
            format!(
                "fn f() {{ {}c{} }}",
                "if ".repeat(50),
                " {} else {}".repeat(50)
            ),
            format!("fn f() {{ {}c{} }}", "match ".repeat(50), " {}".repeat(50)),
            format!("fn f() {{ {}c{} }}", "while ".repeat(50), " {}".repeat(50)),
            format!(
                "fn f() {{ {}c{} }}",
                "for x in ".repeat(50),
                " {}".repeat(50)
            ),
        ];
        for text in &deep {
            assert!(exceeds(text, 256, 40).is_some(), "{text}");
        }
        // One at a time, as code has them, ends each run at its block.
        let normal =
            "fn f() { for i in 0..n { if a { x @ 1..=5 } else if b {} } while c { match d {} } }\n";
        assert_eq!(exceeds(&normal.repeat(100), 256, 40), None);
    }
}
