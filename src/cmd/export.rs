//! `seloste export`: check the notices, then write each as data for other
//! tools (see [`crate::export`]) into a folder replaced whole like
//! `build`'s.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::diagnostic::Tally;
use crate::export::ExportFormat;
use crate::model::Lang;
use crate::render::RenderedFile;
use crate::{project, report};

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Notice files or folders (folders are searched for *.toml).
    #[arg(default_value = "notices")]
    pub paths: Vec<PathBuf>,

    /// What to write.
    #[arg(long, value_delimiter = ',', value_enum, default_values_t = [ExportFormat::Json])]
    pub format: Vec<ExportFormat>,

    /// Output folder. It is replaced as a whole; seloste refuses to replace
    /// a non-empty folder it did not write.
    #[arg(long, short, value_name = "OUT", default_value = "export")]
    pub out: PathBuf,

    /// Languages to export [default: every language each notice declares].
    #[arg(long, value_delimiter = ',', value_parser = Lang::parse_arg)]
    pub lang: Vec<Lang>,

    /// Fail (exit 1, nothing written) when there are warnings.
    #[arg(long)]
    pub deny_warnings: bool,
}

/// The files of `notices` in `formats`: `<id>.json`, ...
pub fn files(
    locales: &crate::render::locale::Locales,
    notices: &[crate::model::Notice],
    formats: &[ExportFormat],
    languages: &[Lang],
    defaults: &[Lang],
) -> anyhow::Result<Vec<RenderedFile>> {
    let selection = crate::render::Selection {
        languages: languages.to_vec(),
        formats: Vec::new(),
    };
    let mut files = Vec::new();
    for n in notices {
        let langs = crate::render::Renderer::languages_of(n, &selection, defaults);
        if langs.is_empty() {
            continue;
        }
        for format in formats {
            match format {
                ExportFormat::Json => {
                    let export = crate::export::json::export(locales, n, &langs)?;
                    files.push(RenderedFile {
                        path: format!("{}.json", n.id_str()),
                        contents: crate::export::json::to_bytes(&export)?,
                        shared: Vec::new(),
                    });
                }
                ExportFormat::Dpv => {
                    let view = crate::export::json::resolve(locales, n, &langs[0])?;
                    let doc = crate::export::dpv::document(n, &langs, &view);
                    let mut contents = serde_json::to_vec_pretty(&doc)?;
                    contents.push(b'\n');
                    files.push(RenderedFile {
                        path: format!("{}.jsonld", n.id_str()),
                        contents,
                        shared: Vec::new(),
                    });
                }
                ExportFormat::Tilt => {
                    for lang in &langs {
                        let view = crate::export::json::resolve(locales, n, lang)?;
                        let doc = crate::export::tilt::document(n, &view);
                        let mut contents = serde_json::to_vec_pretty(&doc)?;
                        contents.push(b'\n');
                        files.push(RenderedFile {
                            path: format!("{}.{lang}.tilt.json", n.id_str()),
                            contents,
                            shared: Vec::new(),
                        });
                    }
                }
            }
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

pub fn run(args: &ExportArgs, config_path: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let checked = project::check(&args.paths, config_path);
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
            "error: nothing was exported; fix the errors above (the previous output is untouched)"
        )?;
        return Ok(ExitCode::from(1));
    }
    for n in &checked.notices {
        if !crate::model::is_valid_id(n.id_str()) {
            anyhow::bail!(
                "refusing to export a notice with the id `{}` (Q012)",
                n.id_str()
            );
        }
    }
    let (notices, services): (Vec<_>, Vec<_>) = checked
        .notices
        .iter()
        .filter(|n| !n.is_fragment())
        .cloned()
        .partition(|n| n.open_controller.is_none());
    if !services.is_empty() {
        writeln!(
            err,
            "note: {} service notices with `controller = \"customer\"` are exported per customer by `seloste bundle --format json`",
            services.len()
        )?;
    }
    let mut formats = args.format.clone();
    formats.sort();
    formats.dedup();
    let locales = crate::render::locale::Locales::embedded()?;
    let files = files(
        &locales,
        &notices,
        &formats,
        &args.lang,
        &checked.config.languages,
    )?;
    crate::output::write_site(&args.out, &files)?;
    if tally.warnings > 0 {
        writeln!(err, "{}", report::summary(tally, checked.notices.len()))?;
    }
    writeln!(
        err,
        "exported {} notices into {}/ ({} files)",
        notices.len(),
        args.out.display(),
        files.len()
    )?;
    Ok(ExitCode::SUCCESS)
}
