//! The command line: the top-level arguments and the dispatch to the
//! commands in [`crate::cmd`], one file each.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::cmd;

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
    Check(cmd::check::CheckArgs),
    /// Check, then render every notice to HTML, print HTML and Markdown.
    ///
    /// Output goes to `site/<lang>/<notice-id>.{html,print.html,md}` with an
    /// index page per language. Errors stop the build before anything is
    /// written; the previous output is replaced only when the whole build
    /// succeeded.
    Build(cmd::build::BuildArgs),
    /// Build every customer's notices from a vendor's service notices.
    ///
    /// Each customer file (`customers/*.toml`) names the services it uses;
    /// every service is bound to the customer, checked, and rendered in the
    /// customer's languages into `<out>/<customer>/`, with `manifest.json`
    /// and `<out>/<customer>.zip`. A customer with errors gets no output
    /// (its previous bundle stays); the others are built. Exit 1 when any
    /// customer failed.
    Bundle(cmd::bundle::BundleArgs),
    /// Preview the site in a browser: build, serve, rebuild and reload on
    /// every change.
    ///
    /// Builds into a temporary folder (never the project's output), serves
    /// it on http://127.0.0.1:PORT/ and rebuilds whenever a notice, a
    /// template or seloste.toml changes; open pages reload themselves. When
    /// a build fails its diagnostics are shown over the last good pages.
    /// Ctrl-C stops it and removes the folder.
    Serve(cmd::serve::ServeArgs),
    /// Write the record of processing activities (GDPR Art. 30(1)) of the
    /// notices: one row per purpose.
    ///
    /// Checks the notices first (errors stop it) and runs the record's own
    /// rules (R001, R002), then writes `<out>/records.<lang>.{xlsx,csv,html,md}`:
    /// the controller and DPO, purpose, legal basis, categories of data
    /// subjects and of personal data, recipients, transfers with their
    /// safeguards, storage periods and security measures, in fi, sv or en.
    Records(cmd::records::RecordsArgs),
    /// Write each notice as data for other tools: JSON with a versioned
    /// schema.
    ///
    /// The notice as resolved (fragments applied), with the legal-basis
    /// wording, the derived rights and the supervisory authority, in each
    /// of its languages: `<out>/<id>.json` (schema: `seloste schema
    /// --export`). Checks first; errors stop it.
    Export(cmd::export::ExportArgs),
    /// The state of the translations: per notice and language, the texts
    /// missing, stale and disagreeing.
    ///
    /// A text is stale (with --since REV) when it changed since REV in
    /// another language but not in this one (rule Q024), and disagreeing
    /// when its facts (numbers, dates, addresses) differ from the notice's
    /// first language. Exit code 0, or 2 when the notices cannot be read.
    Status(cmd::status::StatusArgs),
    /// Compare two versions of one notice: what changed, section by section.
    ///
    /// `seloste diff OLD NEW`, or `seloste diff FILE --rev REV` to compare a
    /// file with its version at a git revision. The changes are worded in
    /// --lang (default: the notice's first language), as text or Markdown.
    /// Exit code 0: nothing material changed; 1: something did; 2: error.
    Diff(cmd::diff::DiffArgs),
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
        #[arg(long, conflicts_with = "export")]
        customer: bool,
        /// The schema of `seloste export`'s JSON (and `build --format
        /// json`'s) instead.
        #[arg(long)]
        export: bool,
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
        #[arg(long, value_enum, default_value_t = cmd::ReportFormat::Human)]
        format: cmd::ReportFormat,
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
        Command::Check(args) => cmd::check::run(&args, cli.config),
        Command::Status(args) => cmd::status::run(&args, cli.config),
        Command::Records(args) => cmd::records::run(&args, cli.config),
        Command::Export(args) => cmd::export::run(&args, cli.config),
        Command::Build(args) if args.watch => cmd::watch::run(&args, cli.config),
        Command::Build(args) => cmd::build::run(&args, cli.config),
        Command::Bundle(args) => cmd::bundle::run(&args, cli.config),
        Command::Serve(args) => cmd::serve::run(&args, cli.config),
        Command::Diff(args) => cmd::diff::run(&args, cli.config),
        Command::New(args) => crate::scaffold::new(&args, cli.config.as_deref()),
        Command::Init { dir } => crate::scaffold::init(&dir),
        Command::InitTemplates { dir, force } => cmd::templates::run(&dir, force),
        Command::Schema { customer, export } => {
            let text = if export {
                crate::export::json::schema_text()
            } else {
                crate::schema::json_schema_text(customer)
            };
            write!(anstream::stdout(), "{text}")?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { rule } => cmd::rules::explain(&rule),
        Command::Rules { format } => cmd::rules::list(format),
        Command::Completions { shell } => {
            cmd::shell::completions(<Cli as clap::CommandFactory>::command(), shell)
        }
        Command::Man => cmd::shell::man(<Cli as clap::CommandFactory>::command()),
    }
}
