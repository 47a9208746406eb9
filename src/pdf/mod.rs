//! PDF: turns the rendered print HTML into PDF files through an installed
//! engine, headless Chromium or WeasyPrint.
//!
//! seloste does not lay out pages itself: the print HTML already carries the
//! A4 page, margins, running title and page numbers in CSS paged media, and
//! both engines honour it. This stage sits between rendering and output: it
//! takes the rendered files, prints every `*.pdf.html` (print HTML rendered
//! for PDF) and puts the PDF in its place; the output stage then publishes
//! it all or nothing like the rest. Nothing is written to disk here: the
//! engines get the document as content, with no base URL, so that a PDF
//! carries no link into wherever it was made.
//!
//! Same input, same bytes: Chromium stamps the time of printing into the
//! PDF, so the dates are rewritten in place to the notice's own date (see
//! [`normalize_dates`]); WeasyPrint writes none.

mod chromium;
pub mod toc;
mod weasyprint;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::bail;
use memchr::memmem::find;

use crate::model::{Date, Notice};
use crate::render::RenderedFile;

/// Which engine to use, as given on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum EngineChoice {
    /// Chromium if installed, else WeasyPrint.
    #[default]
    Auto,
    /// Headless Chromium or Google Chrome, one process for all documents.
    Chromium,
    /// WeasyPrint, one process per document.
    Weasyprint,
}

/// An engine found on this machine.
pub enum Engine {
    Chromium(chromium::Chromium),
    WeasyPrint(weasyprint::WeasyPrint),
}

/// Environment variables naming an engine's program, for installations
/// outside `PATH`.
pub const CHROMIUM_ENV: &str = "SELOSTE_CHROMIUM";
pub const WEASYPRINT_ENV: &str = "SELOSTE_WEASYPRINT";

const CHROMIUM_NAMES: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
];

impl Engine {
    /// Finds the engine `choice` asks for, or explains how to install one.
    pub fn detect(choice: EngineChoice) -> anyhow::Result<Engine> {
        let chromium = || program(CHROMIUM_ENV, CHROMIUM_NAMES);
        let weasyprint = || program(WEASYPRINT_ENV, &["weasyprint"]);
        let found = match choice {
            EngineChoice::Auto => chromium()
                .map(|p| Engine::Chromium(chromium::Chromium::new(p)))
                .or_else(|| {
                    weasyprint().map(|p| Engine::WeasyPrint(weasyprint::WeasyPrint::new(p)))
                }),
            EngineChoice::Chromium => {
                chromium().map(|p| Engine::Chromium(chromium::Chromium::new(p)))
            }
            EngineChoice::Weasyprint => {
                weasyprint().map(|p| Engine::WeasyPrint(weasyprint::WeasyPrint::new(p)))
            }
        };
        match (found, choice) {
            (Some(engine), _) => Ok(engine),
            (None, EngineChoice::Chromium) => bail!(
                "PDF output needs Chromium, which was not found: install it (Debian: `apt-get install chromium`) or set {CHROMIUM_ENV} to its program"
            ),
            (None, EngineChoice::Weasyprint) => bail!(
                "PDF output needs WeasyPrint, which was not found: install it (`pip install weasyprint`) or set {WEASYPRINT_ENV} to its program"
            ),
            (None, EngineChoice::Auto) => bail!(
                "PDF output needs an engine and none was found: install Chromium (Debian: `apt-get install chromium`) or WeasyPrint (`pip install weasyprint`), or set {CHROMIUM_ENV} / {WEASYPRINT_ENV} to its program"
            ),
        }
    }

    /// Keeps the engine's working files beside the output folder `out`
    /// (see [`chromium::Chromium::stage_beside`]); WeasyPrint keeps none.
    pub fn stage_beside(&mut self, out: &std::path::Path) {
        if let Engine::Chromium(c) = self {
            c.stage_beside(out);
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Engine::Chromium(_) => "Chromium",
            Engine::WeasyPrint(_) => "WeasyPrint",
        }
    }

