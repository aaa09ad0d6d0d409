//! Did-you-mean hints for names the user mistyped: lint ids, settings keys.

/// ` (did you mean `x`?)` for the candidate closest to `word`, when it is at most
/// `max_edits(candidate)` edits away; else nothing. Ties go to the first in sort order,
/// so the hint does not depend on the candidates' order.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    max_edits: impl Fn(&str) -> usize,
) -> String {
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, c)| *d <= max_edits(c))
        .min()
        .map(|(_, c)| format!(" (did you mean `{c}`?)"))
        .unwrap_or_default()
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
    }
}
