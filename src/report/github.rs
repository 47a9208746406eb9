//! GitHub Actions workflow commands: one `::error`, `::warning` or
//! `::notice` line per diagnostic, which the runner turns into annotations
//! on the pull request's files. The format is documented in
//! `docs/diagnostics.md`.

use std::io::Write;

use super::json::location;
use crate::diagnostic::{Diagnostic, Severity};

/// The workflow command for a severity.
pub fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Allow => "notice",
    }
}

/// Escapes the message of a workflow command (after the second `::`).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`file=...,title=...`), where `:` and `,`
/// would end the value.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The workflow command of one diagnostic, without the line break. The
/// message carries the help and the secondary locations after it.
pub fn line(d: &Diagnostic, sources: &crate::source::SourceMap) -> String {
    let (file, line, column, end_line, end_column) = location(sources, &d.span);
    let title = format!("{} {}", d.code, d.code.name);
    let mut message = super::message_with_help(d);
    for l in &d.secondary {
        let (file, line, column, ..) = location(sources, &l.span);
        message.push_str(&format!(
            "\nrelated: {}:{line}:{column}: {}",
            file.replace('\\', "/"),
            l.message
        ));
    }
    format!(
        "::{} file={},line={line},col={column},endLine={end_line},endColumn={end_column},title={}::{}",
        command(d.severity),
        escape_property(&file.replace('\\', "/")),
        escape_property(&title),
        escape_data(&message),
    )
}

pub fn print_github(
    out: &mut impl Write,
    diagnostics: &[Diagnostic],
    sources: &crate::source::SourceMap,
) -> std::io::Result<()> {
    for d in diagnostics {
        writeln!(out, "{}", line(d, sources))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceMap;

    #[test]
    fn data_escapes_percent_and_line_breaks_only() {
        assert_eq!(
            escape_data("50% done,\r\nnext: a, b"),
            "50%25 done,%0D%0Anext: a, b"
        );
    }

    #[test]
    fn properties_also_escape_colon_and_comma() {
        assert_eq!(escape_property("C:\\a,b%\nc"), "C%3A\\a%2Cb%25%0Ac");
        // `%` first, so an escape is never escaped twice.
        assert_eq!(escape_property("%3A:"), "%253A%3A");
    }

    #[test]
    fn one_line_per_diagnostic_with_escaped_fields() {
        let mut sources = SourceMap::default();
        let id = sources.add("dir,x/a:b.toml".into(), "k = 1\nid = \"x\"\n".into());
        let start = sources.get(id).start;
        let d = Diagnostic::new(
            crate::lint::quality::Q012,
            start + 6..start + 14,
            "bad id: `x`, see\nbelow",
        )
        .help("use 100% lower case");
        let l = line(&d, &sources);
        assert_eq!(
            l,
            "::error file=dir%2Cx/a%3Ab.toml,line=2,col=1,endLine=2,endColumn=9,\
             title=Q012 invalid-id::bad id: `x`, see%0Abelow%0Ahelp: use 100%25 lower case"
        );
        assert!(!l.contains('\n'));
    }

    #[test]
    fn severities_map_to_commands() {
        assert_eq!(command(Severity::Error), "error");
        assert_eq!(command(Severity::Warning), "warning");
        assert_eq!(command(Severity::Info), "notice");
    }
}
