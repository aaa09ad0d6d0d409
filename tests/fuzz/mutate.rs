//! The mutations. Lexical ones (delete, duplicate, swap, insert or rename tokens) mostly
//! leave input the parser rejects, which must be reported cleanly; syntactic ones splice
//! the text at the byte ranges of syn's nodes (wrap a statement in a closure, insert a
//! `return`, unwrap an `async` block), so most of their mutants still parse and reach the
//! flow engine. Splicing the original text, rather than printing a changed tree, keeps
//! the comments (`stray: allow(..)`, `//~`) and the layout the spans point into.

use std::ops::Range;
use std::str::FromStr;

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use syn::spanned::Spanned;
use syn::visit::{self, Visit};

use crate::rng::Rng;

pub struct Mutant {
    pub text: String,
    /// What was done, in order, with positions in the text as it was at that step.
    pub steps: Vec<String>,
}

/// Mutates `original`, grafting in statements of `donor` at times.
pub fn mutate(original: &str, donor: &str, rng: &mut Rng) -> Mutant {
    let rounds = match rng.below(100) {
        0..55 => 1,
        55..80 => 2,
        80..92 => 3,
        // Mutations on mutations: wrappers nest, inserted code gets wrapped.
        _ => 4 + rng.below(6),
    };
    let grafts: Vec<String> = Sites::of(donor).map_or_else(Vec::new, |s| {
        s.stmts
            .iter()
            .map(|r| donor[r.clone()].to_string())
            .collect()
    });
    let mut text = original.to_string();
    let mut steps = Vec::new();
    for _ in 0..rounds {
        // A mutation with nothing to act on (no string literal, no loop) tries another.
        for _ in 0..10 {
            if let Some((new, step)) = one(&text, &grafts, rng) {
                text = new;
                steps.push(step);
                break;
            }
        }
    }
    // The trees are gone; their spans would only grow proc-macro2's per-thread table.
    proc_macro2::extra::invalidate_current_thread_spans();
    Mutant { text, steps }
}

type Mutation = Option<(String, String)>;

fn one(text: &str, grafts: &[String], rng: &mut Rng) -> Mutation {
    let roll = rng.below(100);
    if roll < 58
        && let Some(sites) = Sites::of(text)
    {
        return syntactic(text, &sites, grafts, rng);
    }
    if roll < 86 {
        return lexical(text, &tokens(text)?, rng);
    }
    textual(text, rng)
}

/// Not renamed: renaming a keyword only breaks the syntax, which other mutations do.
#[rustfmt::skip]
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum",
    "extern", "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod",
    "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super",
    "trait", "true", "type", "unsafe", "use", "where", "while", "abstract", "become", "box",
    "do", "final", "macro", "override", "priv", "typeof", "unsized", "virtual", "yield",
    "try", "gen", "_",
];

/// New names, some of them multi-byte so that spans ending in them test char boundaries.
#[rustfmt::skip]
const FRESH: &[&str] = &[
    "fresh", "x", "tmp0", "_unused", "_", "größe", "données", "变量", "ñandú", "θ", "Ärger",
    "résumé_2", "ǅ",
];

/// String contents with multi-byte characters, combining marks and emoji.
const STRINGS: &[&str] = &[
    "🦀",
    "größe ✓",
    "é\u{301}",
    "日本語のテキスト",
    "a\u{200d}b",
    "🇫🇷🦀🇫🇷",
];

/// Rust whitespace that is more than one byte, and a tab.
const SPACES: &[&str] = &[
    "\u{2028}", "\u{85}", "\u{200e}", "\u{200f}", "\t", "\u{2029}",
];

