//! Why a file does not parse, said in the user's terms: syn's lexer reports only "cannot
//! parse string into token stream", and its parser names the token it expected, not the
//! construct it met. Here: the delimiter left open or closed twice, the string or comment
//! never closed, and syntax of the 2015 edition that syn does not read.

use super::nesting::{
    ident_before, skip_block_comment, skip_char_or_lifetime, skip_ident, skip_prefixed_literal,
    skip_string,
};

/// What to tell the user about a file syn could not parse, and the byte offset to point
/// at: `offset` is where syn stopped, `message` what it said.
pub fn explain(text: &str, message: &str, offset: usize) -> (String, usize) {
    if let Some(found) = lexing_problem(text) {
        return found;
    }
    if let Some(old) = old_syntax(text, offset) {
        return (
            format!(
                "{old}: syntax of the 2015 edition, which cargo-stray cannot read (`cargo fix --edition` updates it)"
            ),
            offset,
        );
    }
    match unstable_features(text) {
        Some(features) => (
            format!(
                "syntax error: {message} (the file enables unstable features, `#![feature({features})]`, whose syntax cargo-stray may not read yet)"
            ),
            offset,
        ),
        None => (format!("syntax error: {message}"), offset),
    }
}

/// The features a file enables (`#![feature(gen_blocks, yield_expr)]`), as written: a
/// syntax error there may be nightly syntax syn does not parse yet.
fn unstable_features(text: &str) -> Option<String> {
    let mut features = Vec::new();
    for (at, _) in text.match_indices("#![feature(") {
        let rest = &text[at + "#![feature(".len()..];
        let list = &rest[..rest.find(')')?];
        features.extend(list.split(',').map(str::trim).filter(|f| !f.is_empty()));
    }
    (!features.is_empty()).then(|| features.join(", "))
}

/// The first place where the tokens themselves are broken: a delimiter that does not
/// match, a string or block comment never closed.
pub fn lexing_problem(text: &str) -> Option<(String, usize)> {
    let b = text.as_bytes();
    let line = |at: usize| text[..at.min(text.len())].matches('\n').count() + 1;
    let mut open: Vec<(u8, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'(' | b'[' | b'{' => {
                open.push((b[i], i));
                i += 1;
            }
            c @ (b')' | b']' | b'}') => {
                let wanted = match c {
                    b')' => b'(',
                    b']' => b'[',
                    _ => b'{',
                };
                match open.pop() {
                    None => {
                        return Some((
                            format!(
                                "unexpected closing delimiter `{}`: nothing is open here",
                                c as char
                            ),
                            i,
                        ));
                    }
                    // Where the fix usually is: the delimiter left open.
                    Some((o, at)) if o != wanted => {
                        return Some((
                            format!(
                                "unclosed delimiter: the `{}` opened here is not closed before the `{}` at line {}",
                                o as char,
                                c as char,
                                line(i)
                            ),
                            at,
                        ));
                    }
                    Some(_) => i += 1,
                }
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |p| i + p);
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let end = skip_block_comment(b, i + 2);
                if end >= b.len() && !text.ends_with("*/") {
                    return Some((
                        "unterminated block comment: `/*` is never closed by `*/`".to_string(),
                        i,
                    ));
                }
                i = end;
            }
            b'"' => {
                let end = skip_string(b, i + 1);
                if end >= b.len() && (b.len() == i + 1 || b[b.len() - 1] != b'"' || escaped_end(b))
                {
                    return Some((
                        "unterminated string: the `\"` here is never closed".to_string(),
                        i,
                    ));
                }
                i = end;
            }
            b'\'' => i = skip_char_or_lifetime(b, i + 1),
            c if (c.is_ascii_alphabetic() || c == b'_') && !ident_before(b, i) => {
                i = if matches!(c, b'r' | b'b' | b'c') {
                    skip_prefixed_literal(b, i)
                } else {
                    skip_ident(b, i)
                };
            }
            _ => i += 1,
        }
    }
    open.pop().map(|(o, at)| {
        (
            format!(
                "unclosed delimiter: the `{}` opened here is never closed",
                o as char
            ),
            at,
        )
    })
}

/// Whether the text ends inside an escape (`"…\"`), so its last quote closes nothing.
fn escaped_end(b: &[u8]) -> bool {
    let backslashes = b[..b.len() - 1]
        .iter()
        .rev()
        .take_while(|&&c| c == b'\\')
        .count();
    backslashes % 2 == 1
}

