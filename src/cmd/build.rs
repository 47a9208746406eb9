//! `seloste build`: check, then render every notice and replace the output
//! folder. Also the rendering options `bundle` shares.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;

use crate::diagnostic::Tally;
use crate::load::config::Config;
use crate::{project, report};

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Notice files or folders (folders are searched for *.toml)
    /// [default: `notices` of seloste.toml, else notices].
    pub paths: Vec<PathBuf>,

    /// Output folder. It is replaced as a whole; seloste refuses to replace a
    /// non-empty folder it did not write [default: `out` of seloste.toml,
    /// else site].
    #[arg(long, short, value_name = "OUT")]
    pub out: Option<PathBuf>,

    /// Languages to build [default: every language each notice declares].
    #[arg(long, value_delimiter = ',', value_parser = crate::model::Lang::parse_arg)]
    pub lang: Vec<crate::model::Lang>,

    #[command(flatten)]
    pub render: RenderArgs,

    /// Fail (exit 1, nothing written) when there are warnings.
    #[arg(long)]
    pub deny_warnings: bool,

    #[command(flatten)]
    pub verbosity: crate::progress::Verbosity,

    /// Keep running for local preview: rebuild whenever a notice,
    /// seloste.toml or a template changes (Ctrl-C to stop).
    #[arg(long)]
    pub watch: bool,
}

impl BuildArgs {
    /// The output folder: the flag, else `out` of seloste.toml, else site.
    pub(crate) fn out_dir(&self, config: &Config) -> PathBuf {
        self.out
            .clone()
            .or_else(|| config.out.clone())
            .unwrap_or_else(|| PathBuf::from("site"))
    }
}

/// What and how to render, shared by `build`, `bundle` and `serve`.
#[derive(Debug, Clone, clap::Args)]
pub struct RenderArgs {
    /// Formats to build.
    #[arg(long, value_delimiter = ',', value_enum, default_values_t = [OutputFormat::Html, OutputFormat::Print, OutputFormat::Md])]
    pub format: Vec<OutputFormat>,

    /// Folder of templates overriding the built-in ones file by file
    /// [default: `templates` of seloste.toml, else ./templates when it
    /// exists].
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,

    /// Also print every notice to PDF (the same as adding `pdf` to
    /// --format), through Chromium or WeasyPrint.
    #[arg(long)]
    pub pdf: bool,

    /// The program that prints PDF: Chromium (one process for all
    /// documents) or WeasyPrint; `auto` takes the first installed. The
    /// environment variables SELOSTE_CHROMIUM and SELOSTE_WEASYPRINT name a
    /// program outside PATH.
    #[arg(long, value_enum, default_value_t = crate::pdf::EngineChoice::Auto, value_name = "ENGINE")]
    pub pdf_engine: crate::pdf::EngineChoice,

    /// Also publish notices marked `draft = true`, each with a visible
    /// "draft" banner (for review; by default drafts are skipped).
    #[arg(long)]
    pub drafts: bool,
}

impl RenderArgs {
    /// Whether `<lang>/<id>.json` is written beside the pages.
    pub(crate) fn json(&self) -> bool {
        self.format.contains(&OutputFormat::Json)
    }

    /// The renderer, with the project's templates if any: the flag, else
    /// `templates` of seloste.toml, else `./templates` when it exists.
    pub(crate) fn renderer(&self, config: &Config) -> anyhow::Result<crate::render::Renderer> {
        crate::render::Renderer::new(self.templates_dir(config).as_deref())
    }

    /// The project's template folder, if any.
    pub(crate) fn templates_dir(&self, config: &Config) -> Option<PathBuf> {
        self.templates
            .clone()
            .or_else(|| config.templates.clone())
            .or_else(|| {
                let default = PathBuf::from("templates");
                default.is_dir().then_some(default)
            })
    }

    /// The PDF engine, when PDF is asked for; found before anything is
    /// checked or rendered, so a missing engine fails fast.
    pub(crate) fn pdf_engine(&self) -> anyhow::Result<Option<crate::pdf::Engine>> {
        if self.pdf || self.format.contains(&OutputFormat::Pdf) {
            crate::pdf::Engine::detect(self.pdf_engine).map(Some)
        } else {
            Ok(None)
        }
    }

