//! Property tests (proptest) for what every output must be whatever the
//! source says:
//!
//! - escaping: any string through the HTML escaping of the templates holds
//!   no `<`, `>`, `"`, `'` and no `&` but the five entities, and decodes back
//!   to itself; through the Markdown escaping it re-parses as one paragraph
//!   of plain text, the same text, with no raw HTML;
//! - sanitising: author Markdown rendered to HTML has no `<script`, no event
//!   handler, no `javascript:`/`data:` URL, no tag the renderers do not
//!   write; rendered to Markdown it re-parses without raw HTML or unsafe
//!   links;
//! - determinism: a notice rendered twice, and by two renderers built
//!   separately, gives the same bytes in every language and format;
//! - template syntax in source text (`{{ 7*7 }}`, `{% if %}`) is never
//!   evaluated: it is printed as text.
//!
//! The HTML and Markdown checks are those of the fuzz targets
//! (`fuzz/src/checks.rs`). Case counts keep the whole module to a few
//! seconds; `PROPTEST_CASES=10000 cargo test --release --test main
//! properties::` runs more. Failures are not persisted to files: a failure
//! found here becomes a named regression test below.

use std::sync::{Arc, LazyLock};

use proptest::prelude::*;
use proptest::test_runner::Config;
use pulldown_cmark::{Event, Options, Parser};
use seloste::model::Lang;
use seloste::render::locale::Locales;
use seloste::render::markdown::{escape_markdown, to_html, to_markdown};
use seloste::render::templates::escape_html;
use seloste::render::{Format, RenderedFile, Renderer, Selection};
use seloste::source::FileId;

#[allow(dead_code)] // the fuzz targets use more of it
#[path = "../../fuzz/src/checks.rs"]
mod checks;

const VALID: &str = include_str!("../fixtures/cli/valid.toml");

/// `cases` cases, or `PROPTEST_CASES` when set; no regression files.
fn config(cases: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(cases);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

// ---------------------------------------------------------------------------
// Strategies

/// Snippets that mean something to HTML, Markdown, TOML or a template
/// engine.
const SNIPPETS: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "\" onmouseover=\"alert(1)",
    "' onfocus='alert(1)",
    "<!-- c -->",
    "<svg/onload=alert(1)>",
    "&amp;",
    "&lt;",
    "&#60;",
    "&#x3C;",
    "&#39;",
    "&",
    "**b**",
    "*e*",
    "_u_",
    "`c`",
    "~~s~~",
    "[l](https://a.fi)",
    "[x](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](java\tscript:alert(1))",
    "![i](data:image/png;base64,AAAA)",
    "[x](data:text/html,<script>)",
    "<javascript:alert(1)>",
    "<https://a.fi>",
    "<a@b.fi>",
    "[r]\n\n[r]: javascript:alert(1)",
    "# h",
    "- ",
    "+ ",
    "* ",
    "1. ",
    "1) ",
    "---",
    "-- -",
    "***",
    "===",
    "> ",
    "    ",
    "\t",
    "|",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "```",
    "~~~",
    "\\",
    "\n",
    "\r",
    "\r\n",
    "\n\n",
    "  \n",
    "{{ 7*7 }}",
    "{% if true %}x{% endif %}",
    "{# c #}",
    "{{",
    "%}",
    "ä",
    "🙂",
    "\u{0}",
    "\u{a0}",
    "\u{b}",
    "\u{c}",
    "\u{2028}",
];

/// A piece of a hostile string.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(SNIPPETS).prop_map(str::to_string),
        3 => "[ -~]{0,8}",
        1 => "[ \\t\\n\\r0-9.)(+*#=_~-]{0,6}",
        1 => any::<String>(),
    ]
}

/// A hostile string: several pieces.
fn hostile() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..8).prop_map(|v| v.concat())
}

// ---------------------------------------------------------------------------
// HTML escaping

/// The escaped text decoded by an HTML parser (the five entities only).
fn unescape_html(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn assert_html_escaped(s: &str, e: &str) {
    for c in ['<', '>', '"', '\''] {
        assert!(!e.contains(c), "{s:?} -> {e:?} holds {c:?}");
    }
    for (i, _) in e.match_indices('&') {
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                .iter()
                .any(|entity| e[i..].starts_with(entity)),
            "{s:?} -> {e:?}: a bare & at {i}"
        );
    }
    assert_eq!(unescape_html(e), s, "the escaping does not decode back");
}

/// The template engine with the built-in templates and two test templates
/// that print a value in each escaping mode.
static ENV: LazyLock<minijinja::Environment<'static>> = LazyLock::new(|| {
    let locales = Arc::new(Locales::embedded().expect("locales"));
    let mut env = seloste::render::templates::environment(None, locales, Default::default())
        .expect("environment");
    env.add_template("value.html", "<p title=\"{{ v }}\">{{ v }}</p>")
        .unwrap();
    env.add_template("value.md", "{{ v }}").unwrap();
    env
});

