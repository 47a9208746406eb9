//! An XLSX workbook written directly: the SpreadsheetML parts a record
//! needs (text and number cells, two cell styles, column widths, frozen
//! panes, a filter per sheet) and nothing else, zipped by [`crate::archive`].
//!
//! A vendor's bundle writes a workbook per customer and language, so the
//! workbook is on the fleet's hot path. A general-purpose writer assembled
//! every sheet on a thread of its own: 1,800 short-lived threads for 100
//! customers, each with a fresh allocator heap and each blocking a
//! rendering worker, which cost a sixth of a bundle's time (issue: fleet
//! performance). The parts written here are, byte for byte, what that
//! writer (rust_xlsxwriter) writes for the same workbook, which the tests
//! hold it to part by part; only the zip around them differs.
//!
//! Texts are written as shared strings in the order their cells come (sheet
//! by sheet, row by row), escaped as Excel escapes them: `&`, `<`, `>` as
//! entities, control characters as `_xHHHH_`, and a literal `_xHHHH_` with
//! its underscore escaped, so that it reads back as written. An empty text
//! is a blank cell, as Excel stores one.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;

use crate::archive;
use crate::model::Date;

/// The style of a row's cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Bold on a light fill with a line below, wrapped, top-aligned.
    Header,
    /// Wrapped, top-aligned.
    Body,
}

impl Style {
    /// The cell format's index in `styles.xml`.
    fn index(self) -> u8 {
        match self {
            Style::Header => 1,
            Style::Body => 2,
        }
    }
}

/// What a cell holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    Text(Cow<'a, str>),
    Number(f64),
}

/// A row of cells from column A, all in one style.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    pub style: Style,
    pub cells: Vec<Cell<'a>>,
}

/// One worksheet.
#[derive(Debug, Clone)]
pub struct Sheet<'a> {
    /// At most 31 characters, none of `[]:*?/\`, unique in the workbook.
    pub name: String,
    /// Widths of the columns from A, in characters.
    pub widths: Vec<f64>,
    pub rows: Vec<Row<'a>>,
    /// Rows and columns that stay in view while scrolling (0: none).
    pub frozen_rows: u32,
    pub frozen_cols: u16,
    /// A filter on the first row over every row and written column.
    pub filter: bool,
}

/// A workbook: its title, date and sheets, the first sheet selected.
#[derive(Debug, Clone)]
pub struct Workbook<'a> {
    pub title: &'a str,
    /// The creation date in the document's properties; 2000-01-01 without
    /// one, never the clock, so that the same record gives the same bytes.
    pub date: Option<Date>,
    pub sheets: Vec<Sheet<'a>>,
}

/// Excel's limits: rows and columns of a sheet, characters of a sheet name.
const MAX_ROWS: usize = 1_048_576;
const MAX_COLS: usize = 16_384;
const SHEET_NAME_MAX: usize = 31;

const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
/// The Office theme the styles' colours refer to, as Excel writes it.
const THEME: &str = include_str!("theme1.xml");

/// The workbook as the bytes of an `.xlsx` file.
pub fn write(workbook: &Workbook<'_>) -> anyhow::Result<Vec<u8>> {
    check(workbook)?;
    let strings = SharedStrings::of(workbook);
    let sheets: Vec<String> = workbook
        .sheets
        .iter()
        .enumerate()
        .map(|(i, sheet)| sheet_xml(sheet, i == 0, &strings))
        .collect();
    let sheet_names: Vec<String> = (1..=sheets.len())
        .map(|i| format!("xl/worksheets/sheet{i}.xml"))
        .collect();
    let parts = [
        ("[Content_Types].xml", content_types(workbook.sheets.len())),
        ("_rels/.rels", root_rels()),
        (
            "xl/_rels/workbook.xml.rels",
            workbook_rels(workbook.sheets.len()),
        ),
        ("xl/theme/theme1.xml", THEME.to_string()),
        ("xl/styles.xml", styles()),
        ("xl/workbook.xml", workbook_xml(workbook)),
    ];
    let tail = [
        ("xl/sharedStrings.xml", strings.xml()),
        ("docProps/core.xml", core(workbook)),
        ("docProps/app.xml", app(workbook)),
    ];
    let entries: Vec<archive::Entry<'_>> = parts
        .iter()
        .map(|(name, xml)| (*name, xml))
        .chain(sheet_names.iter().map(String::as_str).zip(&sheets))
        .chain(tail.iter().map(|(name, xml)| (*name, xml)))
        .map(|(name, xml)| archive::Entry {
            name: name.to_string(),
            contents: xml.as_bytes(),
            shared: &[],
        })
        .collect();
    archive::write(&entries)
}

