//! `seloste diff`: what changed between two versions of one notice, in words
//! a change log can use.
//!
//! The comparison is semantic: two files that load to the same notice have
//! no changes, however their TOML is laid out. Items of a list (purposes,
//! recipients, storage periods...) are matched by `id`, or by position when
//! they have none. Changes are grouped by section in the order of a notice
//! ([`Section`], shared with the renderer) and worded in one language from
//! `locales/<lang>/diff.ftl`, with the official wording of legal bases,
//! transfer mechanisms, countries, dates and storage periods from
//! `notice.ftl` (the keys each closed list owns, `model::codes`).
//!
//! A change is *material* when it changes what the reader is told; a new
//! version number or date alone is not.
//!
//! The command (`seloste diff`, its arguments and exit codes) is
//! `cmd/diff.rs`; the jobs behind it have a file each:
//!
//! - `compare.rs`: what changed: items matched, fields compared, section
//!   by section, each finding recorded as a [`Change`]. Worded through
//!   `words.rs`, or not at all for [`unbumped`], which `check --since`
//!   (rule Q014, `lint::since`) uses;
//! - `words.rs`: how a change and the things it names are worded;
//! - reading a version from a file or a git revision, with the fragments
//!   it extends, is `bind::revision` (also used by `lint::since`);
//! - `changelog.rs`: the change list as text or Markdown.
//!
//! `lint::since` depends on this module, so no code here calls `lint`; the
//! one mention is the [`since`] alias below, a name kept for old callers.

mod changelog;
mod compare;
mod words;

pub use crate::model::codes::Section;
pub use changelog::render;
pub use compare::{Change, changes, unbumped};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    Text,
    Md,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::model::Notice;
    use crate::render::locale::Locales;
    use crate::source::FileId;

    fn notice(source: &str) -> Notice {
        let loaded = crate::load::load_bytes(FileId(0), 0, source.as_bytes());
        assert!(
            loaded.diagnostics.is_empty(),
            "fixture has problems: {:?}",
            loaded.diagnostics
        );
        loaded.document.expect("a notice")
    }

    /// Every key of the format is compared: from a notice that sets every
    /// key (and every key of every table inside), leaving out any one key
    /// is a change `diff` reports. The notice's own sections are compared
    /// by hand, in their order; this holds them, and the tables compared
    /// from the declaration, to the declaration.
    #[test]
    fn leaving_out_any_key_of_the_format_is_a_change() {
        use crate::model::Table;
        use crate::schema::sample::{document, paths};
        let fields = Notice::layout_of().fields;
        let parse = |doc: &str| {
            let loaded = crate::load::load_bytes(FileId(0), 0, doc.as_bytes());
            loaded.document.expect("a notice")
        };
        let full = parse(&document(fields, &[]));
        let locales = Locales::embedded().expect("locales");
        let en = Lang::parse("en").expect("en");
        let mut unseen = Vec::new();
        for path in paths(fields) {
            // The notice's id, its composition and whether it is a draft
            // are not what it says.
            if matches!(path[0], "id" | "fragment" | "extends" | "draft") {
                continue;
            }
            let without = parse(&document(fields, &path));
            if changes(&full, &without, &locales, &en).is_empty() {
                unseen.push(path.join("."));
            }
        }
        assert_eq!(unseen, Vec::<String>::new(), "keys diff does not compare");
    }

    const BASE: &str = r#"
id = "n"
title = { fi = "Rekisteri", sv = "Register", en = "Register" }
version = "1.0"
updated = 2026-01-10
languages = ["fi", "sv", "en"]
collected_from = "data-subject"

[[purposes]]
id = "p"
description = { fi = "Tarkoitus.", sv = "Ändamål.", en = "Purpose." }
legal_basis = "consent"
withdrawal = { fi = "Peru.", sv = "Återkalla.", en = "Withdraw." }

[[retention]]
applies_to = ["p"]
period = "P1Y"
"#;

    #[test]
    fn unbumped_when_content_changes_without_a_new_version() {
        let old = notice(BASE);
        let changed = notice(&BASE.replace("P1Y", "P2Y"));
        assert!(unbumped(&old, &changed));

        let bumped = notice(&BASE.replace("P1Y", "P2Y").replace("1.0", "1.1"));
        assert!(!unbumped(&old, &bumped), "a new version number is enough");
        let dated = notice(
            &BASE
                .replace("P1Y", "P2Y")
                .replace("2026-01-10", "2026-02-01"),
        );
        assert!(!unbumped(&old, &dated), "a new date is enough");
    }

    #[test]
    fn the_internal_record_details_are_a_change_but_not_a_material_one() {
        let old = notice(BASE);
        let with_records = notice(&format!(
            "{BASE}\n[records]\nsecurity = {{ fi = \"Lokit.\", sv = \"Loggar.\", en = \"Logs.\" }}\n"
        ));
        assert!(
            !unbumped(&old, &with_records),
            "the reader is told nothing new"
        );
        let locales = Locales::embedded().expect("locales");
        let en = Lang::parse("en").expect("en");
        let found = changes(&old, &with_records, &locales, &en);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(!found[0].material);
        assert!(
            found[0].line.contains("Record of processing activities"),
            "{}",
            found[0].line
        );
    }

    #[test]
    fn layout_is_not_a_change() {
        let old = notice(BASE);
        // Same content: other key order, other spelling of the texts,
        // insignificant whitespace.
        let relaid = notice(&BASE.replace(
            r#"description = { fi = "Tarkoitus.", sv = "Ändamål.", en = "Purpose." }"#,
            "description.en = \"Purpose.  \"\ndescription.sv = \"Ändamål.\"\ndescription.fi = \"Tarkoitus.\"",
        ));
        assert!(!unbumped(&old, &relaid));
        assert!(!unbumped(&old, &old));
        let bumped_only = notice(&BASE.replace("1.0", "1.1"));
        assert!(!unbumped(&old, &bumped_only));
        let locales = Locales::embedded().expect("locales");
        let en = Lang::parse("en").expect("en");
        let found = changes(&old, &bumped_only, &locales, &en);
        assert_eq!(found.len(), 1);
        assert!(!found[0].material, "a new version alone is not material");
        assert_eq!(found[0].line, "Version changed from 1.0 to 1.1.");
    }

    /// Every kind of change is worded in every language without falling
    /// back to a message key.
    #[test]
    fn every_change_is_worded_in_every_language() {
        let old = notice(BASE);
        let new = notice(&format!(
            "{}\n{}",
            BASE.replace("consent", "legitimate-interests")
                .replace("P1Y", "P6M")
                .replace("\"Purpose.\"", "\"Another purpose.\"")
                .replace("1.0", "2.0"),
            r#"
[[recipients]]
id = "r"
name = "Vendor Inc."
role = "processor"
country = "US"

[[transfers]]
recipient = "r"
country = "US"
mechanism = "standard-contractual-clauses"

[automated_decisions]
used = true
"#
        ));
        let locales = Locales::embedded().expect("locales");
        for code in Lang::SUPPORTED {
            let lang = Lang::parse(code).expect("lang");
            let found = changes(&old, &new, &locales, &lang);
            assert!(found.len() >= 7, "{code}: {found:#?}");
            for c in &found {
                assert!(!c.line.contains("diff-"), "{code}: {}", c.line);
            }
            let text = render(&old, &new, &found, &locales, &lang, DiffFormat::Md);
            assert!(!text.contains("diff-") && !text.contains("sec-"), "{text}");
        }
    }
}
