//! A record's pages: `records.html` and `records.md`, written in Rust
//! where those templates are the built-in ones, by the templates
//! otherwise.
//!
//! A bundle writes a processor's record for every customer in every
//! language, and the template engine turning each book into template
//! values and walking its cells was a sixteenth of a fleet's time (issue:
//! fleet performance). The pages here write the same bytes from the book
//! itself, escaping as the templates do
//! ([`crate::render::templates::write_value`]); debug builds, and so every
//! test, render each page both ways and compare them. As with the notice
//! pages (`render::frame`), the templates stay the reference: a project's
//! own `records.html`, or its own `style.css`, is rendered by the engine.

use anyhow::Context;
use minijinja::value::Value;
use serde::Serialize;

use super::{Book, Kind};
use crate::render::Renderer;
use crate::render::templates::{Escape, write_value};

/// What the page templates see: the book, with each cell's lines apart so
/// that a template can break them without trusting any markup.
#[derive(Serialize)]
struct TemplateContext<'a> {
    /// Everything but the rows, which are in `groups` below.
    book: &'a Book,
    lang: &'a str,
    groups: Vec<Group<'a>>,
}

#[derive(Serialize)]
struct Group<'a> {
    id: &'a str,
    title: &'a str,
    lang: &'a str,
    /// Per row, per column: the cell's lines.
    rows: Vec<Vec<Vec<&'a str>>>,
    labels: &'a [String],
}

fn context(book: &Book) -> TemplateContext<'_> {
    TemplateContext {
        book,
        lang: &book.lang,
        groups: book
            .groups
            .iter()
            .map(|g| Group {
                id: &g.id,
                title: &g.title,
                lang: &g.lang,
                labels: &g.labels,
                rows: g
                    .rows
                    .iter()
                    .map(|r| r.iter().map(|c| c.lines().collect()).collect())
                    .collect(),
            })
            .collect(),
    }
}

/// The page `template` (`records.html` or `records.md`) of `book`.
pub fn render(renderer: &Renderer, template: &str, book: &Book) -> anyhow::Result<String> {
    let written = match template {
        "records.html" if renderer.built_in(&["records.html", "style.css"]) => {
            let style = renderer.included("style.css", &Lang { lang: &book.lang })?;
            Some(Page::new(renderer, book, Escape::Html).html(&style)?)
        }
        "records.md" if renderer.built_in(&["records.md"]) => {
            Some(Page::new(renderer, book, Escape::Markdown).markdown()?)
        }
        _ => None,
    };
    let Some(mut text) = written else {
        return renderer.page(template, &context(book));
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    #[cfg(debug_assertions)]
    assert_eq!(
        text,
        renderer.page(template, &context(book))?,
        "the record page written in code differs from {template}"
    );
    Ok(text)
}

/// The context a style sheet is included with.
#[derive(Serialize)]
struct Lang<'a> {
    lang: &'a str,
}

struct Page<'a> {
    renderer: &'a Renderer,
    book: &'a Book,
    escape: Escape,
    out: String,
}

