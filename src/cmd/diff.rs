//! `seloste diff OLD NEW` / `seloste diff FILE --rev REV`: what changed
//! between two versions of one notice, as a change list (see [`crate::diff`]).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{anyhow, bail};

use crate::bind::revision::{self as origin, Origin};
use crate::diagnostic::{Diagnostic, Severity, Tally};
use crate::diff::{DiffFormat, changes, render};
use crate::model::Lang;
use crate::render::locale::Locales;
use crate::report;
use crate::source::SourceMap;

/// `seloste diff OLD NEW` or `seloste diff FILE --rev REV`.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The old version of the notice; with --rev, the notice file itself.
    #[arg(value_name = "OLD")]
    pub old: PathBuf,

    /// The new version of the notice.
    #[arg(
        value_name = "NEW",
        required_unless_present = "rev",
        conflicts_with = "rev"
    )]
    pub new: Option<PathBuf>,

    /// Compare the file as it is now with its version at this git revision
    /// (`git show REV:FILE`).
    #[arg(long, value_name = "REV")]
    pub rev: Option<String>,

    /// Language of the change list [default: the notice's first language].
    #[arg(long, value_parser = crate::model::Lang::parse_arg)]
    pub lang: Option<Lang>,

    /// Plain text, or Markdown (a list per section, for a change log).
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
}

/// Runs `seloste diff`. Exit code 0: nothing material changed; 1: something
/// did; errors (2) are returned or reported like `check` does.
pub fn run(args: &DiffArgs, config_path: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let mut sources = SourceMap::default();
    let mut diagnostics = Vec::new();
    let mut fatal = Vec::new();
    let config =
        crate::project::load_config(config_path, &mut sources, &mut diagnostics, &mut fatal);
    let stderr = anstream::stderr();
    let mut err = stderr.lock();
    if !fatal.is_empty() {
        return Ok(super::report_fatal(
            &mut err,
            &diagnostics,
            &sources,
            &fatal,
        )?);
    }
    let (old_origin, new_origin) = match (&args.rev, &args.new) {
        (Some(rev), _) => (
            Origin::Git {
                rev: rev.clone(),
                path: args.old.clone(),
            },
            Origin::Disk(args.old.clone()),
        ),
        (None, Some(new)) => (Origin::Disk(args.old.clone()), Origin::Disk(new.clone())),
        (None, None) => bail!("give two files, or one file and --rev REV"),
    };
    let old_bytes = old_origin.read()?;
    let new_bytes = new_origin.read()?;
    let old = origin::load_one(&mut sources, old_origin.label(), old_bytes);
    let new = origin::load_one(&mut sources, new_origin.label(), new_bytes);
    let mut failed: Vec<Diagnostic> = Vec::new();
    for (_, diags) in [&old, &new] {
        if diags.iter().any(|d| d.severity == Severity::Error) {
            failed.extend(diags.iter().cloned());
        }
    }
    // A file without a document always has an error diagnostic.
    let (Some(old), Some(new)) = (old.0, new.0) else {
        return report_broken(&mut err, failed, &sources);
    };
    if !failed.is_empty() {
        return report_broken(&mut err, failed, &sources);
    }
    let (old, mut notes) = origin::compose_one(old, &old_origin, &mut sources);
    let (new, more) = origin::compose_one(new, &new_origin, &mut sources);
    notes.extend(more);
    // A text edited in one language but not in another (rule Q024).
    let since = args
        .rev
        .clone()
        .unwrap_or_else(|| old_origin.label().display().to_string());
    notes.extend(crate::lint::since::stale_translations(&old, &new, &since));
    if !notes.is_empty() {
        report::sort(&mut notes);
        report::print_human(&mut err, &notes, &sources)?;
    }

    let lang = args
        .lang
        .clone()
        .or_else(|| new.language_list().into_iter().next())
        .or_else(|| old.language_list().into_iter().next())
        .or_else(|| config.languages.first().cloned())
        .or_else(|| Lang::parse("fi"))
        .ok_or_else(|| anyhow!("no language to write the changes in"))?;
    let locales = Locales::embedded()?;
    let found = changes(&old, &new, &locales, &lang);
    let text = render(&old, &new, &found, &locales, &lang, args.format);
    let stdout = anstream::stdout();
    let mut out = stdout.lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(if found.iter().any(|c| c.material) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn report_broken(
    err: &mut impl Write,
    mut diagnostics: Vec<Diagnostic>,
    sources: &SourceMap,
) -> anyhow::Result<ExitCode> {
    report::sort(&mut diagnostics);
    report::print_human(err, &diagnostics, sources)?;
    // Both versions were read.
    writeln!(err, "{}", report::summary(Tally::of(&diagnostics), 2))?;
    writeln!(
        err,
        "error: cannot compare: fix the errors above (`seloste check` shows them too)"
    )?;
    Ok(ExitCode::from(2))
}
