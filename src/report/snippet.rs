//! Source lines drawn the way rustc draws them: a gutter of line numbers, `^^^` under the
//! primary span and `---` under the others, labels beside or below their underlines, and
//! spans over several lines joined by a bar in a margin left of the code.
//!
//! Written here rather than bent out of a general renderer: rustc's layout is what Rust
//! users read at a glance, and these few rules are all our findings need.

use std::ops::Range;

use crate::source::SourceFile;

/// A span to point at, and what to say there.
#[derive(Debug, Clone)]
pub struct Annotation<'a> {
    pub span: Range<usize>,
    pub label: &'a str,
    pub primary: bool,
}

/// How a cell is colored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    /// The primary span's underline and label: the finding's level color.
    Primary,
    /// The other spans', and the gutter.
    Secondary,
    Gutter,
    /// `help:`, `note:`: bold.
    Strong,
    Added,
    Removed,
}

/// The ANSI codes of each tone; `None` draws without color.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    /// The level's color, for the primary span.
    pub primary: &'static str,
}

impl Palette {
    fn code(self, tone: Tone) -> Option<&'static str> {
        match tone {
            Tone::Plain => None,
            Tone::Primary => Some(self.primary),
            Tone::Secondary | Tone::Gutter => Some("1;34"),
            Tone::Strong => Some("1"),
            Tone::Added => Some("32"),
            Tone::Removed => Some("31"),
        }
    }
}

/// One line of output, built cell by cell so that labels can be placed by column.
#[derive(Debug, Default, Clone)]
pub struct Row(Vec<(char, Tone)>);

impl Row {
    /// Writes `text` from column `col`, over whatever was there.
    pub fn put(&mut self, col: usize, text: &str, tone: Tone) {
        for (i, c) in text.chars().enumerate() {
            let at = col + i;
            if self.0.len() <= at {
                self.0.resize(at + 1, (' ', Tone::Plain));
            }
            self.0[at] = (c, tone);
        }
    }

    pub fn push(&mut self, text: &str, tone: Tone) {
        self.put(self.0.len(), text, tone);
    }

    /// The row as text, trailing blanks dropped, colored by `palette` if given.
    pub fn render(&self, palette: Option<Palette>) -> String {
        let end = self
            .0
            .iter()
            .rposition(|(c, _)| *c != ' ')
            .map_or(0, |i| i + 1);
        let mut out = String::new();
        let mut open: Option<&str> = None;
        for &(c, tone) in &self.0[..end] {
            // Blanks take no color: they stay in the run around them.
            if c != ' ' {
                let code = palette.and_then(|p| p.code(tone));
                if code != open {
                    if open.is_some() {
                        out.push_str("\x1b[0m");
                    }
                    if let Some(code) = code {
                        out.push_str(&format!("\x1b[{code}m"));
                    }
                    open = code;
                }
            }
            out.push(c);
        }
        if open.is_some() {
            out.push_str("\x1b[0m");
        }
        out
    }
}

/// A line's text as drawn: tabs as four spaces, as rustc shows them.
pub fn display_line(text: &str) -> String {
    text.replace('\t', "    ")
}

/// The column a byte offset is drawn at, on its 1-based line.
fn place(file: &SourceFile, offset: usize) -> (usize, usize) {
    let line = file.position(offset).line;
    let text = &file.text;
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[start..offset];
    let before = if line == 1 {
        before.strip_prefix('\u{feff}').unwrap_or(before)
    } else {
        before
    };
    let col = before.chars().map(|c| if c == '\t' { 4 } else { 1 }).sum();
    (line, col)
}

/// An annotation placed on the lines: 1-based lines, 0-based drawn columns, `end`
/// exclusive.
struct Placed<'a> {
    start: (usize, usize),
    end: (usize, usize),
    label: &'a str,
    tone: Tone,
    mark: &'static str,
    /// For spans over several lines: the margin column of their bar.
    depth: usize,
    /// Starts at the first non-blank of its line: drawn `/` beside it, as rustc does.
    slash: bool,
}

impl Placed<'_> {
    fn multiline(&self) -> bool {
        self.start.0 != self.end.0
    }
    /// Whether its bar is drawn in the margin of a row below line `line`, after the rows
    /// of spans that start on it.
    fn open_after(&self, line: usize) -> bool {
        self.multiline() && self.start.0 <= line && line <= self.end.0
    }
}

