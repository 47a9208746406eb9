//! rustc-style diagnostics with the source line and a caret under the span.

use std::borrow::Cow;
use std::io::Write;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::diagnostic::{Diagnostic, Severity, Tally};
use crate::source::{FileId, SourceFile, SourceMap, Span};

fn level(s: Severity) -> Level<'static> {
    match s {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info | Severity::Allow => Level::INFO,
    }
}

/// A line longer than this (in bytes) is clipped around the spans on it
/// instead of being shown whole. The renderer reads every character of
/// the lines it is given, so without a bound 40,000 diagnostics on one
/// 120 KB line (a generated array) each read the whole line: a minute of
/// work for output that shows a hundred characters of it. Any line a
/// person writes is shorter, and shown exactly as before.
const LONG_LINE: usize = 1024;
/// Characters kept before and after each end of a span on a clipped line:
/// more than the terminal-wide window the renderer shows around a span.
const CONTEXT: usize = 100;
/// Stands for the text left out of a clipped line.
const CLIPPED: &str = "…";

fn floor_char(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The offset `n` characters before `at`, or `limit` if it comes first.
fn chars_before(text: &str, at: usize, n: usize, limit: usize) -> usize {
    text[limit..at]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(limit, |(i, _)| limit + i)
}

/// The offset `n` characters after `at`, or `limit` if it comes first.
fn chars_after(text: &str, at: usize, n: usize, limit: usize) -> usize {
    text[at..limit]
        .char_indices()
        .nth(n)
        .map_or(limit, |(i, _)| at + i)
}

/// The source text one snippet shows: the lines that cover its spans,
/// each long line clipped to windows around the span ends on it.
struct Excerpt<'a> {
    text: Cow<'a, str>,
    /// The line number of its first line.
    line: usize,
    /// Kept runs of the file: (file-local offset, offset in `text`, length).
    pieces: Vec<(usize, usize, usize)>,
    /// Whether anything was left out (so the renderer's columns are not
    /// the file's).
    clipped: bool,
}

impl Excerpt<'_> {
    /// Where a file-local offset inside the excerpt lands in its text.
    fn map(&self, local: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.0 <= local).max(1) - 1;
        let (src, dst, len) = self.pieces[i];
        dst + local.saturating_sub(src).min(len)
    }

    /// A span of the file as a span of the excerpt's text.
    fn span(&self, local: &Span) -> Span {
        let s = self.map(local.start);
        s..self.map(local.end).max(s)
    }
}

/// The lines of `file` that cover `spans` (file-local). `known` is an
/// offset among the spans' starts with its line number, from which the
/// first line's number is counted. Only the newlines between the spans and
/// a bounded stretch on either side are searched, so the cost does not
/// grow with the length of the line the spans are on.
fn excerpt<'a>(file: &'a SourceFile, spans: &[&Span], known: (usize, usize)) -> Excerpt<'a> {
    let text = file.text.as_str();
    let len = text.len();
    let lo = spans.iter().map(|s| s.start).min().unwrap_or(0).min(len);
    let hi = spans
        .iter()
        .map(|s| s.end)
        .max()
        .unwrap_or(0)
        .min(len)
        .max(lo);
    let (lo, hi) = (floor_char(text, lo), ceil_char(text, hi));
    // The start of the first line and the end of the last, when within
    // reach; `None`: further away, that line is long.
    let reach = floor_char(text, lo.saturating_sub(LONG_LINE));
    let start = match text[reach..lo].rfind('\n') {
        Some(i) => Some(reach + i + 1),
        None => (reach == 0).then_some(0),
    };
    let reach = ceil_char(text, hi.saturating_add(LONG_LINE));
    let end = match text[hi..reach].find('\n') {
        Some(i) => Some(hi + i),
        None => (reach == len).then_some(len),
    };
    let breaks: Vec<usize> = text[lo..hi]
        .match_indices('\n')
        .map(|(i, _)| lo + i)
        .collect();
    let (known_at, known_line) = known;
    let line = known_line - breaks.iter().filter(|&&b| b < known_at).count();
    // The lines as (start, end), `None` where unknown.
    let mut lines = Vec::with_capacity(breaks.len() + 1);
    let mut from = start;
    for &b in &breaks {
        lines.push((from, Some(b)));
        from = Some(b + 1);
    }
    lines.push((from, end));
    let is_long = |l: &(Option<usize>, Option<usize>)| match *l {
        (Some(s), Some(e)) => e - s > LONG_LINE,
        _ => true,
    };
    if !lines.iter().any(is_long) {
        let (from, to) = (start.unwrap_or(0), end.unwrap_or(len));
        return Excerpt {
            text: Cow::Borrowed(&text[from..to]),
            line,
            pieces: vec![(from, 0, to - from)],
            clipped: false,
        };
    }
    let mut points: Vec<usize> = spans
        .iter()
        .flat_map(|s| [s.start, s.end])
        .map(|p| floor_char(text, p.clamp(lo, hi)))
        .collect();
    points.sort_unstable();
    points.dedup();
    let mut out = String::new();
    let mut pieces = Vec::new();
    for (i, &(s, e)) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if !is_long(&(s, e)) {
            let (s, e) = (s.unwrap_or(0), e.unwrap_or(len));
            pieces.push((s, out.len(), e - s));
            out.push_str(&text[s..e]);
            continue;
        }
        // A missing end is more than LONG_LINE bytes away: no window of
        // CONTEXT characters reaches it.
        let (left, right) = (s.unwrap_or(0), e.unwrap_or(len));
        let mut windows: Vec<(usize, usize)> = Vec::new();
        for &p in points.iter().filter(|&&p| left <= p && p <= right) {
            let w = (
                chars_before(text, p, CONTEXT, left),
                chars_after(text, p, CONTEXT, right),
            );
            match windows.last_mut() {
                Some(last) if w.0 <= last.1 => last.1 = last.1.max(w.1),
                _ => windows.push(w),
            }
        }
        if windows.is_empty() {
            windows.push((left, chars_after(text, left, CONTEXT, right)));
        }
        if s.is_none_or(|s| windows[0].0 > s) {
            out.push_str(CLIPPED);
        }
        for (k, &(a, b)) in windows.iter().enumerate() {
            if k > 0 {
                out.push_str(CLIPPED);
            }
            pieces.push((a, out.len(), b - a));
            out.push_str(&text[a..b]);
        }
        if e.is_none_or(|e| windows[windows.len() - 1].1 < e) {
            out.push_str(CLIPPED);
        }
    }
    Excerpt {
        text: Cow::Owned(out),
        line,
        pieces,
        clipped: true,
    }
}

