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
    /// Notice files or folders (folders are searched for *.toml).
    #[arg(default_value = "notices")]
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

    /// Keep running for local preview: rebuild whenever a notice,
    /// seloste.toml or a template changes (Ctrl-C to stop).
    #[cfg(feature = "watch")]
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

/// What and how to render, shared by `build` and `bundle`.
#[derive(Debug, clap::Args)]
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
            OutputFormat::Json => None,
        }
    }
}

/// One build: check, then render and replace the output folder (`watch`
/// runs it again on every change).
pub fn run(args: &BuildArgs, config_path: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let engine = args.render.pdf_engine()?;
    let checked = project::check(&args.paths, config_path);
    // Diagnostics go to stderr so that stdout stays free for tools.
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
    let (publishable, services): (Vec<_>, Vec<_>) = checked
        .notices
        .iter()
        .cloned()
        .partition(|n| n.open_controller.is_none());
    if !services.is_empty() {
        writeln!(
            err,
            "note: {} service notices with `controller = \"customer\"` are published per customer by `seloste bundle`",
            services.len()
        )?;
    }
    let mut files = renderer.site(&publishable, &selection, &checked.config.languages)?;
    if args.render.json() {
        files.extend(crate::export::json::beside_pages(
            renderer.locales(),
            &publishable,
            &selection,
            &checked.config.languages,
        )?);
        files.sort_by(|a, b| a.path.cmp(&b.path));
    }
    if let Some(engine) = &engine {
        engine.convert(&mut files, &crate::pdf::Dates::of_notices(&publishable))?;
    }
    crate::output::write_site(&out, &files)?;
    if tally.warnings > 0 {
        writeln!(err, "{}", report::summary(tally, checked.notices.len()))?;
    }
    let count = checked.notices.len();
    writeln!(
        err,
        "built {count} {} into {}/ ({} files)",
        if count == 1 { "notice" } else { "notices" },
        out.display(),
        files.len()
    )?;
    Ok(ExitCode::SUCCESS)
}
