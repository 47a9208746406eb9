//! `seloste bundle`: every customer of a vendor gets its own checked set of
//! notices; a customer with errors gets no output while the others are
//! built.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use super::build::RenderArgs;
use crate::diagnostic::Tally;
use crate::{project, report};

#[derive(Debug, clap::Args)]
pub struct BundleArgs {
    /// Service notice files or folders (folders are searched for *.toml)
    /// [default: `notices` of seloste.toml, else notices].
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
    #[arg(long, value_name = "K/N", value_parser = Shard::parse)]
    pub shard: Option<Shard>,

    /// Output folder; each customer's folder and zip in it are replaced
    /// [default: `bundles` of seloste.toml, else bundles].
    #[arg(long, short, value_name = "OUT")]
    pub out: Option<PathBuf>,

    #[command(flatten)]
    pub render: RenderArgs,

    /// Fail a customer (nothing written for it) when it has warnings.
    #[arg(long)]
    pub deny_warnings: bool,

    #[command(flatten)]
    pub verbosity: crate::progress::Verbosity,
}

/// `--shard K/N`: the K-th of N disjoint parts of the customers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u32,
    pub count: u32,
}

impl Shard {
    pub fn parse(s: &str) -> Result<Shard, String> {
        let (k, n) = s.split_once('/').ok_or("expected K/N, e.g. 1/4")?;
        let index: u32 = k
            .trim()
            .parse()
            .map_err(|_| format!("`{k}` is not a number"))?;
        let count: u32 = n
            .trim()
            .parse()
            .map_err(|_| format!("`{n}` is not a number"))?;
        if count == 0 || index == 0 || index > count {
            return Err(format!("shard {index}/{count}: K must be between 1 and N"));
        }
        Ok(Shard { index, count })
    }

    /// Whether the customer with `id` belongs to this shard. A hash of the
    /// id, not its position, so that adding a customer moves no other one
    /// to another shard.
    pub fn contains(&self, id: &str) -> bool {
        let digest = Sha256::digest(id.as_bytes());
        let mut first = [0u8; 8];
        first.copy_from_slice(&digest[..8]);
        u64::from_be_bytes(first) % u64::from(self.count) == u64::from(self.index - 1)
    }
}