fn lexical(text: &str, toks: &[Tok], rng: &mut Rng) -> Mutation {
    if toks.is_empty() {
        return None;
    }
    let i = rng.below(toks.len());
    let t = &toks[i];
    let tok = &text[t.range.clone()];
    let at = position(text, t.range.start);
    Some(match rng.below(12) {
        0 => (
            splice(text, t.range.clone(), ""),
            format!("delete `{tok}` at {at}"),
        ),
        1 => (
            splice(text, t.range.end..t.range.end, &format!(" {tok}")),
            format!("duplicate `{tok}` at {at}"),
        ),
        2 => {
            let j = (i + 1 + rng.below(6)).min(toks.len() - 1);
            let u = &toks[j];
            if j == i || u.range.start < t.range.end {
                return None;
            }
            let other = &text[u.range.clone()];
            let mut out = text[..t.range.start].to_string();
            out.push_str(other);
            out.push_str(&text[t.range.end..u.range.start]);
            out.push_str(tok);
            out.push_str(&text[u.range.end..]);
            (out, format!("swap `{tok}` at {at} with `{other}`"))
        }
        3 => {
            let end = toks[(i + 1 + rng.below(5)).min(toks.len() - 1)].range.end;
            let gone = &text[t.range.start..end];
            (
                splice(text, t.range.start..end, ""),
                format!("delete `{gone}` at {at}"),
            )
        }
        4 => {
            let vocab = [
                "?", ".await", ";", "}", "{", "move", "async", "return", "&", "*", "mut", "||",
                "'a:", "break", "continue", "..", "=>", "let", "_", ",", "!", "#",
            ];
            let new = rng.pick(&vocab);
            (
                splice(text, t.range.end..t.range.end, &format!(" {new} ")),
                format!("insert `{new}` after `{tok}` at {at}"),
            )
        }
        5 | 6 => {
            let names: Vec<&str> = toks
                .iter()
                .filter(|t| t.kind == Kind::Ident)
                .map(|t| &text[t.range.clone()])
                .filter(|n| !KEYWORDS.contains(n))
                .collect();
            let from = *pick(&names, rng)?;
            let to = if rng.chance(50) {
                *rng.pick(&names)
            } else {
                *rng.pick(FRESH)
            };
            if from == to {
                return None;
            }
            let mut out = text.to_string();
            for t in toks.iter().rev().filter(|t| &text[t.range.clone()] == from) {
                out.replace_range(t.range.clone(), to);
            }
            (out, format!("rename `{from}` to `{to}` everywhere"))
        }
        7 if t.kind == Kind::Ident && !KEYWORDS.contains(&tok) => {
            let to = rng.pick(FRESH);
            (
                splice(text, t.range.clone(), to),
                format!("rename this `{tok}` at {at} to `{to}`"),
            )
        }
        8 => {
            let strings: Vec<&Tok> = toks
                .iter()
                .filter(|t| t.kind == Kind::Literal && text[t.range.clone()].starts_with('"'))
                .collect();
            let s = if strings.is_empty() {
                return None;
            } else {
                *rng.pick(&strings)
            };
            let new = format!("\"{}\"", rng.pick(STRINGS));
            (
                splice(text, s.range.clone(), &new),
                format!("replace {} with {new}", position(text, s.range.start)),
            )
        }
        9 => {
            let space = rng.pick(SPACES);
            (
                splice(text, t.range.end..t.range.end, space),
                format!("insert {space:?} after `{tok}` at {at}"),
            )
        }
        10 => {
            // Long runs of what syn parses by recursion, for the guard against deep input.
            let vocab = [
                "..", "if", "match", "!", "&", "-", "@", "return", "move", "|", "(", "{", "[", "<",
                "=", "?", ".await", "'a:", "async",
            ];
            let (new, times) = (rng.pick(&vocab), 10 + rng.below(2000));
            let run = format!(" {new}").repeat(times);
            (
                splice(text, t.range.end..t.range.end, &run),
                format!("insert `{new}` {times} times after `{tok}` at {at}"),
            )
        }
        _ => {
            let comment = format!("/* {} */", rng.pick(STRINGS));
            (
                splice(text, t.range.start..t.range.start, &comment),
                format!("insert `{comment}` before `{tok}` at {at}"),
            )
        }
    })
}