fn render_value(template: &str, v: &str) -> String {
    ENV.get_template(template)
        .unwrap()
        .render(minijinja::context! { v => v })
        .unwrap()
}

proptest! {
    #![proptest_config(config(2048))]

    #[test]
    fn html_escaping_leaves_no_markup(s in hostile()) {
        assert_html_escaped(&s, &escape_html(&s));
    }

    /// HTML templates escape every value, in text and in attributes.
    #[test]
    fn html_templates_escape_values(s in hostile()) {
        let out = render_value("value.html", &s);
        let e = escape_html(&s);
        prop_assert_eq!(out, format!("<p title=\"{e}\">{e}</p>"));
    }

    /// Markdown templates escape every value with `escape_markdown`.
    #[test]
    fn markdown_templates_escape_values(s in hostile()) {
        prop_assert_eq!(render_value("value.md", &s), escape_markdown(&s));
    }
}

// ---------------------------------------------------------------------------
// Markdown escaping

fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// What Markdown shows of a plain value on one line: line breaks as
/// spaces, no whitespace at either end.
fn shown(s: &str) -> String {
    s.replace("\r\n", " ")
        .replace(['\r', '\n'], " ")
        .trim_matches([' ', '\t', '\u{b}', '\u{c}'])
        .to_string()
}

/// The text of `md` as a reader sees it, and the tags around it.
fn parse(md: &str) -> (String, Vec<String>) {
    let mut text = String::new();
    let mut tags = Vec::new();
    for event in Parser::new_ext(md, markdown_options()) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Start(tag) => tags.push(format!("{tag:?}")),
            Event::End(_) => {}
            e => tags.push(format!("{e:?}")),
        }
    }
    (text, tags)
}

/// A plain value escaped for Markdown is shown as exactly that text: one
/// paragraph, no other block or inline element, no raw HTML.
fn assert_markdown_escaped(s: &str) {
    let m = escape_markdown(s);
    let (text, tags) = parse(&m);
    let expected = shown(s);
    if expected.is_empty() {
        assert!(tags.is_empty(), "{s:?} -> {m:?} -> {tags:?}");
    } else {
        assert_eq!(tags, ["Paragraph"], "{s:?} -> {m:?}");
    }
    assert_eq!(text, expected, "{s:?} -> {m:?}");

    // After a label in a list item, as the Markdown template writes
    // plain values.
    let item = format!("- **Label:** {m}");
    let (text, tags) = parse(&item);
    assert_eq!(tags, ["List(None)", "Item", "Strong"], "{s:?} -> {item:?}");
    assert_eq!(
        text.trim_end(),
        format!("Label: {expected}").trim_end(),
        "{s:?} -> {item:?}"
    );
}

proptest! {
    #![proptest_config(config(4096))]

    #[test]
    fn markdown_escaping_shows_the_text(s in hostile()) {
        assert_markdown_escaped(&s);
    }
}

#[test]
fn markdown_escaping_regressions() {
    for s in [
        "1. not a list",
        "1) not a list",
        "1234567890. ten digits",
        "- not a list",
        "-\tnot a list",
        "  - indented",
        "    code",
        "\tcode",
        "---",
        "-- -",
        "a\r- b",
        "a\r---",
        "a\r# b",
        "+358 29 566 6700",
        "{{ 7*7 }}",
    ] {
        assert_markdown_escaped(s);
    }
}

// ---------------------------------------------------------------------------
// Author Markdown, sanitised

proptest! {
    #![proptest_config(config(2048))]

    #[test]
    fn markdown_fields_render_to_safe_html(s in hostile()) {
        let html = to_html(&s);
        checks::assert_safe_html("to_html", &html);
        // The sanitised Markdown, read again, is as safe.
        let md = to_markdown(&s);
        checks::assert_safe_markdown("to_markdown", &md);
        checks::assert_safe_html("to_html(to_markdown)", &to_html(&md));
    }
}

// ---------------------------------------------------------------------------
// Whole notices: determinism and template syntax

static RENDERERS: LazyLock<(Renderer, Renderer)> = LazyLock::new(|| {
    (
        Renderer::new(None).expect("renderer"),
        Renderer::new(None).expect("renderer"),
    )
});

