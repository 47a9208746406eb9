//! Machine-readable diagnostics: one JSON object per line (JSON Lines).
//! The record's fields are documented in `docs/diagnostics.md`; lines and
//! columns are 1-based, columns count Unicode characters, ends are exclusive.

use std::io::Write;

use serde_json::{Value, json};

use crate::diagnostic::Diagnostic;
use crate::source::{SourceMap, Span};

/// Where `span` points: the file's path as given, then the 1-based start
/// line and column and the exclusive end line and column (columns count
/// characters). Shared by every machine-readable format.
pub(super) fn location(sources: &SourceMap, span: &Span) -> (String, usize, usize, usize, usize) {
    let f = sources.get(sources.file_of(span.start));
    let (line, column) = f.line_col(span.start);
    let (end_line, end_column) = f.line_col(span.end);
    (
        f.path.display().to_string(),
        line,
        column,
        end_line,
        end_column,
    )
}

/// The JSON record of one diagnostic.
pub fn record(d: &Diagnostic, sources: &SourceMap) -> Value {
    let rule = d.code;
    let (file, line, column, end_line, end_column) = location(sources, &d.span);
    let related: Vec<Value> = d
        .secondary
        .iter()
        .map(|l| {
            let (file, line, column, end_line, end_column) = location(sources, &l.span);
            json!({
                "file": file, "line": line, "column": column,
                "end_line": end_line, "end_column": end_column, "message": l.message,
            })
        })
        .collect();
    json!({
        "code": rule.code,
        "name": rule.name,
        "severity": d.severity.as_str(),
        "article": (rule.article != "-").then_some(rule.article),
        "message": d.message,
        "label": d.label,
        "help": d.help,
        "file": file,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "related": related,
    })
}

pub fn print_json(
    out: &mut impl Write,
    diagnostics: &[Diagnostic],
    sources: &SourceMap,
) -> std::io::Result<()> {
    for d in diagnostics {
        writeln!(out, "{}", record(d, sources))?;
    }
    Ok(())
}