/// Names for `stray: allow(..)`: lint ids, families, `all`, and names that are none.
#[rustfmt::skip]
const ALLOW: &[&str] = &[
    "zombie_child", "child_pipe_never_read", "cancel_token_never_cancelled",
    "guard_dropped_immediately", "unflushed_async_writer", "unused_suppression", "process",
    "cancel", "conn", "all", "größe", "nope", "zombie_child, cancel", "", "zombie_child,",
];

fn textual(text: &str, rng: &mut Rng) -> Mutation {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let n = rng.below(lines.len().max(1));
    let line_start: usize = lines[..n].iter().map(|l| l.len()).sum();
    Some(match rng.below(6) {
        0 if !text.contains('\r') => (text.replace('\n', "\r\n"), "CRLF line endings".into()),
        1 if !text.starts_with('\u{feff}') => (format!("\u{feff}{text}"), "byte-order mark".into()),
        2 => {
            let names = rng.pick(ALLOW);
            let comment = match rng.below(4) {
                0 => format!("//! stray: allow({names})\n"),
                1 => format!("// stray: allow({names}) -- raison d’être 🦀\n"),
                2 => format!("    // stray: allow({names}\n"),
                _ => format!("// stray: allow({names})\n"),
            };
            let at = if comment.starts_with("//!") {
                0
            } else {
                line_start
            };
            (
                splice(text, at..at, &comment),
                format!("insert `{}` before line {}", comment.trim_end(), n + 1),
            )
        }
        3 => {
            let line = lines.get(n)?;
            let end = line_start + line.trim_end_matches(['\n', '\r']).len();
            let comment = format!(" // stray: allow({}) ✓", rng.pick(ALLOW));
            (
                splice(text, end..end, &comment),
                format!("append `{comment}` to line {}", n + 1),
            )
        }
        4 => {
            let line = lines.get(n)?;
            if rng.chance(50) {
                let range = line_start..line_start + line.len();
                (splice(text, range, ""), format!("delete line {}", n + 1))
            } else {
                let at = line_start..line_start;
                (splice(text, at, line), format!("duplicate line {}", n + 1))
            }
        }
        _ => {
            let mut cut = rng.below(text.len() + 1);
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            (
                text[..cut].to_string(),
                format!("truncate at {}", position(text, cut)),
            )
        }
    })
}

/// Statement wrappers; `@` is the statement.
const STMT_WRAPPERS: &[&str] = &[
    "{ @ }",
    "let _ = || { @ };",
    "let _ = move || { @ };",
    "let _ = async { @ };",
    "let _ = async move { @ };",
    "tokio::spawn(async move { @ });",
    "std::thread::spawn(move || { @ });",
    "loop { @ break; }",
    "if ready() { @ }",
    "if let Some(v) = next() { @ } else { return; }",
    "for _ in 0..2 { @ }",
    "match poll() { Ok(_) => { @ } Err(e) => return Err(e.into()), }",
    "'blk: { @ }",
    "unsafe { @ }",
    "while running() { @ }",
    "std::thread::scope(|s| { s.spawn(|| { @ }); });",
    "tokio::select! { _ = tick() => { @ } }",
    "let Ok(_) = probe() else { @ return; };",
    "if let Some(a) = first() && let Some(b) = second(a) { @ }",
    "let _ = async || { @ };",
    "let r = loop { @ break 1; };",
    "'outer: for i in 0..3 { @ continue 'outer; }",
    "impl Local { fn method(&self) { @ } }",
    "fn inner() { @ }",
    "while let Some(_) = it.next() { @ }",
    "match event { Event::A(x) if x > 0 => { @ } _ => {} }",
    "defer(move || { @ });",
];

