//! Page numbers in the table of contents of a PDF printed by Chromium.
//!
//! Chromium has no `target-counter()`, so the print HTML cannot ask for the
//! page a section starts on. It does write, for every element a link in the
//! page points at, a named destination in the PDF's catalogue (`/Dests`:
//! name → `[page /XYZ x y z]`). So the document is printed once, the page of
//! each section is read from those destinations, the numbers are written
//! into the contents' empty `<span class="toc-page" data-section="ID">`,
//! and the document is printed again. A number can lengthen its line and
//! move what follows, so the pages are read again from the second print and
//! the document is printed a third time should any have moved
//! ([`MAX_PASSES`]).
//!
//! The destinations are read with a PDF parser (`lopdf`) rather than by
//! searching the bytes: the catalogue, the page tree and the destinations
//! are objects that may be referenced, nested or compressed in any valid
//! PDF, and a parser follows them all. The alternative, measuring the page
//! in the browser before printing, would need scripts in the page (they are
//! off) and would repeat the browser's pagination, which is what gets it
//! wrong.

use std::collections::BTreeMap;

use memchr::memmem::find;

/// At most this many prints of one document.
pub const MAX_PASSES: usize = 3;

/// Marks a table of contents whose numbers were written in.
const NUMBERED: &str = "class=\"toc toc-numbered\"";

/// Whether `html` has a table of contents waiting for page numbers.
pub fn wants_numbers(html: &[u8]) -> bool {
    find(html, b"<span class=\"toc-page\" data-section=\"").is_some()
}

/// The page (from 1) of each named destination of `pdf`, by name; empty
/// when the PDF has none or cannot be read.
pub fn destination_pages(pdf: &[u8]) -> BTreeMap<String, u32> {
    let mut out = BTreeMap::new();
    let Ok(doc) = lopdf::Document::load_mem(pdf) else {
        return out;
    };
    let pages: BTreeMap<lopdf::ObjectId, u32> =
        doc.get_pages().into_iter().map(|(n, id)| (id, n)).collect();
    let Ok(catalog) = doc.catalog() else {
        return out;
    };
    let Some(dests) = catalog
        .get(b"Dests")
        .ok()
        .and_then(|d| resolve(&doc, d).as_dict().ok())
    else {
        return out;
    };
    for (name, value) in dests.iter() {
        let target = resolve(&doc, value);
        // `[page /XYZ ...]`, or `<< /D [page ...] >>`.
        let array = match target {
            lopdf::Object::Array(a) => Some(a),
            lopdf::Object::Dictionary(d) => d
                .get(b"D")
                .ok()
                .and_then(|d| resolve(&doc, d).as_array().ok()),
            _ => None,
        };
        let page = array
            .and_then(|a| a.first())
            .and_then(|p| p.as_reference().ok())
            .and_then(|id| pages.get(&id));
        if let (Some(page), Ok(name)) = (page, std::str::from_utf8(name)) {
            out.insert(name.to_string(), *page);
        }
    }
    out
}

fn resolve<'a>(doc: &'a lopdf::Document, o: &'a lopdf::Object) -> &'a lopdf::Object {
    match o {
        lopdf::Object::Reference(id) => doc.get_object(*id).unwrap_or(o),
        _ => o,
    }
}

/// `html` with each section's page from `pages` written into its
/// `toc-page` span, and the table of contents marked as numbered (so that
/// the style's own counter, for engines that have one, stays off). A
/// section without a destination keeps an empty span.
pub fn fill(html: &[u8], pages: &BTreeMap<String, u32>) -> Vec<u8> {
    const OPEN: &[u8] = b"<span class=\"toc-page\" data-section=\"";
    let mut out = Vec::with_capacity(html.len() + pages.len() * 4);
    let mut rest = html;
    let mut numbered = false;
    while let Some(at) = find(rest, OPEN) {
        let id_start = at + OPEN.len();
        let Some(id_len) = rest[id_start..].iter().position(|&b| b == b'"') else {
            break;
        };
        let id = String::from_utf8_lossy(&rest[id_start..id_start + id_len]).into_owned();
        let tag_end = id_start + id_len + b"\">".len();
        if rest.get(id_start + id_len..tag_end) != Some(b"\">".as_slice()) {
            break;
        }
        out.extend_from_slice(&rest[..tag_end]);
        if let Some(page) = pages.get(&id) {
            out.extend_from_slice(page.to_string().as_bytes());
            numbered = true;
        }
        rest = &rest[tag_end..];
    }
    out.extend_from_slice(rest);
    if numbered && let Some(at) = find(&out, b"class=\"toc\"") {
        out.splice(at..at + b"class=\"toc\"".len(), NUMBERED.bytes());
    }
    out
}

/// The pages of the sections the table of contents of `html` lists.
pub fn sections_of(html: &[u8], pages: &BTreeMap<String, u32>) -> BTreeMap<String, u32> {
    const OPEN: &[u8] = b"data-section=\"";
    let mut out = BTreeMap::new();
    let mut rest = html;
    while let Some(at) = find(rest, OPEN) {
        rest = &rest[at + OPEN.len()..];
        let Some(end) = rest.iter().position(|&b| b == b'"') else {
            break;
        };
        let id = String::from_utf8_lossy(&rest[..end]).into_owned();
        if let Some(p) = pages.get(&id) {
            out.insert(id, *p);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_go_into_the_spans_and_the_contents_are_marked() {
        let html = b"<nav class=\"toc\"><a href=\"#a\"><span class=\"toc-page\" data-section=\"a\"></span>A</a><a href=\"#b\"><span class=\"toc-page\" data-section=\"b\"></span>B</a></nav>";
        assert!(wants_numbers(html));
        let pages = BTreeMap::from([("a".to_string(), 2), ("c".to_string(), 9)]);
        let filled = String::from_utf8(fill(html, &pages)).expect("utf-8");
        assert_eq!(
            filled,
            "<nav class=\"toc toc-numbered\"><a href=\"#a\"><span class=\"toc-page\" data-section=\"a\">2</span>A</a><a href=\"#b\"><span class=\"toc-page\" data-section=\"b\"></span>B</a></nav>"
        );
        assert_eq!(
            sections_of(html, &pages),
            BTreeMap::from([("a".to_string(), 2)])
        );
        // Nothing to number: unchanged.
        assert_eq!(fill(html, &BTreeMap::new()), html.to_vec());
    }

    #[test]
    fn a_pdf_that_cannot_be_read_has_no_destinations() {
        assert!(destination_pages(b"%PDF-1.4 nonsense").is_empty());
    }
}
