//! TOML syntax errors in words a notice author understands.
//!
//! The TOML parser says what its grammar expected ("invalid float, expected
//! nothing"), which means little to a data protection officer who wrote a
//! Finnish date or a quote inside a text. This module owns the translation:
//! it looks at the parser's message and at the line the error is on, and
//! for the mistakes people actually make says what TOML wants in words,
//! with the fix. Spans are kept, so every diagnostic still points at
//! file:line:column. A mistake it does not recognise keeps the parser's
//! message with a general hint.
//!
//! One mistake often makes the parser stumble again further on the same
//! line (an unescaped quote ends the text early, and the rest of the text
//! is then read as nonsense): after a recognised mistake, the rest of its
//! line is not reported. Errors not recognised are all reported, as the
//! parser found them.

use std::ops::Range;

use super::document::L001;
use crate::diagnostic::Diagnostic;

/// The general hint, for errors not recognised below.
const GENERAL_HELP: &str = "fix the TOML syntax; strings need double quotes, tables are written `[name]`, and a key may appear only once per table";

/// The words people write for yes and no, in the three languages.
const YES_NO: &[&str] = &[
    "yes", "no", "kyllä", "kylla", "ei", "ja", "nej", "on", "off", "y", "n",
];

/// Diagnostics for the syntax `errors` of `text`, a file whose text starts
/// at global offset `base`; `skipped` bytes (a byte-order mark) precede the
/// text the parser saw.
pub fn diagnostics(
    text: &str,
    base: usize,
    skipped: usize,
    errors: impl IntoIterator<Item = toml::de::Error>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // Lines whose first error was a recognised mistake.
    let mut explained_lines = Vec::new();
    // The parser does not report in file order; the first error of a line
    // is the one that explains it.
    let mut errors: Vec<toml::de::Error> = errors.into_iter().collect();
    errors.sort_by_key(|e| e.span().map_or(0, |s| s.start));
    for e in errors {
        let local = e.span().unwrap_or(0..0);
        let local = local.start.min(text.len())..local.end.min(text.len());
        let line_start = text[..local.start].rfind('\n').map_or(0, |i| i + 1);
        if explained_lines.contains(&line_start) {
            continue;
        }
        let explained = explain(text, local.clone(), e.message());
        if explained.recognised() {
            explained_lines.push(line_start);
        }
        let local = explained.span.clone().unwrap_or(local);
        let span = base + skipped + local.start..base + skipped + local.end;
        let mut d = Diagnostic::new(L001, span, explained.message).help(explained.help);
        if let Some(label) = explained.label {
            d = d.label(label);
        }
        out.push(d);
    }
    out
}

/// The table headers of `text` (`[security]`, `[[purposes]]`) with their
/// offsets, in file order. Read from the lines, not the tree: the tree does
/// not keep where a header was written. Lines inside a multi-line text
/// that happen to start with `[` are skipped.
pub fn table_headers(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut offset = 0;
    let mut in_multiline = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !in_multiline && trimmed.starts_with('[') {
            let header = trimmed.split(" #").next().unwrap_or(trimmed).trim();
            out.push((
                offset + line.len() - line.trim_start().len(),
                header.to_string(),
            ));
        }
        for quote in [b'"', b'\''] {
            if !triples(line.as_bytes(), quote).is_multiple_of(2) {
                in_multiline = !in_multiline;
            }
        }
        offset += line.len();
    }
    out
}

/// How many times three `quote`s in a row (a multi-line string's
/// delimiter) occur in `line`, counted from the left without overlaps, as
/// `str::matches` counts. Only the quotes are looked at, found with
/// `memchr`: building a substring searcher twice for every line of every
/// file was a fiftieth of a `build`, and a loop over every byte still a
/// fiftieth.
fn triples(line: &[u8], quote: u8) -> usize {
    let mut count = 0;
    let mut free_from = 0;
    for i in memchr::memchr_iter(quote, line) {
        if i >= free_from && line.get(i..i + 3) == Some(&[quote; 3][..]) {
            count += 1;
            free_from = i + 3;
        }
    }
    count
}