/// Expression wrappers; `@` is the expression.
#[rustfmt::skip]
const EXPR_WRAPPERS: &[&str] = &[
    "{ @ }", "(|| @)()", "(move || { @ })()", "async { @ }.await",
    "(async move { @ }).await", "Some(@).unwrap()", "(@)?", "@?", "@.await", "(@).clone()",
    "&@", "&mut @", "drop(@)", "Box::new(@)", "match @ { x => x }", "{ let v = @; v }",
    "(@, 0).0", "@.into()", "if flag { @ } else { @ }", "loop { break @; }",
    "'b: { break 'b @; }", "(async || @)().await", "[@][0]", "vec![@]", "format!(\"{}\", @)",
    "Ok::<_, ()>(@)?", "tokio::select! { v = @ => v }", "{ @ }.await", "(@ as _)",
];

/// Statements to insert; `@` is a place (a local, a field) and `#` a bound name.
#[rustfmt::skip]
const INSERTS: &[&str] = &[
    "return;", "return Ok(());", "return None;", "break;", "continue;", "break 'outer;",
    "panic!(\"🦀 {}\", 1);", "todo!();", "std::process::exit(1);", "drop(@);",
    "std::mem::forget(@);", "let _ = @;", "let _moved = @;", "@.cancel();", "@.close();",
    "@.wait()?;", "@.kill()?;", "@.shutdown().await?;", "@.flush().await?;", "@.abort();",
    "@.join().unwrap();", "let _g = @.drop_guard();", "@.take();", "@?;", "@.await?;",
    "tokio::spawn(async move { let _ = @; });", "std::thread::spawn(move || drop(@));",
    "let x = @.clone();", "return @;", "if @.is_cancelled() { return; }", "let größe = @;",
    "let _ = \"größe 🦀\";", "let # = #.clone();", "let mut # = #;", "let # = &mut #;",
    "let (#, _) = (#, 0);", "let # = Some(#);", "break 'blk;", "return Err(\"é\".into());",
    "let Some(_) = @ else { return; };", "if let Some(x) = @.take() { drop(x); }",
    "loop { break; }", "@ = Default::default();", "let _ = &mut @;", "let r = &@;",
    "match @ { _ => {} }", "*@ = todo!();", "let _ = std::mem::replace(&mut @, todo!());",
    "std::mem::swap(&mut @, &mut @);", "let # = #;", "let _ = #;", "# = #;",
    "tokio::spawn(@);", "let h = std::thread::spawn(move || @);", "@.await;",
];

#[rustfmt::skip]
const DIVERGING: &[&str] = &[
    "todo!()", "loop {}", "return", "break", "continue", "panic!(\"é\")",
];

