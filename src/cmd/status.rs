//! `seloste status`: per notice and language, the texts missing, stale
//! since a revision and disagreeing with the first language.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::report::status::{print_status, status};
use crate::{lint, project};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatusFormat {
    /// A line per language of each notice.
    Human,
    /// One JSON document, for CI dashboards.
    Json,
}

#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    /// Notice files or folders (folders are searched for *.toml)
    /// [default: `notices` of seloste.toml, else notices].
    pub paths: Vec<PathBuf>,

    /// Also list the texts changed since this git revision in one language
    /// but not in another (rule Q024).
    #[arg(long, value_name = "REV")]
    pub since: Option<String>,

    #[arg(long, value_enum, default_value_t = StatusFormat::Human)]
    pub format: StatusFormat,
}

pub fn run(args: &StatusArgs, config_path: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let mut checked = project::check(&args.paths, config_path);
    if let Some(rev) = &args.since {
        project::check_since(&mut checked, rev);
    }
    let stderr = anstream::stderr();
    let mut err = stderr.lock();
    if !checked.fatal.is_empty() {
        return Ok(super::report_fatal(
            &mut err,
            &checked.config_diagnostics(),
            &checked.sources,
            &checked.fatal,
        )?);
    }
    let found = status(
        &checked.notices,
        &checked.diagnostics,
        &checked.sources,
        &[lint::since::Q024],
        lint::DISAGREEMENT_RULES,
    );
    let stdout = anstream::stdout();
    let mut out = stdout.lock();
    match args.format {
        StatusFormat::Human => print_status(&mut out, &found)?,
        StatusFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &found)?;
            writeln!(out)?;
        }
    }
    // Notices that could not be loaded are not in the table: say so.
    let unreadable = checked
        .diagnostics
        .iter()
        .filter(|d| d.code.code.starts_with('L'))
        .count();
    if unreadable > 0 {
        writeln!(
            err,
            "{unreadable} loading problems: `seloste check` shows them"
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
