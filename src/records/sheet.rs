//! A record as a spreadsheet: an XLSX workbook (laid out here, written by
//! `xlsx.rs`) and an RFC 4180 CSV file.
//!
//! Every cell comes from a source file, so every cell is written as text
//! and never as a formula, and a text that a spreadsheet would read as one
//! when it is typed, pasted or opened from CSV (starting with `=`, `+`,
//! `-`, `@`, a tab or a carriage return) is neutralised with a leading
//! apostrophe, as OWASP advises against CSV injection.
//!
//! The workbook's bytes depend on the record only: its creation date is
//! the record's date (the latest `updated` of its notices), not the clock.

use std::borrow::Cow;

use super::Book;
use super::xlsx::{self, Cell, Row, Sheet, Style, Workbook};

/// `cell` as it is safe to put in a spreadsheet (see the module docs).
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// Excel's limit for the text of a cell, in UTF-16 code units (a
/// character outside the Basic Multilingual Plane, an emoji, takes two).
const CELL_MAX: usize = 32_767;

/// `cell` neutralised (see [`neutralise`]) and cut to what a cell holds,
/// with an ellipsis where it was cut: a spreadsheet refuses longer texts.
fn cell_text(cell: &str) -> Cow<'_, str> {
    let safe = neutralise(cell);
    if safe.len() <= CELL_MAX || safe.encode_utf16().count() <= CELL_MAX {
        return safe;
    }
    let mut cut = String::new();
    let mut units = 0;
    for ch in safe.chars() {
        units += ch.len_utf16();
        if units > CELL_MAX - 1 {
            break;
        }
        cut.push(ch);
    }
    cut.push('…');
    Cow::Owned(cut)
}

/// Excel's limit for a sheet name, in characters.
const SHEET_NAME_MAX: usize = 31;

/// A name for the sheet of `id`, unique among `taken`: Excel allows 31
/// characters, so long ids are cut and numbered. Ids are kebab-case
/// (`Q012`), so they hold no character a sheet name forbids.
fn sheet_name(id: &str, taken: &mut Vec<String>) -> String {
    let fits = |s: &str, n: usize| s.chars().take(n).collect::<String>();
    let mut name = fits(id, SHEET_NAME_MAX);
    let mut n = 2;
    while name.is_empty() || taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        let suffix = format!("~{n}");
        name = format!("{}{suffix}", fits(id, SHEET_NAME_MAX - suffix.len()));
        n += 1;
    }
    taken.push(name.clone());
    name
}

/// The record as an XLSX workbook: a summary sheet listing the notices,
/// then one sheet per notice with a header row, frozen panes, a filter,
/// column widths and wrapped text.
pub fn xlsx(book: &Book) -> anyhow::Result<Vec<u8>> {
    let text = |s: &str| Cell::Text(cell_text(s).into_owned().into());
    let col = |key: &str| book.columns.iter().find(|c| c.key == key);
    let heading = |key: &str| col(key).map_or(String::new(), |c| c.heading.clone());
    // The summary names each notice by its register, or in a processor's
    // record by its service.
    let name_key = if col("register").is_some() {
        "register"
    } else {
        "service"
    };
    let header = [
        heading("notice"),
        heading(name_key),
        book.activities.clone(),
        heading("updated"),
    ];
    let updated = book.column("updated");
    let mut rows = vec![Row {
        style: Style::Header,
        cells: header.iter().map(|h| text(h)).collect(),
    }];
    rows.extend(book.groups.iter().map(|g| {
        let date = updated
            .and_then(|u| g.rows.first().map(|r| r[u].as_str()))
            .unwrap_or_default();
        Row {
            style: Style::Body,
            cells: vec![
                text(&g.id),
                text(&g.title),
                Cell::Number(g.rows.len() as f64),
                text(date),
            ],
        }
    }));
    let summary_name: String = book.summary.chars().take(SHEET_NAME_MAX).collect();
    let mut taken = vec![summary_name.clone()];
    let mut sheets = vec![Sheet {
        name: summary_name,
        widths: vec![24.0, 40.0, 18.0, 20.0],
        rows,
        frozen_rows: 1,
        frozen_cols: 0,
        filter: false,
    }];

    let headings: Vec<String> = book
        .columns
        .iter()
        .map(|column| match &column.article {
            Some(a) => format!("{} ({a})", column.heading),
            None => column.heading.clone(),
        })
        .collect();
    for g in &book.groups {
        let mut rows = vec![Row {
            style: Style::Header,
            cells: headings.iter().map(|h| text(h)).collect(),
        }];
        rows.extend(g.rows.iter().map(|row| {
            Row {
                style: Style::Body,
                cells: row
                    .iter()
                    .map(|value| Cell::Text(cell_text(value)))
                    .collect(),
            }
        }));
        sheets.push(Sheet {
            name: sheet_name(&g.id, &mut taken),
            widths: book.columns.iter().map(|c| c.width).collect(),
            rows,
            // The notice and the activity stay in view while scrolling.
            frozen_rows: 1,
            frozen_cols: 3,
            filter: true,
        });
    }
    xlsx::write(&Workbook {
        title: &book.title,
        date: book.date,
        sheets,
    })
}

