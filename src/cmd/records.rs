//! `seloste records`: check the notices, then write the controller's record
//! of processing activities (Art. 30(1)) in one language or several, as a
//! workbook, CSV, a web page and Markdown, into a folder replaced whole
//! like `build`'s.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::diagnostic::Tally;
use crate::lint::records::RecordKind;
use crate::model::Lang;
use crate::records::{RecordFormat, WriteOptions};
use crate::{project, report};

#[derive(Debug, clap::Args)]
pub struct RecordsArgs {
    /// Notice files or folders (folders are searched for *.toml).
    #[arg(default_value = "notices")]
    pub paths: Vec<PathBuf>,

    /// Output folder. It is replaced as a whole; seloste refuses to replace
    /// a non-empty folder it did not write.
    #[arg(long, short, value_name = "OUT", default_value = "records")]
    pub out: PathBuf,

    /// Languages of the record, one set of files each [default: the first
    /// of `languages` of seloste.toml, else the first language of the first
    /// notice]. A notice not written in a language is recorded in its own
    /// first language.
    #[arg(long, value_delimiter = ',', value_parser = Lang::parse_arg)]
    pub lang: Vec<Lang>,

    /// Formats to write.
    #[arg(long, value_delimiter = ',', value_enum, default_values_t = [RecordFormat::Xlsx, RecordFormat::Csv, RecordFormat::Html, RecordFormat::Md])]
    pub format: Vec<RecordFormat>,

    /// Start the CSV with a UTF-8 byte-order mark, so that Excel reads its
    /// letters right when it opens it.
    #[arg(long)]
    pub bom: bool,

    /// Folder of templates overriding the built-in ones (`records.html`,
    /// `records.md`) [default: `templates` of seloste.toml, else
    /// ./templates when it exists].
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,

    /// Fail (exit 1, nothing written) when there are warnings.
    #[arg(long)]
    pub deny_warnings: bool,
}

pub fn run(args: &RecordsArgs, config_path: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let mut checked = project::check(&args.paths, config_path);
    // The record's own rules: what Art. 30 needs beside the notice.
    let mut found: Vec<_> = checked
        .notices
        .iter()
        .filter(|n| n.open_controller.is_none())
        .flat_map(|n| {
            crate::lint::records::check(n, &checked.config.languages, RecordKind::Controller)
        })
        .collect();
    crate::lint::apply_overrides(&mut found, &checked.config.rules);
    checked.diagnostics.extend(found);
    report::sort(&mut checked.diagnostics);

    let stderr = anstream::stderr();
    let mut err = stderr.lock();
    report::print_human(&mut err, &checked.diagnostics, &checked.sources)?;
    let tally = Tally::of(&checked.diagnostics);
    for e in &checked.fatal {
        writeln!(err, "error: {e}")?;
    }
    if !checked.fatal.is_empty() {
        return Ok(ExitCode::from(2));
    }
    if tally.errors > 0 || (args.deny_warnings && tally.warnings > 0) {
        writeln!(err, "{}", report::summary(tally, checked.notices.len()))?;
        writeln!(
            err,
            "error: no record was written; fix the errors above (the previous output is untouched)"
        )?;
        return Ok(ExitCode::from(1));
    }
    // A service notice's controller is each customer: its record is the
    // processor's, written per customer by `bundle`.
    let (notices, services): (Vec<_>, Vec<_>) = checked
        .notices
        .iter()
        .filter(|n| !n.is_fragment())
        .cloned()
        .partition(|n| n.open_controller.is_none());
    if !services.is_empty() {
        writeln!(
            err,
            "note: {} service notices with `controller = \"customer\"` are left out: `seloste bundle` writes each customer's processor record",
            services.len()
        )?;
    }
    let languages = if args.lang.is_empty() {
        checked
            .config
            .languages
            .first()
            .cloned()
            .or_else(|| {
                notices
                    .iter()
                    .find_map(|n| n.language_list().into_iter().next())
            })
            .into_iter()
            .collect()
    } else {
        args.lang.clone()
    };
    if languages.is_empty() || notices.is_empty() {
        writeln!(err, "error: there are no notices to record")?;
        return Ok(ExitCode::from(1));
    }
    let templates = args
        .templates
        .clone()
        .or_else(|| checked.config.templates.clone())
        .or_else(|| {
            let default = PathBuf::from("templates");
            default.is_dir().then_some(default)
        });
    let renderer = crate::render::Renderer::new(templates.as_deref())?;
    let mut formats = args.format.clone();
    formats.sort();
    formats.dedup();
    let mut files = Vec::new();
    for lang in &languages {
        let elsewhere = crate::records::not_in_language(&notices, lang);
        if !elsewhere.is_empty() {
            writeln!(
                err,
                "note: not written in {lang}, recorded in their first language: {}",
                elsewhere.join(", ")
            )?;
        }
        let book = crate::records::controller_record(renderer.locales(), &notices, lang)?;
        files.extend(crate::records::files(
            &renderer,
            &book,
            &format!("records.{lang}"),
            &formats,
            WriteOptions { bom: args.bom },
        )?);
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    crate::output::write_site(&args.out, &files)?;
    if tally.warnings > 0 {
        writeln!(err, "{}", report::summary(tally, checked.notices.len()))?;
    }
    let activities: usize = notices.iter().map(|n| n.purposes().len()).sum();
    writeln!(
        err,
        "recorded {activities} processing activities of {} notices into {}/ ({} files)",
        notices.len(),
        args.out.display(),
        files.len()
    )?;
    Ok(ExitCode::SUCCESS)
}