fn syntactic(text: &str, s: &Sites, grafts: &[String], rng: &mut Rng) -> Mutation {
    let place = |rng: &mut Rng| (!s.places.is_empty()).then(|| rng.pick(&s.places).clone());
    let binding = |rng: &mut Rng| (!s.bindings.is_empty()).then(|| rng.pick(&s.bindings).clone());
    Some(match rng.below(12) {
        0 | 1 => {
            let r = pick(&s.stmts, rng)?;
            let wrapper = rng.pick(STMT_WRAPPERS);
            // Now and then many times over: nesting is what makes analyses blow up.
            let times = if rng.chance(4) { 5 + rng.below(12) } else { 1 };
            let mut new = text[r.clone()].to_string();
            for _ in 0..times {
                new = wrapper.replacen('@', &new, 1);
            }
            (
                splice(text, r.clone(), &new),
                format!(
                    "wrap the statement at {} in `{wrapper}`, {times} time(s)",
                    position(text, r.start)
                ),
            )
        }
        2 | 3 => {
            let (r, _) = pick(&s.exprs, rng)?;
            let wrapper = rng.pick(EXPR_WRAPPERS);
            // Deep trees now and then, with wrappers that do not copy the expression.
            let times = if rng.chance(3) && wrapper.matches('@').count() == 1 {
                20 + rng.below(300)
            } else {
                1
            };
            let mut new = text[r.clone()].to_string();
            for _ in 0..times {
                new = wrapper.replace('@', &new);
            }
            (
                splice(text, r.clone(), &new),
                format!(
                    "wrap the expression at {} in `{wrapper}`, {times} time(s)",
                    position(text, r.start)
                ),
            )
        }
        4 | 5 | 11 => {
            let stmt = if rng.chance(30) {
                // A statement of another file, with names this one may not have.
                pick(grafts, rng)?.clone()
            } else {
                let mut stmt = rng.pick(INSERTS).to_string();
                if stmt.contains('@') {
                    stmt = stmt.replace('@', &place(rng)?);
                }
                if stmt.contains('#') {
                    stmt = stmt.replace('#', &binding(rng)?);
                }
                stmt
            };
            let block = pick(&s.blocks, rng)?;
            let mut points = vec![block.inner.start, block.inner.end];
            points.extend(block.stmts.iter().map(|r| r.end));
            let at = *rng.pick(&points);
            (
                splice(text, at..at, &format!(" {stmt} ")),
                format!("insert `{stmt}` at {}", position(text, at)),
            )
        }
        6 => {
            let r = pick(&s.stmts, rng)?;
            let dup = rng.chance(40);
            let new = if dup {
                format!("{0} {0}", &text[r.clone()])
            } else {
                String::new()
            };
            let what = if dup { "duplicate" } else { "delete" };
            (
                splice(text, r.clone(), &new),
                format!("{what} the statement at {}", position(text, r.start)),
            )
        }
        7 => {
            let block = pick(&s.blocks, rng)?;
            if block.stmts.len() < 2 {
                return None;
            }
            let i = rng.below(block.stmts.len() - 1);
            let j = if rng.chance(50) {
                i + 1
            } else {
                block.stmts.len() - 1
            };
            let (a, b) = (block.stmts[i].clone(), block.stmts[j].clone());
            let mut out = text[..a.start].to_string();
            out.push_str(&text[b.clone()]);
            out.push_str(&text[a.end..b.start]);
            out.push_str(&text[a.clone()]);
            out.push_str(&text[b.end..]);
            (
                out,
                format!(
                    "swap the statements at {} and {}",
                    position(text, a.start),
                    position(text, b.start)
                ),
            )
        }
        8 => {
            let (outer, inner, what) = pick(&s.unwraps, rng)?;
            let new = text[inner.clone()].to_string();
            (
                splice(text, outer.clone(), &new),
                format!("unwrap the {what} at {}", position(text, outer.start)),
            )
        }
        9 => {
            let arm = pick(&s.arms, rng)?;
            let dup = rng.chance(50);
            let new = if dup {
                format!("{0} {0}", &text[arm.clone()])
            } else {
                String::new()
            };
            let what = if dup { "duplicate" } else { "delete" };
            (
                splice(text, arm.clone(), &new),
                format!("{what} the match arm at {}", position(text, arm.start)),
            )
        }
        _ => {
            if rng.chance(30) && !s.moves.is_empty() {
                let (at, what) = *rng.pick(&s.moves);
                let step = format!("make the closure at {} `move`", position(text, at));
                return Some((splice(text, at..at, what), step));
            }
            let (r, _) = pick(&s.exprs, rng)?;
            let new = if rng.chance(50) {
                let (other, _) = pick(&s.exprs, rng)?;
                text[other.clone()].to_string()
            } else {
                rng.pick(DIVERGING).to_string()
            };
            (
                splice(text, r.clone(), &new),
                format!(
                    "replace the expression at {} with `{new}`",
                    position(text, r.start)
                ),
            )
        }
    })
}

fn pick<'a, T>(items: &'a [T], rng: &mut Rng) -> Option<&'a T> {
    (!items.is_empty()).then(|| rng.pick(items))
}

