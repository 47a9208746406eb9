//! `check --since REV`, rule Q014: a notice whose content changed since a
//! git revision while neither its `version` nor its `updated` date did, so
//! that readers cannot tell the two texts apart (Art. 12(1), 13(3)); and
//! rule Q024: a text changed in one language but not in another, so that
//! the languages may no longer say the same thing.
//!
//! Unlike the other rules it needs a second version of each notice: it
//! reads it from git (`bind::revision`) and compares the two with the
//! comparison it is given, `seloste diff`'s semantic one (`diff::unbumped`)
//! in the `check` command. Given, not imported: `diff` words its changes
//! through the renderer's locales, a later stage than this one.

use std::path::PathBuf;

use anyhow::Context;

use crate::bind::revision::{self as origin, Origin};
use crate::diagnostic::Diagnostic;
use std::collections::HashMap;

use crate::model::format::texts_by_place;
use crate::model::text::normalised;
use crate::model::{Lang, Notice, Text};
use crate::source::SourceMap;

use crate::diagnostic::rule;

rule! {
    Q024 "stale-translation" Warning "Art. 12(1)",
    "A text changed in one language since a revision but not in another.",
    "The commonest way the languages of a notice drift apart: the Finnish text is updated and the Swedish and English ones are not. With `seloste check --since REV`, seloste compares every text of every notice with the same text at that git revision; when one language changed and another did not, the unchanged one is reported as possibly out of date, at its own line. Whitespace and layout are not changes.\n\nFix: update the other languages. If they are still right (a typo fixed in one language, say), record that you checked them: set `reviewed` in the field's table of translations to today's date, e.g. `description = { fi = \"...\", sv = \"...\", reviewed = 2026-12-02 }`. A `reviewed` date that changed since REV tells seloste the languages were checked against each other in this change.";

    Q014 "version-not-bumped" Warning "Art. 12(1), 13(3)",
    "A notice changed since a revision but its version and date did not.",
    "With `seloste check --since REV` (for example the last release tag, or the merge base of a \
pull request), seloste compares every notice with the same file at that git revision. When \
what the notice says changed but neither `version` nor `updated` did, readers cannot tell the \
versions apart, and a controller that adds a purpose must tell people before processing for \
it (Art. 13(3)). Comments, layout and key order are not changes. Fix: bump `version` and set \
`updated` to today; `seloste diff FILE --rev REV` lists the changes for the change log.";
}

/// `check --since REV`: the notices whose content changed since `rev` while
/// neither their `version` nor their `updated` date did (rule Q014). A
/// file that did not exist at `rev` is new, not changed. Fails when git or
/// the revision cannot be used at all.
pub fn since(
    notices: &[Notice],
    sources: &SourceMap,
    rev: &str,
    unbumped: fn(&Notice, &Notice) -> bool,
) -> anyhow::Result<Vec<Diagnostic>> {
    // One cheap call first, so that a bad revision is one clear error.
    let first_dir = notices
        .first()
        .map(|n| crate::staging::folder_of(sources.path(n.file)))
        .unwrap_or_else(|| PathBuf::from("."));
    origin::verify_revision(&first_dir, rev).with_context(|| format!("--since {rev}"))?;
    let mut out = Vec::new();
    for n in notices.iter().filter(|n| !n.is_fragment()) {
        let path = sources.path(n.file).to_path_buf();
        let at_rev = Origin::Git {
            rev: rev.to_string(),
            path: path.clone(),
        };
        // Not in that revision (a new notice), or not loadable there:
        // nothing to compare with.
        let Some(old) = at_rev.notice() else {
            continue;
        };
        out.extend(stale_translations(&old, n, rev));
        if unbumped(&old, n) {
            let span = n
                .version
                .as_ref()
                .map(|v| v.span.clone())
                .or_else(|| n.updated.as_ref().map(|u| u.span.clone()))
                .unwrap_or(n.span.clone());
            let message =
                format!("the notice changed since `{rev}` but its version and date did not");
            let help = format!(
                "readers must be able to tell versions apart (Art. 13(3)); \
                 `seloste diff {} --rev {rev}` lists what changed",
                path.display()
            );
            out.push(
                Diagnostic::new(Q014, span, message)
                    .label("bump `version` and `updated`")
                    .help(help),
            );
        }
    }
    Ok(out)
}

/// Q024: the texts of `new` changed since `old` in some of the notice's
/// languages but not in others, each reported at the unchanged language.
pub fn stale_translations(old: &Notice, new: &Notice, rev: &str) -> Vec<Diagnostic> {
    let langs = new.language_list();
    let before: HashMap<String, &Text> = texts_by_place(old)
        .into_iter()
        .map(|(place, _, t)| (place, t))
        .collect();
    let mut out = Vec::new();
    for (place, path, text) in texts_by_place(new) {
        let Some(was) = before.get(&place) else {
            continue;
        };
        // A changed `reviewed` date says the languages were checked.
        if text.reviewed.as_ref().map(|r| r.value) != was.reviewed.as_ref().map(|r| r.value) {
            continue;
        }
        // Edited, not added or deleted: a translation written where there
        // was none, or removed, leaves the others as right as they were.
        let changed = |l: &Lang| {
            let get = |t: &Text| t.translation(l).map(|s| normalised(&s.value));
            matches!((get(text), get(was)), (Some(a), Some(b)) if a != b)
        };
        let (edited, kept): (Vec<&Lang>, Vec<&Lang>) = langs.iter().partition(|l| changed(l));
        if edited.is_empty() {
            continue;
        }
        let edited_list = edited
            .iter()
            .map(|l| l.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        for lang in kept {
            let Some(at) = text.translation(lang) else {
                continue;
            };
            out.push(
                Diagnostic::new(
                    Q024,
                    at.span.clone(),
                    format!("`{path}` in {lang} may be out of date: {edited_list} changed since `{rev}`"),
                )
                .label(format!("{lang} unchanged since `{rev}`"))
                .help(format!(
                    "update the {lang} text to say what the {edited_list} text now says; if it still does, set `reviewed` in this field to today's date (`reviewed = YYYY-MM-DD`)"
                )),
            );
        }
    }
    out
}