/// Line and column of each diagnostic's primary span, remembered from one
/// diagnostic to the next: diagnostics are sorted, so on one long line each
/// lookup counts only the characters since the previous one instead of
/// those since the start of the line.
#[derive(Default)]
struct Positions {
    last: Option<(FileId, usize, (usize, usize))>,
}

impl Positions {
    fn line_col(&mut self, id: FileId, file: &SourceFile, global: usize) -> (usize, usize) {
        let at = floor_char(&file.text, file.local(global));
        let found = match self.last {
            Some((last_id, prev, (line, col)))
                if last_id == id && prev <= at && !file.text[prev..at].contains('\n') =>
            {
                (line, col + file.text[prev..at].chars().count())
            }
            _ => file.line_col(global),
        };
        self.last = Some((id, at, found));
        found
    }
}

/// Sets the column the renderer printed in `path:line:COLUMN` after the
/// first `marker` at or after `from` to `column`: the renderer counts
/// columns in the text it is given, which for a clipped line is not the
/// file's. Returns where to look for the next location.
fn fix_column(
    out: &mut String,
    from: usize,
    marker: &str,
    location: &str,
    column: Option<usize>,
) -> usize {
    let mut from = from;
    while let Some(m) = out[from..].find(marker).map(|i| from + i) {
        let line_end = out[m..].find('\n').map_or(out.len(), |i| m + i);
        let Some(at) = out[m..line_end]
            .find(location)
            .map(|i| m + i + location.len())
        else {
            from = line_end;
            continue;
        };
        if let Some(column) = column {
            let digits = out[at..]
                .find(|c: char| !c.is_ascii_digit())
                .map_or(out.len(), |i| at + i);
            out.replace_range(at..digits, &column.to_string());
        }
        return at;
    }
    from
}

