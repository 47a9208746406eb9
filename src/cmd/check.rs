//! `seloste check`: every problem of every notice, in the format asked for.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::ReportFormat as Format;
use crate::diagnostic::Tally;
use crate::{project, report};

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Notice files or folders to check (folders are searched for *.toml)
    /// [default: `notices` of seloste.toml, else notices].
    pub paths: Vec<PathBuf>,

    /// Output format: human-readable snippets, one JSON object per line, a
    /// SARIF 2.1.0 document, or GitHub Actions annotations.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Exit with 1 when there are warnings, not only errors.
    #[arg(long)]
    pub deny_warnings: bool,

    #[command(flatten)]
    pub verbosity: crate::progress::Verbosity,

    /// Also warn (Q014) about notices whose content changed since this git
    /// revision while their version and date did not.
    #[arg(long, value_name = "REV")]
    pub since: Option<String>,
}

pub fn run(args: &CheckArgs, config_path: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let mut progress = crate::progress::Progress::new(args.verbosity);
    progress.message("checking");
    let mut checked = project::check(&args.paths, config_path);
    for (stage, took) in &checked.timings {
        progress.record(stage, *took);
    }
    progress.hide();
    if let Some(rev) = &args.since {
        project::check_since(&mut checked, rev);
    }
    let stdout = anstream::stdout();
    let mut out = stdout.lock();
    match args.format {
        Format::Human => report::print_human(&mut out, &checked.diagnostics, &checked.sources)?,
        Format::Json => report::print_json(&mut out, &checked.diagnostics, &checked.sources)?,
        Format::Sarif => report::print_sarif(&mut out, &checked.diagnostics, &checked.sources)?,
        Format::Github => report::print_github(&mut out, &checked.diagnostics, &checked.sources)?,
    }
    let tally = Tally::of(&checked.diagnostics);
    if args.format == Format::Human && !args.verbosity.quiet {
        writeln!(out, "{}", report::summary(tally, checked.notices.len()))?;
    }
    out.flush()?;
    progress.finish(&mut anstream::stderr())?;
    for e in &checked.fatal {
        writeln!(anstream::stderr(), "error: {e}")?;
    }
    let code = super::exit_code(&checked.fatal, tally, args.deny_warnings);
    // The process ends here: freeing every source and notice one by one
    // would only delay the exit (about 5% of a large run).
    std::mem::forget(checked);
    Ok(code)
}
