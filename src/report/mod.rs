//! Reporting: the one place that turns diagnostics into text for people
//! (rustc-style snippets) or for machines (JSON Lines, SARIF 2.1.0, GitHub
//! Actions workflow commands).

mod github;
mod human;
mod json;
mod sarif;
pub mod status;

pub use github::print_github;
pub use human::{print_human, summary};
pub use json::{print_json, record};
pub use sarif::print_sarif;

use crate::diagnostic::Diagnostic;

/// Orders diagnostics by file, position and code, so output is stable
/// whatever order rules and threads produced them in.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        // Global offsets order by file first, then position.
        (a.span.start, a.span.end, a.code.code, &a.message).cmp(&(
            b.span.start,
            b.span.end,
            b.code.code,
            &b.message,
        ))
    });
}

/// The message followed by the help, for formats that have one text field.
fn message_with_help(d: &Diagnostic) -> String {
    match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.clone(),
    }
}
