//! Markdown in source fields, made safe for each output format.
//!
//! Authors may use Markdown in every text field. What they write is
//! published, so it is treated as untrusted: raw HTML (block and inline) is
//! shown as text, links and images keep only safe schemes (http, https,
//! mailto, tel, relative), images become links (a notice makes no external
//! requests), and headings are demoted below the notice's own. The same
//! event filter feeds both the HTML and the Markdown output, so a text that
//! is inert in one is inert in the other.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, LinkType, Parser, Tag, TagEnd};

use crate::model::markdown::{MAX_NESTING, is_safe_link, options};

/// Events of inline content, which a block must hold.
fn is_inline(event: &Event<'_>) -> bool {
    match event {
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        ),
        Event::End(tag) => matches!(
            tag,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image
        ),
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineMath(_)
        | Event::DisplayMath(_)
        | Event::InlineHtml(_)
        | Event::FootnoteReference(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::TaskListMarker(_) => true,
        Event::Html(_) | Event::Rule => false,
    }
}

/// The events with block quotes and lists deeper than [`MAX_NESTING`]
/// taken out: their blocks stay, as blocks of the deepest level kept, and
/// the inline text of a removed list item (a tight list has no paragraphs)
/// gets a paragraph of its own.
fn limit_nesting<'a>(events: impl Iterator<Item = Event<'a>>) -> Vec<Event<'a>> {
    let mut out = Vec::new();
    // For each open block: for quotes, lists and items whether they are
    // kept, `None` for other blocks.
    let mut open: Vec<Option<bool>> = Vec::new();
    let mut depth = 0;
    // Whether a paragraph was opened for a removed item's text.
    let mut in_paragraph = false;
    for event in events {
        let inline = is_inline(&event);
        if in_paragraph && !inline {
            out.push(Event::End(TagEnd::Paragraph));
            in_paragraph = false;
        }
        let kept = match &event {
            Event::Start(Tag::BlockQuote(_) | Tag::List(_)) => {
                let kept = depth < MAX_NESTING;
                depth += usize::from(kept);
                open.push(Some(kept));
                kept
            }
            // An item goes with its list.
            Event::Start(Tag::Item) => {
                let kept = open.last().copied().flatten().unwrap_or(true);
                open.push(Some(kept));
                kept
            }
            Event::Start(_) if !inline => {
                open.push(None);
                true
            }
            Event::End(end) if !inline => match open.pop().flatten() {
                Some(kept) => {
                    if kept && !matches!(end, TagEnd::Item) {
                        depth -= 1;
                    }
                    kept
                }
                None => true,
            },
            _ if inline && !in_paragraph && open.last() == Some(&Some(false)) => {
                out.push(Event::Start(Tag::Paragraph));
                in_paragraph = true;
                true
            }
            _ => true,
        };
        if kept {
            out.push(event);
        }
    }
    if in_paragraph {
        out.push(Event::End(TagEnd::Paragraph));
    }
    out
}

/// Field headings start at h3: h1 is the notice title, h2 its sections.
fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H3,
        HeadingLevel::H2 => HeadingLevel::H4,
        HeadingLevel::H3 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// The parsed events with everything unsafe neutralised.
