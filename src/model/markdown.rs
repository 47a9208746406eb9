//! What the source format allows in its Markdown texts, as the lint rules
//! check it and the renderer enforces it: the parser options, the link
//! schemes that may be published, and how deeply block quotes and lists
//! may nest. One definition, so that what passes `check` is exactly what
//! `render` keeps.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The CommonMark extensions source texts may use.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// How deeply block quotes and lists may nest in a field (each quote and
/// each list inside another counts one level). Real notices nest two or
/// three levels (a list of data items under a list of groups, a quoted
/// paragraph of law with a list in it); eight leaves room for any of
/// them. Deeper levels are published as the paragraphs of the eighth
/// (`Q017` reports them): the Markdown output writes every level's marker
/// before every line inside it, so that 8,000 nested `>` (16 KB) came out
/// as 96 MB.
pub const MAX_NESTING: usize = 8;

/// The deepest nesting of block quotes and lists in a text.
pub fn nesting_depth(source: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0);
    for event in Parser::new_ext(source, options()) {
        match event {
            Event::Start(Tag::BlockQuote(_) | Tag::List(_)) => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_)) => depth -= 1,
            _ => {}
        }
    }
    deepest
}

/// Whether a link target is safe to publish: http(s), mailto, tel or a
/// relative link. Browsers ignore ASCII whitespace and control characters
/// inside a scheme (`java\tscript:`), so those are removed before comparing.
pub fn is_safe_link(dest: &str) -> bool {
    let cleaned: String = dest
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect();
    let scheme_end = cleaned.find(':');
    let path_start = cleaned.find(['/', '?', '#']);
    match (scheme_end, path_start) {
        // A colon after the first slash, ? or # is not a scheme.
        (Some(c), Some(p)) if p < c => true,
        (Some(c), _) => {
            let scheme = cleaned[..c].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto" | "tel")
        }
        (None, _) => true,
    }
}