    /// Replaces every `<lang>/<id>.pdf.html` in `files` (print HTML
    /// rendered for PDF) with the PDF printed from it. `dates` gives each
    /// notice id its date, written into the PDF's metadata.
    pub fn convert(&self, files: &mut Vec<RenderedFile>, dates: &Dates) -> anyhow::Result<()> {
        // The sources are moved out, not copied: they are never published.
        let (sources, rest): (Vec<RenderedFile>, Vec<RenderedFile>) = std::mem::take(files)
            .into_iter()
            .partition(|f| f.path.ends_with(SOURCE_SUFFIX));
        *files = rest;
        if sources.is_empty() {
            return Ok(());
        }
        let jobs: Vec<Job> = sources
            .into_iter()
            .map(|f| Job {
                output: f.path.trim_end_matches(SOURCE_SUFFIX).to_string() + ".pdf",
                date: dates.of(&f.path),
                html: f.contents,
            })
            .collect();
        let pdfs = match self {
            Engine::Chromium(c) => c.print(&jobs)?,
            Engine::WeasyPrint(w) => w.print(&jobs)?,
        };
        for (job, mut pdf) in jobs.iter().zip(pdfs) {
            if !pdf.starts_with(b"%PDF-") {
                bail!("{} did not produce a PDF for {}", self.name(), job.output);
            }
            normalize_dates(&mut pdf, job.date);
            normalize_node_ids(&mut pdf);
            files.push(RenderedFile {
                path: job.output.clone(),
                contents: pdf,
                shared: Vec::new(),
            });
        }
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(())
    }
}

/// The print HTML rendered for a PDF ends so (see
/// [`crate::render::PDF_SOURCE_EXTENSION`]).
pub(crate) const SOURCE_SUFFIX: &str = ".pdf.html";

/// One document to print.
pub(crate) struct Job {
    /// The print HTML.
    pub html: Vec<u8>,
    /// Where the PDF goes, relative to the output folder.
    pub output: String,
    pub date: Option<Date>,
}

/// The date of each notice by id, for the PDF metadata.
#[derive(Debug, Default)]
pub struct Dates(HashMap<String, Date>);

impl Dates {
    pub fn of_notices(notices: &[Notice]) -> Dates {
        Dates(
            notices
                .iter()
                .filter_map(|n| Some((n.id_str().to_string(), n.updated.as_ref()?.value)))
                .collect(),
        )
    }

    /// The date of the notice a file `<lang>/<id>.<ext>` belongs to.
    fn of(&self, path: &str) -> Option<Date> {
        let name = path.rsplit('/').next()?;
        let id = name.strip_suffix(SOURCE_SUFFIX)?;
        self.0.get(id).copied()
    }
}

/// The first program found: the one named by `env`, else the first of
/// `names` on `PATH`.
fn program(env: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(env).filter(|p| !p.is_empty()) {
        // A program named on purpose is used as given; starting it reports
        // any problem with it.
        return Some(PathBuf::from(p));
    }
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| is_executable(p))
}

fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        path.metadata()
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}

/// Rewrites the creation and modification dates in a PDF's document
/// information to `date` (or 1 January 1980, the zip epoch, without one),
/// keeping every byte offset: the date strings have a fixed width, so only
/// their digits change and the cross-reference table stays valid.
pub fn normalize_dates(pdf: &mut [u8], date: Option<Date>) {
    let digits = match date {
        Some(d) => format!("{:04}{:02}{:02}000000", d.year, d.month, d.day),
        None => "19800101000000".to_string(),
    };
    for key in [&b"/CreationDate (D:"[..], b"/ModDate (D:"] {
        let mut from = 0;
        while let Some(at) = find(&pdf[from..], key) {
            let start = from + at + key.len();
            let end = start + digits.len();
            if end <= pdf.len() && pdf[start..end].iter().all(u8::is_ascii_digit) {
                pdf[start..end].copy_from_slice(digits.as_bytes());
            }
            from = start;
        }
    }
}