/// One error, worded.
#[derive(Debug, PartialEq)]
pub(crate) struct Explained {
    /// Where to point instead of the parser's span (file-local): the whole
    /// value, when the parser gave up in its middle.
    pub span: Option<Range<usize>>,
    pub message: String,
    pub label: Option<String>,
    pub help: String,
}

impl Explained {
    /// Whether the mistake was recognised (not the parser's own words).
    fn recognised(&self) -> bool {
        self.help != GENERAL_HELP
    }
}

fn explained(message: impl Into<String>, label: &str, help: impl Into<String>) -> Explained {
    Explained {
        span: None,
        message: message.into(),
        label: (!label.is_empty()).then(|| label.to_string()),
        help: help.into(),
    }
}

/// Words for the parser's `message` about `span` of `text`.
pub(crate) fn explain(text: &str, span: Range<usize>, message: &str) -> Explained {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.start..]
        .find('\n')
        .map_or(text.len(), |i| span.start + i);
    let line = text[line_start..line_end].trim_end_matches('\r');
    let at = span.start - line_start;
    let before = line[..at.min(line.len())].trim_end();
    let after = &line[at.min(line.len())..];
    let token = text[span.clone()].trim();
    // The whole unquoted word the error is in (`1.8.2026`, not the `.2026`
    // where the parser gave up).
    let word_start = line[..at.min(line.len())]
        .rfind(|c: char| c.is_whitespace() || matches!(c, '=' | ',' | '{' | '['))
        .map_or(0, |i| i + 1);
    let bare = bare_word(&line[word_start..]);
    // The value as written after its `=`, without a trailing comment.
    let value = line[..word_start]
        .rfind('=')
        .map(|i| {
            let v = &line[i + 1..];
            v.split(" #").next().unwrap_or(v).trim()
        })
        .unwrap_or("");
    // The key the value belongs to: the last one before the error, also in
    // an inline table (`{ fi = ..., sv = ... }`).
    let key = line[..word_start]
        .rsplit_once('=')
        .map(|(k, _)| k.rsplit([',', '{']).next().unwrap_or(k).trim())
        .unwrap_or("");

    if line.contains(['“', '”', '„', '‘', '’', '«', '»']) && !inside_quotes(before) {
        return explained(
            "typographic quotes are not TOML quotes",
            "“ ” here",
            "write the text between straight double quotes, \"like this\"; a word processor or e-mail program may have replaced them (typographic quotes inside a text are fine)",
        );
    }
    if message.contains("invalid basic string") {
        if value.starts_with('"') && value.trim_end_matches([',', '}', ' ']).ends_with('\'') {
            return mixed_quotes();
        }
        return explained(
            "this text has no closing double quote",
            "the text should end here with `\"`",
            "a text must start and end with a double quote on the same line: add `\"` at its end (a text of several lines starts and ends with three quotes, \"\"\")",
        );
    }
    if message.contains("invalid literal string") {
        return mixed_quotes();
    }
    if message.contains("escape") {
        return explained(
            "a backslash `\\` in a text starts an escape that TOML does not know",
            "unknown escape",
            "inside double quotes a backslash is written `\\\\` and a quote `\\\"`; or write the text in single quotes, 'C:\\like\\this', where a backslash is itself",
        );
    }
    if message.contains("duplicate key") {
        if line.trim_start().starts_with('[') {
            let header = line.trim();
            return explained(
                format!("the table `{header}` is written twice"),
                "second time here",
                format!(
                    "a table may appear once: move the keys under this header to the first `{header}`; for a list of several items use `[[...]]` for each"
                ),
            );
        }
        let name = token.trim_end_matches('=').trim();
        return explained(
            format!("`{name}` is given twice in the same table"),
            "second time here",
            "a key may appear once per table: delete one of the two lines (or, when it belongs to another table, move it below that table's header)",
        );
    }
    if after.starts_with(':') && !before.contains('=') {
        return explained(
            "a key and its value are joined with `=`, not `:`",
            "write `=` here",
            format!("write `{} = ...`", before.trim_start_matches('{').trim()),
        );
    }
    let whole = |len: usize| Some(line_start + word_start..line_start + word_start + len);
    if let Some(iso) = finnish_date(bare) {
        return Explained {
            span: whole(bare.len()),
            ..explained(
                format!(
                    "`{bare}` is a date in Finnish order; TOML dates are written year-month-day"
                ),
                "day.month.year",
                format!("write `{iso}`, without quotes"),
            )
        };
    }
    if let Some(iso) = short_date(bare) {
        return explained(
            format!("`{bare}`: a date's month and day are written with two digits"),
            "",
            format!("write `{iso}`"),
        );
    }
    if YES_NO.contains(&bare.to_lowercase().as_str())
        || matches!(bare, "True" | "False" | "TRUE" | "FALSE")
    {
        let guess = if matches!(
            bare.to_lowercase().as_str(),
            "no" | "ei" | "nej" | "off" | "n" | "false"
        ) {
            "false"
        } else {
            "true"
        };
        return explained(
            format!("`{bare}` is not a yes/no value TOML knows"),
            "write `true` or `false`",
            format!(
                "a yes/no value is written `true` or `false`, in lower case and without quotes: `{key} = {guess}`"
            ),
        );
    }
    // A number keeps its comma: `2,5`.
    let number = line[word_start..]
        .split(|c: char| c.is_whitespace() || matches!(c, '}' | ']' | '#'))
        .next()
        .unwrap_or("")
        .trim_end_matches(',');
    if number_with_comma(number) {
        return Explained {
            span: whole(number.len()),
            ..explained(
                format!("`{number}`: a number is written with a decimal point, not a comma"),
                "",
                format!(
                    "write `{}`; or, if it is a text such as a version, put it in double quotes: `\"{number}\"`",
                    number.replace(',', ".")
                ),
            )
        };
    }
    if dotted_number(bare) {
        return explained(
            format!("`{bare}` is not a number; a version is a text"),
            "",
            format!("write it in double quotes: `{key} = \"{bare}\"`"),
        );
    }
    // An unescaped quote: a text ended at a `"` but the line goes on with
    // more words.
    if before.ends_with('"')
        && !before.ends_with("\"\"")
        && after.starts_with(|c: char| c.is_alphanumeric() || c == '"' || c == '(')
        && quotes_before(before).is_multiple_of(2)
    {
        return explained(
            "a double quote inside a text ends the text early",
            "the text ends at the quote before this",
            "a text must be in double quotes; a quote inside it is written \\\" (e.g. \"the \\\"basic\\\" register\"), or use typographic quotes “ ” inside the text, or write the whole text in single quotes: 'the \"basic\" register'",
        );
    }
    if message.contains("string values must be quoted")
        || message.contains("invalid boolean")
        || message.contains("invalid float")
        || message.contains("invalid integer")
    {
        let shown = if value.is_empty() || value.contains(['=', ',', '}']) {
            bare
        } else {
            value
        };
        return explained(
            "a text must be in double quotes",
            "not in quotes",
            format!("write `{key} = \"{shown}\"`"),
        );
    }
    if message.contains("missing comma between array elements")
        || (message.contains("array") && at == 0)
    {
        return explained(
            "a list (`[...]`) is not closed, or its items are not separated by commas",
            "",
            "end the list above with `]` and separate its items with commas: `[\"a\", \"b\"]`",
        );
    }
    Explained {
        span: None,
        message: format!("TOML syntax error: {message}"),
        label: None,
        help: GENERAL_HELP.to_string(),
    }
}

