//! Reporting: the one place that turns diagnostics into text for people
//! (rustc-style snippets) or for machines (JSON Lines).

mod human;
mod json;

pub use human::{print_human, summary};
pub use json::{print_json, record};

use crate::diagnostic::Diagnostic;

/// Orders diagnostics by file, position and code, so output is stable
/// whatever order rules and threads produced them in.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        // Global offsets order by file first, then position.
        (a.span.start, a.span.end, a.code, &a.message).cmp(&(
            b.span.start,
            b.span.end,
            b.code,
            &b.message,
        ))
    });
}
