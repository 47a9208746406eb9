//! `check --since REV`, rule Q014: a notice whose content changed since a
//! git revision while neither its `version` nor its `updated` date did, so
//! that readers cannot tell the two texts apart (Art. 12(1), 13(3)).
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
use crate::model::Notice;
use crate::source::SourceMap;

use crate::diagnostic::rule;

rule! {
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
