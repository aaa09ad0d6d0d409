//! How deeply a file's delimiters nest, measured with a small lexer before parsing: syn
//! parses nested expressions recursively, and a stack overflow cannot be caught.

/// The first place where `(`, `[` or `{` nest deeper than `limit`, as `(limit, offset)`.
/// Strings, characters and comments are skipped so their brackets do not count.
pub fn exceeds(text: &str, limit: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return Some((limit, i));
                }
                i += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = memchr(b'\n', b, i).unwrap_or(b.len());
            }
            b'/' if b.get(i + 1) == Some(&b'*') => i = skip_block_comment(b, i + 2),
            b'"' => i = skip_string(b, i + 1),
            b'\'' => i = skip_char_or_lifetime(b, i + 1),
            b'r' | b'b' | b'c' if !ident_before(b, i) => i = skip_prefixed_literal(b, i),
            _ => i += 1,
        }
    }
    None
}

fn memchr(needle: u8, b: &[u8], from: usize) -> Option<usize> {
    b[from..]
        .iter()
        .position(|&c| c == needle)
        .map(|p| from + p)
}

fn ident_before(b: &[u8], i: usize) -> bool {
    i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_' || b[i - 1] >= 0x80)
}

fn skip_block_comment(b: &[u8], mut i: usize) -> usize {
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
fn skip_string(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    i
}

/// From just after a `'`: a character literal (`'a'`, `'\n'`, `'é'`) or a lifetime.
fn skip_char_or_lifetime(b: &[u8], i: usize) -> usize {
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
fn skip_prefixed_literal(b: &[u8], i: usize) -> usize {
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

fn skip_ident(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] >= 0x80) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::exceeds;

    #[test]
    fn counts_real_delimiters_only() {
        assert_eq!(exceeds("fn f() { ((1)) }", 3), Some((3, 11)));
        assert_eq!(exceeds("fn f() { ((1)) }", 4), None);
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
        assert_eq!(exceeds(hidden, 1), None);
        let deep = format!("fn f() {{ {}1{} }}", "(".repeat(300), ")".repeat(300));
        assert!(exceeds(&deep, 256).is_some());
    }
}
