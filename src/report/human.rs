//! rustc-style diagnostics with the source line and a caret under the span.

use std::io::Write;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::diagnostic::{Diagnostic, Severity, Tally};
use crate::lint::registry;
use crate::source::{SourceFile, SourceMap, Span};

fn level(s: Severity) -> Level<'static> {
    match s {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info | Severity::Allow => Level::INFO,
    }
}

/// The lines of `file` that cover `spans`, as (text, first line number,
/// byte offset of the text). Rendering only these lines keeps the cost of a
/// diagnostic independent of the file's size.
fn excerpt<'a>(file: &'a SourceFile, spans: &[&Span]) -> (&'a str, usize, usize) {
    let text = file.text.as_str();
    let start = spans
        .iter()
        .map(|s| s.start)
        .min()
        .unwrap_or(0)
        .min(text.len());
    let end = spans
        .iter()
        .map(|s| s.end)
        .max()
        .unwrap_or(0)
        .min(text.len())
        .max(start);
    let mut from = text[..start].rfind('\n').map_or(0, |i| i + 1);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = text[end..].find('\n').map_or(text.len(), |i| end + i);
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let (line, _) = file.line_col(file.start + from);
    (&text[from..to], line, from)
}

fn clamp(span: &Span, offset: usize, len: usize) -> Span {
    let s = span.start.saturating_sub(offset).min(len);
    let e = span.end.saturating_sub(offset).min(len).max(s);
    s..e
}

/// Renders one diagnostic as text (with ANSI colour; the caller's stream
/// decides whether to keep it).
pub fn render(d: &Diagnostic, sources: &SourceMap) -> String {
    let id = sources.file_of(d.span.start);
    let file = sources.get(id);
    let local = |f: &SourceFile, s: &Span| f.local(s.start)..f.local(s.end);
    let path = file.path.display().to_string();
    // A label far from the primary span (the first use of an id a
    // thousand lines up) gets its own snippet, like one in another file:
    // one excerpt spanning both would print every line between them.
    let (primary_line, _) = file.line_col(d.span.start);
    let (here, elsewhere): (Vec<_>, Vec<_>) = d.secondary.iter().partition(|l| {
        sources.file_of(l.span.start) == id
            && file.line_col(l.span.start).0.abs_diff(primary_line) <= 8
    });
    let primary = local(file, &d.span);
    let here_spans: Vec<Span> = here.iter().map(|l| local(file, &l.span)).collect();
    let all: Vec<&Span> = std::iter::once(&primary).chain(&here_spans).collect();
    let (text, line_start, offset) = excerpt(file, &all);
    let mut snippet = Snippet::source(text)
        .line_start(line_start)
        .path(path.clone())
        .annotation(
            AnnotationKind::Primary
                .span(clamp(&primary, offset, text.len()))
                .label(d.label.as_deref()),
        );
    for (l, span) in here.iter().zip(&here_spans) {
        snippet = snippet.annotation(
            AnnotationKind::Context
                .span(clamp(span, offset, text.len()))
                .label(l.message.as_str()),
        );
    }
    let mut group = level(d.severity)
        .primary_title(d.message.as_str())
        .id(d.code)
        .element(snippet);
    let mut others = Vec::new();
    for l in elsewhere {
        let other = sources.get(sources.file_of(l.span.start));
        let span = local(other, &l.span);
        let (text, line_start, offset) = excerpt(other, &[&span]);
        others.push(
            Snippet::source(text)
                .line_start(line_start)
                .path(other.path.display().to_string())
                .annotation(
                    AnnotationKind::Context
                        .span(clamp(&span, offset, text.len()))
                        .label(l.message.as_str()),
                ),
        );
    }
    group = group.elements(others);
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    let note = match registry::rule(d.code) {
        Some(r) if r.article != "-" => format!(
            "GDPR {} · {} · `seloste explain {}`",
            r.article, r.name, r.code
        ),
        Some(r) => format!("{} · `seloste explain {}`", r.name, r.code),
        None => String::new(),
    };
    if !note.is_empty() {
        group = group.element(Level::NOTE.message(note.as_str()));
    }
    let report: [Group<'_>; 1] = [group];
    Renderer::styled().render(&report).to_string()
}

pub fn print_human(
    out: &mut impl Write,
    diagnostics: &[Diagnostic],
    sources: &SourceMap,
) -> std::io::Result<()> {
    for d in diagnostics {
        writeln!(out, "{}\n", render(d, sources))?;
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