/// Refuses what Excel would refuse to open, rather than write it.
fn check(workbook: &Workbook<'_>) -> anyhow::Result<()> {
    if workbook.sheets.is_empty() {
        anyhow::bail!("cannot write a workbook without sheets");
    }
    let mut names: Vec<String> = Vec::new();
    for sheet in &workbook.sheets {
        let name = &sheet.name;
        let lower = name.to_lowercase();
        if name.is_empty()
            || name.chars().count() > SHEET_NAME_MAX
            || name.contains(['[', ']', ':', '*', '?', '/', '\\'])
            || name.starts_with('\'')
            || name.ends_with('\'')
            || lower == "history"
        {
            anyhow::bail!("cannot name a sheet {name:?}: Excel does not allow it");
        }
        if names.contains(&lower) {
            anyhow::bail!("cannot name two sheets {name:?}");
        }
        names.push(lower);
        if sheet.rows.len() > MAX_ROWS
            || sheet.widths.len() > MAX_COLS
            || sheet.rows.iter().any(|r| r.cells.len() > MAX_COLS)
        {
            anyhow::bail!("the sheet {name:?} is larger than Excel allows");
        }
    }
    Ok(())
}

/// The workbook's texts, each once, numbered in the order first met.
struct SharedStrings<'a> {
    index: HashMap<&'a str, u32>,
    order: Vec<&'a str>,
    /// Text cells in all, repeats included.
    count: usize,
}

impl<'a> SharedStrings<'a> {
    fn of(workbook: &'a Workbook<'a>) -> Self {
        let mut strings = SharedStrings {
            index: HashMap::new(),
            order: Vec::new(),
            count: 0,
        };
        let texts = workbook
            .sheets
            .iter()
            .flat_map(|s| &s.rows)
            .flat_map(|r| &r.cells)
            .filter_map(|c| match c {
                Cell::Text(t) if !t.is_empty() => Some(t.as_ref()),
                _ => None,
            });
        for text in texts {
            strings.count += 1;
            let next = strings.order.len() as u32;
            strings.index.entry(text).or_insert_with(|| {
                strings.order.push(text);
                next
            });
        }
        strings
    }

    fn get(&self, text: &str) -> u32 {
        // Every text of the workbook was numbered in `of`.
        self.index.get(text).copied().unwrap_or_default()
    }

    fn xml(&self) -> String {
        let mut xml =
            String::with_capacity(200 + self.order.iter().map(|s| s.len() + 16).sum::<usize>());
        xml.push_str(XML_DECLARATION);
        let _ = write!(
            xml,
            r#"<sst xmlns="{MAIN_NS}" count="{}" uniqueCount="{}">"#,
            self.count,
            self.order.len()
        );
        for text in &self.order {
            let edge = ['\t', '\n', ' '];
            if text.starts_with(edge) || text.ends_with(edge) {
                xml.push_str(r#"<si><t xml:space="preserve">"#);
            } else {
                xml.push_str("<si><t>");
            }
            escape_text(text, &mut xml);
            xml.push_str("</t></si>");
        }
        xml.push_str("</sst>");
        xml
    }
}

/// `text` escaped as Excel escapes cell text (see the module docs).
fn escape_text(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, ch) in text.char_indices() {
        let escaped: Option<Cow<'static, str>> = match ch {
            '&' => Some("&amp;".into()),
            '<' => Some("&lt;".into()),
            '>' => Some("&gt;".into()),
            '\t' | '\n' => None,
            '\0'..='\x1f' | '\u{fffe}' | '\u{ffff}' => {
                Some(format!("_x{:04X}_", u32::from(ch)).into())
            }
            '_' if is_escape_shaped(&bytes[i..]) => Some("_x005F_".into()),
            _ => None,
        };
        if let Some(escaped) = escaped {
            out.push_str(&text[start..i]);
            out.push_str(&escaped);
            start = i + ch.len_utf8();
        }
    }
    out.push_str(&text[start..]);
}

