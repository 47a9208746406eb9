//! Properties of rendered files that hold for any source: no markup a
//! source text could have brought in. Used by the fuzz targets and, through
//! `#[path]`, by `tests/main/properties.rs`, so both assert the same things.
//!
//! Depends only on `seloste` and `pulldown-cmark`.

/// Tags the built-in templates and the Markdown renderer write. Anything
/// else in an HTML file came from a source text unescaped.
const TAGS: &[&str] = &[
    "!doctype",
    "html",
    "head",
    "meta",
    "title",
    "style",
    "link",
    "body",
    "header",
    "main",
    "nav",
    "footer",
    "section",
    "article",
    "aside",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "a",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "hr",
    "br",
    "span",
    "div",
    "small",
    "time",
    "abbr",
    "address",
    "details",
    "summary",
    "figure",
    "figcaption",
    "sup",
    "sub",
    "img",
    "b",
    "i",
];

/// Attributes the templates and the Markdown renderer write.
const ATTRIBUTES: &[&str] = &[
    "lang",
    "dir",
    "charset",
    "name",
    "content",
    "id",
    "class",
    "href",
    "hreflang",
    "rel",
    "title",
    "style",
    "scope",
    "colspan",
    "rowspan",
    "start",
    "datetime",
    "role",
    "alt",
    "src",
    "type",
    "translate",
    "open",
    "tabindex",
    "height",
    "width",
    "aria-label",
    "aria-labelledby",
    // A table cell's column header, from the locales, for the card layout.
    "data-label",
    // The section a print page's contents entry waits a page number for.
    "data-section",
];

/// Every tag of `html` with its attributes. Text is escaped by the
/// templates and the Markdown renderer, so every `<` starts a real tag.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        i += off + 1;
        if html[i..].starts_with("!--") {
            i = html[i..].find("-->").map_or(html.len(), |e| i + e + 3);
            continue;
        }
        if html[i..].starts_with('/') {
            i += 1;
        }
        let name_end = html[i..]
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .map_or(html.len(), |e| i + e);
        let name = html[i..name_end].to_ascii_lowercase();
        i = name_end;
        let mut attrs = Vec::new();
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                i += 1;
                break;
            }
            let an_end = html[i..]
                .find(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/')
                .map_or(html.len(), |e| i + e);
            let attr = html[i..an_end].to_ascii_lowercase();
            i = an_end;
            let mut value = String::new();
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                match bytes.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let end = html[i + 1..]
                            .find(q as char)
                            .map_or(html.len(), |e| i + 1 + e);
                        value = html[i + 1..end].to_string();
                        i = (end + 1).min(html.len());
                    }
                    _ => {
                        let end = html[i..]
                            .find(|c: char| c.is_whitespace() || c == '>')
                            .map_or(html.len(), |e| i + e);
                        value = html[i..end].to_string();
                        i = end;
                    }
                }
            }
            attrs.push((attr, value));
        }
        out.push((name, attrs));
    }
    out
}

/// A URL attribute as a browser reads it: character references decoded,
/// ASCII whitespace and controls dropped, lower case.
fn browser_url(value: &str) -> String {
    let mut decoded = String::new();
    let mut rest = value;
    while let Some(i) = rest.find('&') {
        decoded.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e < 12);
        let entity = end.map(|e| &rest[1..e]);
        let c = match entity {
            Some("amp") => Some('&'),
            Some("colon") => Some(':'),
            Some("tab") => Some('\t'),
            Some("newline") => Some('\n'),
            Some(e) if e.starts_with("#x") || e.starts_with("#X") => {
                u32::from_str_radix(&e[2..], 16)
                    .ok()
                    .and_then(char::from_u32)
            }
            Some(e) if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match (c, end) {
            (Some(c), Some(e)) => {
                decoded.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                decoded.push('&');
                rest = &rest[1..];
            }
        }
    }
    decoded.push_str(rest);
    decoded
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// No markup in `html` that a source text could have brought in.
pub fn assert_safe_html(path: &str, html: &str) {
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "{path}: <script in the output");
    for (tag, attrs) in tags(html) {
        assert!(
            TAGS.contains(&tag.as_str()),
            "{path}: unexpected tag <{tag}> in the output"
        );
        for (attr, value) in attrs {
            assert!(
                !attr.starts_with("on"),
                "{path}: event handler attribute `{attr}` on <{tag}>"
            );
            assert!(
                ATTRIBUTES.contains(&attr.as_str())
                    || attr.starts_with("aria-")
                    || tag == "!doctype",
                "{path}: unexpected attribute `{attr}` on <{tag}>"
            );
            if matches!(attr.as_str(), "href" | "src") {
                let url = browser_url(&value);
                assert!(
                    seloste::model::markdown::is_safe_link(&url)
                        && !url.starts_with("javascript:")
                        && !url.starts_with("data:")
                        && !url.starts_with("vbscript:"),
                    "{path}: unsafe URL `{value}` in {attr} of <{tag}>"
                );
            }
        }
    }
}

/// Markdown whose re-parse has no raw HTML and only safe link targets.
pub fn assert_safe_markdown(path: &str, md: &str) {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => {
                panic!("{path}: raw HTML in the Markdown output: {h:?}")
            }
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => {
                assert!(
                    seloste::model::markdown::is_safe_link(&dest_url),
                    "{path}: unsafe link target {dest_url:?} in the Markdown output"
                )
            }
            _ => {}
        }
    }
}