pub fn run(args: &BundleArgs, config_path: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let engine = args.render.pdf_engine()?;
    let only = args.only.clone();
    let shard = args.shard;
    let keep = move |id: &str| {
        (only.is_empty() || only.iter().any(|o| o == id)) && shard.is_none_or(|s| s.contains(id))
    };
    let mut progress = crate::progress::Progress::new(args.verbosity);
    progress.message("checking the services and customers");
    let mut checked =
        project::check_bundle(&args.paths, args.customers.clone(), config_path, &keep);
    for (stage, took) in &checked.timings {
        progress.record(stage, *took);
    }
    let out = args
        .out
        .clone()
        .or_else(|| checked.config.bundles.clone())
        .unwrap_or_else(|| PathBuf::from("bundles"));
    // Not locked for the whole run: the progress bar's thread draws on it
    // too.
    let mut err = anstream::stderr();
    if !checked.fatal.is_empty() {
        progress.hide();
        let config_diagnostics = project::config_diagnostics(
            &checked.diagnostics,
            &checked.sources,
            &checked.config_file,
        );
        return Ok(super::report_fatal(
            &mut err,
            &config_diagnostics,
            &checked.sources,
            &checked.fatal,
        )?);
    }
    let mut reported = crate::diagnostic::Reported::default();
    let shared = reported.fresh(&checked.diagnostics);
    progress.suspend(|| report::print_human(&mut err, &shared, &checked.sources))?;
    for id in &args.only {
        if !checked.customers.iter().any(|c| c.customer.id_str() == id) {
            progress.hide();
            writeln!(err, "error: no customer has the id `{id}` (--only)")?;
            return Ok(ExitCode::from(2));
        }
    }
    // Draft services are left out of every customer's bundle (unless
    // --drafts), after they were checked like the others.
    let mut drafts: Vec<crate::model::Notice> = Vec::new();
    for c in &mut checked.customers {
        let (keep, left) = args.render.split_drafts(std::mem::take(&mut c.notices));
        c.notices = keep;
        for n in left {
            if !drafts.iter().any(|d| d.id_str() == n.id_str()) {
                drafts.push(n);
            }
        }
    }
    if !drafts.is_empty() && progress.says_summary() {
        progress.suspend(|| writeln!(err, "{}", super::build::drafts_note(&drafts)))?;
    }
    let shared_errors = Tally::of(&checked.diagnostics).errors > 0;
    let renderer = args.render.renderer(&checked.config)?;
    let selection = args.render.selection(Vec::new());
    let buildable = |c: &project::CustomerCheck| {
        let warnings = c
            .diagnostics
            .iter()
            .any(|d| d.severity == crate::diagnostic::Severity::Warning);
        !(shared_errors
            || c.failed()
            || (args.deny_warnings && warnings)
            || !crate::model::is_valid_id(c.customer.id_str()))
    };
    let leftovers = if checked.customers.iter().any(buildable) {
        crate::output::claim_bundle_root(&out)?
    } else {
        crate::staging::Leftovers::default()
    };
    let mut engine = engine;
    if let Some(engine) = &mut engine {
        engine.stage_beside(&out);
    }

    // Each customer is decided on its own: one with errors is reported and
    // skipped, the others are built. Customers are rendered, written and
    // zipped in parallel, each folder and zip replaced whole; a customer's
    // files are dropped once written, so memory holds a few customers, not
    // the fleet.
    // Rendered, printed and written customer by customer in parallel:
    // one stage, timed as a whole.
    progress.stage(
        "render+pdf+write",
        if engine.is_some() {
            "building customers (with PDFs)"
        } else {
            "building customers"
        },
    );
    progress.count(
        checked.customers.iter().filter(|c| buildable(c)).count(),
        "customers",
    );
    let ticker = progress.ticker();
    let languages = &checked.config.languages;
    let results: Vec<(usize, anyhow::Result<Option<usize>>)> = checked
        .customers
        .par_iter_mut()
        .enumerate()
        .map(|(i, c)| {
            let built = if buildable(c) {
                let _tick = Tick(&ticker);
                crate::bundle::customer_files(
                    &renderer,
                    c,
                    &selection,
                    languages,
                    engine.as_ref(),
                    args.render.json(),
                )
                .and_then(|files| {
                    crate::bundle::write_customer(&out, c.customer.id_str(), &files, &leftovers)
                })
                .map(Some)
            } else {
                Ok(None)
            };
            // A customer's bound notices are not needed once its bundle is
            // written (or skipped), so memory holds a few customers'
            // notices, not the fleet's: 1,000 customers held 5,000 notices
            // to the end of the run.
            c.notices = Vec::new();
            (i, built)
        })
        .collect();
    progress.end();
    // Beside the report, not before it.
    super::free_in_background(renderer);
    let mut built = 0;
    // Not built because of findings: their previous output is untouched.
    let mut skipped = Vec::new();
    // Failed while rendering or writing: each message says what is left.
    let mut broken = Vec::new();
    let mut documents = 0;
    for u in &checked.unloadable {
        report::print_human(&mut err, &reported.fresh(&u.diagnostics), &checked.sources)?;
        skipped.push(u.path.display().to_string());
    }
    for (i, result) in results {
        let c = &checked.customers[i];
        let name = checked.name_of(c);
        report::print_human(&mut err, &reported.fresh(&c.diagnostics), &checked.sources)?;
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
    let tally = project::tally(&checked);
    let summary = !args.verbosity.quiet;
    if summary && (tally.errors > 0 || tally.warnings > 0) {
        writeln!(
            err,
            "{}",
            report::summary(tally, checked.customer_count()).replace("notice", "customer")
        )?;
    }
    if summary {
        writeln!(
            err,
            "built {built} of {} customers into {}/ ({documents} documents)",
            checked.customer_count(),
            out.display()
        )?;
    }
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
    progress.finish(&mut err)?;
    if shared_errors || !skipped.is_empty() || !broken.is_empty() {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Counts a customer on the progress bar when its work ends, however it
/// ends.
struct Tick<'a>(&'a indicatif::ProgressBar);

impl Drop for Tick<'_> {
    fn drop(&mut self) {
        self.0.inc(1);
    }
}
