//! The record of processing activities (GDPR Art. 30): the document a DPO
//! keeps beside the published notices, made from the same sources.
//!
//! A controller's record (Art. 30(1)) has one row per purpose of each
//! notice; a processor's record (Art. 30(2), written by `bundle` for each
//! customer of a vendor) one row per service. Both are a [`Book`]: columns
//! with their headings and articles, and groups of rows (one per notice),
//! each cell plain text. The writers lay a book out as a spreadsheet
//! (`sheet.rs`: XLSX and CSV, with formula injection neutralised) or as a
//! page (`page.rs`, the `records.html` and `records.md` templates).
//!
//! Nothing legal is derived here: the wording of the legal bases, the
//! transfer mechanisms, countries, periods and names of what a period
//! applies to come from the renderer's resolved view of the notice
//! (`render::resolve`), so the record says exactly what the notice says.
//! What a published notice does not hold (the internal description of the
//! security measures, the categories of processing of a processor) comes
//! from the notice's `[records]` table.

mod page;
pub mod sheet;
pub mod xlsx;

use std::collections::BTreeSet;

use anyhow::Context;
use fluent::FluentValue;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::model::{Date, Lang, Notice, RecipientRole, Text};
use crate::render::locale::Locales;
use crate::render::resolve::{Format, Resolver, first_sentence};
use crate::render::view::{ContactView, NoticeView, PartyView};
use crate::render::{RenderedFile, Renderer};

/// Which record a book is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Art. 30(1): the controller's record, one row per purpose.
    Controller,
    /// Art. 30(2): a processor's record for one controller, one row per service.
    Processor,
}

/// One column of a record.
#[derive(Debug, Clone, Serialize)]
pub struct Column {
    /// Stable key: `purpose`, `legal-basis`, `security`...
    pub key: &'static str,
    pub heading: String,
    /// The item of Art. 30 the column answers, in the language: "Art. 30(1)(b)".
    pub article: Option<String>,
    /// Width in a spreadsheet, in characters.
    #[serde(skip)]
    pub width: f64,
}

/// The rows of one notice (or one service, in a processor's record).
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub id: String,
    pub title: String,
    /// The language the texts are in: the record's, or the notice's first
    /// language when it is not published in the record's.
    pub lang: String,
    /// Cells in the order of [`Book::columns`], plain text, lines
    /// separated by `\n`.
    pub rows: Vec<Vec<String>>,
    /// A short name of each row, for headings: the first sentence of the
    /// purpose, or the service's title.
    pub labels: Vec<String>,
}

/// A whole record in one language.
#[derive(Debug, Clone, Serialize)]
pub struct Book {
    pub kind: Kind,
    pub lang: String,
    pub title: String,
    pub intro: String,
    /// The name of the summary sheet, and the heading of the contents.
    pub summary: String,
    pub contents: String,
    /// "Processing activities": the count column of the summary.
    pub activities: String,
    pub columns: Vec<Column>,
    /// The column that names a row: the purpose, or the service.
    pub row_header: usize,
    pub groups: Vec<Group>,
    /// The latest `updated` of the notices: the date of the record, and of
    /// the spreadsheet's properties, so that the same sources give the same
    /// bytes.
    #[serde(skip)]
    pub date: Option<Date>,
    /// ISO 8601 of `date`.
    pub date_iso: Option<String>,
    /// `date` written out in the language: 21.11.2026, 21 November 2026.
    pub date_text: Option<String>,
}

impl Book {
    /// The position of the column `key`.
    pub fn column(&self, key: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.key == key)
    }
}

