//! The pipeline every command shares, from paths to checked notices:
//! the configuration, the sources, composition (fragments, customers) and
//! every rule. `check`, `build`, `watch` and `diff` run [`check`]; `bundle`
//! runs [`check_bundle`], which binds each customer to the services it uses
//! and checks each combined notice on its own, so that one customer's
//! errors do not stop the others.
//!
//! Nothing here prints or writes: the commands in [`crate::cmd`] decide
//! what to report and what to publish.

use std::collections::BTreeMap;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Severity, Tally};
use crate::load::config::{self, Config};
use crate::model::{Customer, Notice};
use crate::source::SourceMap;
use crate::{bind, lint, load, report};

/// The outcome of loading and linting, shared by every command that checks.
pub struct Checked {
    pub sources: SourceMap,
    pub config: Config,
    pub notices: Vec<Notice>,
    pub diagnostics: Vec<Diagnostic>,
    /// Problems that are not findings in a notice: unreadable paths, a
    /// broken configuration. They make the exit code 2.
    pub fatal: Vec<String>,
    /// The configuration file read (or looked for).
    pub config_file: PathBuf,
    /// How long loading and checking took, for `--verbose`.
    pub timings: Timings,
}

/// Stage times, in order: `load` (configuration, sources, composition)
/// and `check` (every rule).
pub type Timings = Vec<(&'static str, std::time::Duration)>;

impl Checked {
    /// The diagnostics of the configuration file: what a command that
    /// stops on a broken configuration shows.
    pub fn config_diagnostics(&self) -> Vec<Diagnostic> {
        config_diagnostics(&self.diagnostics, &self.sources, &self.config_file)
    }
}

/// The diagnostics in `diagnostics` that point into `config_file`.
pub fn config_diagnostics(
    diagnostics: &[Diagnostic],
    sources: &SourceMap,
    config_file: &std::path::Path,
) -> Vec<Diagnostic> {
    diagnostics
        .iter()
        .filter(|d| {
            !sources.is_empty() && sources.path(sources.file_of(d.span.start)) == config_file
        })
        .cloned()
        .collect()
}

/// The notice folders and files to read: those given on the command line,
/// else `notices` of seloste.toml, else `notices`.
pub fn notice_paths(given: &[PathBuf], config: &Config) -> Vec<PathBuf> {
    if !given.is_empty() {
        return given.to_vec();
    }
    vec![
        config
            .notices
            .clone()
            .unwrap_or_else(|| PathBuf::from("notices")),
    ]
}

/// The configuration file `config_path` names, else `./seloste.toml`.
pub fn config_file(config_path: Option<&std::path::Path>) -> PathBuf {
    config_path
        .map(std::path::Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from(config::FILE_NAME))
}

/// Loads the project configuration (see [`config::load_project`]) and
/// resolves its `[rules]`: a key that names no rule, or a rule that cannot
/// be reconfigured, makes the configuration broken, like a syntax error.
pub fn load_config(
    config_path: Option<PathBuf>,
    sources: &mut SourceMap,
    diagnostics: &mut Vec<Diagnostic>,
    fatal: &mut Vec<String>,
) -> Config {
    let path = config_file(config_path.as_deref());
    let broken_before = fatal.len();
    let mut config = config::load_project(config_path, sources, diagnostics, fatal);
    let problems = lint::configure(&mut config);
    if !problems.is_empty() && fatal.len() == broken_before {
        fatal.push(format!("{} has errors", path.display()));
    }
    diagnostics.extend(problems);
    config
}

/// Loads the configuration and the notices under `paths` (none: those
/// [`notice_paths`] names), composed and with the project's defaults
/// applied; no rule has run yet.
fn load_notices(paths: &[PathBuf], config_path: Option<PathBuf>) -> Checked {
    let started = std::time::Instant::now();
    let mut sources = SourceMap::default();
    let mut fatal = Vec::new();
    let mut diagnostics = Vec::new();
    let config_file = config_file(config_path.as_deref());
    let config = load_config(config_path, &mut sources, &mut diagnostics, &mut fatal);
    let paths = notice_paths(paths, &config);
    let mut notices = bind::load_notices(&paths, &mut sources, &mut diagnostics, &mut fatal);
    config::apply_defaults(&mut notices, &config);
    Checked {
        sources,
        config,
        notices,
        diagnostics,
        fatal,
        config_file,
        timings: vec![("load", started.elapsed())],
    }
}

/// `--since REV`: adds to `checked` what changed since the git revision
/// `rev` says (rules Q014 and Q024), with the project's severities; a
/// revision that cannot be read is a fatal problem.
pub fn check_since(checked: &mut Checked, rev: &str) {
    match lint::since::since(
        &checked.notices,
        &checked.sources,
        rev,
        crate::diff::unbumped,
    ) {
        Ok(mut found) => {
            lint::apply_overrides(&mut found, &checked.config.rules);
            checked.diagnostics.extend(found);
            report::sort(&mut checked.diagnostics);
        }
        Err(e) => checked.fatal.push(format!("{e:#}")),
    }
}

/// Loads the configuration and the notices and runs every rule.
pub fn check(paths: &[PathBuf], config_path: Option<PathBuf>) -> Checked {
    let mut checked = load_notices(paths, config_path);
    check_branding(&mut checked);
    let started = std::time::Instant::now();
    let linted: Vec<Diagnostic> = checked
        .notices
        .par_iter()
        .flat_map_iter(|n| {
            let config = &checked.config;
            lint::check_with(n, &config.languages, &config.readability)
        })
        .collect();
    checked.diagnostics.extend(linted);
    checked
        .diagnostics
        .extend(lint::check_project(&checked.notices));
    lint::apply_overrides(&mut checked.diagnostics, &checked.config.rules);
    lint::soften_drafts(&mut checked.diagnostics, &checked.notices, &checked.sources);
    report::sort(&mut checked.diagnostics);
    checked.timings.push(("check", started.elapsed()));
    checked
}

/// `[branding]` of seloste.toml, for `build`: reads its logo (relative to
/// the file) with the checks a customer's gets, and checks its colour
/// against the white header text (`Q015`).
fn check_branding(checked: &mut Checked) {
    let Some(b) = &mut checked.config.branding else {
        return;
    };
    let file = checked.sources.file_of(b.span.start);
    let dir = checked
        .sources
        .path(file)
        .parent()
        .map(std::path::Path::to_path_buf)
        .unwrap_or_default();
    checked
        .diagnostics
        .extend(load::logo::read_project_logo(b, &dir));
    if let Some(colour) = &b.colour {
        checked
            .diagnostics
            .extend(lint::customer::check_brand_colour(colour));
    }
}

/// One customer, checked.
pub struct CustomerCheck {
    pub customer: Customer,
    /// The service notices bound to the customer, in the order it lists them.
    pub notices: Vec<Notice>,
    pub diagnostics: Vec<Diagnostic>,
}

impl CustomerCheck {
    pub fn failed(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// A customer file that could not be read as a customer at all (a TOML
/// syntax error, an empty file, bytes that are not UTF-8): it gets no
/// bundle, and its diagnostics count as errors like any customer's.
pub struct Unloadable {
    pub path: PathBuf,
    pub diagnostics: Vec<Diagnostic>,
}

/// Services and customers, loaded and checked.
pub struct BundleChecked {
    pub sources: SourceMap,
    pub config: Config,
    /// Problems in the service files themselves (loading, composition).
    pub diagnostics: Vec<Diagnostic>,
    pub customers: Vec<CustomerCheck>,
    /// Customer files with no customer in them, in path order.
    pub unloadable: Vec<Unloadable>,
    pub fatal: Vec<String>,
    /// The configuration file read (or looked for).
    pub config_file: PathBuf,
    /// How long loading and checking took, for `--verbose`.
    pub timings: Timings,
}

impl BundleChecked {
    /// How many customers this run is about: those read and those whose
    /// file could not be read.
    pub fn customer_count(&self) -> usize {
        self.customers.len() + self.unloadable.len()
    }

    /// How a customer is named in messages: its id, else its file.
    pub fn name_of(&self, c: &CustomerCheck) -> String {
        match c.customer.id.as_ref() {
            Some(id) if !id.value.is_empty() => id.value.clone(),
            _ => self.sources.path(c.customer.file).display().to_string(),
        }
    }
}

/// Loads and checks the services under `services` (none: those
/// [`notice_paths`] names) and the customers under `customers` (none:
/// `customers` of seloste.toml, else `customers`), keeping those `keep`
/// accepts.
pub fn check_bundle(
    services: &[PathBuf],
    customers: Option<PathBuf>,
    config_path: Option<PathBuf>,
    keep: &(dyn Fn(&str) -> bool + Sync),
) -> BundleChecked {
    // The services are checked as a project only: each is checked in full
    // once bound to a customer.
    let Checked {
        mut sources,
        config,
        notices,
        mut diagnostics,
        mut fatal,
        config_file,
        timings,
    } = load_notices(services, config_path);
    let mut timings = timings;
    let started = std::time::Instant::now();
    diagnostics.extend(lint::check_project(&notices));
    let customers = customers
        .or_else(|| config.customers.clone())
        .unwrap_or_else(|| PathBuf::from("customers"));

    let first_customer_file = sources.len();
    let loaded_customers = load::load_customers(std::slice::from_ref(&customers), &mut sources);
    timings[0].1 += started.elapsed();
    let started = std::time::Instant::now();
    fatal.extend(loaded_customers.io_errors);
    // A customer file's own loading problems belong to that customer.
    let mut by_file: BTreeMap<usize, Vec<Diagnostic>> = BTreeMap::new();
    for d in loaded_customers.diagnostics {
        by_file
            .entry(sources.file_of(d.span.start).0)
            .or_default()
            .push(d);
    }
    // A file that held no customer is still a customer that gets no
    // bundle: reported and counted, never skipped in silence. Under
    // --only/--shard it is judged by its file name, the id it most likely
    // has, so that exactly one shard reports it.
    let read: std::collections::HashSet<usize> = loaded_customers
        .customers
        .iter()
        .map(|c| c.file.0)
        .collect();
    let mut unloadable = Vec::new();
    for file in first_customer_file..sources.len() {
        if read.contains(&file) {
            continue;
        }
        let path = sources.path(crate::source::FileId(file)).to_path_buf();
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let mut own = by_file.remove(&file).unwrap_or_default();
        if own.is_empty() || !keep(stem) {
            // No diagnostics: an unreadable file, already among `fatal`.
            continue;
        }
        lint::apply_overrides(&mut own, &config.rules);
        report::sort(&mut own);
        unloadable.push(Unloadable {
            path,
            diagnostics: own,
        });
    }
    let checks: Vec<CustomerCheck> = loaded_customers
        .customers
        .into_iter()
        .filter(|c| keep(c.id_str()))
        .map(|c| {
            let own = by_file.remove(&c.file.0).unwrap_or_default();
            (c, own)
        })
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|(customer, own)| check_customer(customer, own, &notices, &config, &sources))
        .collect();
    // Loading problems of customers left out by --only or --shard are not
    // this run's business; those of customers kept were moved above.
    lint::apply_overrides(&mut diagnostics, &config.rules);
    report::sort(&mut diagnostics);
    timings.push(("check", started.elapsed()));
    BundleChecked {
        sources,
        config,
        diagnostics,
        customers: checks,
        unloadable,
        fatal,
        config_file,
        timings,
    }
}

fn check_customer(
    customer: Customer,
    own: Vec<Diagnostic>,
    services: &[Notice],
    config: &Config,
    sources: &SourceMap,
) -> CustomerCheck {
    let mut diagnostics = own;
    diagnostics.extend(lint::customer::check(&customer, services));
    let mut bound = Vec::new();
    for id in customer.service_ids() {
        let Some(service) = services
            .iter()
            .find(|s| s.id.as_ref().is_some_and(|i| i.value == id.value))
        else {
            continue;
        };
        let notice = bind::bind(service, &customer);
        diagnostics.extend(lint::check_with(
            &notice,
            &config.languages,
            &config.readability,
        ));
        // `bundle` writes each customer's processor record (Art. 30(2)).
        diagnostics.extend(lint::records::check(
            &notice,
            &config.languages,
            lint::records::RecordKind::Processor,
        ));
        bound.push(notice);
    }
    lint::apply_overrides(&mut diagnostics, &config.rules);
    lint::soften_drafts(&mut diagnostics, &bound, sources);
    report::sort(&mut diagnostics);
    // A problem in the customer file or a shared fragment shows up once per
    // service; say it once.
    diagnostics.dedup_by(|a, b| a.code == b.code && a.span == b.span && a.message == b.message);
    CustomerCheck {
        customer,
        notices: bound,
        diagnostics,
    }
}

/// Counts over every customer, for the summary line and the exit code.
pub fn tally(checked: &BundleChecked) -> Tally {
    let all: Vec<Diagnostic> = checked
        .diagnostics
        .iter()
        .chain(checked.customers.iter().flat_map(|c| c.diagnostics.iter()))
        .chain(checked.unloadable.iter().flat_map(|u| u.diagnostics.iter()))
        .cloned()
        .collect();
    // Counted as reported: a shared service's finding once, not per customer.
    Tally::of(&crate::diagnostic::Reported::default().fresh(&all))
}
