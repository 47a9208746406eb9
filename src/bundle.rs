//! Bundles: every customer of a vendor gets its own checked set of notices.
//!
//! The vendor's service notices are loaded and composed once; each
//! customer file is bound to the services it uses (see [`crate::bind`]),
//! every rule runs on each combined notice, and a customer with errors gets
//! no output while the others are built. Per customer the bundle is
//! `out/<customer>/<lang>/<notice>.{html,print.html,md}`, an index page per
//! language, `manifest.json` (every file with its SHA-256), and
//! `out/<customer>.zip` with the same files in a fixed order and with fixed
//! timestamps, so identical input gives identical bytes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::config::{self, Config};
use crate::diagnostic::{Diagnostic, Severity, Tally};
use crate::model::{Customer, Notice};
use crate::render::{RenderedFile, Renderer, Selection};
use crate::source::SourceMap;
use crate::{bind, lint, load, report};

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
pub struct Checked {
    pub sources: SourceMap,
    pub config: Config,
    /// Problems in the service files themselves (loading, composition).
    pub diagnostics: Vec<Diagnostic>,
    pub customers: Vec<CustomerCheck>,
    /// Customer files with no customer in them, in path order.
    pub unloadable: Vec<Unloadable>,
    pub fatal: Vec<String>,
}