/// The columns of a controller's record: (key, Art. 30 item, width).
const CONTROLLER_COLUMNS: &[(&str, Option<&str>, f64)] = &[
    ("notice", None, 22.0),
    ("register", None, 28.0),
    ("activity", None, 18.0),
    ("purpose", Some("30(1)(b)"), 40.0),
    ("legal-basis", Some("6(1)"), 40.0),
    ("controller", Some("30(1)(a)"), 32.0),
    ("dpo", Some("30(1)(a)"), 30.0),
    ("data-subjects", Some("30(1)(c)"), 26.0),
    ("data-categories", Some("30(1)(c)"), 32.0),
    ("recipients", Some("30(1)(d)"), 36.0),
    ("transfers", Some("30(1)(e)"), 36.0),
    ("retention", Some("30(1)(f)"), 40.0),
    ("security", Some("30(1)(g)"), 50.0),
    ("updated", None, 16.0),
];

/// The columns of a processor's record.
const PROCESSOR_COLUMNS: &[(&str, Option<&str>, f64)] = &[
    ("notice", None, 22.0),
    ("service", None, 28.0),
    ("processor", Some("30(2)(a)"), 32.0),
    ("controller", Some("30(2)(a)"), 32.0),
    ("dpo", Some("30(2)(a)"), 30.0),
    ("processing", Some("30(2)(b)"), 50.0),
    ("sub-processors", Some("30(2)(a)"), 36.0),
    ("transfers", Some("30(2)(c)"), 36.0),
    ("security", Some("30(2)(d)"), 50.0),
    ("updated", None, 16.0),
];

struct Words<'a> {
    locales: &'a Locales,
    lang: &'a Lang,
}

impl Words<'_> {
    fn t(&self, key: &str) -> anyhow::Result<String> {
        self.locales.get(self.lang.as_str(), key)
    }

    fn article(&self, reference: &str) -> anyhow::Result<String> {
        self.locales.message(
            self.lang.as_str(),
            "records-article",
            &[("ref", FluentValue::from(reference.to_string()))],
        )
    }

    fn columns(&self, spec: &[(&'static str, Option<&str>, f64)]) -> anyhow::Result<Vec<Column>> {
        spec.iter()
            .map(|(key, article, width)| {
                Ok(Column {
                    key,
                    heading: self.t(&format!("records-col-{key}"))?,
                    article: article.map(|a| self.article(a)).transpose()?,
                    width: *width,
                })
            })
            .collect()
    }
}

/// The language a notice's record is written in: `lang` when the notice is
/// published in it, else the notice's first language.
fn language_for(n: &Notice, lang: &Lang) -> Lang {
    let own = n.language_list();
    if own.is_empty() || own.contains(lang) {
        lang.clone()
    } else {
        own[0].clone()
    }
}

/// The notices of `notices` that are not in `lang`, for a note to the user.
pub fn not_in_language<'a>(notices: &'a [Notice], lang: &Lang) -> Vec<&'a str> {
    notices
        .iter()
        .filter(|n| language_for(n, lang) != *lang)
        .map(Notice::id_str)
        .collect()
}

fn resolve(locales: &Locales, n: &Notice, lang: &Lang) -> anyhow::Result<NoticeView> {
    let resolver = Resolver {
        locales,
        lang,
        format: Format::Md,
    };
    resolver
        .notice(n, std::slice::from_ref(lang), &[])
        .with_context(|| format!("notice {} ({lang})", n.id_str()))
}

fn book(
    kind: Kind,
    locales: &Locales,
    lang: &Lang,
    notices: &[Notice],
    groups: Vec<Group>,
) -> anyhow::Result<Book> {
    let w = Words { locales, lang };
    let (title, intro, spec) = match kind {
        Kind::Controller => (
            "records-title",
            "records-controller-intro",
            CONTROLLER_COLUMNS,
        ),
        Kind::Processor => (
            "records-title-processor",
            "records-processor-intro",
            PROCESSOR_COLUMNS,
        ),
    };
    let date = notices
        .iter()
        .filter_map(|n| n.updated.as_ref())
        .map(|d| d.value)
        .max();
    Ok(Book {
        kind,
        lang: lang.to_string(),
        title: w.t(title)?,
        intro: w.t(intro)?,
        summary: w.t("records-summary")?,
        contents: w.t("records-contents")?,
        activities: w.t("records-activities")?,
        columns: w.columns(spec)?,
        row_header: match kind {
            Kind::Controller => 3,
            Kind::Processor => 1,
        },
        groups,
        date,
        date_iso: date.map(|d| d.to_string()),
        date_text: date
            .map(|d| {
                Resolver {
                    locales,
                    lang,
                    format: Format::Md,
                }
                .date(d)
            })
            .transpose()?,
    })
}