    /// The formats asked for, in a fixed order, for `languages`.
    pub(crate) fn selection(&self, languages: Vec<crate::model::Lang>) -> crate::render::Selection {
        let mut formats: Vec<crate::render::Format> = self
            .format
            .iter()
            .filter_map(|f| f.render_format())
            .collect();
        if self.pdf {
            formats.push(crate::render::Format::Pdf);
        }
        formats.sort();
        formats.dedup();
        crate::render::Selection { languages, formats }
    }
}

impl RenderArgs {
    /// The notices to publish and the drafts left out (none with
    /// `--drafts`, which publishes them with a banner).
    pub(crate) fn split_drafts(
        &self,
        notices: Vec<crate::model::Notice>,
    ) -> (Vec<crate::model::Notice>, Vec<crate::model::Notice>) {
        if self.drafts {
            return (notices, Vec::new());
        }
        notices.into_iter().partition(|n| !n.is_draft())
    }
}

/// The note on drafts left out of a build or bundle.
pub(crate) fn drafts_note(drafts: &[crate::model::Notice]) -> String {
    let ids: Vec<&str> = drafts.iter().map(|n| n.id_str()).collect();
    format!(
        "note: {} not published (`draft = true`; --drafts builds {} with a draft banner): {}",
        if ids.len() == 1 {
            "1 draft is".to_string()
        } else {
            format!("{} drafts are", ids.len())
        },
        if ids.len() == 1 { "it" } else { "them" },
        ids.join(", ")
    )
}

/// An output format of `build`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Standalone web page.
    Html,
    /// Print-ready HTML (A4), for PDF.
    Print,
    /// CommonMark.
    Md,
    /// PDF, printed from the print HTML by Chromium or WeasyPrint.
    Pdf,
    /// The notice's body as an HTML fragment for a CMS page (no <html>, no
    /// <style>), with one stylesheet for all, seloste-fragment.css.
    Fragment,
    /// The resolved notice as data, `<lang>/<id>.json` beside its pages
    /// (schema: `seloste schema --export`).
    Json,
}

impl OutputFormat {
    /// The renderer's format; `None` for data, which the export stage
    /// writes.
    fn render_format(self) -> Option<crate::render::Format> {
        match self {
            OutputFormat::Html => Some(crate::render::Format::Html),
            OutputFormat::Print => Some(crate::render::Format::Print),
            OutputFormat::Md => Some(crate::render::Format::Md),
            OutputFormat::Pdf => Some(crate::render::Format::Pdf),
            OutputFormat::Fragment => Some(crate::render::Format::Fragment),
            OutputFormat::Json => None,
        }
    }
}

/// One build: check, then render and replace the output folder (`watch`
/// runs it again on every change).
pub fn run(args: &BuildArgs, config_path: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    // Diagnostics go to stderr so that stdout stays free for tools. Not
    // locked for the whole run: the progress bar's thread draws on it too.
    run_into(args, config_path, &mut anstream::stderr())
}

