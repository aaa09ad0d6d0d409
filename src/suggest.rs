//! Did-you-mean hints for names the user mistyped: lint ids, settings keys.

/// ` (did you mean `x`?)` for the candidate closest to `word`, when it is at most
/// `max_edits(candidate)` edits away, or else when `word` is a whole part of it (`zombie`
/// of `zombie_child`, `client` of `demo-client`); else nothing. Ties go to the first in
/// sort order, so the hint does not depend on the candidates' order.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    max_edits: impl Fn(&str) -> usize,
) -> String {
    let scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .collect();
    let close = scored.iter().filter(|(d, c)| *d <= max_edits(c)).min();
    let part = || scored.iter().filter(|(_, c)| is_part_of(word, c)).min();
    close
        .or_else(part)
        .map(|(_, c)| format!(" (did you mean `{c}`?)"))
        .unwrap_or_default()
}

/// Whether `word` is one or more whole `_`- or `-`-separated parts of `name`.
fn is_part_of(word: &str, name: &str) -> bool {
    let boundary = |c: Option<char>| c.is_none_or(|c| c == '_' || c == '-');
    !word.is_empty()
        && name.match_indices(word).any(|(i, _)| {
            boundary(name[..i].chars().next_back())
                && boundary(name[i + word.len()..].chars().next())
        })
}

/// Levenshtein distance, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_within_reach() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "ab"), 2);
        let names = ["exclude", "extend-exclude", "lints"];
        assert_eq!(
            did_you_mean("exclud", names, |c| c.len() / 2),
            " (did you mean `exclude`?)"
        );
        assert_eq!(did_you_mean("zzz", names, |c| c.len() / 2), "");
        // Too far to be a typo, but a whole part of one name.
        let members = ["demo-client", "demo-server"];
        assert_eq!(
            did_you_mean("client", members, |c| c.len() / 3 + 1),
            " (did you mean `demo-client`?)"
        );
        assert_eq!(did_you_mean("lient", members, |_| 0), "");
    }
}