/// The controller's record (Art. 30(1)) of `notices` in `lang`: one group
/// per notice, one row per purpose.
pub fn controller_record(
    locales: &Locales,
    notices: &[Notice],
    lang: &Lang,
) -> anyhow::Result<Book> {
    let mut groups = Vec::new();
    for n in notices {
        let own = language_for(n, lang);
        let view = resolve(locales, n, &own)?;
        let w = Words {
            locales,
            lang: &own,
        };
        let mut rows = Vec::new();
        let mut labels = Vec::new();
        for (i, purpose) in n.purposes().iter().enumerate() {
            let Some(pv) = view.purposes.get(i) else {
                continue;
            };
            let pid = purpose.id.as_ref().map(|i| i.value.as_str());
            let scope = Scope::of(n, pid);
            let mut basis = Vec::new();
            if let Some(b) = &pv.basis {
                basis.push(match &pv.basis_ref {
                    Some(r) => format!("{b} ({r})"),
                    None => b.clone(),
                });
            }
            basis.extend(plain_of(pv.texts.get("law")));
            basis.extend(pv.special_condition.clone());
            basis.extend(plain_of(pv.texts.get("legitimate_interests")));
            labels.push(
                pv.texts
                    .get("description")
                    .map(first_sentence)
                    .unwrap_or_default(),
            );
            rows.push(vec![
                n.id_str().to_string(),
                view.title.clone(),
                pid.unwrap_or_default().to_string(),
                plain_of(pv.texts.get("description")).unwrap_or_default(),
                basis.join("\n"),
                controller_cell(&w, &view)?,
                view.dpo.as_ref().map(contact_cell).unwrap_or_default(),
                subjects_cell(n, &view, &scope),
                categories_cell(&view, &scope),
                recipients_cell(&w, n, &view, &scope, |_| true)?,
                transfers_cell(&w, n, &view, &scope)?,
                retention_cell(n, &view, &scope),
                security_cell(n, &own),
                updated_cell(&view),
            ]);
        }
        groups.push(Group {
            id: n.id_str().to_string(),
            title: view.title.clone(),
            lang: own.to_string(),
            rows,
            labels,
        });
    }
    book(Kind::Controller, locales, lang, notices, groups)
}