/// Whether `bytes` start with `_xHHHH_`, which Excel would read as an
/// escaped character.
fn is_escape_shaped(bytes: &[u8]) -> bool {
    bytes.len() >= 7
        && bytes[1] == b'x'
        && bytes[2..6].iter().all(u8::is_ascii_hexdigit)
        && bytes[6] == b'_'
}

/// `text` escaped for an attribute's value.
fn escape_attribute(text: &str) -> Cow<'_, str> {
    if !text.contains(['&', '"', '<', '>', '\n']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' => out.push_str("&#xA;"),
            _ => out.push(ch),
        }
    }
    Cow::Owned(out)
}

/// `text` escaped as element data.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_text(text, &mut out);
    out
}

/// The column's letters: 0 is A, 26 is AA.
fn column_name(col: usize) -> String {
    let mut name = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        name.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// `A1` for row 0, column 0.
fn cell_name(row: usize, col: usize) -> String {
    format!("{}{}", column_name(col), row + 1)
}

/// `A1:N7`, or `A1` when the range is one cell.
fn range(first: (usize, usize), last: (usize, usize)) -> String {
    if first == last {
        cell_name(first.0, first.1)
    } else {
        format!(
            "{}:{}",
            cell_name(first.0, first.1),
            cell_name(last.0, last.1)
        )
    }
}

/// The last row and column holding a cell, blank cells included.
fn extent(sheet: &Sheet<'_>) -> Option<(usize, usize)> {
    let last_row = sheet.rows.iter().rposition(|r| !r.cells.is_empty())?;
    let last_col = sheet.rows.iter().map(|r| r.cells.len()).max()? - 1;
    Some((last_row, last_col))
}

/// The last cell of a sheet's filter: the sheet's extent, or the first
/// row across its columns when it holds no cell.
fn filter_end(sheet: &Sheet<'_>) -> (usize, usize) {
    extent(sheet).unwrap_or((0, sheet.widths.len().max(1) - 1))
}

/// Excel's column width for `width` characters: the pixels of that many
/// digits of the default font (7 px each) and the cell's padding (5 px),
/// back in characters to 1/256.
fn column_width(width: f64) -> f64 {
    let pixels = if width < 1.0 {
        (width * 12.0).round() as u32
    } else {
        (width * 7.0).round() as u32 + 5
    };
    f64::from(pixels * 256 / 7) / 256.0
}

fn sheet_xml(sheet: &Sheet<'_>, selected: bool, strings: &SharedStrings<'_>) -> String {
    let cells: usize = sheet.rows.iter().map(|r| r.cells.len()).sum();
    let mut xml = String::with_capacity(800 + cells * 40);
    xml.push_str(XML_DECLARATION);
    let _ = write!(xml, r#"<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">"#);
    let extent = extent(sheet);
    let dimension = extent.map_or_else(|| "A1".to_string(), |last| range((0, 0), last));
    let _ = write!(xml, r#"<dimension ref="{dimension}"/>"#);
    xml.push_str("<sheetViews><sheetView ");
    if selected {
        xml.push_str(r#"tabSelected="1" "#);
    }
    xml.push_str(r#"workbookViewId="0""#);
    panes(sheet, &mut xml);
    xml.push_str(r#"</sheetViews><sheetFormatPr defaultRowHeight="15"/>"#);
    columns(&sheet.widths, &mut xml);
    if extent.is_none() {
        xml.push_str("<sheetData/>");
    } else {
        xml.push_str("<sheetData>");
        rows(sheet, strings, &mut xml);
        xml.push_str("</sheetData>");
    }
    if sheet.filter {
        let _ = write!(
            xml,
            r#"<autoFilter ref="{}"/>"#,
            range((0, 0), filter_end(sheet))
        );
    }
    xml.push_str(
        r#"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>"#,
    );
    xml
}

/// The frozen panes and their selections, closing the `<sheetView>`.
fn panes(sheet: &Sheet<'_>, xml: &mut String) {
    let (row, col) = (sheet.frozen_rows as usize, usize::from(sheet.frozen_cols));
    if row == 0 && col == 0 {
        xml.push_str("/>");
        return;
    }
    xml.push_str("><pane ");
    if col > 0 {
        let _ = write!(xml, r#"xSplit="{col}" "#);
    }
    if row > 0 {
        let _ = write!(xml, r#"ySplit="{row}" "#);
    }
    let active = match (row > 0, col > 0) {
        (true, true) => "bottomRight",
        (false, true) => "topRight",
        _ => "bottomLeft",
    };
    let _ = write!(
        xml,
        r#"topLeftCell="{}" activePane="{active}" state="frozen"/>"#,
        cell_name(row, col)
    );
    if row > 0 && col > 0 {
        for (pane, cell) in [
            ("topRight", cell_name(0, col)),
            ("bottomLeft", cell_name(row, 0)),
        ] {
            let _ = write!(
                xml,
                r#"<selection pane="{pane}" activeCell="{cell}" sqref="{cell}"/>"#
            );
        }
    }
    let _ = write!(xml, r#"<selection pane="{active}"/></sheetView>"#);
}

/// `<cols>`, a run of neighbouring columns of one width as one element.
fn columns(widths: &[f64], xml: &mut String) {
    if widths.is_empty() {
        return;
    }
    xml.push_str("<cols>");
    let mut first = 0;
    for i in 1..=widths.len() {
        if i < widths.len() && widths[i].to_bits() == widths[first].to_bits() {
            continue;
        }
        let width = column_width(widths[first]);
        let _ = write!(
            xml,
            r#"<col min="{}" max="{i}" width="{width}" customWidth="1"/>"#,
            first + 1
        );
        first = i;
    }
    xml.push_str("</cols>");
}

/// `<row>`s, each with the span of columns used in its block of 16 rows,
/// as Excel writes it to lay out a sheet quickly.
fn rows(sheet: &Sheet<'_>, strings: &SharedStrings<'_>, xml: &mut String) {
    for (block, rows) in sheet.rows.chunks(16).enumerate() {
        let last = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        for (i, row) in rows.iter().enumerate() {
            if row.cells.is_empty() {
                continue;
            }
            let number = block * 16 + i + 1;
            let style = row.style.index();
            let _ = write!(xml, r#"<row r="{number}" spans="1:{last}">"#);
            for (col, cell) in row.cells.iter().enumerate() {
                let name = column_name(col);
                let _ = match cell {
                    Cell::Text(text) if text.is_empty() => {
                        write!(xml, r#"<c r="{name}{number}" s="{style}"/>"#)
                    }
                    Cell::Text(text) => write!(
                        xml,
                        r#"<c r="{name}{number}" s="{style}" t="s"><v>{}</v></c>"#,
                        strings.get(text)
                    ),
                    Cell::Number(n) => {
                        write!(xml, r#"<c r="{name}{number}" s="{style}"><v>{n}</v></c>"#)
                    }
                };
            }
            xml.push_str("</row>");
        }
    }
}

/// A sheet's name as a formula refers to it: quoted, with its quotes
/// doubled. Excel accepts a quoted name wherever it accepts a bare one.
fn quoted(name: &str) -> String {
    format!("'{}'", name.replace('\'', "''"))
}

fn workbook_xml(workbook: &Workbook<'_>) -> String {
    let mut xml = String::with_capacity(1024 + workbook.sheets.len() * 160);
    xml.push_str(XML_DECLARATION);
    let _ = write!(
        xml,
        r#"<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><fileVersion appName="xl" lastEdited="4" lowestEdited="4" rupBuild="4505"/><workbookPr defaultThemeVersion="124226"/><bookViews><workbookView xWindow="240" yWindow="15" windowWidth="16095" windowHeight="9660"/></bookViews><sheets>"#
    );
    for (i, sheet) in workbook.sheets.iter().enumerate() {
        let _ = write!(
            xml,
            r#"<sheet name="{}" sheetId="{}" r:id="rId{}"/>"#,
            escape_attribute(&sheet.name),
            i + 1,
            i + 1
        );
    }
    xml.push_str("</sheets>");
    // Excel keeps its defined names sorted; the filters' differ only in
    // their range.
    let mut filters: Vec<(String, usize)> = workbook
        .sheets
        .iter()
        .enumerate()
        .filter(|(_, s)| s.filter)
        .map(|(i, sheet)| {
            let (row, col) = filter_end(sheet);
            let range = format!(
                "{}!$A$1:${}${}",
                quoted(&sheet.name),
                column_name(col),
                row + 1
            );
            (range, i)
        })
        .collect();
    filters.sort();
    if !filters.is_empty() {
        xml.push_str("<definedNames>");
        for (range, sheet) in &filters {
            let _ = write!(
                xml,
                r#"<definedName name="_xlnm._FilterDatabase" localSheetId="{sheet}" hidden="1">{}</definedName>"#,
                escaped(range)
            );
        }
        xml.push_str("</definedNames>");
    }
    xml.push_str(r#"<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>"#);
    xml
}

fn content_types(sheets: usize) -> String {
    let mut xml = String::with_capacity(1200 + sheets * 150);
    xml.push_str(XML_DECLARATION);
    xml.push_str(concat!(
        r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
        r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
        r#"<Default Extension="xml" ContentType="application/xml"/>"#,
        r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
        r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
        r#"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#,
        r#"<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>"#,
        r#"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
    ));
    for i in 1..=sheets {
        let _ = write!(
            xml,
            r#"<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        );
    }
    xml.push_str(concat!(
        r#"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#,
        "</Types>"
    ));
    xml
}

fn root_rels() -> String {
    format!(
        concat!(
            "{}",
            r#"<Relationships xmlns="{}">"#,
            r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#,
            r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
            r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#,
            "</Relationships>"
        ),
        XML_DECLARATION, PACKAGE_REL_NS
    )
}

fn workbook_rels(sheets: usize) -> String {
    let mut xml = String::with_capacity(600 + sheets * 160);
    xml.push_str(XML_DECLARATION);
    let _ = write!(xml, r#"<Relationships xmlns="{PACKAGE_REL_NS}">"#);
    let relationship = |xml: &mut String, id: usize, kind: &str, target: &str| {
        let _ = write!(
            xml,
            r#"<Relationship Id="rId{id}" Type="{REL_NS}/{kind}" Target="{target}"/>"#
        );
    };
    for i in 1..=sheets {
        relationship(
            &mut xml,
            i,
            "worksheet",
            &format!("worksheets/sheet{i}.xml"),
        );
    }
    relationship(&mut xml, sheets + 1, "theme", "theme/theme1.xml");
    relationship(&mut xml, sheets + 2, "styles", "styles.xml");
    relationship(&mut xml, sheets + 3, "sharedStrings", "sharedStrings.xml");
    xml.push_str("</Relationships>");
    xml
}

/// Two fonts (regular, bold), the header's fill and bottom border, and the
/// cell formats of [`Style`] (1: header, 2: body) after Excel's default.
fn styles() -> String {
    format!(
        concat!(
            "{}",
            r#"<styleSheet xmlns="{}">"#,
            r#"<fonts count="2"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>"#,
            r#"<font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>"#,
            r#"<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#,
            r#"<fill><patternFill patternType="solid"><fgColor rgb="FFDDE4EE"/><bgColor indexed="64"/></patternFill></fill></fills>"#,
            r#"<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>"#,
            r#"<border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>"#,
            r#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#,
            r#"<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#,
            r#"<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#,
            r#"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs>"#,
            r#"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/>"#,
            r#"<tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/></styleSheet>"#
        ),
        XML_DECLARATION, MAIN_NS
    )
}

fn core(workbook: &Workbook<'_>) -> String {
    let date = workbook
        .date
        .map_or((2000, 1, 1), |d| (d.year, d.month, d.day));
    let stamp = format!("{:04}-{:02}-{:02}T00:00:00Z", date.0, date.1, date.2);
    format!(
        concat!(
            "{}",
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{}</dc:title><dc:creator>seloste</dc:creator><cp:lastModifiedBy>seloste</cp:lastModifiedBy>",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{}</dcterms:modified>"#,
            "</cp:coreProperties>"
        ),
        XML_DECLARATION,
        escaped(workbook.title),
        stamp,
        stamp
    )
}

fn app(workbook: &Workbook<'_>) -> String {
    let count = workbook.sheets.len();
    let mut xml = String::with_capacity(1000 + count * 40);
    xml.push_str(XML_DECLARATION);
    let _ = write!(
        xml,
        concat!(
            r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#,
            "<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>",
            r#"<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>{count}</vt:i4></vt:variant></vt:vector></HeadingPairs>"#,
            r#"<TitlesOfParts><vt:vector size="{count}" baseType="lpstr">"#
        ),
        count = count
    );
    for sheet in &workbook.sheets {
        let _ = write!(xml, "<vt:lpstr>{}</vt:lpstr>", escaped(&sheet.name));
    }
    xml.push_str(concat!(
        "</vt:vector></TitlesOfParts><Company></Company><LinksUpToDate>false</LinksUpToDate>",
        "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>12.0000</AppVersion></Properties>"
    ));
    xml
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// The parts of an xlsx file by name.
    fn parts(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
        let mut parts = std::collections::BTreeMap::new();
        for i in 0..zip.len() {
            let mut file = zip.by_index(i).expect("an entry");
            let mut text = String::new();
            file.read_to_string(&mut text).expect("UTF-8");
            parts.insert(file.name().expect("a name").to_string(), text);
        }
        parts
    }

    /// The same workbook written by rust_xlsxwriter, the writer this one
    /// replaced and is held to.
    fn oracle(workbook: &Workbook<'_>) -> Vec<u8> {
        use rust_xlsxwriter as x;
        let mut book = x::Workbook::new();
        let date = workbook
            .date
            .map_or((2000, 1, 1), |d| (d.year, d.month, d.day));
        let created = x::ExcelDateTime::from_ymd(date.0, date.1, date.2).expect("a date");
        book.set_properties(
            &x::DocProperties::new()
                .set_title(workbook.title)
                .set_author("seloste")
                .set_creation_datetime(&created),
        );
        let header = x::Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(x::FormatAlign::Top)
            .set_background_color("#DDE4EE")
            .set_border_bottom(x::FormatBorder::Thin);
        let body = x::Format::new()
            .set_text_wrap()
            .set_align(x::FormatAlign::Top);
        for sheet in &workbook.sheets {
            let ws = book.add_worksheet();
            ws.set_name(&sheet.name).expect("a name");
            for (c, w) in sheet.widths.iter().enumerate() {
                ws.set_column_width(c as u16, *w).expect("a width");
            }
            for (r, row) in sheet.rows.iter().enumerate() {
                let format = match row.style {
                    Style::Header => &header,
                    Style::Body => &body,
                };
                for (c, cell) in row.cells.iter().enumerate() {
                    let (r, c) = (r as u32, c as u16);
                    match cell {
                        Cell::Text(t) => ws.write_string_with_format(r, c, t.as_ref(), format),
                        Cell::Number(n) => ws.write_number_with_format(r, c, *n, format),
                    }
                    .expect("a cell");
                }
            }
            if sheet.frozen_rows > 0 || sheet.frozen_cols > 0 {
                ws.set_freeze_panes(sheet.frozen_rows, sheet.frozen_cols)
                    .expect("panes");
            }
            if sheet.filter {
                let last_col = sheet.rows.iter().map(|r| r.cells.len()).max().unwrap_or(1) - 1;
                ws.autofilter(0, 0, sheet.rows.len() as u32 - 1, last_col as u16)
                    .expect("a filter");
            }
        }
        book.save_to_buffer().expect("a workbook")
    }

    fn text(s: &str) -> Cell<'_> {
        Cell::Text(Cow::Borrowed(s))
    }

    /// A record's shape: a summary sheet, then sheets with a frozen header
    /// and first columns and a filter, with texts that need escaping.
    fn sample() -> Workbook<'static> {
        let header = |cells: &[&'static str]| Row {
            style: Style::Header,
            cells: cells.iter().map(|c| text(c)).collect(),
        };
        let body = |cells: Vec<Cell<'static>>| Row {
            style: Style::Body,
            cells,
        };
        let mut long_rows = vec![header(&["A", "B", "C"])];
        for i in 0..40 {
            let cells = if i % 7 == 3 {
                vec![text("short")]
            } else {
                vec![text("x"), Cell::Number(f64::from(i)), text("y & z")]
            };
            long_rows.push(body(cells));
        }
        Workbook {
            title: "Records & <notes> \"quoted\"",
            date: Some(Date {
                year: 2026,
                month: 11,
                day: 21,
            }),
            sheets: vec![
                Sheet {
                    name: "Summary".into(),
                    widths: vec![24.0, 40.0, 18.0, 20.0],
                    rows: vec![
                        header(&["Notice", "Register", "Activities", "Updated"]),
                        body(vec![
                            text("a-notice"),
                            text("Pupils' register"),
                            Cell::Number(3.0),
                            text(""),
                        ]),
                        body(vec![
                            text("b-notice"),
                            text("Staff <ICT> & more"),
                            Cell::Number(12.0),
                            text("2.0, 21.11.2026"),
                        ]),
                    ],
                    frozen_rows: 1,
                    frozen_cols: 0,
                    filter: false,
                },
                Sheet {
                    name: "a-notice".into(),
                    widths: vec![22.0, 28.0, 28.0, 40.0, 0.5, 16.0],
                    rows: vec![
                        header(&["Notice", "Register", "Activity", "Purpose", "", "Updated"]),
                        body(vec![
                            text("a-notice"),
                            text("Pupils' register"),
                            text(" leading space"),
                            text("line one\nline two\n"),
                            text("bell \u{7} and _x0041_ and _x12_ and \u{fffe}"),
                            text("Pupils' register"),
                        ]),
                        body(vec![
                            text("a-notice"),
                            text("\ttab"),
                            text(""),
                            text("ääkköset, emoji 🦀, ß"),
                            text("'=1+1"),
                            text("1.0"),
                        ]),
                    ],
                    frozen_rows: 1,
                    frozen_cols: 3,
                    filter: true,
                },
                Sheet {
                    name: "b-notice".into(),
                    widths: vec![10.0, 10.0, 10.0],
                    rows: long_rows,
                    frozen_rows: 1,
                    frozen_cols: 3,
                    filter: true,
                },
                Sheet {
                    name: "c-only-header".into(),
                    widths: vec![10.0, 12.0],
                    rows: vec![header(&["One", "Two"])],
                    frozen_rows: 0,
                    frozen_cols: 2,
                    filter: true,
                },
            ],
        }
    }

    #[test]
    fn every_part_is_what_rust_xlsxwriter_writes_for_the_same_workbook() {
        let workbook = sample();
        let ours = parts(&write(&workbook).expect("a workbook"));
        let theirs = parts(&oracle(&workbook));
        assert_eq!(
            ours.keys().collect::<Vec<_>>(),
            theirs.keys().collect::<Vec<_>>()
        );
        for (name, xml) in &theirs {
            assert_eq!(&ours[name], xml, "{name}");
        }
    }

    #[test]
    fn the_same_workbook_gives_the_same_bytes() {
        let workbook = sample();
        assert_eq!(write(&workbook).ok(), write(&workbook).ok());
    }

    #[test]
    fn a_spreadsheet_reader_reads_back_every_cell_as_written() {
        use calamine::{DataType, Reader};
        let workbook = sample();
        let bytes = write(&workbook).expect("a workbook");
        let mut xlsx: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("readable");
        assert_eq!(
            xlsx.sheet_names(),
            workbook
                .sheets
                .iter()
                .map(|s| s.name.clone())
                .collect::<Vec<_>>()
        );
        for sheet in &workbook.sheets {
            let range = xlsx.worksheet_range(&sheet.name).expect("a sheet");
            for (r, row) in sheet.rows.iter().enumerate() {
                for (c, cell) in row.cells.iter().enumerate() {
                    let read = range.get_value((r as u32, c as u32));
                    match cell {
                        Cell::Text(t) if t.is_empty() => {
                            assert!(
                                read.is_none_or(|v| v.is_empty()),
                                "{} {r} {c}: {read:?}",
                                sheet.name
                            );
                        }
                        Cell::Text(t) => assert_eq!(
                            read.map(ToString::to_string).as_deref(),
                            Some(t.as_ref()),
                            "{} {r} {c}",
                            sheet.name
                        ),
                        Cell::Number(n) => {
                            assert_eq!(read.and_then(|v| v.as_f64()), Some(*n))
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn names_excel_refuses_are_an_error_not_a_broken_file() {
        for bad in [
            "",
            "a/b",
            "[x]",
            "x?",
            "'quoted'",
            "History",
            &"n".repeat(32),
        ] {
            let mut workbook = sample();
            workbook.sheets[1].name = bad.to_string();
            assert!(write(&workbook).is_err(), "{bad:?}");
        }
        let mut workbook = sample();
        workbook.sheets[1].name = "SUMMARY".into();
        assert!(write(&workbook).is_err(), "a name taken, in other case");
        let mut workbook = sample();
        workbook.sheets.clear();
        assert!(write(&workbook).is_err());
    }

    #[test]
    fn a_sheet_name_is_quoted_in_the_filter_range_with_its_quotes_doubled() {
        assert_eq!(quoted("plain"), "'plain'");
        assert_eq!(quoted("it's"), "'it''s'");
        let mut workbook = sample();
        workbook.sheets[1].name = "pupils'notes".into();
        let xml = workbook_xml(&workbook);
        assert!(xml.contains("'pupils''notes'!$A$1:$F$3"), "{xml}");
    }

    #[test]
    fn text_is_escaped_as_excel_escapes_it() {
        for (raw, xml) in [
            ("a & b < c > d", "a &amp; b &lt; c &gt; d"),
            ("tab\tand\nline", "tab\tand\nline"),
            ("bell\u{7}", "bell_x0007_"),
            ("cr\r", "cr_x000D_"),
            ("_x0041_", "_x005F_x0041_"),
            ("_x004_", "_x004_"),
            ("_xZZZZ_", "_xZZZZ_"),
            ("end _x00", "end _x00"),
            ("\u{ffff}", "_xFFFF_"),
            ("\"quotes\" 'too'", "\"quotes\" 'too'"),
        ] {
            assert_eq!(escaped(raw), xml, "{raw:?}");
        }
    }

    #[test]
    fn columns_are_named_as_excel_names_them() {
        for (col, name) in [
            (0, "A"),
            (25, "Z"),
            (26, "AA"),
            (51, "AZ"),
            (52, "BA"),
            (16_383, "XFD"),
        ] {
            assert_eq!(column_name(col), name);
        }
    }
}
