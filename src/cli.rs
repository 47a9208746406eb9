//! The command line: argument parsing and the commands, wiring the pipeline
//! stages together. Exit codes follow ripgrep's convention: 0 clean,
//! 1 findings (errors, or warnings with `--deny-warnings`), 2 usage or I/O
//! error.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use crate::config::{self, Config};
use crate::diagnostic::{Diagnostic, Tally};
use crate::lint::{self, registry};
use crate::report;
use crate::source::SourceMap;

/// Compile privacy notices (tietosuojaseloste, dataskyddsbeskrivning) from
/// TOML sources, checked against GDPR Art. 13 and 14.
#[derive(Debug, Parser)]
#[command(name = "seloste", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// When to colour the output.
    #[arg(long, value_enum, global = true, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Project configuration file [default: ./seloste.toml when it exists].
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check notices against GDPR Art. 13/14 and the quality rules.
    ///
    /// Every problem in every file is reported, each pointing at file:line:column
    /// with its rule code, the article it enforces and how to fix it.
    /// Exit code 0: no errors (warnings allowed); 1: errors found (or warnings
    /// with --deny-warnings); 2: usage or I/O error.
    Check(CheckArgs),
    /// Check, then render every notice to HTML, print HTML and Markdown.
    ///
    /// Output goes to `site/<lang>/<notice-id>.{html,print.html,md}` with an
    /// index page per language. Errors stop the build before anything is
    /// written; the previous output is replaced only when the whole build
    /// succeeded.
    Build(BuildArgs),
    /// Build every customer's notices from a vendor's service notices.
    ///
    /// Each customer file (`customers/*.toml`) names the services it uses;
    /// every service is bound to the customer, checked, and rendered in the
    /// customer's languages into `<out>/<customer>/`, with `manifest.json`
    /// and `<out>/<customer>.zip`. A customer with errors gets no output
    /// (its previous bundle stays); the others are built. Exit 1 when any
    /// customer failed.
    Bundle(BundleArgs),
    /// Compare two versions of one notice: what changed, section by section.
    ///
    /// `seloste diff OLD NEW`, or `seloste diff FILE --rev REV` to compare a
    /// file with its version at a git revision. The changes are worded in
    /// --lang (default: the notice's first language), as text or Markdown.
    /// Exit code 0: nothing material changed; 1: something did; 2: error.
    Diff(crate::diff::DiffArgs),
    /// Start a new notice: every required item as a `TODO:` placeholder.
    ///
    /// Writes `<DIR>/<ID>.toml` (never over an existing file) with each block
    /// explained by its GDPR article. `seloste check` reports every
    /// placeholder (Q013) until it is replaced.
    New(crate::scaffold::NewArgs),
    /// Create a project folder that builds straight away.
    ///
    /// Writes a commented `seloste.toml`, `notices/` with one complete
    /// example notice, `customers/` and a `.gitignore`. The folder must be
    /// new or empty.
    Init {
        /// Folder to create the project in.
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Write the default templates into a folder, for editing.
    ///
    /// A project's `templates/` folder (or --templates DIR) overrides the
    /// built-in templates file by file.
    InitTemplates {
        /// Folder to write into.
        #[arg(default_value = "templates")]
        dir: PathBuf,
        /// Overwrite files that already exist.
        #[arg(long)]
        force: bool,
    },
    /// Print the JSON Schema (draft-07) of notice files, for editors.
    ///
    /// Name it on a notice's first line, `#:schema ../schema/notice.schema.json`,
    /// and editors with a TOML language server (Even Better TOML, Taplo)
    /// complete keys and show their documentation.
    Schema {
        /// The schema of customer files instead.
        #[arg(long)]
        customer: bool,
    },
    /// Explain a rule: what it checks, the article behind it and how to fix it.
    Explain {
        /// A rule code (G003) or name (dpo-contact).
        rule: String,
    },
    /// List every rule with its code, name, default severity and article.
    Rules {
        /// Output format (`sarif`: the rules as a SARIF run without results;
        /// `github` is only for `check`).
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Print a shell completion script to stdout.
    ///
    /// E.g. `seloste completions bash > ~/.local/share/bash-completion/completions/seloste`.
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) to stdout, e.g. `seloste man > seloste.1`.
    Man,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Notice files or folders to check (folders are searched for *.toml).
    #[arg(default_value = "notices")]
    pub paths: Vec<PathBuf>,

    /// Output format: human-readable snippets, one JSON object per line, a
    /// SARIF 2.1.0 document, or GitHub Actions annotations.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Exit with 1 when there are warnings, not only errors.
    #[arg(long)]
    pub deny_warnings: bool,

    /// Print only the diagnostics, without the summary line.
    #[arg(long, short)]
    pub quiet: bool,

    /// Also warn (Q014) about notices whose content changed since this git
    /// revision while their version and date did not.
    #[arg(long, value_name = "REV")]
    pub since: Option<String>,
}

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