/// A processor's record (Art. 30(2)) for one controller: `notices` are a
/// vendor's services bound to that customer, one group and row each.
/// The notices' views come from `renderer` ([`Renderer::view`]), which has
/// the part of each that the service's customers share; `shared` holds the
/// notices' [`crate::render::shared_key`]s, in the same order.
pub fn processor_record(
    renderer: &Renderer,
    notices: &[Notice],
    shared: &[Option<u128>],
    lang: &Lang,
) -> anyhow::Result<Book> {
    anyhow::ensure!(
        shared.len() == notices.len(),
        "a shared key for each notice of the processor record"
    );
    let locales = renderer.locales();
    let mut groups = Vec::new();
    for (n, shared) in notices.iter().zip(shared) {
        let own = language_for(n, lang);
        let view = renderer
            .view(
                n,
                *shared,
                &own,
                Format::Md,
                std::slice::from_ref(&own),
                &[],
            )
            .with_context(|| format!("notice {} ({own})", n.id_str()))?;
        let w = Words {
            locales,
            lang: &own,
        };
        let scope = Scope::of(n, None);
        let processing = match n
            .records
            .as_ref()
            .and_then(|r| r.processing.as_ref())
            .and_then(|t| t.get(&own))
        {
            Some(text) => plain(text),
            // The purposes are what the controller has the processor do.
            None => view
                .purposes
                .iter()
                .filter_map(|p| plain_of(p.texts.get("description")))
                .map(|d| format!("• {d}"))
                .collect::<Vec<_>>()
                .join("\n"),
        };
        let row = vec![
            n.id_str().to_string(),
            view.title.clone(),
            view.processor.as_ref().map(party_cell).unwrap_or_default(),
            controller_cell(&w, &view)?,
            view.dpo.as_ref().map(contact_cell).unwrap_or_default(),
            processing,
            recipients_cell(&w, n, &view, &scope, |r| {
                // The other processors: a service often lists the vendor
                // itself among its recipients.
                let is_vendor = match (&r.name, n.processor.as_ref().and_then(|p| p.name.as_ref()))
                {
                    (Some(a), Some(b)) => a.get(&own) == b.get(&own),
                    _ => false,
                };
                r.role
                    .as_ref()
                    .is_some_and(|x| x.value == RecipientRole::Processor)
                    && !is_vendor
            })?,
            transfers_cell(&w, n, &view, &scope)?,
            security_cell(n, &own),
            updated_cell(&view),
        ];
        groups.push(Group {
            id: n.id_str().to_string(),
            title: view.title.clone(),
            lang: own.to_string(),
            rows: vec![row],
            labels: vec![view.title.clone()],
        });
    }
    book(Kind::Processor, locales, lang, notices, groups)
}

/// What one activity covers: the data categories of its purpose (a
/// category that names no purposes serves them all), the groups of people
/// those categories concern, and the recipients they are disclosed to.
struct Scope {
    categories: BTreeSet<usize>,
    ids: BTreeSet<String>,
}

impl Scope {
    fn of(n: &Notice, purpose: Option<&str>) -> Scope {
        let mut categories = BTreeSet::new();
        let mut ids = BTreeSet::new();
        if let Some(p) = purpose {
            ids.insert(p.to_string());
        }
        for (i, c) in n.data_categories().iter().enumerate() {
            let serves = match purpose {
                Some(p) => c.purposes.is_empty() || c.purposes.iter().any(|x| x.value == p),
                None => true,
            };
            if serves {
                categories.insert(i);
                if let Some(id) = &c.id {
                    ids.insert(id.value.clone());
                }
            }
        }
        Scope { categories, ids }
    }

    fn has_category(&self, id: &str) -> bool {
        self.ids.contains(id)
    }
}

/// A Markdown text of the notice as plain text: paragraphs and list items
/// on lines of their own, list items marked with a bullet (not `-`, which a
/// spreadsheet would read as a formula), markup dropped.
pub fn plain(markdown: &str) -> String {
    let mut out = String::new();
    for e in Parser::new(markdown) {
        match e {
            // Raw HTML is text, as everywhere else (`render::markdown`).
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak => out.push(' '),
            Event::Start(Tag::Item) => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str("• ");
            }
            Event::HardBreak
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::Heading(_)
                | TagEnd::TableRow
                | TagEnd::CodeBlock,
            ) => out.push('\n'),
            Event::End(TagEnd::TableCell) => out.push(' '),
            _ => {}
        }
    }
    out.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty() && l != "•")
        .collect::<Vec<_>>()
        .join("\n")
}

fn plain_of(text: Option<&str>) -> Option<String> {
    text.map(plain).filter(|t| !t.is_empty())
}

fn party_cell(p: &PartyView) -> String {
    let mut lines: Vec<String> = Vec::new();
    lines.extend(p.texts.get("name").map(str::to_string));
    lines.extend(plain_of(p.texts.get("address")));
    lines.extend(p.business_id.clone());
    lines.extend(p.email.clone());
    lines.extend(p.phone.clone());
    lines.extend(p.web.clone());
    lines.extend(p.country.clone());
    lines.join("\n")
}

