//! `seloste status`: the state of each notice's translations, per language:
//! the texts missing in that language, the ones that may be out of date
//! since a revision (`Q024`), and the ones whose facts disagree with the
//! notice's first language. A table for people, JSON for CI dashboards.

use std::io::{self, Write};

use serde::Serialize;

use crate::diagnostic::{Code, Diagnostic};
use crate::lint::texts;
use crate::model::Notice;
use crate::source::SourceMap;

/// One language of one notice.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct LanguageStatus {
    pub lang: String,
    /// The texts of the notice, each of which should be in this language.
    pub texts: usize,
    /// Fields with no text (or only spaces) in this language.
    pub missing: Vec<String>,
    /// Fields whose text in this language may be out of date.
    pub stale: Vec<String>,
    /// Fields whose facts (numbers, dates, addresses...) differ from the
    /// first language's.
    pub disagreeing: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct NoticeStatus {
    pub id: String,
    pub file: String,
    pub languages: Vec<LanguageStatus>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Totals {
    pub notices: usize,
    pub missing: usize,
    pub stale: usize,
    pub disagreeing: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Status {
    pub notices: Vec<NoticeStatus>,
    pub totals: Totals,
}

/// The status of `notices`, from the diagnostics already found: `stale`
/// and `disagreeing` are the codes whose findings, placed at one
/// language's text of a field, count as such.
pub fn status(
    notices: &[Notice],
    diagnostics: &[Diagnostic],
    sources: &SourceMap,
    stale: &[Code],
    disagreeing: &[Code],
) -> Status {
    let mut out = Vec::new();
    let mut totals = Totals::default();
    for n in notices.iter().filter(|n| !n.is_fragment()) {
        let all = texts(n);
        // Each language's string of each field: a finding inside one is
        // about that language's text.
        let mut strings: Vec<(std::ops::Range<usize>, String, String)> = Vec::new();
        for (path, text) in &all {
            for (lang, s) in &text.translations {
                strings.push((s.span.clone(), lang.to_string(), path.to_string()));
            }
        }
        let at = |offset: usize| {
            strings
                .iter()
                .find(|(span, _, _)| span.contains(&offset))
                .map(|(_, lang, path)| (lang.as_str(), path.as_str()))
        };
        let mut languages = Vec::new();
        for lang in n.language_list() {
            let missing: Vec<String> = all
                .iter()
                .filter(|(_, t)| t.get(&lang).is_none_or(|s| s.trim().is_empty()))
                .map(|(p, _)| p.to_string())
                .collect();
            let found = |codes: &[Code]| -> Vec<String> {
                let mut v: Vec<String> = diagnostics
                    .iter()
                    .filter(|d| codes.contains(&d.code))
                    .filter_map(|d| at(d.span.start))
                    .filter(|(l, _)| *l == lang.as_str())
                    .map(|(_, p)| p.to_string())
                    .collect();
                v.dedup();
                v
            };
            let status = LanguageStatus {
                lang: lang.to_string(),
                texts: all.len(),
                missing,
                stale: found(stale),
                disagreeing: found(disagreeing),
            };
            totals.missing += status.missing.len();
            totals.stale += status.stale.len();
            totals.disagreeing += status.disagreeing.len();
            languages.push(status);
        }
        totals.notices += 1;
        out.push(NoticeStatus {
            id: n.id_str().to_string(),
            file: sources.path(n.file).display().to_string(),
            languages,
        });
    }
    Status {
        notices: out,
        totals,
    }
}

/// The status as a table for people.
pub fn print_status(out: &mut dyn Write, status: &Status) -> io::Result<()> {
    for n in &status.notices {
        writeln!(out, "{} ({})", n.id, n.file)?;
        for l in &n.languages {
            let mut parts = Vec::new();
            for (what, list) in [
                ("missing", &l.missing),
                ("stale", &l.stale),
                ("disagreeing", &l.disagreeing),
            ] {
                if !list.is_empty() {
                    parts.push(format!("{} {what} ({})", list.len(), list.join(", ")));
                }
            }
            let state = if parts.is_empty() {
                "complete".to_string()
            } else {
                parts.join("; ")
            };
            writeln!(out, "  {}  {} texts: {state}", l.lang, l.texts)?;
        }
    }
    let t = &status.totals;
    writeln!(
        out,
        "{} {}: {} missing, {} stale, {} disagreeing",
        t.notices,
        if t.notices == 1 { "notice" } else { "notices" },
        t.missing,
        t.stale,
        t.disagreeing
    )
}