/// The highest line number `render` will show: for the gutter's width.
pub fn last_line(file: &SourceFile, annotations: &[Annotation<'_>]) -> usize {
    annotations
        .iter()
        .map(|a| file.position(a.span.end.max(a.span.start)).line)
        .max()
        .unwrap_or(1)
}

/// The annotated lines of `file`, each followed by the rows that mark its spans, with a
/// gutter `width` digits wide. Lines between annotated ones are shown when there is one,
/// elided (`...`) when there are more.
pub fn render(file: &SourceFile, annotations: &[Annotation<'_>], width: usize) -> Vec<Row> {
    let mut placed: Vec<Placed<'_>> = annotations
        .iter()
        .map(|a| {
            let start = place(file, a.span.start);
            let mut end = place(file, a.span.end.max(a.span.start));
            // A span ending with its line's newline ends on that line.
            if end.0 > start.0 && end.1 == 0 {
                end = (end.0 - 1, file.line_text(end.0 - 1).chars().count());
            }
            let indent = file
                .line_text(start.0)
                .chars()
                .take_while(|c| c.is_whitespace());
            let indent: usize = indent.map(|c| if c == '\t' { 4 } else { 1 }).sum();
            let (tone, mark) = if a.primary {
                (Tone::Primary, "^")
            } else {
                (Tone::Secondary, "-")
            };
            Placed {
                start,
                end,
                label: a.label,
                tone,
                mark,
                depth: 0,
                slash: start.1 <= indent,
            }
        })
        .collect();
    let margin = assign_depths(&mut placed);

    let mut lines = std::collections::BTreeSet::new();
    for p in &placed {
        lines.insert(p.start.0);
        lines.insert(p.end.0);
        if p.multiline() {
            // As rustc: a few lines after the start, the line before the end.
            lines.extend(p.start.0 + 1..(p.start.0 + 4).min(p.end.0));
            lines.insert(p.end.0 - 1);
        }
    }
    let lines: Vec<usize> = lines.into_iter().collect();

    let mut rows = Vec::new();
    let mut shown = Vec::new();
    for (i, &line) in lines.iter().enumerate() {
        shown.push(line);
        if let Some(&next) = lines.get(i + 1) {
            match next - line {
                1 => {}
                2 => shown.push(line + 1),
                _ => shown.push(0),
            }
        }
    }
    for (i, &line) in shown.iter().enumerate() {
        if line == 0 {
            // Between two shown lines: the bars of spans open across the gap go on.
            let before = shown[i - 1];
            let mut row = Row::default();
            row.put(0, "...", Tone::Gutter);
            bars(&mut row, width, &placed, |p| {
                p.open_after(before) && p.end.0 > before
            });
            rows.push(row);
            continue;
        }
        rows.extend(line_rows(file, line, &placed, width, margin));
    }
    rows
}

/// Gives each span over several lines a margin column, outer spans left of those they
/// enclose; returns the width of the margin (0 when there is none).
fn assign_depths(placed: &mut [Placed<'_>]) -> usize {
    let mut order: Vec<usize> = (0..placed.len())
        .filter(|&i| placed[i].multiline())
        .collect();
    order.sort_by_key(|&i| (placed[i].start, std::cmp::Reverse(placed[i].end)));
    let mut taken: Vec<(usize, usize, usize)> = Vec::new();
    let mut deepest = None;
    for i in order {
        let (first, last) = (placed[i].start.0, placed[i].end.0);
        let depth = (0..)
            .find(|d| {
                !taken
                    .iter()
                    .any(|&(td, tf, tl)| td == *d && tf <= last && first <= tl)
            })
            .unwrap_or(0);
        taken.push((depth, first, last));
        placed[i].depth = depth;
        deepest = deepest.max(Some(depth));
    }
    deepest.map_or(0, |d| d + 2)
}

/// A row with the gutter: the line number (or blanks) and the `|`.
fn gutter(number: Option<usize>, width: usize) -> Row {
    let mut row = Row::default();
    if let Some(n) = number {
        row.put(0, &format!("{n:<width$}"), Tone::Gutter);
    }
    row.put(width + 1, "|", Tone::Gutter);
    row
}

/// Draws the margin bars of the spans `open` selects.
fn bars(row: &mut Row, width: usize, placed: &[Placed<'_>], open: impl Fn(&Placed<'_>) -> bool) {
    for p in placed.iter().filter(|p| open(p)) {
        row.put(width + 3 + p.depth, "|", p.tone);
    }
}

/// The source line `line` and the rows below it.
fn line_rows(
    file: &SourceFile,
    line: usize,
    placed: &[Placed<'_>],
    width: usize,
    margin: usize,
) -> Vec<Row> {
    let code = width + 3 + margin;
    let mut rows = Vec::new();

    let mut source = gutter(Some(line), width);
    bars(&mut source, width, placed, |p| {
        p.multiline() && p.start.0 < line && line <= p.end.0
    });
    for p in placed
        .iter()
        .filter(|p| p.multiline() && p.slash && p.start.0 == line)
    {
        source.put(width + 3 + p.depth, "/", p.tone);
    }
    source.put(code, &display_line(file.line_text(line)), Tone::Plain);
    rows.push(source);

    // Spans over several lines that start here, not at the line's first non-blank: an
    // underscore leads from their bar to where they start.
    let mut started: Vec<&Placed<'_>> = Vec::new();
    let mut starting: Vec<&Placed<'_>> = placed
        .iter()
        .filter(|p| p.multiline() && !p.slash && p.start.0 == line)
        .collect();
    starting.sort_by_key(|p| p.depth);
    for p in starting {
        let mut row = gutter(None, width);
        bars(&mut row, width, placed, |o| {
            o.multiline() && (o.start.0 < line || (o.slash && o.start.0 == line))
        });
        for o in &started {
            row.put(width + 3 + o.depth, "|", o.tone);
        }
        let from = width + 3 + p.depth + 1;
        let to = code + p.start.1;
        row.put(from, &"_".repeat(to.saturating_sub(from)), p.tone);
        row.put(to, p.mark, p.tone);
        rows.push(row);
        started.push(p);
    }
    let open = |o: &Placed<'_>| o.open_after(line);

    let single: Vec<&Placed<'_>> = placed
        .iter()
        .filter(|p| !p.multiline() && p.start.0 == line)
        .collect();
    if !single.is_empty() {
        rows.extend(single_rows(&single, width, code, |row| {
            bars(row, width, placed, open)
        }));
    }

    let mut ending: Vec<&Placed<'_>> = placed
        .iter()
        .filter(|p| p.multiline() && p.end.0 == line)
        .collect();
    ending.sort_by_key(|p| std::cmp::Reverse(p.depth));
    let mut ended: Vec<usize> = Vec::new();
    for p in ending {
        let mut row = gutter(None, width);
        bars(&mut row, width, placed, |o| {
            open(o) && o.depth < p.depth && !ended.contains(&o.depth)
        });
        let bar = width + 3 + p.depth;
        row.put(bar, "|", p.tone);
        let caret = code + p.end.1.saturating_sub(1);
        row.put(bar + 1, &"_".repeat(caret.saturating_sub(bar + 1)), p.tone);
        row.put(caret, p.mark, p.tone);
        if !p.label.is_empty() {
            row.put(caret + 2, p.label, p.tone);
        }
        rows.push(row);
        ended.push(p.depth);
    }
    rows
}

/// The rows under one line for the spans within it: their underlines, the label of the
/// rightmost beside it when nothing else reaches that far, and the others each on a row of
/// its own below, hung from its span by a `|`, rightmost first, as rustc does.
fn single_rows(
    spans: &[&Placed<'_>],
    width: usize,
    code: usize,
    margin: impl Fn(&mut Row),
) -> Vec<Row> {
    let row = || {
        let mut r = gutter(None, width);
        margin(&mut r);
        r
    };
    let range = |p: &Placed<'_>| (p.start.1, p.end.1.max(p.start.1 + 1));
    let mut underline = row();
    // The primary span drawn last, over the others.
    let mut order: Vec<&&Placed<'_>> = spans.iter().collect();
    order.sort_by_key(|p| p.tone == Tone::Primary);
    for p in &order {
        let (from, to) = range(p);
        underline.put(code + from, &p.mark.repeat(to - from), p.tone);
    }

    // The label beside its underline: the span that starts last, if no other span reaches
    // past its start.
    let last = spans
        .iter()
        .enumerate()
        .max_by_key(|(i, p)| (p.start.1, range(p).1, *i))
        .map(|(i, _)| i);
    let beside = last.filter(|&i| {
        let start = spans[i].start.1;
        !spans[i].label.is_empty()
            && spans
                .iter()
                .enumerate()
                .all(|(j, o)| j == i || range(o).1 <= start)
    });
    if let Some(i) = beside {
        let p = spans[i];
        underline.put(code + range(p).1 + 1, p.label, p.tone);
    }
    let mut rows = vec![underline];

    // The others hang from their span's first column, else its last (spans that start
    // together, such as a call and its statement), else one no other label is next to.
    let mut hung: Vec<(usize, &Placed<'_>)> = Vec::new();
    for (i, p) in spans.iter().enumerate() {
        if Some(i) == beside || p.label.is_empty() {
            continue;
        }
        let (from, to) = range(p);
        let apart = |c: &usize| hung.iter().all(|(h, _)| h.abs_diff(*c) > 1);
        let col = [from, to - 1]
            .into_iter()
            .chain(from + 1..to)
            .find(apart)
            .or_else(|| (from..to).find(|c| hung.iter().all(|(h, _)| h != c)))
            .unwrap_or(from);
        hung.push((col, p));
    }
    if hung.is_empty() {
        return rows;
    }
    hung.sort_by_key(|(col, _)| std::cmp::Reverse(*col));
    let mut connectors = row();
    for (col, p) in &hung {
        connectors.put(code + col, "|", p.tone);
    }
    rows.push(connectors);
    for (i, (col, p)) in hung.iter().enumerate() {
        let mut r = row();
        for (left, q) in &hung[i + 1..] {
            r.put(code + left, "|", q.tone);
        }
        r.put(code + col, p.label, p.tone);
        rows.push(r);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draw(text: &str, annotations: &[(&str, &str, bool)]) -> String {
        let file = SourceFile::new("a.rs".into(), "a.rs".into(), text.to_string());
        let annotations: Vec<Annotation<'_>> = annotations
            .iter()
            .map(|(what, label, primary)| {
                let start = text.find(what).expect("annotated text");
                Annotation {
                    span: start..start + what.len(),
                    label,
                    primary: *primary,
                }
            })
            .collect();
        let width = last_line(&file, &annotations).to_string().len();
        render(&file, &annotations, width)
            .iter()
            .map(|r| r.render(None) + "\n")
            .collect()
    }

    #[test]
    fn labels_beside_and_below() {
        let text = "fn f() {\n    let _ = token.drop_guard();\n}\n";
        assert_eq!(
            draw(
                text,
                &[
                    ("token.drop_guard()", "created here", true),
                    ("_", "does not bind it", false)
                ]
            ),
            "\
2 |     let _ = token.drop_guard();
  |         -   ^^^^^^^^^^^^^^^^^^ created here
  |         |
  |         does not bind it
"
        );
    }

    #[test]
    fn overlapping_labels_each_get_a_row() {
        let text = "    let _ = Command::new(\"ls\").spawn();\n";
        assert_eq!(
            draw(
                text,
                &[
                    ("Command::new(\"ls\").spawn()", "spawned here", true),
                    (
                        "let _ = Command::new(\"ls\").spawn();",
                        "dropped here",
                        false
                    )
                ]
            ),
            "\
1 |     let _ = Command::new(\"ls\").spawn();
  |     --------^^^^^^^^^^^^^^^^^^^^^^^^^^-
  |     |       |
  |     |       spawned here
  |     dropped here
"
        );
    }

    #[test]
    fn spans_that_start_together_hang_apart() {
        let text = "    Command::new(\"ls\").spawn();\n";
        assert_eq!(
            draw(
                text,
                &[
                    ("Command::new(\"ls\").spawn()", "spawned here", true),
                    ("Command::new(\"ls\").spawn();", "dropped here", false)
                ]
            ),
            "\
1 |     Command::new(\"ls\").spawn();
  |     ^^^^^^^^^^^^^^^^^^^^^^^^^^-
  |     |                         |
  |     |                         dropped here
  |     spawned here
"
        );
    }

    #[test]
    fn spans_over_lines_are_joined_in_the_margin() {
        let text =
            "fn f() {\n    let c = make(\n        1,\n    )?;\n    let d = 2;\n    keep(d);\n}\n";
        assert_eq!(
            draw(
                text,
                &[
                    ("make(\n        1,\n    )", "made here", true),
                    ("}", "lost here", false)
                ]
            ),
            "\
2 |       let c = make(
  |  _____________^
3 | |         1,
4 | |     )?;
  | |_____^ made here
...
7 |   }
  |   - lost here
"
        );
        let text = "    foo(\n        1,\n    );\n";
        assert_eq!(
            draw(text, &[("foo(\n        1,\n    );", "", true)]),
            "\
1 | /     foo(
2 | |         1,
3 | |     );
  | |______^
"
        );
    }

    #[test]
    fn one_line_between_is_shown_more_are_elided() {
        let text = "a\nb\nc\nd\ne\nf\n";
        assert_eq!(
            draw(
                text,
                &[("a", "x", true), ("c", "y", false), ("f", "z", false)]
            ),
            "\
1 | a
  | ^ x
2 | b
3 | c
  | - y
...
6 | f
  | - z
"
        );
    }
}