fn splice(text: &str, range: Range<usize>, with: &str) -> String {
    let mut out = String::with_capacity(text.len() + with.len());
    out.push_str(&text[..range.start]);
    out.push_str(with);
    out.push_str(&text[range.end..]);
    out
}

/// `line:column`, 1-based, the column in characters.
fn position(text: &str, offset: usize) -> String {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    format!("{line}:{column}")
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Ident,
    Punct,
    Literal,
    Delimiter,
}

/// Parses `text` as the scan does, on a stack as large as the scan's: only when it is
/// shallow enough to parse, and to walk and drop afterwards.
pub fn parse(text: &str) -> Option<syn::File> {
    if stray::syntax::nesting::exceeds(text, 256, 1024).is_some() {
        return None;
    }
    let file = syn::parse_file(text).ok()?;
    if stray::syntax::nesting::ast_exceeds(&file, 1000) {
        std::mem::forget(file);
        return None;
    }
    Some(file)
}

pub struct Tok {
    pub range: Range<usize>,
    pub kind: Kind,
}

/// The tokens of `text` with their byte ranges; `None` when it does not lex.
pub fn tokens(text: &str) -> Option<Vec<Tok>> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let stream = TokenStream::from_str(body).ok()?;
    let mut out = Vec::new();
    flatten(stream, body, text.len() - body.len(), &mut out);
    Some(out)
}

fn flatten(stream: TokenStream, text: &str, bom: usize, out: &mut Vec<Tok>) {
    for tree in stream {
        match tree {
            TokenTree::Group(g) => {
                let (open, close) = match g.delimiter() {
                    Delimiter::Parenthesis => ("(", ")"),
                    Delimiter::Brace => ("{", "}"),
                    Delimiter::Bracket => ("[", "]"),
                    Delimiter::None => ("", ""),
                };
                push(out, text, bom, g.span_open(), open, Kind::Delimiter);
                flatten(g.stream(), text, bom, out);
                push(out, text, bom, g.span_close(), close, Kind::Delimiter);
            }
            TokenTree::Ident(i) => push(out, text, bom, i.span(), &i.to_string(), Kind::Ident),
            TokenTree::Punct(p) => push(
                out,
                text,
                bom,
                p.span(),
                &p.as_char().to_string(),
                Kind::Punct,
            ),
            TokenTree::Literal(l) => push(out, text, bom, l.span(), &l.to_string(), Kind::Literal),
        }
    }
}

/// Keeps the tokens written as themselves: a doc comment lexes to `#[doc = ".."]`, every
/// token of which spans the whole comment.
fn push(out: &mut Vec<Tok>, text: &str, bom: usize, span: Span, written: &str, kind: Kind) {
    let range = span.byte_range();
    if written.is_empty()
        || text.get(range.clone()) != Some(written)
        || out
            .last()
            .is_some_and(|t: &Tok| t.range.end > range.start + bom)
    {
        return;
    }
    out.push(Tok {
        range: range.start + bom..range.end + bom,
        kind,
    });
}

struct Block {
    /// Between the braces.
    inner: Range<usize>,
    stmts: Vec<Range<usize>>,
}

