//! The `macro_rules!` definitions of a file, and the simple expansions the analysis can
//! follow in place: a macro with a single rule whose matcher is a flat list of fragments
//! (`()`, `($child:expr)`, `($c:expr, $msg:literal)`) and whose transcriber repeats
//! nothing. Anything else is not expanded: its callers only learn which names it uses.

use std::collections::HashMap;
use std::rc::Rc;

use proc_macro2::{Delimiter, Group, Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::parse::{ParseStream, Parser};
use syn::{Block, Stmt};

use crate::catalog::prelude::MACRO_RULES;

/// One `macro_rules!` definition.
#[derive(Debug)]
pub struct MacroRules {
    /// Each rule's matcher and transcriber, without their delimiters.
    rules: Vec<(TokenStream, TokenStream)>,
    /// Every token was read as a rule.
    readable: bool,
    /// Every transcriber's tokens: the names an invocation may use.
    pub body: TokenStream,
}

/// The macros a file defines outside function bodies, by name.
#[derive(Debug, Default)]
pub struct FileMacros(HashMap<String, Rc<MacroRules>>);

impl FileMacros {
    /// Collects the `macro_rules!` items of a file and of its inline modules. Two
    /// definitions by one name (per module, per `cfg`) merge into one that is not
    /// expanded: which applies where is not followed.
    pub fn of_file(file: &syn::File) -> Self {
        let mut out = HashMap::new();
        collect(&file.items, &mut out);
        FileMacros(out)
    }

    pub fn get(&self, name: &str) -> Option<&Rc<MacroRules>> {
        self.0.get(name)
    }

    pub fn names(&self) -> impl Iterator<Item = (&str, &MacroRules)> {
        self.0.iter().map(|(name, rules)| (name.as_str(), &**rules))
    }
}

/// The `macro_rules!` items among `items` and in their inline modules (those in bodies
/// are visible only there: the interpreter meets them).
fn collect(items: &[syn::Item], out: &mut HashMap<String, Rc<MacroRules>>) {
    for item in items {
        match item {
            syn::Item::Macro(m) => {
                if let Some((name, def)) = definition(m) {
                    let merged = match out.remove(&name) {
                        Some(old) => MacroRules::merge(&old, &def),
                        None => def,
                    };
                    out.insert(name, Rc::new(merged));
                }
            }
            syn::Item::Mod(m) => {
                if let Some((_, inner)) = &m.content {
                    collect(inner, out);
                }
            }
            _ => {}
        }
    }
}

/// A `macro_rules! name { .. }` item: its name and rules.
pub fn definition(m: &syn::ItemMacro) -> Option<(String, MacroRules)> {
    if !m.mac.path.is_ident(MACRO_RULES) {
        return None;
    }
    let name = m.ident.as_ref()?.to_string();
    Some((name, MacroRules::parse(m.mac.tokens.clone())))
}

impl MacroRules {
    /// `(matcher) => {transcriber};` repeated. Tokens that are not rules are kept in
    /// `body` only.
    fn parse(tokens: TokenStream) -> Self {
        let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
        let mut rules = Vec::new();
        let mut readable = true;
        let mut i = 0;
        while i < trees.len() {
            match (
                trees.get(i),
                trees.get(i + 1),
                trees.get(i + 2),
                trees.get(i + 3),
            ) {
                (
                    Some(TokenTree::Group(matcher)),
                    Some(TokenTree::Punct(eq)),
                    Some(TokenTree::Punct(gt)),
                    Some(TokenTree::Group(transcriber)),
                ) if eq.as_char() == '=' && gt.as_char() == '>' => {
                    rules.push((matcher.stream(), transcriber.stream()));
                    i += 4;
                }
                _ => {
                    readable = false;
                    break;
                }
            }
            if matches!(trees.get(i), Some(TokenTree::Punct(p)) if p.as_char() == ';') {
                i += 1;
            }
        }
        MacroRules {
            rules,
            readable,
            body: tokens,
        }
    }

    fn merge(a: &MacroRules, b: &MacroRules) -> MacroRules {
        let mut body = a.body.clone();
        body.extend(b.body.clone());
        let mut rules = a.rules.clone();
        rules.extend(b.rules.iter().cloned());
        MacroRules {
            rules,
            readable: false,
            body,
        }
    }

    /// The statements an invocation with `args` expands to, every token of the
    /// transcriber placed at `at` (the invocation), when the macro is simple enough: a
    /// single rule, a matcher of plain tokens and `$name:fragment`s, a transcriber
    /// without repetitions, and arguments the matcher accepts.
    pub fn expand(&self, args: TokenStream, at: Span) -> Option<Vec<Stmt>> {
        let ([(matcher, transcriber)], true) = (self.rules.as_slice(), self.readable) else {
            return None;
        };
        let matcher: Vec<TokenTree> = matcher.clone().into_iter().collect();
        let mut bound = HashMap::new();
        let parser = |input: ParseStream<'_>| match_tokens(&matcher, input, &mut bound);
        parser.parse2(args).ok()?;
        let tokens = substitute(transcriber.clone(), &bound, &mut Vec::new(), at)?;
        Block::parse_within.parse2(tokens).ok()
    }
}

/// What a fragment matched, and whether it is an expression (substituted as one group,
/// as rustc does, so that precedence holds).
type Bound = HashMap<String, (TokenStream, bool)>;

/// Matches `input` against the matcher, binding each `$name:fragment`.
fn match_tokens(
    matcher: &[TokenTree],
    input: ParseStream<'_>,
    bound: &mut Bound,
) -> syn::Result<()> {
    let mut i = 0;
    while i < matcher.len() {
        match &matcher[i] {
            TokenTree::Punct(p) if p.as_char() == '$' => {
                let (
                    Some(TokenTree::Ident(name)),
                    Some(TokenTree::Punct(colon)),
                    Some(TokenTree::Ident(kind)),
                ) = (matcher.get(i + 1), matcher.get(i + 2), matcher.get(i + 3))
                else {
                    // A repetition, or `$crate`: not a flat matcher.
                    return Err(input.error("unsupported matcher"));
                };
                if colon.as_char() != ':' {
                    return Err(input.error("unsupported matcher"));
                }
                let fragment = fragment(&kind.to_string(), input)?;
                bound.insert(name.to_string(), fragment);
                i += 4;
            }
            TokenTree::Group(g) => {
                let content;
                match g.delimiter() {
                    Delimiter::Parenthesis => {
                        syn::parenthesized!(content in input);
                    }
                    Delimiter::Bracket => {
                        syn::bracketed!(content in input);
                    }
                    Delimiter::Brace => {
                        syn::braced!(content in input);
                    }
                    Delimiter::None => return Err(input.error("unsupported matcher")),
                }
                let inner: Vec<TokenTree> = g.stream().into_iter().collect();
                match_tokens(&inner, &content, bound)?;
                i += 1;
            }
            expected => {
                let want = expected.to_string();
                input.step(|cursor| match cursor.token_tree() {
                    Some((tt, rest)) if tt.to_string() == want => Ok(((), rest)),
                    _ => Err(cursor.error("unexpected token")),
                })?;
                i += 1;
            }
        }
    }
    if input.is_empty() {
        Ok(())
    } else {
        Err(input.error("unexpected tokens"))
    }
}

/// Parses one fragment of the given kind.
fn fragment(kind: &str, input: ParseStream<'_>) -> syn::Result<(TokenStream, bool)> {
    let tokens = match kind {
        "expr" => return Ok((input.parse::<syn::Expr>()?.into_token_stream(), true)),
        "ident" => input
            .step(|c| c.ident().ok_or_else(|| c.error("expected an identifier")))?
            .into_token_stream(),
        "tt" => input.parse::<TokenTree>()?.into_token_stream(),
        "literal" => input.parse::<syn::Lit>()?.into_token_stream(),
        "ty" => input.parse::<syn::Type>()?.into_token_stream(),
        "path" => input.parse::<syn::Path>()?.into_token_stream(),
        "pat" => syn::Pat::parse_multi_with_leading_vert(input)?.into_token_stream(),
        "pat_param" => syn::Pat::parse_single(input)?.into_token_stream(),
        "block" => input.parse::<Block>()?.into_token_stream(),
        "lifetime" => input.parse::<syn::Lifetime>()?.into_token_stream(),
        _ => return Err(input.error("unsupported fragment")),
    };
    Ok((tokens, false))
}

/// The name a transcriber's own `let` at `trees[i]` binds (`let tmp`, `let mut tmp`,
/// `let tmp: T`), with the index of that name; `None` for a pattern (`let Some(x)`,
/// `let (a, b)`) or `let $name`, the caller's name.
fn own_let(trees: &[TokenTree], i: usize) -> Option<(String, usize)> {
    let TokenTree::Ident(kw) = trees.get(i)? else {
        return None;
    };
    if kw != "let" {
        return None;
    }
    let at = match trees.get(i + 1)? {
        TokenTree::Ident(m) if m == "mut" => i + 2,
        _ => i + 1,
    };
    let TokenTree::Ident(name) = trees.get(at)? else {
        return None;
    };
    match trees.get(at + 1) {
        Some(TokenTree::Punct(p)) if matches!(p.as_char(), '=' | ':' | ';') => {
            Some((name.to_string(), at))
        }
        None => Some((name.to_string(), at)),
        _ => None,
    }
}

/// What a transcriber's own `let` binding is renamed to: a name no caller uses.
fn hygienic_name(name: &str) -> String {
    format!("__stray_macro_{name}")
}

/// The transcriber with its `$name`s replaced by what they matched and its own tokens
/// placed at `at`; `None` for a repetition or a name the matcher does not bind.
///
/// Hygiene: a name the transcriber's own `let` binds is renamed apart from the caller's
/// (whose variable by that name stays distinct), from the end of that `let` statement to
/// the end of its block, as Rust scopes it. Before it, and in its own initializer
/// (`let token = token.clone();`), the name is still the variable the macro's definition
/// sees. `in_scope` holds the names renamed where these tokens start.
fn substitute(
    tokens: TokenStream,
    bound: &Bound,
    in_scope: &mut Vec<String>,
    at: Span,
) -> Option<TokenStream> {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let outer = in_scope.len();
    let mut out = TokenStream::new();
    // A `let` whose statement has not ended: its name, and where that name is written.
    let mut pending: Option<(String, usize)> = None;
    let mut i = 0;
    while i < trees.len() {
        if pending.is_none() {
            pending = own_let(&trees, i);
        }
        match &trees[i] {
            TokenTree::Punct(p) if p.as_char() == '$' => {
                let TokenTree::Ident(name) = trees.get(i + 1)? else {
                    return None;
                };
                let name = name.to_string();
                if name == "crate" {
                    out.extend([TokenTree::Ident(proc_macro2::Ident::new("crate", at))]);
                } else {
                    let (matched, is_expr) = bound.get(&name)?;
                    if *is_expr {
                        out.extend([TokenTree::Group(Group::new(
                            Delimiter::None,
                            matched.clone(),
                        ))]);
                    } else {
                        out.extend(matched.clone());
                    }
                }
                i += 2;
                continue;
            }
            TokenTree::Group(g) => {
                let inner = substitute(g.stream(), bound, in_scope, at)?;
                let mut group = Group::new(g.delimiter(), inner);
                group.set_span(at);
                out.extend([TokenTree::Group(group)]);
            }
            TokenTree::Ident(ident)
                if pending.as_ref().is_some_and(|(_, at)| *at == i)
                    || in_scope.iter().any(|h| ident == h) =>
            {
                let renamed = hygienic_name(&ident.to_string());
                out.extend([TokenTree::Ident(proc_macro2::Ident::new(&renamed, at))]);
            }
            TokenTree::Punct(p) if p.as_char() == ';' => {
                if let Some((name, _)) = pending.take() {
                    in_scope.push(name);
                }
                let mut tt = TokenTree::Punct(p.clone());
                tt.set_span(at);
                out.extend([tt]);
            }
            other => {
                let mut tt = other.clone();
                tt.set_span(at);
                out.extend([tt]);
            }
        }
        i += 1;
    }
    // A statement's last `let` without `;` (`let x = f()` at a block's end) binds nothing
    // used after it; the block's names go out of scope with it.
    in_scope.truncate(outer);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(src: &str) -> MacroRules {
        let item: syn::ItemMacro = syn::parse_str(src).expect("a macro item");
        definition(&item).expect("macro_rules").1
    }

    #[test]
    fn expands_a_rule_without_metavariables() {
        let m = rules("macro_rules! bail_out { () => {{ token.cancel(); return; }} }");
        let stmts = m
            .expand(TokenStream::new(), Span::call_site())
            .expect("expands");
        assert_eq!(stmts.len(), 1);
    }

    #[test]
    fn substitutes_expressions() {
        let m =
            rules("macro_rules! reap { ($c:expr, $why:literal) => { $c.wait().expect($why) }; }");
        let args: TokenStream = syn::parse_str("child, \"wait\"").expect("tokens");
        let stmts = m.expand(args, Span::call_site()).expect("expands");
        let text = quote::quote!(#(#stmts)*).to_string();
        assert!(text.contains("child"), "{text}");
        assert!(text.contains("wait"), "{text}");
    }

    #[test]
    fn renames_the_transcribers_own_lets_apart() {
        let m = rules("macro_rules! run { ($c:expr) => { let child = $c.spawn(); child }; }");
        let args: TokenStream = syn::parse_str("child").expect("tokens");
        let stmts = m.expand(args, Span::call_site()).expect("expands");
        let text = quote::quote!(#(#stmts)*).to_string();
        // The caller's `child` is the argument; the macro's own is another variable.
        assert!(text.contains("let __stray_macro_child"), "{text}");
        assert!(text.contains("child . spawn"), "{text}");
    }

    #[test]
    fn a_lets_name_is_the_outer_variable_before_it_and_in_its_initializer() {
        let m = rules(
            "macro_rules! stop { ($cmd:expr) => { match $cmd { \
                Some(t) => { if let Some(t) = t { let token = token.clone(); go(token, t); } } \
                None => { token.cancel(); } \
            } }; }",
        );
        let args: TokenStream = syn::parse_str("cmd").expect("tokens");
        let stmts = m.expand(args, Span::call_site()).expect("expands");
        let text = quote::quote!(#(#stmts)*).to_string();
        assert!(
            text.contains("let __stray_macro_token = token . clone ()"),
            "{text}"
        );
        assert!(text.contains("go (__stray_macro_token"), "{text}");
        // Another arm, another block: the outer token.
        assert!(text.contains("token . cancel ()"), "{text}");
        assert!(!text.contains("__stray_macro_Some"), "{text}");
    }

    #[test]
    fn leaves_repetitions_and_several_rules_alone() {
        let m = rules("macro_rules! all { ($($c:expr),*) => { $($c.wait();)* } }");
        let args: TokenStream = syn::parse_str("a, b").expect("tokens");
        assert!(m.expand(args, Span::call_site()).is_none());
        let m = rules("macro_rules! two { () => { a() }; ($x:expr) => { b($x) } }");
        assert!(m.expand(TokenStream::new(), Span::call_site()).is_none());
    }

    #[test]
    fn rejects_arguments_the_matcher_does_not_take() {
        let m = rules("macro_rules! one { ($x:expr) => { $x.wait() } }");
        let args: TokenStream = syn::parse_str("a, b").expect("tokens");
        assert!(m.expand(args, Span::call_site()).is_none());
    }
}