fn safe_events(source: &str) -> Vec<Event<'_>> {
    let mut out = Vec::new();
    // For each open link or image, whether it was dropped (unsafe target).
    let mut dropped: Vec<bool> = Vec::new();
    for event in limit_nesting(Parser::new_ext(source, options())) {
        match event {
            Event::Html(s) | Event::InlineHtml(s) => out.push(Event::Text(s)),
            // An indented code block depends on its indentation, which the
            // Markdown output does not keep (it is trimmed and re-indented
            // under list items): fenced, its content stays code.
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => out.push(Event::Start(
                Tag::CodeBlock(CodeBlockKind::Fenced("".into())),
            )),
            // An HTML block's content is now text: give it a paragraph.
            Event::Start(Tag::HtmlBlock) => out.push(Event::Start(Tag::Paragraph)),
            Event::End(TagEnd::HtmlBlock) => out.push(Event::End(TagEnd::Paragraph)),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let unsafe_link = !is_safe_link(&dest_url);
                dropped.push(unsafe_link);
                if !unsafe_link {
                    // Autolinks serialise as `<...>`; write them as ordinary
                    // links so the Markdown output never holds angle brackets.
                    let link_type = match link_type {
                        LinkType::Autolink | LinkType::Email => LinkType::Inline,
                        t => t,
                    };
                    out.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                }
            }
            Event::Start(Tag::Image {
                dest_url,
                title,
                id,
                ..
            }) => {
                let unsafe_link = !is_safe_link(&dest_url);
                dropped.push(unsafe_link);
                if !unsafe_link {
                    out.push(Event::Start(Tag::Link {
                        link_type: LinkType::Inline,
                        dest_url,
                        title,
                        id,
                    }));
                }
            }
            // The Markdown serialiser closes a fence only after a newline,
            // which the last line of a text has not: the rest of the
            // document would be code.
            Event::End(TagEnd::CodeBlock) => {
                if let Some(Event::Text(t)) = out.last_mut()
                    && !t.ends_with('\n')
                {
                    *t = format!("{t}\n").into();
                }
                out.push(Event::End(TagEnd::CodeBlock));
            }
            Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => {
                if !dropped.pop().unwrap_or(true) {
                    out.push(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => out.push(Event::Start(Tag::Heading {
                level: demote(level),
                id,
                classes,
                attrs,
            })),
            Event::End(TagEnd::Heading(level)) => {
                out.push(Event::End(TagEnd::Heading(demote(level))))
            }
            e => out.push(e),
        }
    }
    out
}

/// For the Markdown output: `{` and `}` in text become `\{` and `\}`, so
/// that no reader with attribute syntax turns a text into HTML attributes
/// or raw HTML (heading attributes `# x {onclick=...}` in pulldown-cmark,
/// Pandoc and Python-Markdown, kramdown's `{: ...}`, Pandoc's `{=html}`).
/// The serialiser would escape a backslash in text, so the escapes go
/// through it as raw events; read again, they are text.
fn escape_braces(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out = Vec::with_capacity(events.len());
    let mut in_code = false;
    for e in events {
        match e {
            Event::Start(Tag::CodeBlock(_)) => {
                in_code = true;
                out.push(e);
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                out.push(e);
            }
            Event::Text(t) if !in_code && t.contains(['{', '}']) => {
                let mut rest: &str = &t;
                while let Some(i) = rest.find(['{', '}']) {
                    if i > 0 {
                        out.push(Event::Text(rest[..i].to_string().into()));
                    }
                    out.push(Event::InlineHtml(format!("\\{}", &rest[i..=i]).into()));
                    rest = &rest[i + 1..];
                }
                if !rest.is_empty() {
                    out.push(Event::Text(rest.to_string().into()));
                }
            }
            e => out.push(e),
        }
    }
    out
}

/// Safe HTML for the html and print formats.
pub fn to_html(source: &str) -> String {
    let mut html = String::with_capacity(source.len() + source.len() / 4);
    pulldown_cmark::html::push_html(&mut html, safe_events(source).into_iter());
    // Header cells of tables written in a field are column headers. Raw
    // HTML from the source is escaped, so every `<th>` here is the parser's.
    html.trim_end()
        .replace("<th>", "<th scope=\"col\">")
        .replace("<th style=", "<th scope=\"col\" style=")
}

/// Sanitised Markdown for the md format: the author's Markdown, re-written
/// from the safe events, so raw HTML comes out escaped and unsafe links as
/// their text.
pub fn to_markdown(source: &str) -> String {
    let mut md = String::with_capacity(source.len() + 16);
    let style = pulldown_cmark_to_cmark::Options {
        list_token: '-',
        increment_ordered_list_bullets: true,
        ..Default::default()
    };
    match pulldown_cmark_to_cmark::cmark_with_options(
        escape_braces(safe_events(source)).iter(),
        &mut md,
        options(),
        style,
    ) {
        // The serialiser escapes `<` in text as `\<`, which CommonMark
        // shows as `<`; an entity says the same to every Markdown reader,
        // including those that read the file as plain HTML-ish text.
        Ok(_) => md.trim().replace("\\<", "&lt;"),
        // The serialiser refuses only malformed event streams, which the
        // parser does not produce; fall back to fully escaped text.
        Err(_) => escape_markdown(source),
    }
}

/// Escapes a plain string so that Markdown shows it literally and no HTML
/// can be formed from it.
pub fn escape_markdown(s: &str) -> String {
    if is_plain_markdown(s) {
        return s.to_string();
    }
    escape_markdown_always(s)
}

/// Whether `s` reads in Markdown as it is, so that [`escape_markdown`]
/// would return it unchanged: no line break, no character it escapes, no
/// whitespace at either end, and no start that could be a list marker (a
/// digit, `-` or `+`). Most values (names, addresses, labels) are so; a
/// byte scan spares them the escaping (issue: fleet performance).
fn is_plain_markdown(s: &str) -> bool {
    let Some(&first) = s.as_bytes().first() else {
        return true;
    };
    if first.is_ascii_digit()
        || matches!(first, b'-' | b'+')
        || s.starts_with(MARKDOWN_TRIMMED)
        || s.ends_with(MARKDOWN_TRIMMED)
    {
        return false;
    }
    !s.bytes().any(|b| {
        matches!(
            b,
            b'\r'
                | b'\n'
                | b'\\'
                | b'`'
                | b'*'
                | b'_'
                | b'['
                | b']'
                | b'#'
                | b'|'
                | b'~'
                | b'!'
                | b'{'
                | b'}'
                | b'<'
                | b'>'
                | b'&'
        )
    })
}

/// The whitespace [`escape_markdown`] trims from the ends of a value.
const MARKDOWN_TRIMMED: [char; 4] = [' ', '\t', '\u{b}', '\u{c}'];

/// [`escape_markdown`] straight into `out`.
pub fn write_escaped_markdown(out: &mut impl std::fmt::Write, s: &str) -> std::fmt::Result {
    if is_plain_markdown(s) {
        out.write_str(s)
    } else {
        out.write_str(&escape_markdown_always(s))
    }
}

/// [`escape_markdown`] without the check for values that need nothing.
fn escape_markdown_always(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    // CommonMark ends a line at `\n`, `\r\n` and a lone `\r`; each becomes a
    // space, so that the value stays one line. Whitespace at either end of
    // a text is not shown, and leading whitespace would make an indented
    // code block or let a list marker through; a value of whitespace alone
    // is an indentation the template asks for, and is kept.
    let mut line = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => line.push(' '),
            c => line.push(c),
        }
    }
    let trimmed = line.trim_matches(MARKDOWN_TRIMMED);
    for c in if trimmed.is_empty() { &line } else { trimmed }.chars() {
        match c {
            // Braces: attribute syntax for some readers (see `escape_braces`).
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '!' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    // A list marker (`-`, `+`, `1.`, `1)` followed by whitespace) or a
    // thematic break (`---`, `-- -`) at the start would turn the value into
    // a list or a rule; anything else reads as it is. The backslash goes
    // before the punctuation: before a digit it would be shown.
    let marker = out
        .find(|c: char| !c.is_ascii_digit())
        .filter(|&i| i > 0 && out[i..].starts_with(['.', ')']))
        .or_else(|| out.starts_with(['-', '+']).then_some(0));
    if let Some(i) = marker {
        let next = out[i + 1..].chars().next();
        let dash = out[i..].starts_with('-') && next == Some('-');
        if next.is_none_or(|c| c == ' ' || c == '\t') || dash {
            out.insert(i, '\\');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markdown::nesting_depth;

    /// Guards the fast path of `escape_markdown`: a value it passes as
    /// plain must come out of the full escaping unchanged, and one it does
    /// not must need the full escaping. Each character the escaping looks
    /// at is tried alone, at the start, inside and at the end of a value.
    #[test]
    fn values_passed_as_plain_are_exactly_those_the_escaping_leaves_alone() {
        let mut inputs: Vec<String> = vec![
            String::new(),
            "Opinsys Oy".into(),
            "tietosuoja@lumilahti.example".into(),
            "Keskuskatu 4, 10173 Lumilahti".into(),
            "Åbo – Turku".into(),
            "2026 report".into(),
            "1. not a list".into(),
            "12) no".into(),
            "- item".into(),
            "+358 40 1".into(),
            "-- -".into(),
            "a.b".into(),
        ];
        for special in [
            "\r", "\n", "\r\n", "\\", "`", "*", "_", "[", "]", "#", "|", "~", "!", "{", "}", "<",
            ">", "&", " ", "\t", "\u{b}", "\u{c}", "-", "+", "1", ".", ")", "\u{a0}",
        ] {
            inputs.push(special.to_string());
            inputs.push(format!("{special}x"));
            inputs.push(format!("x{special}y"));
            inputs.push(format!("x{special}"));
        }
        for s in &inputs {
            let full = escape_markdown_always(s);
            assert_eq!(escape_markdown(s), full, "{s:?}");
            if is_plain_markdown(s) {
                assert_eq!(&full, s, "passed as plain but escaped: {s:?}");
            }
            let mut written = String::new();
            write_escaped_markdown(&mut written, s).expect("writing to a String");
            assert_eq!(written, full, "{s:?}");
        }
    }

    #[test]
    fn raw_html_is_text_in_html() {
        let h = to_html("<script>alert(1)</script>\n\nHi <b onclick=x>there</b>");
        assert!(!h.contains("<script"), "{h}");
        assert!(!h.contains("<b "), "{h}");
        assert!(h.contains("&lt;script&gt;"), "{h}");
    }

    #[test]
    fn unsafe_links_lose_their_target() {
        for src in [
            "[x](javascript:alert(1))",
            "[x](JAVASCRIPT:alert(1))",
            "<javascript:alert(1)>",
            "![x](data:image/png;base64,AAAA)",
            "[x](java&#9;script:alert(1))",
        ] {
            // The target may remain visible as text; it must not be a link.
            let h = to_html(src).to_lowercase();
            assert!(
                !h.contains("href=\"javascript")
                    && !h.contains("href=\"data")
                    && !h.contains("src="),
                "{src} -> {h}"
            );
            let m = to_markdown(src).to_lowercase();
            assert!(
                !m.contains("](javascript") && !m.contains("](data:") && !m.contains("<javascript"),
                "{src} -> {m}"
            );
        }
    }

    #[test]
    fn safe_links_and_formatting_survive() {
        let h = to_html("See [the law](https://finlex.fi) and **this**.");
        assert!(
            h.contains("<a href=\"https://finlex.fi\">the law</a>"),
            "{h}"
        );
        assert!(h.contains("<strong>this</strong>"));
        let m = to_markdown("See [the law](https://finlex.fi) and **this**.");
        assert_eq!(m, "See [the law](https://finlex.fi) and **this**.");
    }

    #[test]
    fn images_become_links() {
        let h = to_html("![logo](https://example.fi/logo.png)");
        assert!(!h.contains("<img"), "{h}");
        assert!(h.contains("href=\"https://example.fi/logo.png\""), "{h}");
    }

    #[test]
    fn markdown_output_holds_no_raw_html() {
        for src in [
            "<script>alert(1)</script>",
            "a <img src=x onerror=alert(1)> b",
            "<div>\nblock\n</div>",
            "<https://a.fi>",
            "`<code>`",
            // Indented code, which the output trims: it stays code.
            "    <script>alert(1)</script>",
        ] {
            let m = to_markdown(src);
            let reparsed = to_html(&m);
            assert!(
                !reparsed.contains("<script")
                    && !reparsed.contains("<img")
                    && !reparsed.contains("<div"),
                "{src} -> {m} -> {reparsed}"
            );
            // Re-parsing the output finds no raw HTML at all.
            assert!(
                Parser::new_ext(&m, options())
                    .all(|e| !matches!(e, Event::Html(_) | Event::InlineHtml(_))),
                "{src} -> {m}"
            );
        }
    }

    #[test]
    fn headings_are_demoted() {
        assert!(to_html("# Big").starts_with("<h3>"));
    }

    #[test]
    fn plain_strings_are_escaped_for_markdown() {
        assert_eq!(escape_markdown("Opinsys Oy"), "Opinsys Oy");
        assert_eq!(escape_markdown("a*b*_c_ <x>"), "a\\*b\\*\\_c\\_ &lt;x&gt;");
        assert_eq!(escape_markdown("- not a list"), "\\- not a list");
        // Regression: the backslash went before the digit, where CommonMark
        // shows it.
        assert_eq!(escape_markdown("1. not a list"), "1\\. not a list");
        assert_eq!(escape_markdown("+358 29 566 6700"), "+358 29 566 6700");
        assert_eq!(escape_markdown("2026 report"), "2026 report");
        assert_eq!(escape_markdown("{{ 7*7 }}"), "\\{\\{ 7\\*7 \\}\\}");
        // Regressions found by tests/main/properties.rs: values that made a
        // list, a rule, a heading or code of themselves.
        assert_eq!(escape_markdown("  - indented"), "\\- indented");
        assert_eq!(escape_markdown("    code"), "code");
        assert_eq!(escape_markdown("-\tx"), "\\-\tx");
        assert_eq!(escape_markdown("-- -"), "\\-- -");
        assert_eq!(escape_markdown("a\r---"), "a ---");
        assert_eq!(escape_markdown("a\r\n- b"), "a - b");
        // An indentation asked for by a template is kept.
        assert_eq!(escape_markdown("   "), "   ");
    }

    #[test]
    fn defect_9_deep_blockquote_nesting_is_bounded() {
        // 8,000 nested quotes in 16 KB came out as 96 MB of Markdown.
        let src = format!("{}deep", "> ".repeat(8_000));
        assert_eq!(nesting_depth(&src), 8_000);
        let m = to_markdown(&src);
        assert!(m.len() < 10 * src.len(), "{} bytes of Markdown", m.len());
        assert!(m.ends_with("deep"), "{m}");
        assert_eq!(nesting_depth(&m), MAX_NESTING, "{m}");
        let h = to_html(&src);
        assert!(h.len() < 10 * src.len(), "{} bytes of HTML", h.len());
        assert_eq!(h.matches("<blockquote>").count(), MAX_NESTING, "{h}");
        assert!(h.contains("<p>deep</p>"), "{h}");
        // Lists, and lists in quotes, are limited alike.
        for src in [
            format!("{}deep", "- ".repeat(8_000)),
            format!("{}deep", "> 1. ".repeat(4_000)),
        ] {
            let m = to_markdown(&src);
            assert!(m.len() < 10 * src.len(), "{} bytes of Markdown", m.len());
            assert_eq!(nesting_depth(&m), MAX_NESTING, "{m}");
            let h = to_html(&src);
            assert!(h.len() < 10 * src.len(), "{} bytes of HTML", h.len());
            assert!(h.contains("deep"), "{h}");
        }
    }

    #[test]
    fn nesting_up_to_the_limit_is_kept_and_deeper_text_stays() {
        let kept = format!("{}x", "> ".repeat(MAX_NESTING));
        let m = to_markdown(&kept);
        assert_eq!(nesting_depth(&m), MAX_NESTING, "{m}");
        assert!(m.ends_with('x'), "{m}");
        assert_eq!(to_html(&kept).matches("<blockquote>").count(), MAX_NESTING);
        // A list nested twelve levels deep, each item with its own text:
        // the items below the eighth level become paragraphs of the
        // eighth, in order, and each text is still there.
        let src: String = (0..12)
            .map(|i| format!("{}- item {i}\n", "  ".repeat(i)))
            .collect();
        assert_eq!(nesting_depth(&src), 12);
        let h = to_html(&src);
        assert_eq!(h.matches("<ul>").count(), MAX_NESTING, "{h}");
        let m = to_markdown(&src);
        assert_eq!(nesting_depth(&m), MAX_NESTING, "{m}");
        let mut at = 0;
        for i in 0..12 {
            let item = format!("item {i}");
            for out in [&h, &m] {
                assert!(out.contains(&item), "{item} in {out}");
            }
            let found = m[at..].find(&item).map(|k| at + k);
            assert!(found.is_some(), "{item} out of order in {m}");
            at = found.unwrap_or(at);
        }
        assert!(h.contains("<p>item 9</p>"), "{h}");
    }
}