/// Renders one diagnostic as text (with ANSI colour; the caller's stream
/// decides whether to keep it).
fn render(d: &Diagnostic, sources: &SourceMap, positions: &mut Positions) -> String {
    let id = sources.file_of(d.span.start);
    let file = sources.get(id);
    let local = |f: &SourceFile, s: &Span| f.local(s.start)..f.local(s.end);
    let path = file.path.display().to_string();
    // A label far from the primary span (the first use of an id a
    // thousand lines up) gets its own snippet, like one in another file:
    // one excerpt spanning both would print every line between them.
    let (primary_line, primary_column) = positions.line_col(id, file, d.span.start);
    let (here, elsewhere): (Vec<_>, Vec<_>) = d.secondary.iter().partition(|l| {
        sources.file_of(l.span.start) == id
            && file.line_col(l.span.start).0.abs_diff(primary_line) <= 8
    });
    let primary = local(file, &d.span);
    let here_spans: Vec<Span> = here.iter().map(|l| local(file, &l.span)).collect();
    let all: Vec<&Span> = std::iter::once(&primary).chain(&here_spans).collect();
    let shown = excerpt(file, &all, (primary.start, primary_line));
    let mut snippet = Snippet::source(shown.text.as_ref())
        .line_start(shown.line)
        .path(path.clone())
        .annotation(
            AnnotationKind::Primary
                .span(shown.span(&primary))
                .label(d.label.as_deref()),
        );
    for (l, span) in here.iter().zip(&here_spans) {
        snippet = snippet.annotation(
            AnnotationKind::Context
                .span(shown.span(span))
                .label(l.message.as_str()),
        );
    }
    // Where each snippet's location is printed, and the column to print
    // when its line was clipped.
    let mut locations = vec![(
        "--> ",
        format!("{path}:{primary_line}:"),
        shown.clipped.then_some(primary_column),
    )];
    let mut group = level(d.severity)
        .primary_title(d.message.as_str())
        .id(d.code.code)
        .element(snippet);
    let others: Vec<(String, Excerpt<'_>, Span)> = elsewhere
        .iter()
        .map(|l| {
            let other_id = sources.file_of(l.span.start);
            let other = sources.get(other_id);
            let span = local(other, &l.span);
            let (line, column) = other.line_col(l.span.start);
            let other_path = other.path.display().to_string();
            let shown = excerpt(other, &[&span], (span.start, line));
            locations.push((
                "::: ",
                format!("{other_path}:{line}:"),
                shown.clipped.then_some(column),
            ));
            (other_path, shown, span)
        })
        .collect();
    for ((other_path, shown, span), l) in others.iter().zip(&elsewhere) {
        group = group.element(
            Snippet::source(shown.text.as_ref())
                .line_start(shown.line)
                .path(other_path.as_str())
                .annotation(
                    AnnotationKind::Context
                        .span(shown.span(span))
                        .label(l.message.as_str()),
                ),
        );
    }
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    let r = d.code;
    let note = if r.article != "-" {
        format!(
            "GDPR {} · {} · `seloste explain {}`",
            r.article, r.name, r.code
        )
    } else {
        format!("{} · `seloste explain {}`", r.name, r.code)
    };
    if !note.is_empty() {
        group = group.element(Level::NOTE.message(note.as_str()));
    }
    let report: [Group<'_>; 1] = [group];
    let mut out = Renderer::styled().render(&report).to_string();
    if locations.iter().any(|(_, _, column)| column.is_some()) {
        let mut from = 0;
        for (marker, location, column) in &locations {
            from = fix_column(&mut out, from, marker, location, *column);
        }
    }
    out
}

pub fn print_human(
    out: &mut impl Write,
    diagnostics: &[Diagnostic],
    sources: &SourceMap,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    // Rendered a file's diagnostics at a time in parallel (a build of
    // 1,000 notices reports thousands of notes), written in order.
    let by_file: Vec<&[Diagnostic]> = diagnostics
        .chunk_by(|a, b| sources.file_of(a.span.start) == sources.file_of(b.span.start))
        .collect();
    let rendered: Vec<String> = by_file
        .par_iter()
        .map(|group| {
            let mut positions = Positions::default();
            let mut text = String::new();
            for d in *group {
                text.push_str(&render(d, sources, &mut positions));
                text.push_str("\n\n");
            }
            text
        })
        .collect();
    for text in rendered {
        out.write_all(text.as_bytes())?;
    }
    Ok(())
}

/// The closing line: what was checked and what was found.
pub fn summary(tally: Tally, notices: usize) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let checked = plural(notices, "notice", "notices");
    if tally.errors == 0 && tally.warnings == 0 && tally.infos == 0 {
        return format!("checked {checked}: no problems found");
    }
    let mut parts = vec![
        plural(tally.errors, "error", "errors"),
        plural(tally.warnings, "warning", "warnings"),
    ];
    if tally.infos > 0 {
        parts.push(plural(tally.infos, "note", "notes"));
    }
    format!("checked {checked}: {}", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One diagnostic rendered without colour.
    fn plain(d: &Diagnostic, sources: &SourceMap) -> String {
        anstream::adapter::strip_str(&render(d, sources, &mut Positions::default())).to_string()
    }

    /// `["xx", "xx", ...]` on one line: `n` elements, 6 bytes each.
    fn long_array(n: usize) -> String {
        format!("languages = [{}]\n", vec!["\"xx\""; n].join(", "))
    }

    #[test]
    fn defect_8_reporting_is_linear_in_diagnostics() {
        // 200 KB on one line, with a diagnostic in its middle.
        let text = long_array(34_000);
        assert!(text.len() > 200_000);
        let mut sources = SourceMap::default();
        let id = sources.add("big.toml".into(), text.clone());
        let start = sources.get(id).start;
        let at = 13 + 6 * 17_000;
        assert_eq!(&text[at..at + 4], "\"xx\"");
        let d = Diagnostic::new(
            crate::load::decode::L007,
            start + at..start + at + 4,
            "`xx` is not a known language",
        )
        .label("did you mean `fi`?");
        let out = plain(&d, &sources);
        assert!(out.len() < 2_000, "{} bytes:\n{out}", out.len());
        assert!(
            out.contains(&format!(" --> big.toml:1:{}\n", at + 1)),
            "{out}"
        );
        assert!(out.contains("1 | …") || out.contains("1 | ..."), "{out}");
        assert!(out.contains("^^^^ did you mean `fi`?"), "{out}");
        // What the renderer is given is bounded too, not just what it shows.
        let shown = excerpt(sources.get(id), &[&(at..at + 4)], (at, 1));
        assert!(
            shown.clipped && shown.text.len() < 4 * CONTEXT,
            "{}",
            shown.text
        );
        assert_eq!(&shown.text[shown.span(&(at..at + 4))], "\"xx\"");

        // Diagnostics all along the line, in the order reports are sorted:
        // each costs the same, so the whole report is linear in their number.
        let all: Vec<Diagnostic> = (0..34_000)
            .step_by(7)
            .map(|i| {
                let at = start + 13 + 6 * i;
                Diagnostic::new(
                    crate::load::decode::L007,
                    at..at + 4,
                    "`xx` is not a known language",
                )
            })
            .collect();
        let mut out = Vec::new();
        print_human(&mut out, &all, &sources).expect("write to memory");
        assert!(out.len() < all.len() * 1_000, "{} bytes", out.len());
        let out = anstream::adapter::strip_str(std::str::from_utf8(&out).unwrap()).to_string();
        assert!(out.contains(" --> big.toml:1:14\n"), "the first");
        assert!(
            out.contains(&format!(" --> big.toml:1:{}\n", 13 + 6 * 33_999 + 1)),
            "the last"
        );
    }

    #[test]
    fn defect_8_a_span_near_the_end_of_a_long_line_is_shown() {
        // Two-byte characters, so that bytes and columns differ.
        let text = format!("x = \"{}ZZ_END\"\n", "ä".repeat(100_000));
        let mut sources = SourceMap::default();
        sources.add("wide.toml".into(), text.clone());
        let at = text.find("ZZ_END").unwrap();
        let d = Diagnostic::new(
            crate::lint::quality::Q016,
            at..at + 6,
            "a control character",
        )
        .label("here");
        let out = plain(&d, &sources);
        assert!(out.len() < 2_000, "{} bytes:\n{out}", out.len());
        assert!(out.contains("ZZ_END\""), "{out}");
        // Five characters before the string's, then 100,000 of two bytes.
        assert!(out.contains(" --> wide.toml:1:100006\n"), "{out}");
        assert!(out.contains("^^^^^^ here"), "{out}");
        // The clipped line starts with the mark for what was left out.
        assert!(out.contains("1 | …ää") || out.contains("1 | ..."), "{out}");
    }

    #[test]
    fn defect_8_long_spans_and_labels_on_long_lines_are_clipped() {
        let line = long_array(40_000);
        let text = format!("# a notice\n{line}id = \"x\"\n");
        let mut sources = SourceMap::default();
        let id = sources.add("a.toml".into(), text.clone());
        let other_line = long_array(40_000);
        let other = sources.add("b.toml".into(), other_line.clone());
        let b = sources.get(other).start;
        assert_eq!(sources.get(id).start, 0);
        // A span over the whole array, with a label on its last element
        // and one on the last element of a long line in another file.
        let open = text.find('[').unwrap();
        let close = text.rfind(']').unwrap() + 1;
        let last = close - 5;
        let far = other_line.rfind("\"xx\"").unwrap();
        let d = Diagnostic::new(
            crate::lint::quality::Q001,
            open..close,
            "the notice lists no languages",
        )
        .label("no known language")
        .secondary(last..last + 4, "the last one")
        .secondary(b + far..b + far + 4, "elsewhere");
        let out = plain(&d, &sources);
        assert!(out.len() < 4_000, "{} bytes:\n{out}", out.len());
        assert!(out.contains(" --> a.toml:2:13\n"), "{out}");
        assert!(
            out.contains(&format!(" ::: b.toml:1:{}\n", far + 1)),
            "{out}"
        );
        assert!(
            out.contains("the last one") && out.contains("elsewhere"),
            "{out}"
        );
        assert!(out.contains("2 | ... = [\"xx\""), "{out}");
    }
}