/// Renumbers Chromium's structure-element ids (`(node00002255)`) from 1 in
/// the same order, keeping their width. The ids are counters of the page's
/// renderer process, so they depend on what else a tab printed before;
/// ranks keep them unique and sorted (the id tree needs both), do not
/// depend on history, and are never longer than the originals (the k-th
/// smallest of distinct positive numbers is at least k), so no offset moves.
pub fn normalize_node_ids(pdf: &mut [u8]) {
    const OPEN: &[u8] = b"(node";
    let mut spots: Vec<(usize, usize, u64)> = Vec::new();
    let mut from = 0;
    while let Some(at) = find(&pdf[from..], OPEN) {
        let start = from + at + OPEN.len();
        let len = pdf[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        from = start + len;
        if len == 0 || len > 18 || pdf.get(start + len) != Some(&b')') {
            continue;
        }
        let value = std::str::from_utf8(&pdf[start..start + len])
            .ok()
            .and_then(|d| d.parse::<u64>().ok());
        if let Some(v) = value {
            spots.push((start, len, v));
        }
    }
    let mut values: Vec<u64> = spots.iter().map(|s| s.2).collect();
    values.sort_unstable();
    values.dedup();
    for (start, len, v) in spots {
        let rank = values.partition_point(|x| *x < v) as u64 + 1;
        let digits = format!("{rank:0len$}");
        if digits.len() == len {
            pdf[start..start + len].copy_from_slice(digits.as_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_suffix_is_the_renderers_extension() {
        assert_eq!(
            SOURCE_SUFFIX,
            format!(".{}", crate::render::PDF_SOURCE_EXTENSION)
        );
    }

    #[test]
    fn dates_are_rewritten_in_place() {
        let mut pdf = b"%PDF-1.4\n<< /CreationDate (D:20261121070222+00'00') /ModDate (D:20261121070223+00'00') >>".to_vec();
        let before = pdf.len();
        normalize_dates(
            &mut pdf,
            Some(Date {
                year: 2025,
                month: 3,
                day: 9,
            }),
        );
        assert_eq!(pdf.len(), before, "offsets must not move");
        let text = String::from_utf8(pdf).unwrap();
        assert!(
            text.contains("/CreationDate (D:20250309000000+00'00')"),
            "{text}"
        );
        assert!(
            text.contains("/ModDate (D:20250309000000+00'00')"),
            "{text}"
        );
    }

    #[test]
    fn node_ids_are_renumbered_in_order_in_place() {
        let mut pdf =
            b"/ID (node00002255) /K (node00000917) (node00002255) (nodeX) (node12)".to_vec();
        let before = pdf.len();
        normalize_node_ids(&mut pdf);
        assert_eq!(pdf.len(), before);
        assert_eq!(
            String::from_utf8(pdf).unwrap(),
            "/ID (node00000003) /K (node00000002) (node00000003) (nodeX) (node01)"
        );
    }

    #[test]
    fn without_a_date_the_zip_epoch_is_used() {
        let mut pdf = b"/CreationDate (D:20261121070222Z)".to_vec();
        normalize_dates(&mut pdf, None);
        assert_eq!(pdf, b"/CreationDate (D:19800101000000Z)");
    }

    #[test]
    fn a_truncated_date_is_left_alone() {
        let mut pdf = b"/ModDate (D:2026".to_vec();
        normalize_dates(&mut pdf, None);
        assert_eq!(pdf, b"/ModDate (D:2026");
    }

    #[test]
    fn dates_are_found_by_notice_id() {
        let mut dates = Dates::default();
        dates.0.insert(
            "wilma".into(),
            Date {
                year: 2026,
                month: 1,
                day: 2,
            },
        );
        assert!(dates.of("fi/wilma.pdf.html").is_some());
        assert!(dates.of("fi/other.pdf.html").is_none());
        assert!(dates.of("fi/wilma.html").is_none());
    }
}
