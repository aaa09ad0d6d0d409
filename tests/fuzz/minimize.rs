//! Shrinks a failing mutant to a small text that still fails the same way: chunks of
//! lines first, then bracketed groups and single tokens, until nothing more can go.

use std::path::Path;

use stray::config::Config;
use stray::scan::Input;

use crate::check::{
    Bug, Outcome, bug, examine, limited, parses, take_panics, twin_bug, with_panic, write_twins,
};
use crate::mutate::{Kind, tokens};

pub fn run(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let name = path
        .file_name()
        .expect("a file name")
        .to_string_lossy()
        .into_owned();
    let kinds = |text: &str| failing(&name, text);
    let found = kinds(&text);
    let wanted = match std::env::var("STRAY_FUZZ_KIND") {
        Ok(k) => k,
        Err(_) => found
            .first()
            .cloned()
            .unwrap_or_else(|| panic!("{}: scanned alone, it does not fail", path.display())),
    };
    println!(
        "shrinking {} ({} bytes), failing with: {wanted}",
        path.display(),
        text.len()
    );
    let small = shrink(&text, |t| kinds(t).contains(&wanted));
    let out = path.with_extension("min.rs");
    std::fs::write(&out, &small).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    println!(
        "{} bytes, written to {}:\n{small}",
        small.len(),
        out.display()
    );
}

/// The kinds of failure scanning `text` alone shows, under the default settings.
fn failing(name: &str, text: &str) -> Vec<String> {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write the candidate");
    let input = Input {
        path,
        display: name.to_string(),
    };
    let parses = parses(text);
    let twins = write_twins(&input, text);
    let mut files = vec![(input, parses)];
    files.extend(twins.iter().map(|(_, twin)| (twin.clone(), parses)));
    let root = dir.path().to_path_buf();
    take_panics();
    let bugs = match limited(crate::FILE_LIMIT, move || {
        examine(files, Config::default(), 1, root)
    }) {
        Outcome::Done(ex) => {
            let mut bugs: Vec<Bug> = twins
                .iter()
                .filter_map(|(what, twin)| twin_bug(&ex, name, what, &twin.display))
                .collect();
            bugs.extend(ex.bugs.into_values().flatten());
            bugs
        }
        Outcome::Panicked => vec![bug("the scan panicked", "")],
        Outcome::TimedOut => vec![bug(format!("no result within {:?}", crate::FILE_LIMIT), "")],
    };
    let panics = take_panics();
    bugs.into_iter()
        .map(|b| with_panic(b, &panics).kind)
        .collect()
}

fn shrink(text: &str, mut fails: impl FnMut(&str) -> bool) -> String {
    let mut current = text.to_string();
    loop {
        let before = current.len();
        let mut chunk = current.lines().count() / 2;
        while chunk >= 1 {
            let mut i = 0;
            loop {
                let lines: Vec<&str> = current.split_inclusive('\n').collect();
                if i >= lines.len() {
                    break;
                }
                let candidate: String = lines[..i]
                    .iter()
                    .chain(lines.get(i + chunk..).unwrap_or(&[]))
                    .copied()
                    .collect();
                if fails(&candidate) {
                    current = candidate;
                } else {
                    i += chunk;
                }
            }
            chunk /= 2;
        }
        // From the end, so a removal leaves the ranges of the tokens before it valid; after
        // each removal the tokens are read again, as groups close later in the text.
        let mut i = tokens(&current).map_or(0, |t| t.len());
        while i > 0 {
            i -= 1;
            let Some(toks) = tokens(&current) else { break };
            let Some(t) = toks.get(i) else {
                i = toks.len();
                continue;
            };
            let mut candidates = vec![t.range.clone()];
            if t.kind == Kind::Delimiter
                && let Some(close) = matching_close(&current, &toks, i)
            {
                candidates.insert(0, t.range.start..close.end);
                candidates.insert(1, t.range.end..close.start);
            }
            for range in candidates {
                if range.is_empty() {
                    continue;
                }
                let mut candidate = current.clone();
                candidate.replace_range(range, "");
                if fails(&candidate) {
                    current = candidate;
                    break;
                }
            }
        }
        if current.len() >= before {
            return current;
        }
    }
}

/// The range of the delimiter closing the group that `toks[open]` opens, if it opens one.
fn matching_close(
    text: &str,
    toks: &[crate::mutate::Tok],
    open: usize,
) -> Option<std::ops::Range<usize>> {
    if !matches!(&text[toks[open].range.clone()], "(" | "[" | "{") {
        return None;
    }
    let mut depth = 0usize;
    for t in &toks[open..] {
        if t.kind != Kind::Delimiter {
            continue;
        }
        match &text[t.range.clone()] {
            "(" | "[" | "{" => depth += 1,
            _ => {
                depth -= 1;
                if depth == 0 {
                    return Some(t.range.clone());
                }
            }
        }
    }
    None
}
