//! The stylesheet of HTML fragments (`--format fragment`): a notice's body
//! pasted into a CMS page (Drupal, WordPress, Liferay) lives among the
//! site's own styles. Its stylesheet is the screen style with every rule
//! scoped to the fragment's wrapper, so that the notice looks as on its own
//! page and styles nothing else of the page it is pasted into. Made from
//! `style.css` (a project's override included) rather than kept as a second
//! copy that would drift.

/// The class of the element that wraps every fragment.
pub const SCOPE: &str = ".seloste-notice";

/// `css` with every style rule's selectors scoped to `scope`: `:root`,
/// `html` and `body` become the scope itself, any other selector is placed
/// inside it. Rules inside `@media` and `@supports` are scoped the same way;
/// other at-rules (`@page`, `@font-face`, `@keyframes`) are kept as they
/// are. Comments are dropped.
pub fn scope_css(css: &str, scope: &str) -> String {
    let css = strip_comments(css);
    let mut out = String::with_capacity(css.len() + css.len() / 4);
    scope_block(&css, scope, &mut out);
    out
}

fn strip_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(i) = rest.find("/*") {
        out.push_str(&rest[..i]);
        rest = rest[i + 2..]
            .find("*/")
            .map_or("", |j| &rest[i + 2 + j + 2..]);
    }
    out.push_str(rest);
    out
}

/// The end (exclusive) of the block whose `{` is at `open`, strings and
/// nesting respected; the text's end when it is not closed.
fn block_end(css: &str, open: usize) -> usize {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in css[open..].char_indices() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '"' | '\'' => quote = Some(c),
            '{' => depth += 1,
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return open + i + 1;
                }
            }
            _ => {}
        }
    }
    css.len()
}

fn scope_block(css: &str, scope: &str, out: &mut String) {
    let mut rest = css;
    while let Some(open) = rest.find('{') {
        let prelude = rest[..open].trim();
        let end = block_end(rest, open);
        let body = &rest[open + 1..end.saturating_sub(1).max(open + 1)];
        if prelude.starts_with("@media") || prelude.starts_with("@supports") {
            out.push_str(prelude);
            out.push_str(" {\n");
            scope_block(body, scope, out);
            out.push_str("}\n");
        } else if prelude.starts_with('@') {
            out.push_str(prelude);
            out.push_str(" {");
            out.push_str(body);
            out.push_str("}\n");
        } else {
            let selectors: Vec<String> = split_selectors(prelude)
                .into_iter()
                .map(|s| scope_selector(s.trim(), scope))
                .collect();
            out.push_str(&selectors.join(", "));
            out.push_str(" {");
            out.push_str(body);
            out.push_str("}\n");
        }
        rest = &rest[end..];
    }
}

/// A selector list split at its top-level commas (not those in `:not(a, b)`).
fn split_selectors(list: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in list.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(&list[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&list[start..]);
    parts
}

fn scope_selector(selector: &str, scope: &str) -> String {
    for root in [":root", "html", "body"] {
        if let Some(rest) = selector.strip_prefix(root)
            && !rest.starts_with(|c: char| c.is_alphanumeric() || c == '-' || c == '_')
        {
            return format!("{scope}{rest}");
        }
    }
    format!("{scope} {selector}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_scoped_and_at_rules_are_kept() {
        let css = "/* c { } */ :root { --a: 1; }\nhtml { x: y; }\nbody.x, h1, .a:not(.b, .c) { content: \"}{\"; }\n@media (min-width: 40em) { .wrap { padding: 0; } }\n@page { size: A4; }\nheader { a: b }";
        assert_eq!(
            scope_css(css, ".s"),
            ".s { --a: 1; }\n.s { x: y; }\n.s.x, .s h1, .s .a:not(.b, .c) { content: \"}{\"; }\n@media (min-width: 40em) {\n.s .wrap { padding: 0; }\n}\n@page { size: A4; }\n.s header { a: b }\n"
        );
    }

    #[test]
    fn the_built_in_style_is_scoped_whole() {
        let style = super::super::templates::defaults()
            .iter()
            .find(|(n, _)| *n == "style.css")
            .map(|(_, s)| *s)
            .expect("style.css");
        let scoped = scope_css(style, SCOPE);
        // As many rules, every selector inside the scope.
        assert_eq!(
            scoped.matches('{').count(),
            strip_comments(style).matches('{').count()
        );
        for line in scoped
            .lines()
            .filter(|l| l.contains('{') && !l.starts_with('@'))
        {
            let selectors = &line[..line.find('{').expect("a rule")];
            for s in split_selectors(selectors) {
                assert!(s.trim().starts_with(SCOPE), "{line}");
            }
        }
    }
}
