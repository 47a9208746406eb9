//! The commands, one file each, over the shared pipeline in
//! [`crate::project`]. Each file holds its command's arguments (clap derive)
//! and its `run`; [`crate::cli`] only parses and dispatches. Exit codes
//! follow ripgrep's convention: 0 clean, 1 findings (errors, or warnings
//! with `--deny-warnings`), 2 usage or I/O error.

pub mod build;
pub mod bundle;
pub mod check;
pub mod diff;
pub mod export;
pub mod records;
pub mod rules;
pub mod serve;
pub mod shell;
pub mod status;
pub mod templates;
pub mod watch;

use std::process::ExitCode;

use clap::ValueEnum;

use crate::diagnostic::Tally;

/// How diagnostics (and rules) are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Human-readable, rustc-style snippets.
    Human,
    /// One JSON object per line.
    Json,
    /// One SARIF 2.1.0 document, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

/// Reports what stops a command before it does anything (exit code 2):
/// the diagnostics that explain it, such as a broken seloste.toml's, then
/// one `error:` line per problem. Every command but `check` (which reports
/// in the format asked for) stops on a broken configuration through this,
/// so the report looks the same everywhere.
pub(crate) fn report_fatal(
    err: &mut impl std::io::Write,
    diagnostics: &[crate::diagnostic::Diagnostic],
    sources: &crate::source::SourceMap,
    fatal: &[String],
) -> std::io::Result<ExitCode> {
    crate::report::print_human(err, diagnostics, sources)?;
    for e in fatal {
        writeln!(err, "error: {e}")?;
    }
    Ok(ExitCode::from(2))
}

/// The exit code of a run that found `tally` and the fatal problems
/// `fatal`.
pub(crate) fn exit_code(fatal: &[String], tally: Tally, deny_warnings: bool) -> ExitCode {
    if !fatal.is_empty() {
        ExitCode::from(2)
    } else if tally.errors > 0 || (deny_warnings && tally.warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Frees `value` on a thread of its own: a run's notices and the
/// renderer's caches are many small allocations, and freeing them one at a
/// time kept the end of a run on one core. The process exits without
/// waiting for the thread (`serve` lets it finish). Where no thread can be
/// started, `value` is freed here.
pub(crate) fn free_in_background<T: Send + 'static>(value: T) {
    // On failure the closure, and `value` with it, is dropped in `spawn`.
    let _ = std::thread::Builder::new()
        .name("free".to_string())
        .spawn(move || drop(value));
}