/// The places of a parsed file that syntactic mutations act on, as byte ranges.
#[derive(Default)]
struct Sites {
    bom: usize,
    len: usize,
    stmts: Vec<Range<usize>>,
    blocks: Vec<Block>,
    /// Every expression, and whether it names a place (a path or a field).
    exprs: Vec<(Range<usize>, bool)>,
    /// (the node, the part that replaces it, what it is)
    unwraps: Vec<(Range<usize>, Range<usize>, &'static str)>,
    arms: Vec<Range<usize>>,
    /// Where to insert what to make a closure or async block capture by value.
    moves: Vec<(usize, &'static str)>,
    /// Short expressions naming a value: `child`, `self.token`.
    places: Vec<String>,
    bindings: Vec<String>,
}

impl Sites {
    fn of(text: &str) -> Option<Sites> {
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        let file = parse(body)?;
        let mut sites = Sites {
            bom: text.len() - body.len(),
            len: body.len(),
            ..Sites::default()
        };
        let mut places = Vec::new();
        sites.visit_file(&file);
        for (range, is_place) in &sites.exprs {
            let t = &text[range.clone()];
            if *is_place && t.len() <= 40 && !t.contains('\n') && !places.iter().any(|p| p == t) {
                places.push(t.to_string());
            }
        }
        sites.places = places;
        Some(sites)
    }

    fn range(&self, span: Span) -> Option<Range<usize>> {
        let r = span.byte_range();
        (r.start < r.end && r.end <= self.len).then(|| r.start + self.bom..r.end + self.bom)
    }

    fn unwrap(&mut self, outer: Span, inner: Span, what: &'static str) {
        if let (Some(o), Some(i)) = (self.range(outer), self.range(inner)) {
            self.unwraps.push((o, i, what));
        }
    }
}

impl<'ast> Visit<'ast> for Sites {
    fn visit_block(&mut self, b: &'ast syn::Block) {
        let open = self.range(b.brace_token.span.open());
        let close = self.range(b.brace_token.span.close());
        let stmts: Option<Vec<_>> = b.stmts.iter().map(|s| self.range(s.span())).collect();
        if let (Some(open), Some(close), Some(stmts)) = (open, close, stmts) {
            self.stmts.extend(stmts.iter().cloned());
            self.blocks.push(Block {
                inner: open.end..close.start,
                stmts,
            });
        }
        visit::visit_block(self, b);
    }

    fn visit_expr(&mut self, e: &'ast syn::Expr) {
        use syn::Expr;
        if let Some(r) = self.range(e.span()) {
            self.exprs
                .push((r, matches!(e, Expr::Path(_) | Expr::Field(_))));
        }
        match e {
            Expr::Closure(c) => {
                self.unwrap(e.span(), c.body.span(), "closure");
                if c.capture.is_none()
                    && let Some(r) = self.range(c.or1_token.span)
                {
                    self.moves.push((r.start, "move "));
                }
            }
            Expr::Async(a) => {
                self.unwrap(e.span(), a.block.span(), "async block");
                if a.capture.is_none()
                    && let Some(r) = self.range(a.async_token.span)
                {
                    self.moves.push((r.end, " move"));
                }
            }
            Expr::Await(a) => self.unwrap(e.span(), a.base.span(), "`.await`"),
            Expr::Try(t) => self.unwrap(e.span(), t.expr.span(), "`?`"),
            Expr::Paren(p) => self.unwrap(e.span(), p.expr.span(), "parentheses"),
            Expr::If(i) => self.unwrap(e.span(), i.then_branch.span(), "`if`"),
            Expr::Loop(l) => self.unwrap(e.span(), l.body.span(), "`loop`"),
            Expr::While(w) => self.unwrap(e.span(), w.body.span(), "`while`"),
            Expr::ForLoop(f) => self.unwrap(e.span(), f.body.span(), "`for`"),
            Expr::Unsafe(u) => self.unwrap(e.span(), u.block.span(), "`unsafe` block"),
            Expr::MethodCall(m) => self.unwrap(e.span(), m.receiver.span(), "method call"),
            Expr::Match(m) => {
                self.unwrap(e.span(), m.expr.span(), "`match`");
                let arms: Vec<_> = m.arms.iter().filter_map(|a| self.range(a.span())).collect();
                self.arms.extend(arms);
            }
            _ => {}
        }
        visit::visit_expr(self, e);
    }

    fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
        let name = p.ident.to_string();
        if !self.bindings.contains(&name) {
            self.bindings.push(name);
        }
        visit::visit_pat_ident(self, p);
    }
}