/// A TOML basic string.
fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() && c != '\t' => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The valid fixture with `text` in a title and a purpose (prose,
/// Markdown) and in the controller's name (a plain string). Each keeps a
/// word of its own, so that no text is blank.
fn notice_with(text: &str) -> String {
    let field = |words: &str| toml_string(&words.replace("{}", text));
    VALID
        .replacen(
            "title = { fi = \"Esimerkkilän koulun oppilasrekisteri\"",
            &format!("title = {{ fi = {}", field("Oppilasrekisteri {}")),
            1,
        )
        .replacen(
            "name = { fi = \"Esimerkkilän kaupunki\", sv = \"Exempelby stad\", en = \"City of Esimerkkilä\" }",
            &format!("name = {}", field("Kaupunki {} Oy")),
            1,
        )
        .replacen(
            "en = \"Providing basic education\"",
            &format!("en = {}", field("Teaching {} here")),
            1,
        )
}

/// Loads and checks `source`; renders it in every language and format
/// when it has no errors.
fn render(renderer: &Renderer, source: &str) -> Option<Vec<RenderedFile>> {
    let loaded = seloste::load::load_bytes(FileId(0), 0, source.as_bytes());
    let notice = loaded.document?;
    let mut diagnostics = loaded.diagnostics;
    diagnostics.extend(seloste::lint::check(&notice, &[]));
    if diagnostics
        .iter()
        .any(|d| d.severity == seloste::diagnostic::Severity::Error)
    {
        return None;
    }
    let selection = Selection {
        languages: Vec::new(),
        formats: vec![Format::Html, Format::Print, Format::Md],
    };
    let no_defaults: &[Lang] = &[];
    Some(
        renderer
            .site(std::slice::from_ref(&notice), &selection, no_defaults)
            .expect("a notice that passed check renders"),
    )
}

proptest! {
    #![proptest_config(config(32))]

    /// Twice with one renderer and once with another: the same bytes, and
    /// every file safe.
    #[test]
    fn rendering_is_deterministic(text in hostile()) {
        let source = notice_with(&text);
        let (a, b) = &*RENDERERS;
        let Some(first) = render(a, &source) else {
            // Only texts with an unsafe link or a placeholder fail check.
            return Ok(());
        };
        let again = render(a, &source).expect("renders again");
        let other = render(b, &source).expect("renders with the other renderer");
        prop_assert_eq!(first.len(), 9 + 3 + 1, "3 languages x 3 formats + 3 indexes + the root page");
        for ((x, y), z) in first.iter().zip(&again).zip(&other) {
            prop_assert_eq!(&x.path, &y.path);
            prop_assert!(x.contents == y.contents, "{} differs when rendered again", x.path);
            prop_assert!(x.contents == z.contents, "{} differs between renderers", x.path);
            let content = String::from_utf8_lossy(&x.contents);
            if x.path.ends_with(".html") {
                checks::assert_safe_html(&x.path, &content);
            } else {
                checks::assert_safe_markdown(&x.path, &content);
            }
        }
    }
}

/// Template syntax with what it would evaluate to, where that can be
/// counted.
const TEMPLATE_SYNTAX: &[(&str, Option<&str>)] = &[
    ("{{ 7*7 }}", Some("49")),
    ("{% if true %}YES{% endif %}", Some("YES")),
    ("{{ 1000+337 }}", Some("1337")),
    ("{% for i in range(3) %}L00P{% endfor %}", Some("L00PL00P")),
    ("{{ lang }}", None),
    ("{% include 'notice.html' %}", None),
];

/// The text a reader sees in a rendered file: the Markdown's text, or the
/// HTML's text with the five entities decoded.
fn visible(f: &RenderedFile) -> String {
    let s = String::from_utf8_lossy(&f.contents);
    if f.path.ends_with(".md") {
        parse(&s).0
    } else {
        unescape_html(&s)
    }
}

proptest! {
    #![proptest_config(config(16))]

    #[test]
    fn template_syntax_in_sources_is_text(
        which in 0..TEMPLATE_SYNTAX.len(),
        before in "[a-zA-Z ]{0,6}",
        after in "[a-zA-Z ]{0,6}",
    ) {
        let (syntax, evaluated) = TEMPLATE_SYNTAX[which];
        let text = format!("{before}{syntax}{after}");
        let (a, _) = &*RENDERERS;
        let with = render(a, &notice_with(&text)).expect("renders");
        let without = render(a, &notice_with(&format!("{before}{after}"))).expect("renders");
        // The root page shows no text from the notices.
        for (w, wo) in with.iter().zip(&without).filter(|(w, _)| w.path != "index.html") {
            let (w_text, wo_text) = (visible(w), visible(wo));
            let shown = w_text.matches(syntax).count();
            prop_assert!(shown > 0, "{}: {:?} is not shown as written", w.path, syntax);
            // What it evaluates to appears only inside the syntax shown.
            if let Some(evaluated) = evaluated {
                let inside = shown * syntax.matches(evaluated).count();
                prop_assert_eq!(
                    w_text.matches(evaluated).count(),
                    wo_text.matches(evaluated).count() + inside,
                    "{}: {:?} was evaluated", w.path, syntax
                );
            }
        }
    }
}