impl Checked {
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

/// Loads and checks the services under `services` and the customers under
/// `customers`, keeping those `keep` accepts.
pub fn check(
    services: &[PathBuf],
    customers: &[PathBuf],
    config_path: Option<PathBuf>,
    keep: &(dyn Fn(&str) -> bool + Sync),
) -> Checked {
    let mut sources = SourceMap::default();
    let mut fatal = Vec::new();
    let mut diagnostics = Vec::new();
    let config = config::load_project(config_path, &mut sources, &mut diagnostics, &mut fatal);
    let mut notices = bind::load_notices(services, &mut sources, &mut diagnostics, &mut fatal);
    config::apply_defaults(&mut notices, &config);
    diagnostics.extend(lint::check_project(&notices));

    let first_customer_file = sources.len();
    let loaded_customers = load::load_customers(customers, &mut sources);
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
        let own = by_file.remove(&file).unwrap_or_default();
        if own.is_empty() || !keep(stem) {
            // No diagnostics: an unreadable file, already among `fatal`.
            continue;
        }
        let mut own = own;
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
        .map(|(customer, own)| check_customer(customer, own, &notices, &config))
        .collect();
    // Loading problems of customers left out by --only or --shard are not
    // this run's business; those of customers kept were moved above.
    lint::apply_overrides(&mut diagnostics, &config.rules);
    report::sort(&mut diagnostics);
    Checked {
        sources,
        config,
        diagnostics,
        customers: checks,
        unloadable,
        fatal,
    }
}

fn check_customer(
    customer: Customer,
    own: Vec<Diagnostic>,
    services: &[Notice],
    config: &Config,
) -> CustomerCheck {
    let mut diagnostics = own;
    diagnostics.extend(bind::check_customer(&customer, services));
    let mut bound = Vec::new();
    for id in customer.service_ids() {
        let Some(service) = services
            .iter()
            .find(|s| s.id.as_ref().is_some_and(|i| i.value == id.value))
        else {
            continue;
        };
        let notice = bind::bind(service, &customer);
        diagnostics.extend(lint::check(&notice, &config.languages));
        bound.push(notice);
    }
    lint::apply_overrides(&mut diagnostics, &config.rules);
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

/// The files of one customer's bundle, `manifest.json` included.
pub fn customer_files(
    renderer: &Renderer,
    check: &CustomerCheck,
    selection: &Selection,
    defaults: &[crate::model::Lang],
    pdf: Option<&crate::pdf::Engine>,
) -> anyhow::Result<Vec<RenderedFile>> {
    let mut files = renderer.site(&check.notices, selection, defaults)?;
    if let Some((name, bytes)) = check
        .customer
        .branding
        .as_ref()
        .and_then(|b| b.logo_file.as_ref())
    {
        files.push(RenderedFile {
            path: name.clone(),
            contents: bytes.clone(),
        });
    }
    if let Some(engine) = pdf {
        // After the logo, which the print HTML shows.
        engine.convert(&mut files, &crate::pdf::Dates::of_notices(&check.notices))?;
    }
    let manifest = manifest(&check.customer, &check.notices, &files)?;
    files.push(RenderedFile {
        path: "manifest.json".to_string(),
        contents: manifest,
    });
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What a bundle holds: every file with its digest, the notices with their
/// versions, the languages, and the seloste version that built it.
fn manifest(
    customer: &Customer,
    notices: &[Notice],
    files: &[RenderedFile],
) -> anyhow::Result<Vec<u8>> {
    let value = json!({
        "customer": customer.id_str(),
        "languages": customer.language_list().iter().map(|l| l.as_str()).collect::<Vec<_>>(),
        "seloste": env!("CARGO_PKG_VERSION"),
        "notices": notices.iter().map(|n| json!({
            "id": n.id_str(),
            "version": n.version.as_ref().map(|v| v.value.as_str()),
            "updated": n.updated.as_ref().map(|d| d.value.to_string()),
        })).collect::<Vec<_>>(),
        "files": files.iter().map(|f| json!({
            "path": f.path,
            "bytes": f.contents.len(),
            "sha256": sha256_hex(&f.contents),
        })).collect::<Vec<_>>(),
    });
    let mut bytes = serde_json::to_vec_pretty(&value)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// A zip archive of `files` under the folder `root`, byte-identical for
/// identical input: entries in path order, a fixed timestamp and
/// permissions.
pub fn zip(root: &str, files: &[RenderedFile]) -> anyhow::Result<Vec<u8>> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let mut sorted: Vec<&RenderedFile> = files.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    // Level 1: HTML compresses well even so, and the fleet's zips take a
    // third of the time they take at the default level.
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(zip::DateTime::DEFAULT)
        .unix_permissions(0o644);
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for f in sorted {
        writer.start_file(format!("{root}/{}", f.path), options)?;
        writer.write_all(&f.contents)?;
    }
    Ok(writer.finish()?.into_inner())
}

/// Writes one customer's bundle: its folder (replaced whole) and its zip
/// (replaced atomically). Returns the number of notice documents written.
///
/// Whenever the process dies, the folder and the zip are each complete:
/// the previous version or the new one (or absent, before the first
/// bundle). They are two entries, replaced one after the other, so they can
/// be of different versions: for the instant between the folder's exchange
/// and the zip's rename (two system calls, nothing written in between), and
/// after a process killed in that instant, until the next run replaces
/// both. That is accepted: each is whole and describes itself (the
/// manifest is in both), they are handed out separately, and making them
/// one atomic unit would need them in one folder, another layout.
pub fn write_customer(out: &Path, id: &str, files: &[RenderedFile]) -> anyhow::Result<usize> {
    let dir = customer_dir(out, id);
    let zip_path = out.join(format!("{id}.zip"));
    // Everything that can fail or needs space (the zip, the staged folder,
    // the staged zip) comes before the folder is replaced. Staging also
    // puts back a folder a killed run left moved aside, and refuses a
    // folder that is not seloste's; a zip may only be replaced beside
    // seloste's folder. Neither target is replaced before both checks.
    // Each error says what was left in place: the messages are all a
    // vendor sees of a failure in the middle of publishing.
    let kept = |e: anyhow::Error| {
        anyhow::anyhow!("{e:#} (nothing was replaced: the previous bundle is kept)")
    };
    let archive = zip(id, files).map_err(kept)?;
    let site = crate::output::stage_site(&dir, files).map_err(kept)?;
    if zip_path.exists() && !dir.join(crate::output::MARKER).is_file() {
        return Err(kept(anyhow::anyhow!(
            "{} exists but was not written by seloste; refusing to replace it",
            zip_path.display()
        )));
    }
    let mut staged_zip = crate::output::staged_file_for(&zip_path).map_err(kept)?;
    std::io::Write::write_all(&mut staged_zip, &archive)
        .map_err(|e| kept(anyhow::anyhow!("cannot write {}: {e}", zip_path.display())))?;
    // The two publishing steps, back to back; the previous folder is
    // deleted only after both.
    let replaced = site.publish().map_err(kept)?;
    let persisted = staged_zip.persist(&zip_path).map_err(|e| {
        anyhow::anyhow!(
            "the folder {} was replaced, but the zip could not be: cannot write {}: {} (the zip stays at the previous version until the next run)",
            dir.display(),
            zip_path.display(),
            e.error
        )
    });
    let removed = replaced.remove().map_err(|e| {
        anyhow::anyhow!("the new bundle is in place, but the previous folder could not be removed: {e:#} (the next run removes it)")
    });
    persisted?;
    removed?;
    Ok(files
        .iter()
        .filter(|f| f.path.contains('/') && !f.path.ends_with("index.html"))
        .count())
}

/// Counts over every customer, for the summary line and the exit code.
pub fn tally(checked: &Checked) -> Tally {
    let all: Vec<Diagnostic> = checked
        .diagnostics
        .iter()
        .chain(checked.customers.iter().flat_map(|c| c.diagnostics.iter()))
        .chain(checked.unloadable.iter().flat_map(|u| u.diagnostics.iter()))
        .cloned()
        .collect();
    Tally::of(&all)
}

/// The output folder of a customer.
pub fn customer_dir(out: &Path, id: &str) -> PathBuf {
    out.join(id)
}