#[derive(Debug, clap::Args)]
pub struct BundleArgs {
    /// Service notice files or folders (folders are searched for *.toml).
    #[arg(default_value = "notices")]
    pub paths: Vec<PathBuf>,

    /// Folder of customer files [default: `customers` of seloste.toml, else
    /// customers].
    #[arg(long, value_name = "CUSTOMERS")]
    pub customers: Option<PathBuf>,

    /// Build only these customers (by id).
    #[arg(long, value_name = "ID", num_args = 1.., value_delimiter = ',')]
    pub only: Vec<String>,

    /// Build the K-th of N parts of the customers, for parallel CI jobs
    /// (e.g. 1/4). Parts are disjoint and together cover every customer.
    #[arg(long, value_name = "K/N", value_parser = crate::bundle::Shard::parse)]
    pub shard: Option<crate::bundle::Shard>,

    /// Output folder; each customer's folder and zip in it are replaced
    /// [default: `bundles` of seloste.toml, else bundles].
    #[arg(long, short, value_name = "OUT")]
    pub out: Option<PathBuf>,

    #[command(flatten)]
    pub render: RenderArgs,

    /// Fail a customer (nothing written for it) when it has warnings.
    #[arg(long)]
    pub deny_warnings: bool,
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
    /// The renderer, with the project's templates if any: the flag, else
    /// `templates` of seloste.toml, else `./templates` when it exists.
    fn renderer(&self, config: &Config) -> anyhow::Result<crate::render::Renderer> {
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
    fn selection(&self, languages: Vec<crate::model::Lang>) -> crate::render::Selection {
        let mut formats: Vec<crate::render::Format> =
            self.format.iter().map(|f| f.render_format()).collect();
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
}

impl OutputFormat {
    fn render_format(self) -> crate::render::Format {
        match self {
            OutputFormat::Html => crate::render::Format::Html,
            OutputFormat::Print => crate::render::Format::Print,
            OutputFormat::Md => crate::render::Format::Md,
            OutputFormat::Pdf => crate::render::Format::Pdf,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Human-readable, rustc-style snippets.
    Human,
    /// One JSON object per line.
    Json,
    /// One SARIF 2.1.0 document, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.color {
        ColorChoice::Auto => {}
        ColorChoice::Always => anstream::ColorChoice::Always.write_global(),
        ColorChoice::Never => anstream::ColorChoice::Never.write_global(),
    }
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(anstream::stderr(), "error: {e:#}");
            ExitCode::from(2)
        }
    }
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Check(args) => check(&args, cli.config),
        Command::Build(args) => build(&args, cli.config),
        Command::Bundle(args) => bundle(&args, cli.config),
        Command::Diff(args) => crate::diff::run(&args, cli.config),
        Command::New(args) => crate::scaffold::new(&args, cli.config.as_deref()),
        Command::Init { dir } => crate::scaffold::init(&dir),
        Command::InitTemplates { dir, force } => init_templates(&dir, force),
        Command::Schema { customer } => {
            write!(
                anstream::stdout(),
                "{}",
                crate::schema::json_schema_text(customer)
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { rule } => explain(&rule),
        Command::Rules { format } => rules(format),
        Command::Completions { shell } => completions(shell),
        Command::Man => man(),
    }
}

/// The outcome of loading and linting, shared by every command that checks.
pub struct Checked {
    pub sources: SourceMap,
    pub config: Config,
    pub notices: Vec<crate::model::Notice>,
    pub diagnostics: Vec<Diagnostic>,
    /// Problems that are not findings in a notice: unreadable paths, a
    /// broken configuration. They make the exit code 2.
    pub fatal: Vec<String>,
}

/// Loads the configuration and the notices and runs every rule.
pub fn load_and_check(paths: &[PathBuf], config_path: Option<PathBuf>) -> Checked {
    let mut sources = SourceMap::default();
    let mut fatal = Vec::new();
    let mut diagnostics = Vec::new();
    let config = config::load_project(config_path, &mut sources, &mut diagnostics, &mut fatal);
    let mut notices = crate::bind::load_notices(paths, &mut sources, &mut diagnostics, &mut fatal);
    config::apply_defaults(&mut notices, &config);
    let linted: Vec<Diagnostic> = notices
        .par_iter()
        .flat_map_iter(|n| lint::check(n, &config.languages))
        .collect();
    diagnostics.extend(linted);
    diagnostics.extend(lint::check_project(&notices));
    lint::apply_overrides(&mut diagnostics, &config.rules);
    report::sort(&mut diagnostics);
    Checked {
        sources,
        config,
        notices,
        diagnostics,
        fatal,
    }
}

fn check(args: &CheckArgs, config_path: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let mut checked = load_and_check(&args.paths, config_path);
    if let Some(rev) = &args.since {
        match crate::diff::since(&checked.notices, &checked.sources, rev) {
            Ok(mut found) => {
                lint::apply_overrides(&mut found, &checked.config.rules);
                checked.diagnostics.extend(found);
                report::sort(&mut checked.diagnostics);
            }
            Err(e) => checked.fatal.push(format!("{e:#}")),
        }
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
    if args.format == Format::Human && !args.quiet {
        writeln!(out, "{}", report::summary(tally, checked.notices.len()))?;
    }
    out.flush()?;
    for e in &checked.fatal {
        writeln!(anstream::stderr(), "error: {e}")?;
    }
    let code = exit_code(&checked, tally, args.deny_warnings);
    // The process ends here: freeing every source and notice one by one
    // would only delay the exit (about 5% of a large run).
    std::mem::forget(checked);
    Ok(code)
}

fn build(args: &BuildArgs, config_path: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    #[cfg(feature = "watch")]
    if args.watch {
        return crate::watch::run(args, config_path);
    }
    build_once(args, config_path)
}

/// One build: check, then render and replace the output folder.
pub(crate) fn build_once(
    args: &BuildArgs,
    config_path: Option<PathBuf>,
) -> anyhow::Result<ExitCode> {
    let engine = args.render.pdf_engine()?;
    let checked = load_and_check(&args.paths, config_path);
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
    if let Some(engine) = &engine {
        engine.convert(&mut files, &crate::pdf::Dates::of_notices(&publishable))?;
    }
    crate::output::write_site(&out, &files)?;
    if tally.warnings > 0 {
        writeln!(err, "{}", report::summary(tally, checked.notices.len()))?;
    }
    writeln!(
        err,
        "built {} notices into {}/ ({} files)",
        checked.notices.len(),
        out.display(),
        files.len()
    )?;
    Ok(ExitCode::SUCCESS)
}

fn bundle(args: &BundleArgs, config_path: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let engine = args.render.pdf_engine()?;
    let only = args.only.clone();
    let shard = args.shard;
    let keep = move |id: &str| {
        (only.is_empty() || only.iter().any(|o| o == id)) && shard.is_none_or(|s| s.contains(id))
    };
    // The customer folder is needed before the configuration is loaded and
    // checked for real (which reports any problem in it).
    let customers = args
        .customers
        .clone()
        .or_else(|| config::peek(config_path.as_deref()).customers)
        .unwrap_or_else(|| PathBuf::from("customers"));
    let checked = crate::bundle::check(
        &args.paths,
        std::slice::from_ref(&customers),
        config_path,
        &keep,
    );
    let out = args
        .out
        .clone()
        .or_else(|| checked.config.bundles.clone())
        .unwrap_or_else(|| PathBuf::from("bundles"));
    let stderr = anstream::stderr();
    let mut err = stderr.lock();
    // The shared diagnostics (seloste.toml's among them) come first, also
    // when they are fatal: "seloste.toml has errors" alone says not which.
    report::print_human(&mut err, &checked.diagnostics, &checked.sources)?;
    for e in &checked.fatal {
        writeln!(err, "error: {e}")?;
    }
    if !checked.fatal.is_empty() {
        return Ok(ExitCode::from(2));
    }
    for id in &args.only {
        if !checked.customers.iter().any(|c| c.customer.id_str() == id) {
            writeln!(err, "error: no customer has the id `{id}` (--only)")?;
            return Ok(ExitCode::from(2));
        }
    }
    let shared_errors = Tally::of(&checked.diagnostics).errors > 0;
    let renderer = args.render.renderer(&checked.config)?;
    let selection = args.render.selection(Vec::new());
    let buildable = |c: &crate::bundle::CustomerCheck| {
        let warnings = c
            .diagnostics
            .iter()
            .any(|d| d.severity == crate::diagnostic::Severity::Warning);
        !(shared_errors
            || c.failed()
            || (args.deny_warnings && warnings)
            || !crate::lint::quality::is_valid_id(c.customer.id_str()))
    };
    if checked.customers.iter().any(buildable) {
        crate::output::claim_bundle_root(&out)?;
    }
    let mut engine = engine;
    if let Some(engine) = &mut engine {
        engine.stage_beside(&out);
    }

    // Each customer is decided on its own: one with errors is reported and
    // skipped, the others are built. Customers are rendered, written and
    // zipped in parallel, each folder and zip replaced whole; a customer's
    // files are dropped once written, so memory holds a few customers, not
    // the fleet.
    let results: Vec<(usize, anyhow::Result<Option<usize>>)> = checked
        .customers
        .par_iter()
        .enumerate()
        .map(|(i, c)| {
            if !buildable(c) {
                return (i, Ok(None));
            }
            let built = crate::bundle::customer_files(
                &renderer,
                c,
                &selection,
                &checked.config.languages,
                engine.as_ref(),
            )
            .and_then(|files| crate::bundle::write_customer(&out, c.customer.id_str(), &files));
            (i, built.map(Some))
        })
        .collect();
    let mut built = 0;
    // Not built because of findings: their previous output is untouched.
    let mut skipped = Vec::new();
    // Failed while rendering or writing: each message says what is left.
    let mut broken = Vec::new();
    let mut documents = 0;
    for u in &checked.unloadable {
        report::print_human(&mut err, &u.diagnostics, &checked.sources)?;
        skipped.push(u.path.display().to_string());
    }
    for (i, result) in results {
        let c = &checked.customers[i];
        let name = checked.name_of(c);
        report::print_human(&mut err, &c.diagnostics, &checked.sources)?;
        match result {
            Ok(Some(count)) => {
                documents += count;
                built += 1;
            }
            Ok(None) => skipped.push(name),
            Err(e) => {
                writeln!(err, "error: customer `{name}`: {e:#}")?;
                broken.push(name);
            }
        }
    }
    let tally = crate::bundle::tally(&checked);
    if tally.errors > 0 || tally.warnings > 0 {
        writeln!(
            err,
            "{}",
            report::summary(tally, checked.customer_count()).replace("notice", "customer")
        )?;
    }
    writeln!(
        err,
        "built {built} of {} customers into {}/ ({documents} documents)",
        checked.customer_count(),
        out.display()
    )?;
    if shared_errors {
        writeln!(
            err,
            "error: the service notices have errors (above), so no customer was built"
        )?;
    }
    if !skipped.is_empty() {
        writeln!(
            err,
            "error: not built because of the findings above (any previous output of theirs is untouched): {}",
            skipped.join(", ")
        )?;
    }
    if !broken.is_empty() {
        writeln!(
            err,
            "error: failed while writing (see each message for what was replaced): {}",
            broken.join(", ")
        )?;
    }
    if shared_errors || !skipped.is_empty() || !broken.is_empty() {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn init_templates(dir: &std::path::Path, force: bool) -> anyhow::Result<ExitCode> {
    std::fs::create_dir_all(dir)?;
    let mut written = 0;
    for (name, source) in crate::render::templates::defaults() {
        let path = dir.join(name);
        if path.exists() && !force {
            writeln!(
                anstream::stderr(),
                "skipped {} (exists; --force to overwrite)",
                path.display()
            )?;
            continue;
        }
        std::fs::write(&path, source)?;
        written += 1;
    }
    writeln!(
        anstream::stderr(),
        "wrote {written} templates to {}",
        dir.display()
    )?;
    Ok(ExitCode::SUCCESS)
}

fn exit_code(checked: &Checked, tally: Tally, deny_warnings: bool) -> ExitCode {
    if !checked.fatal.is_empty() {
        ExitCode::from(2)
    } else if tally.errors > 0 || (deny_warnings && tally.warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn explain(key: &str) -> anyhow::Result<ExitCode> {
    let Some(rule) = registry::lookup(key) else {
        let names: Vec<&str> = registry::RULES
            .iter()
            .flat_map(|r| [r.code, r.name])
            .collect();
        let hint = crate::load::decode::did_you_mean(key, &names)
            .map(|s| format!(" (did you mean `{s}`?)"))
            .unwrap_or_default();
        anyhow::bail!("no rule `{key}`{hint}; `seloste rules` lists them all");
    };
    let mut out = anstream::stdout().lock();
    writeln!(out, "{} ({})", rule.code, rule.name)?;
    writeln!(out)?;
    writeln!(out, "{}", rule.summary)?;
    writeln!(out)?;
    if rule.article != "-" {
        writeln!(out, "Article:  GDPR {}", rule.article)?;
    }
    writeln!(out, "Severity: {} by default", rule.severity)?;
    writeln!(out)?;
    writeln!(out, "{}", rule.explanation)?;
    Ok(ExitCode::SUCCESS)
}

fn rules(format: Format) -> anyhow::Result<ExitCode> {
    let mut out = anstream::stdout().lock();
    match format {
        Format::Human | Format::Json => {}
        Format::Sarif => {
            report::print_sarif(&mut out, &[], &SourceMap::default())?;
            return Ok(ExitCode::SUCCESS);
        }
        Format::Github => {
            anyhow::bail!(
                "`--format github` is only for `check`; `rules` prints human, json or sarif"
            )
        }
    }
    for r in registry::RULES {
        match format {
            Format::Human => writeln!(
                out,
                "{:<5} {:<38} {:<8} {}",
                r.code,
                r.name,
                r.severity,
                if r.article == "-" { "" } else { r.article }
            )?,
            Format::Json => writeln!(
                out,
                "{}",
                serde_json::json!({
                    "code": r.code, "name": r.name, "severity": r.severity.as_str(),
                    "article": (r.article != "-").then_some(r.article), "summary": r.summary,
                })
            )?,
            Format::Sarif | Format::Github => unreachable!("handled above"),
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn completions(shell: clap_complete::Shell) -> anyhow::Result<ExitCode> {
    let mut cmd = <Cli as clap::CommandFactory>::command();
    let mut out = std::io::stdout().lock();
    clap_complete::generate(shell, &mut cmd, "seloste", &mut out);
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn man() -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(&mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