/// One build, its report written to `err` (`serve` keeps it, to show a
/// failed build's diagnostics in the browser).
pub(crate) fn run_into(
    args: &BuildArgs,
    config_path: Option<PathBuf>,
    mut err: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let engine = args.render.pdf_engine()?;
    let mut progress = crate::progress::Progress::new(args.verbosity);
    progress.message("checking");
    let mut checked = project::check(&args.paths, config_path);
    for (stage, took) in &checked.timings {
        progress.record(stage, *took);
    }
    if !checked.fatal.is_empty() {
        progress.hide();
        return Ok(super::report_fatal(
            &mut err,
            &checked.config_diagnostics(),
            &checked.sources,
            &checked.fatal,
        )?);
    }
    progress.suspend(|| report::print_human(&mut err, &checked.diagnostics, &checked.sources))?;
    let tally = Tally::of(&checked.diagnostics);
    if tally.errors > 0 || (args.deny_warnings && tally.warnings > 0) {
        progress.finish(&mut err)?;
        if !args.verbosity.quiet {
            writeln!(err, "{}", report::summary(tally, checked.notices.len()))?;
        }
        writeln!(
            err,
            "error: nothing was built; fix the errors above (the previous output is untouched)"
        )?;
        return Ok(ExitCode::from(1));
    }
    let renderer = args.render.renderer(&checked.config)?;
    let selection = args.render.selection(args.lang.clone());
    let out = args.out_dir(&checked.config);
    // Refused before any work, not after the PDFs are printed; checked
    // again when the output is staged.
    crate::output::check_target(&out)?;
    let mut engine = engine;
    if let Some(engine) = &mut engine {
        engine.stage_beside(&out);
    }
    // Service notices whose controller comes from each customer are
    // published per customer by `bundle`, never on their own.
    // Moved, not cloned: the report below needs only their count.
    let count = checked.notices.len();
    let (publishable, services): (Vec<_>, Vec<_>) = std::mem::take(&mut checked.notices)
        .into_iter()
        .partition(|n| n.open_controller.is_none());
    let (mut publishable, drafts) = args.render.split_drafts(publishable);
    // The organisation's look from seloste.toml, on every page.
    if let Some(branding) = &checked.config.branding {
        for n in &mut publishable {
            n.branding = Some(branding.clone());
        }
    }
    if !drafts.is_empty() && progress.says_summary() {
        progress.suspend(|| writeln!(err, "{}", drafts_note(&drafts)))?;
    }
    if !services.is_empty() && progress.says_summary() {
        progress.suspend(|| {
            writeln!(
                err,
                "note: {} service notices with `controller = \"customer\"` are published per customer by `seloste bundle`",
                services.len()
            )
        })?;
    }
    progress.stage("render", format!("rendering {} notices", publishable.len()));
    // Beside the pages: the logo, where they link it, and with `--json`
    // each notice's resolved data.
    let mut extra = Vec::new();
    if let Some((name, bytes)) = checked
        .config
        .branding
        .as_ref()
        .and_then(|b| b.logo_file.as_ref())
    {
        extra.push(crate::render::RenderedFile {
            path: name.clone(),
            contents: bytes.clone(),
            shared: Vec::new(),
        });
    }
    if args.render.json() {
        extra.extend(crate::export::json::beside_pages(
            renderer.locales(),
            &publishable,
            &selection,
            &checked.config.languages,
        )?);
    }
    let langs = &checked.config.languages;
    let written = match &engine {
        // Without PDFs, each notice's pages are written as soon as they
        // are rendered, into the new folder beside `out`: a site is not
        // held in memory whole (1,000 notices were 445 MB), and the
        // previous output stays until the last file is written.
        None => {
            let staging = crate::output::Staging::begin(&out, None)?;
            let pages = std::sync::atomic::AtomicUsize::new(0);
            renderer.site_each(&publishable, &selection, langs, |files| {
                pages.fetch_add(files.len(), std::sync::atomic::Ordering::Relaxed);
                staging.write(&files)
            })?;
            progress.stage("write", "publishing the new output".to_string());
            staging.write(&extra)?;
            staging.finish()?.publish()?.remove()?;
            pages.into_inner() + extra.len()
        }
        Some(engine) => {
            let mut files = renderer.site(&publishable, &selection, langs)?;
            files.extend(extra);
            files.sort_by(|a, b| a.path.cmp(&b.path));
            let documents = files
                .iter()
                .filter(|f| f.path.ends_with(crate::pdf::SOURCE_SUFFIX))
                .count();
            progress.stage(
                "pdf",
                format!("printing {documents} PDFs with {}", engine.name()),
            );
            engine.convert(&mut files, &crate::pdf::Dates::of_notices(&publishable))?;
            progress.stage("write", format!("writing {} files", files.len()));
            crate::output::write_site(&out, &files)?;
            files.len()
        }
    };
    progress.finish(&mut err)?;
    super::free_in_background((renderer, publishable, checked));
    if args.verbosity.quiet {
        return Ok(ExitCode::SUCCESS);
    }
    if tally.warnings > 0 {
        writeln!(err, "{}", report::summary(tally, count))?;
    }
    writeln!(
        err,
        "built {count} {} into {}/ ({} files)",
        if count == 1 { "notice" } else { "notices" },
        out.display(),
        written
    )?;
    Ok(ExitCode::SUCCESS)
}
