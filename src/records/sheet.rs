//! A record as a spreadsheet: an XLSX workbook (rust_xlsxwriter) and an
//! RFC 4180 CSV file.
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

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook};

use super::Book;

/// `cell` as it is safe to put in a spreadsheet (see the module docs).
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// Excel's limit for the text of a cell, in characters.
const CELL_MAX: usize = 32_767;

/// `cell` neutralised (see [`neutralise`]) and cut to what a cell holds,
/// with an ellipsis where it was cut: a spreadsheet refuses longer texts.
fn cell_text(cell: &str) -> Cow<'_, str> {
    let safe = neutralise(cell);
    if safe.chars().count() <= CELL_MAX {
        return safe;
    }
    let mut cut: String = safe.chars().take(CELL_MAX - 1).collect();
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

fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> anyhow::Error {
    anyhow::anyhow!("cannot write the spreadsheet: {e}")
}

/// The record as an XLSX workbook: a summary sheet listing the notices,
/// then one sheet per notice with a header row, frozen panes, a filter,
/// column widths and wrapped text.
pub fn xlsx(book: &Book) -> anyhow::Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    // Level 1, as for the bundles' zips: a vendor writes a workbook per
    // customer and language, and the XML compresses well even so.
    workbook.set_zip_compression_level(1);
    let date = book.date.map_or((2000, 1, 1), |d| (d.year, d.month, d.day));
    let created = ExcelDateTime::from_ymd(date.0, date.1, date.2).map_err(xlsx_error)?;
    let properties = DocProperties::new()
        .set_title(&book.title)
        .set_author("seloste")
        .set_creation_datetime(&created);
    workbook.set_properties(&properties);

    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color("#DDE4EE")
        .set_border_bottom(rust_xlsxwriter::FormatBorder::Thin);
    let cell = Format::new().set_text_wrap().set_align(FormatAlign::Top);

    // The summary: one row per notice.
    let mut taken = vec![
        book.summary
            .chars()
            .take(SHEET_NAME_MAX)
            .collect::<String>(),
    ];
    let summary = workbook.add_worksheet();
    summary.set_name(&taken[0]).map_err(xlsx_error)?;
    let col = |key: &str| book.columns.iter().find(|c| c.key == key);
    let headings: Vec<String> = ["notice", "register"]
        .iter()
        .filter_map(|k| col(k).map(|c| c.heading.clone()))
        .chain([book.activities.clone()])
        .chain(col("updated").map(|c| c.heading.clone()))
        .collect();
    for (i, h) in headings.iter().enumerate() {
        summary
            .write_string_with_format(0, i as u16, cell_text(h), &header)
            .map_err(xlsx_error)?;
    }
    let updated = book.column("updated");
    for (r, g) in book.groups.iter().enumerate() {
        let row = r as u32 + 1;
        summary
            .write_string_with_format(row, 0, cell_text(&g.id), &cell)
            .map_err(xlsx_error)?;
        summary
            .write_string_with_format(row, 1, cell_text(&g.title), &cell)
            .map_err(xlsx_error)?;
        summary
            .write_number_with_format(row, 2, g.rows.len() as f64, &cell)
            .map_err(xlsx_error)?;
        let date = updated
            .and_then(|u| g.rows.first().map(|r| r[u].as_str()))
            .unwrap_or_default();
        summary
            .write_string_with_format(row, 3, cell_text(date), &cell)
            .map_err(xlsx_error)?;
    }
    for (i, w) in [24.0, 40.0, 18.0, 20.0].iter().enumerate() {
        summary.set_column_width(i as u16, *w).map_err(xlsx_error)?;
    }
    summary.set_freeze_panes(1, 0).map_err(xlsx_error)?;

    for g in &book.groups {
        let name = sheet_name(&g.id, &mut taken);
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name).map_err(xlsx_error)?;
        for (c, column) in book.columns.iter().enumerate() {
            let heading = match &column.article {
                Some(a) => format!("{} ({a})", column.heading),
                None => column.heading.clone(),
            };
            sheet
                .write_string_with_format(0, c as u16, cell_text(&heading), &header)
                .map_err(xlsx_error)?;
            sheet
                .set_column_width(c as u16, column.width)
                .map_err(xlsx_error)?;
        }
        for (r, row) in g.rows.iter().enumerate() {
            for (c, value) in row.iter().enumerate() {
                sheet
                    .write_string_with_format(r as u32 + 1, c as u16, cell_text(value), &cell)
                    .map_err(xlsx_error)?;
            }
        }
        // The notice and the activity stay in view while scrolling.
        sheet.set_freeze_panes(1, 3).map_err(xlsx_error)?;
        let last_col = book.columns.len().saturating_sub(1) as u16;
        sheet
            .autofilter(0, 0, g.rows.len() as u32, last_col)
            .map_err(xlsx_error)?;
    }
    workbook.save_to_buffer().map_err(xlsx_error)
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