/// The 2015-edition construct syn stopped at, if it is one: a bare trait object
/// (`Box<Fn(u8)>`, `&Trait + Send`), a trait method's parameter with no name, or a word
/// that later editions reserve (`async`, `await`, `dyn`, `try`) used as a name.
fn old_syntax(text: &str, offset: usize) -> Option<String> {
    let before = text.get(..offset)?.trim_end();
    let here = text.get(offset..)?;
    let word_before = before
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '_'))
        .next()
        .unwrap_or_default();
    if matches!(word_before, "Fn" | "FnMut" | "FnOnce") && here.starts_with('(') {
        let prefix = before[..before.len() - word_before.len()].trim_end();
        if !prefix.ends_with("dyn") && !prefix.ends_with("impl") {
            return Some(format!(
                "a trait object without `dyn` (`{word_before}(..)`, written `dyn {word_before}(..)` since the 2018 edition)"
            ));
        }
    }
    let word_here: String = here
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    if matches!(
        word_here.as_str(),
        "async" | "await" | "dyn" | "try" | "gen"
    ) {
        return Some(format!(
            "`{word_here}` used as a name (a keyword since the 2018 edition)"
        ));
    }
    // `fn f(u8);` in a trait: a parameter with a type and no name.
    if (here.starts_with(')') || here.starts_with(',')) && in_trait_method_parameters(before) {
        return Some("a trait method parameter without a name".to_string());
    }
    None
}

/// Whether `before` ends inside the parameter list of a `fn` declared in a `trait`.
fn in_trait_method_parameters(before: &str) -> bool {
    let Some(paren) = before.rfind('(') else {
        return false;
    };
    let head = before[..paren].trim_end();
    let Some(fn_at) = head.rfind("fn ") else {
        return false;
    };
    let name = head[fn_at + 3..].trim();
    name.chars()
        .all(|c| c.is_alphanumeric() || c == '_' || c == '<' || c == '>' || c == ',' || c == ' ')
        && before[..fn_at].rfind("trait ").is_some_and(|t| {
            // No item closed between the trait's head and this fn at the trait's level.
            before[t..fn_at].matches('{').count() > before[t..fn_at].matches('}').count()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(text: &str) -> String {
        let offset = match syn::parse_file(text) {
            Ok(_) => panic!("parses: {text}"),
            Err(e) => e.span().byte_range().start,
        };
        let message = syn::parse_file(text)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        let (said, at) = explain(text, &message, offset);
        format!("{}:{said}", text[..at].matches('\n').count() + 1)
    }

    #[test]
    fn says_what_is_broken_and_where() {
        assert_eq!(
            said("fn f() {\n    let x = (1, 2;\n}\n"),
            "2:unclosed delimiter: the `(` opened here is not closed before the `}` at line 3"
        );
        assert_eq!(
            said("fn f() {\n    let x = (1, 2);\n"),
            "1:unclosed delimiter: the `{` opened here is never closed"
        );
        assert_eq!(
            said("fn f() {}\n}\n"),
            "2:unexpected closing delimiter `}`: nothing is open here"
        );
        assert_eq!(
            said("fn f() {\n    let s = \"abc;\n}\n"),
            "2:unterminated string: the `\"` here is never closed"
        );
        assert_eq!(
            said("/* never closed\nfn f() {}\n"),
            "1:unterminated block comment: `/*` is never closed by `*/`"
        );
        assert_eq!(
            said("fn f() {\n    let x = 1 +;\n}\n"),
            "2:syntax error: expected an expression"
        );
    }

    #[test]
    fn names_the_old_syntax() {
        assert!(said("use std::rc::Rc;\nfn f<R>(x: Rc<Fn(String) -> R>) {}\n").starts_with("2:a trait object without `dyn` (`Fn(..)`, written `dyn Fn(..)` since the 2018 edition): syntax of the 2015 edition"));
        assert!(said("fn f() { let async = 1; }\n").starts_with("1:`async` used as a name"));
        assert!(
            said("trait T {\n    fn f(u8);\n}\n")
                .starts_with("2:a trait method parameter without a name")
        );
        // Strings, characters, lifetimes and comments do not count as delimiters.
        assert!(
            lexing_problem(
                "fn f<'a>(x: &'a str) -> char { let _ = \"(\"; let _ = r#\"]\"#; /* { */ '}' }\n"
            )
            .is_none()
        );
    }
}