/// The record as CSV (RFC 4180: comma-separated, fields quoted when they
/// hold a comma, quote or line break, CRLF line ends), UTF-8, one row per
/// activity of every notice under one header row; `bom` starts it with a
/// byte-order mark, which Excel needs to read UTF-8.
pub fn csv(book: &Book, bom: bool) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::Necessary)
        .from_writer(out);
    writer.write_record(
        book.columns
            .iter()
            .map(|c| neutralise(&c.heading).into_owned()),
    )?;
    for g in &book.groups {
        for row in &g.rows {
            writer.write_record(row.iter().map(|c| neutralise(c).into_owned()))?;
        }
    }
    writer
        .into_inner()
        .map_err(|e| anyhow::anyhow!("cannot write the CSV: {}", e.error()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised_and_other_text_is_kept() {
        for bad in ["=1+1", "+358", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(bad), format!("'{bad}"), "{bad:?}");
        }
        for good in ["Opetus", "", "'quoted", " =x", "• item"] {
            assert_eq!(neutralise(good), good);
        }
    }

    #[test]
    fn a_text_longer_than_a_cell_holds_is_cut_with_an_ellipsis() {
        let long = "a".repeat(CELL_MAX + 10);
        let cut = cell_text(&long);
        assert_eq!(cut.chars().count(), CELL_MAX);
        assert!(cut.ends_with('…'));
        assert_eq!(cell_text("=x"), "'=x");
        // Excel counts UTF-16 units: an emoji takes two, so a text of
        // 20,000 of them (40,000 units) is cut, and within the limit.
        let emoji = "🦀".repeat(20_000);
        let cut = cell_text(&emoji);
        assert!(cut.ends_with('…'));
        assert!(
            cut.encode_utf16().count() <= CELL_MAX,
            "{}",
            cut.encode_utf16().count()
        );
        assert!(cut.encode_utf16().count() >= CELL_MAX - 2);
        // The workbook is written, not refused.
        let book = crate::records::Book {
            kind: crate::records::Kind::Controller,
            lang: "en".into(),
            title: "t".into(),
            intro: String::new(),
            summary: "Summary".into(),
            contents: String::new(),
            activities: "n".into(),
            columns: vec![crate::records::Column {
                key: "notice",
                heading: "Notice".into(),
                article: None,
                width: 10.0,
            }],
            row_header: 0,
            groups: vec![crate::records::Group {
                id: "x".into(),
                title: "x".into(),
                lang: "en".into(),
                rows: vec![vec![long]],
                labels: vec!["x".into()],
            }],
            date: None,
            date_iso: None,
            date_text: None,
        };
        assert!(xlsx(&book).is_ok_and(|b| b.starts_with(b"PK")));
    }

    #[test]
    fn sheet_names_are_cut_to_31_characters_and_unique() {
        let mut taken = vec!["Summary".to_string()];
        let long = "a-very-long-notice-id-that-goes-on-and-on";
        let a = sheet_name(long, &mut taken);
        let b = sheet_name(long, &mut taken);
        let c = sheet_name("summary", &mut taken);
        assert_eq!(a.chars().count(), 31);
        assert_ne!(a, b);
        assert!(b.ends_with("~2") && b.chars().count() == 31, "{b}");
        assert_eq!(c, "summary~2");
    }
}