fn mixed_quotes() -> Explained {
    explained(
        "a text starts and ends with different quotes",
        "",
        "use the same quote at both ends: double quotes \"...\" as usual, or single quotes '...' for a text that contains double quotes",
    )
}

/// The unquoted word at the start of `s`.
fn bare_word(s: &str) -> &str {
    let s = s.trim_start();
    let end = s
        .find(|c: char| c.is_whitespace() || matches!(c, ',' | '}' | ']' | '#'))
        .unwrap_or(s.len());
    &s[..end]
}

/// How many unescaped double quotes `s` holds.
fn quotes_before(s: &str) -> usize {
    let mut count = 0;
    let mut escaped = false;
    for c in s.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => count += 1,
            _ => escaped = false,
        }
        if c != '\\' {
            escaped = false;
        }
    }
    count
}

/// Whether the end of `before` is inside a quoted text.
fn inside_quotes(before: &str) -> bool {
    !quotes_before(before).is_multiple_of(2)
}

/// `1.8.2026` (or `01.08.2026`) as `2026-08-01`, when it is a date.
fn finnish_date(s: &str) -> Option<String> {
    let s = s.trim_matches('"');
    let parts: Vec<&str> = s.split('.').collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let (d, m, y): (u32, u32, u32) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    ((1..=31).contains(&d) && (1..=12).contains(&m) && (1000..=9999).contains(&y))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// `2026-8-1` as `2026-08-01`.
fn short_date(s: &str) -> Option<String> {
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || (m.len() == 2 && d.len() == 2) {
        return None;
    }
    let (y, m, d): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    ((1..=31).contains(&d) && (1..=12).contains(&m)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// `2,5`: digits, one comma, digits.
fn number_with_comma(s: &str) -> bool {
    let s = s.strip_prefix('-').unwrap_or(s);
    s.split_once(',').is_some_and(|(a, b)| {
        !a.is_empty() && !b.is_empty() && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
    })
}

/// `1.0.1`: numbers joined by two or more dots.
fn dotted_number(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() >= 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use crate::source::FileId;

    #[test]
    fn triple_quotes_are_counted_as_str_matches_counts_them() {
        for line in [
            "",
            "\"\"",
            "\"\"\"",
            "\"\"\"\"",
            "\"\"\"\"\"\"",
            "\"\"\"\"\"\"\"",
            "a = \"\"\"text\"\"\" # done\n",
            "x = '''a''' + '''",
            "''''''''",
            "mixed \"\"\"'''\"\"\"",
            "ääkköset \"\"\" ja '''",
        ] {
            for (quote, delimiter) in [(b'"', "\"\"\""), (b'\'', "'''")] {
                assert_eq!(
                    super::triples(line.as_bytes(), quote),
                    line.matches(delimiter).count(),
                    "{line:?} {delimiter}"
                );
            }
        }
    }

    /// The first diagnostic of `source` read as a notice: message, help
    /// and 1-based line and column.
    fn first(source: &str) -> (String, String, usize, usize) {
        let loaded = super::super::document::load_bytes(FileId(0), 0, source.as_bytes());
        let d = loaded.diagnostics.first().expect("a diagnostic");
        let before = &source[..d.span.start];
        let line = before.matches('\n').count() + 1;
        let col = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
        (
            d.message.clone(),
            d.help.clone().unwrap_or_default(),
            line,
            col,
        )
    }

    fn assert_says(source: &str, message: &str, help: &str, at: (usize, usize)) {
        let (m, h, line, col) = first(source);
        assert!(m.contains(message), "message {m:?} lacks {message:?}");
        assert!(h.contains(help), "help {h:?} lacks {help:?}");
        assert_eq!((line, col), at, "{m}");
    }

    #[test]
    fn a_quote_inside_a_text_is_explained_once() {
        let src = "id = \"x\"\ntitle = { fi = \"Koulun \"hyvä\" rekisteri\" }\n";
        assert_says(
            src,
            "a double quote inside a text ends the text early",
            "a quote inside it is written \\\"",
            (2, 25),
        );
        // The rest of the line is not reported again.
        let loaded = super::super::document::load_bytes(FileId(0), 0, src.as_bytes());
        assert_eq!(loaded.diagnostics.len(), 1, "{:?}", loaded.diagnostics);
    }

    #[test]
    fn a_finnish_date_gets_the_iso_date() {
        assert_says(
            "id = \"x\"\nupdated = 1.8.2026\n",
            "`1.8.2026` is a date in Finnish order",
            "write `2026-08-01`",
            (2, 11),
        );
        assert_says(
            "updated = 2026-8-1\n",
            "two digits",
            "write `2026-08-01`",
            (1, 11),
        );
    }

    #[test]
    fn a_text_without_its_closing_quote() {
        assert_says(
            "id = \"x\"\nversion = \"1.0\n",
            "this text has no closing double quote",
            "add `\"` at its end",
            (2, 15),
        );
    }

    #[test]
    fn single_and_double_quotes_mixed() {
        assert_says(
            "version = '1.0\"\n",
            "starts and ends with different quotes",
            "use the same quote at both ends",
            (1, 16),
        );
        assert_says(
            "version = \"1.0'\n",
            "starts and ends with different quotes",
            "use the same quote at both ends",
            (1, 16),
        );
    }

    #[test]
    fn a_comma_in_a_number() {
        assert_says(
            "version = 2,5\n",
            "a number is written with a decimal point, not a comma",
            "write `2.5`",
            (1, 11),
        );
    }

    #[test]
    fn yes_and_no_in_words() {
        for (word, fix) in [
            ("kyllä", "used = true"),
            ("ei", "used = false"),
            ("yes", "used = true"),
            ("nej", "used = false"),
            ("True", "used = true"),
        ] {
            assert_says(
                &format!("[automated_decisions]\nused = {word}\n"),
                &format!("`{word}` is not a yes/no value"),
                fix,
                (2, 8),
            );
        }
    }

    #[test]
    fn a_bare_word_and_typographic_quotes() {
        assert_says(
            "id = pupil-register\n",
            "a text must be in double quotes",
            "write `id = \"pupil-register\"`",
            (1, 6),
        );
        assert_says(
            "period = 2 years\n",
            "a text must be in double quotes",
            "write `period = \"2 years\"`",
            (1, 10),
        );
        let (m, h, _, _) = first("email = “kirjaamo@example.fi”\n");
        assert_eq!(m, "typographic quotes are not TOML quotes");
        assert!(h.contains("straight double quotes"), "{h}");
    }

    #[test]
    fn keys_given_twice_and_colons() {
        assert_says(
            "version = \"1\"\nversion = \"2\"\n",
            "`version` is given twice",
            "delete one",
            (2, 1),
        );
        assert_says(
            "[dpo]\nemail = \"a@b.fi\"\n[dpo]\n",
            "the table `[dpo]` is written twice",
            "move the keys",
            (3, 2),
        );
        assert_says(
            "id: \"x\"\n",
            "joined with `=`, not `:`",
            "write `id = ...`",
            (1, 3),
        );
    }

    #[test]
    fn versions_backslashes_and_unclosed_lists() {
        assert_says(
            "version = 1.0.1\n",
            "a version is a text",
            "`version = \"1.0.1\"`",
            (1, 14),
        );
        assert_says(
            "title = \"C:\\dir\"\n",
            "a backslash",
            "single quotes",
            (1, 13),
        );
        assert_says(
            "languages = [\"fi\", \"sv\"\nid = \"x\"\n",
            "a list (`[...]`) is not closed",
            "end the list above with `]`",
            (2, 1),
        );
    }

    #[test]
    fn a_dotted_key_below_a_table_names_that_table() {
        let src = "id = \"x\"\n[security]\nfi = \"Turvallisesti\"\ncookies.fi = \"Ei evästeitä\"\n";
        assert_says(
            src,
            "`cookies` is read as part of the table `[security]`",
            "move the `cookies.` lines above the first `[...]` header",
            (4, 1),
        );
    }

    #[test]
    fn an_unknown_mistake_keeps_the_parser_words() {
        let (m, h, _, _) = first("= 1\n");
        assert!(m.starts_with("TOML syntax error: "), "{m}");
        assert!(h.contains("fix the TOML syntax"), "{h}");
    }

    #[test]
    fn headers_skip_multiline_texts() {
        let text = "a = 1\n[one]\nx = \"\"\"\n[not a header]\n\"\"\"\n  [[two]] # c\n";
        let headers: Vec<String> = super::table_headers(text)
            .into_iter()
            .map(|(_, h)| h)
            .collect();
        assert_eq!(headers, ["[one]", "[[two]]"]);
    }
}