fn contact_cell(c: &ContactView) -> String {
    let mut lines: Vec<String> = Vec::new();
    lines.extend(c.texts.get("role").map(str::to_string));
    lines.extend(c.texts.get("name").map(str::to_string));
    lines.extend(plain_of(c.texts.get("address")));
    lines.extend(c.email.clone());
    lines.extend(c.phone.clone());
    lines.join("\n")
}

fn controller_cell(w: &Words<'_>, view: &NoticeView) -> anyhow::Result<String> {
    let mut cell = view.controller.as_ref().map(party_cell).unwrap_or_default();
    if let Some(r) = &view.representative {
        cell.push_str(&format!(
            "\n{}: {}",
            w.t("records-representative")?,
            party_cell(r).replace('\n', ", ")
        ));
    }
    Ok(cell)
}

fn subjects_cell(n: &Notice, view: &NoticeView, scope: &Scope) -> String {
    // The groups the activity's categories name; a notice whose categories
    // name no groups has every group in every activity.
    let named: BTreeSet<&str> = scope
        .categories
        .iter()
        .filter_map(|&i| n.data_categories().get(i))
        .flat_map(|c| c.subjects.iter().map(|s| s.value.as_str()))
        .collect();
    n.data_subjects
        .iter()
        .zip(&view.data_subjects)
        .filter(|(s, _)| {
            named.is_empty()
                || s.id
                    .as_ref()
                    .is_some_and(|i| named.contains(i.value.as_str()))
        })
        .filter_map(|(_, v)| v.texts.get("name").map(str::to_string))
        .collect::<Vec<_>>()
        .join("\n")
}