impl<'a> Page<'a> {
    fn new(renderer: &'a Renderer, book: &'a Book, escape: Escape) -> Page<'a> {
        Page {
            renderer,
            book,
            escape,
            out: String::with_capacity(32 * 1024),
        }
    }

    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// `{{ text }}` of a plain string.
    fn text(&mut self, s: &str) {
        // Writing to a String cannot fail.
        let _ = write_value(&mut self.out, self.escape, &Value::from(s));
    }

    /// `{{ t(key) }}`.
    fn t(&mut self, key: &str) -> anyhow::Result<()> {
        let text = self
            .renderer
            .locales()
            .get(&self.book.lang, key)
            .context("a record page's label")?;
        self.text(&text);
        Ok(())
    }

    /// `{{ cell | join(joiner | safe) }}`: each line escaped, the joiner
    /// as it is.
    fn cell(&mut self, cell: &str, joiner: &str) {
        for (i, line) in cell.lines().enumerate() {
            if i > 0 {
                self.raw(joiner);
            }
            self.text(line);
        }
    }

    /// `records.html`.
    fn html(mut self, style: &str) -> anyhow::Result<String> {
        let book = self.book;
        self.raw("<!DOCTYPE html>\n<html lang=\"");
        self.text(&book.lang);
        self.raw("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        self.text(&book.title);
        self.raw("</title>\n<style>\n");
        self.raw(style);
        self.raw(concat!(
            "\n.record-scroll { overflow-x: auto; margin: 0 0 2rem; }",
            "\n.record { border-collapse: collapse; font-size: 0.9rem; min-width: 90rem; }",
            "\n.record th, .record td { border: 1px solid #b8c2cc; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }",
            "\n.record thead th { background: #dde4ee; }",
            "\n.record .article { display: block; font-weight: normal; font-size: 0.8rem; }",
            "\n.record tbody th { font-weight: normal; }",
            "\n.record-page .wrap { max-width: 110rem; }",
            "\n</style>\n</head>\n<body class=\"record-page\">\n<header class=\"page-header\">\n<div class=\"wrap\">\n<h1>",
        ));
        self.text(&book.title);
        self.raw("</h1>\n</div>\n</header>\n<main id=\"main\" class=\"wrap\">\n<p>");
        self.text(&book.intro);
        self.raw("</p>");
        if let Some(iso) = book.date_iso.as_deref().filter(|d| !d.is_empty()) {
            self.raw("\n<p>");
            self.t("label-updated")?;
            self.raw(": <time datetime=\"");
            self.text(iso);
            self.raw("\">");
            if let Some(date) = &book.date_text {
                self.text(date);
            }
            self.raw("</time></p>");
        }
        self.raw("\n<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">");
        self.text(&book.contents);
        self.raw("</h2>\n<ul>");
        for g in &book.groups {
            self.raw("\n<li><a href=\"#record-");
            self.text(&g.id);
            self.raw("\">");
            self.text(&g.title);
            self.raw("</a> (");
            self.raw(&g.rows.len().to_string());
            self.raw(")</li>");
        }
        self.raw("\n</ul>\n</nav>");
        for g in &book.groups {
            self.raw("\n<section aria-labelledby=\"record-");
            self.text(&g.id);
            self.raw("\"");
            if g.lang != book.lang {
                self.raw(" lang=\"");
                self.text(&g.lang);
                self.raw("\"");
            }
            self.raw(">\n<h2 id=\"record-");
            self.text(&g.id);
            self.raw("\">");
            self.text(&g.title);
            self.raw(
                "</h2>\n<div class=\"record-scroll\" role=\"region\" aria-labelledby=\"record-",
            );
            self.text(&g.id);
            self.raw("\" tabindex=\"0\">\n<table class=\"record\">\n<thead>\n<tr>");
            for c in &book.columns {
                self.raw("\n<th scope=\"col\">");
                self.text(&c.heading);
                if let Some(article) = c.article.as_deref().filter(|a| !a.is_empty()) {
                    self.raw(" <span class=\"article\">");
                    self.text(article);
                    self.raw("</span>");
                }
                self.raw("</th>");
            }
            self.raw("\n</tr>\n</thead>\n<tbody>");
            for row in &g.rows {
                self.raw("\n<tr>");
                for (i, cell) in row.iter().enumerate() {
                    let tag = if i == book.row_header { "th" } else { "td" };
                    self.raw(if i == book.row_header {
                        "\n<th scope=\"row\">"
                    } else {
                        "\n<td>"
                    });
                    self.cell(cell, "<br>");
                    self.raw("</");
                    self.raw(tag);
                    self.raw(">");
                }
                self.raw("\n</tr>");
            }
            self.raw("\n</tbody>\n</table>\n</div>\n</section>");
        }
        self.raw("\n</main>\n</body>\n</html>");
        Ok(self.out)
    }

    /// `records.md`.
    fn markdown(mut self) -> anyhow::Result<String> {
        let book = self.book;
        self.raw("# ");
        self.text(&book.title);
        self.raw("\n\n");
        self.text(&book.intro);
        if let Some(date) = book.date_text.as_deref().filter(|d| !d.is_empty()) {
            self.raw("\n\n");
            self.t("label-updated")?;
            self.raw(": ");
            self.text(date);
        }
        for g in &book.groups {
            self.raw("\n\n## ");
            self.text(&g.title);
            for (r, row) in g.rows.iter().enumerate() {
                if book.kind == Kind::Controller {
                    self.raw("\n\n### ");
                    // `g.labels[loop.index0]`: a label for every row.
                    let label = g.labels.get(r).context("a record row without its label")?;
                    self.text(label);
                }
                self.raw("\n");
                for (i, cell) in row.iter().enumerate() {
                    if cell.lines().next().is_none() {
                        continue;
                    }
                    let column = book
                        .columns
                        .get(i)
                        .context("a record cell without its column")?;
                    self.raw("\n- **");
                    self.text(&column.heading);
                    self.raw("**");
                    if let Some(article) = column.article.as_deref().filter(|a| !a.is_empty()) {
                        self.raw(" (");
                        self.text(article);
                        self.raw(")");
                    }
                    self.raw(": ");
                    self.cell(cell, "\\\n  ");
                }
            }
        }
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::{Column, Group as BookGroup};

    /// The page as its template renders it.
    fn by_template(renderer: &Renderer, template: &str, book: &Book) -> String {
        renderer
            .page(template, &context(book))
            .expect("template renders")
    }

    fn awkward_book(kind: Kind) -> Book {
        let column = |key, heading: &str, article: Option<&str>| Column {
            key,
            heading: heading.to_string(),
            article: article.map(str::to_string),
            width: 10.0,
        };
        Book {
            kind,
            lang: "fi".to_string(),
            title: "Seloste <b>\"A & B\"</b>".to_string(),
            intro: "*Tähdet*, _alaviivat_ ja [hakasulkeet](x) & 'lainausmerkit'".to_string(),
            summary: "Yhteenveto".to_string(),
            contents: "Sisältö".to_string(),
            activities: "Toimet".to_string(),
            columns: vec![
                column("notice", "Seloste", None),
                column("purpose", "Tarkoitus <i>", Some("30(1)(b)")),
                column("dpo", "Tietosuojavastaava", Some("")),
            ],
            row_header: 1,
            groups: vec![
                BookGroup {
                    id: "a&b".to_string(),
                    title: "Ensimmäinen # ryhmä".to_string(),
                    lang: "fi".to_string(),
                    rows: vec![
                        vec![
                            "a&b".to_string(),
                            "rivi 1\nrivi <2>\n\n- kohta".to_string(),
                            String::new(),
                        ],
                        vec!["a&b".to_string(), "yksi".to_string(), "x@y.fi".to_string()],
                    ],
                    labels: vec!["Eka *otsikko*".to_string(), "Toka".to_string()],
                },
                BookGroup {
                    id: "sv-only".to_string(),
                    title: "Endast på svenska".to_string(),
                    lang: "sv".to_string(),
                    rows: Vec::new(),
                    labels: Vec::new(),
                },
            ],
            date: None,
            date_iso: Some("2026-12-06".to_string()),
            date_text: Some("6.12.2026".to_string()),
        }
    }

    /// Guards the record pages written in code against their templates:
    /// escaping for HTML and for Markdown, lines of a cell, empty cells,
    /// a group in another language, articles empty or absent, both kinds
    /// of record, with and without a date.
    #[test]
    fn record_pages_are_the_bytes_their_templates_write() {
        let renderer = Renderer::new(None).expect("renderer");
        for kind in [Kind::Controller, Kind::Processor] {
            for dated in [true, false] {
                let mut book = awkward_book(kind);
                if !dated {
                    book.date_iso = None;
                    book.date_text = None;
                }
                for template in ["records.html", "records.md"] {
                    let written = render(&renderer, template, &book).expect("renders");
                    assert_eq!(
                        written,
                        by_template(&renderer, template, &book),
                        "{template}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_bundled_notices_controller_record_pages_are_their_templates_bytes() {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let checked = crate::project::check(&[root.join("notices")], None);
        let renderer = Renderer::new(None).expect("renderer");
        for lang in ["fi", "sv", "en"] {
            let lang = crate::model::Lang::parse(lang).expect("a language");
            let book =
                crate::records::controller_record(renderer.locales(), &checked.notices, &lang)
                    .expect("record");
            assert!(!book.groups.is_empty());
            for template in ["records.html", "records.md"] {
                let written = render(&renderer, template, &book).expect("renders");
                assert_eq!(
                    written,
                    by_template(&renderer, template, &book),
                    "{template} {lang}"
                );
            }
        }
    }

    /// A project's own record template is what renders its record.
    #[test]
    fn a_projects_own_record_template_is_used() {
        let dir = std::env::temp_dir().join(format!("seloste-record-page-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp folder");
        std::fs::write(dir.join("records.md"), "# {{ book.title }} (own)\n").expect("write");
        let renderer = Renderer::new(Some(&dir));
        std::fs::remove_dir_all(&dir).expect("clean up");
        let renderer = renderer.expect("renderer");
        let book = awkward_book(Kind::Processor);
        let md = render(&renderer, "records.md", &book).expect("renders");
        assert!(md.ends_with("(own)\n"), "{md}");
        let html = render(&renderer, "records.html", &book).expect("renders");
        assert_eq!(html, by_template(&renderer, "records.html", &book));
    }
}