fn categories_cell(view: &NoticeView, scope: &Scope) -> String {
    scope
        .categories
        .iter()
        .filter_map(|&i| view.data_categories.get(i))
        .filter_map(|c| {
            let name = c.texts.get("name")?;
            Some(match &c.special {
                Some(s) => format!("{name} ({s})"),
                None => name.to_string(),
            })
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn recipients_cell(
    w: &Words<'_>,
    n: &Notice,
    view: &NoticeView,
    scope: &Scope,
    keep: impl Fn(&crate::model::Recipient) -> bool,
) -> anyhow::Result<String> {
    if view.recipients_none {
        return w.t("records-none");
    }
    Ok(n.recipients()
        .iter()
        .zip(&view.recipients)
        .filter(|(r, _)| keep(r))
        .filter(|(r, _)| {
            r.categories.is_empty() || r.categories.iter().any(|c| scope.has_category(&c.value))
        })
        .filter_map(|(_, v)| {
            let name = v.texts.get("name")?;
            let about: Vec<&str> = v
                .role
                .iter()
                .chain(&v.country)
                .map(String::as_str)
                .collect();
            Some(if about.is_empty() {
                name.to_string()
            } else {
                format!("{name} ({})", about.join(", "))
            })
        })
        .collect::<Vec<_>>()
        .join("\n"))
}

fn transfers_cell(
    w: &Words<'_>,
    n: &Notice,
    view: &NoticeView,
    scope: &Scope,
) -> anyhow::Result<String> {
    let kept: Vec<String> = n
        .transfers
        .iter()
        .zip(&view.transfers)
        .filter(|(t, _)| {
            // A transfer belongs to the activity when its recipient receives
            // the activity's data (or says nothing of what it receives).
            let Some(rid) = &t.recipient else { return true };
            n.recipients()
                .iter()
                .find(|r| r.id.as_ref().is_some_and(|i| i.value == rid.value))
                .is_none_or(|r| {
                    r.categories.is_empty()
                        || r.categories.iter().any(|c| scope.has_category(&c.value))
                })
        })
        .map(|(_, v)| {
            let mut head: Vec<&str> = Vec::new();
            head.extend(v.country.as_deref());
            head.extend(v.recipient.as_deref());
            let mut line = head.join(": ");
            if let Some(m) = &v.mechanism {
                if !line.is_empty() {
                    line.push_str(" — ");
                }
                line.push_str(m);
                if let Some(r) = &v.mechanism_ref {
                    line.push_str(&format!(" ({r})"));
                }
            }
            if let Some(copy) = plain_of(v.texts.get("safeguard_copy")) {
                line.push('\n');
                line.push_str(&copy);
            }
            line
        })
        .collect();
    if kept.is_empty() {
        return w.t("records-no-transfers");
    }
    Ok(kept.join("\n"))
}

fn retention_cell(n: &Notice, view: &NoticeView, scope: &Scope) -> String {
    let entries: Vec<(
        &crate::model::Retention,
        &crate::render::view::RetentionView,
    )> = n.retention().iter().zip(&view.retention).collect();
    let concerns = |r: &crate::model::Retention| {
        r.applies_to.is_empty() || r.applies_to.iter().any(|a| scope.has_category(&a.value))
    };
    // When no period names the activity's purpose or categories, every
    // period is shown: the record must not lose one for a missing link.
    let any = entries.iter().any(|(r, _)| concerns(r));
    entries
        .iter()
        .filter(|(r, _)| !any || concerns(r))
        .map(|(_, v)| {
            let mut line = String::new();
            if !v.applies_to.is_empty() {
                line.push_str(&v.applies_to.join(", "));
                line.push_str(": ");
            }
            let mut what: Vec<String> = Vec::new();
            what.extend(v.period.clone());
            what.extend(plain_of(v.texts.get("rule")));
            line.push_str(&what.join(". "));
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn text_in(t: Option<&Text>, lang: &Lang) -> Option<String> {
    t.and_then(|t| t.get(lang))
        .map(plain)
        .filter(|s| !s.is_empty())
}

/// The record's description of the security measures: the internal one of
/// `[records]`, else the notice's published one.
fn security_cell(n: &Notice, lang: &Lang) -> String {
    text_in(n.records.as_ref().and_then(|r| r.security.as_ref()), lang)
        .or_else(|| text_in(n.security.as_ref(), lang))
        .unwrap_or_default()
}

fn updated_cell(view: &NoticeView) -> String {
    [view.version.clone(), view.updated.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ")
}

/// A format a record is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum RecordFormat {
    /// Excel workbook: a summary sheet and one sheet per notice.
    Xlsx,
    /// RFC 4180 CSV, UTF-8: one row per activity.
    Csv,
    /// A standalone web page.
    Html,
    /// CommonMark.
    Md,
}

impl RecordFormat {
    pub fn extension(self) -> &'static str {
        match self {
            RecordFormat::Xlsx => "xlsx",
            RecordFormat::Csv => "csv",
            RecordFormat::Html => "html",
            RecordFormat::Md => "md",
        }
    }
}

/// How a record is written.
#[derive(Debug, Clone, Copy, Default)]
pub struct WriteOptions {
    /// Start the CSV with a UTF-8 byte-order mark, for Excel.
    pub bom: bool,
}

/// The files of `book` in `formats`, named `<stem>.<extension>`.
pub fn files(
    renderer: &Renderer,
    book: &Book,
    stem: &str,
    formats: &[RecordFormat],
    options: WriteOptions,
) -> anyhow::Result<Vec<RenderedFile>> {
    formats
        .iter()
        .map(|&f| {
            let contents = match f {
                RecordFormat::Xlsx => sheet::xlsx(book)?,
                RecordFormat::Csv => sheet::csv(book, options.bom)?,
                RecordFormat::Html => page::render(renderer, "records.html", book)?.into_bytes(),
                RecordFormat::Md => page::render(renderer, "records.md", book)?.into_bytes(),
            };
            Ok(RenderedFile {
                path: format!("{stem}.{}", f.extension()),
                contents,
                shared: Vec::new(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_keeps_items_on_lines_of_their_own_without_dashes() {
        let text = plain("Data:\n\n- name\n- **date** of birth\n\nMore [here](https://x.fi).");
        assert_eq!(text, "Data:\n• name\n• date of birth\nMore here.");
        assert_eq!(plain("<b>raw</b>"), "<b>raw</b>");
    }
}
