//! Loading: the only stage that reads source files.
//!
//! Paths in, a [`SourceMap`], the decoded notices and every problem found on
//! the way out. Nothing here panics on any input: bytes that are not UTF-8,
//! a byte-order mark, an empty file, TOML syntax errors (all of them, not
//! just the first), wrong types and unknown keys all become diagnostics that
//! point into the file. Only failures to read at all are I/O errors.

pub mod config;
pub mod decode;
pub mod document;
pub mod logo;
pub(crate) mod syntax;
mod tables;

pub use tables::{customer as customer_reader, notice as notice_reader};

pub use document::{LoadedFile, load_bytes, load_document, load_owned};
use logo::read_logo;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::diagnostic::rule;
use crate::model::Notice;
use crate::source::{FileId, SourceMap};

// The rules this module reports first; `seloste explain CODE` prints
// their explanations.
rule! {
    L008 "duplicate-notice-id" Error "-",
    "Two notice files use the same id.",
    "The notice id names the published files (`site/fi/<id>.html`), so two notices with one id \
would overwrite each other. The diagnostic points at both files. Fix: give each notice its \
own id.";

    L010 "duplicate-customer-id" Error "-",
    "Two customer files use the same id.",
    "A customer's id names its bundle (`bundles/<id>/` and `<id>.zip`), so two customers with one \
id would overwrite each other's notices. The diagnostic points at both files. Fix: give each \
customer its own id.";
}

/// Everything read from the given paths.
#[derive(Debug, Default)]
pub struct Loaded {
    pub notices: Vec<Notice>,
    pub diagnostics: Vec<Diagnostic>,
    /// Paths that could not be read at all, with the reason.
    pub io_errors: Vec<String>,
}

/// Files to load: each file given, and every `.toml` file below each folder
/// given, in a stable order.
///
/// A file named on the command line is read wherever it is: the user chose
/// it. Inside a folder, a link is followed only to a file inside that same
/// folder. A link out of it (to `/proc/self/environ`, a private key, another
/// project) is an error and is never opened, so that no diagnostic can
/// quote a file that is not a source. Links to folders are not followed,
/// so a link loop cannot trap the walk.
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<String>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            let root = path.canonicalize();
            for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
                match entry {
                    // The project configuration is not a notice.
                    Ok(e)
                        if !is_toml(e.path())
                            || e.file_name() == crate::load::config::FILE_NAME => {}
                    Ok(e) if e.file_type().is_file() => found.push(e.into_path()),
                    Ok(e) if e.path_is_symlink() => {
                        let target = e.path().canonicalize();
                        match (&root, target) {
                            (Ok(root), Ok(target)) if !target.starts_with(root) => errors.push(
                                format!(
                                    "{}: a link to a file outside {}; seloste does not read it (copy the file into the folder, or name it on the command line)",
                                    e.path().display(),
                                    path.display()
                                ),
                            ),
                            (Ok(_), Ok(target)) if target.is_file() => found.push(e.into_path()),
                            (Ok(_), Ok(_)) => errors.push(format!(
                                "{}: a link to a folder or special file; seloste follows links only to notice files in the same folder",
                                e.path().display()
                            )),
                            (_, Err(err)) => errors.push(format!(
                                "{}: broken or looping link ({err})",
                                e.path().display()
                            )),
                            (Err(err), _) => {
                                errors.push(format!("cannot read {}: {err}", path.display()))
                            }
                        }
                    }
                    Ok(_) => {}
                    Err(e) => errors.push(format!("cannot read {}: {e}", path.display())),
                }
            }
            files.extend(found);
        } else {
            match std::fs::metadata(path) {
                // Only regular files: a FIFO or a device would block or never end.
                Ok(m) if m.is_file() => files.push(path.clone()),
                Ok(_) => errors.push(format!("{}: not a regular file", path.display())),
                Err(e) if std::fs::symlink_metadata(path).is_ok() => {
                    errors.push(format!("{}: broken or looping link ({e})", path.display()))
                }
                Err(_) => errors.push(format!("{}: no such file or folder", path.display())),
            }
        }
    }
    (files, errors)
}

fn is_toml(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "toml")
}

/// Reads and decodes every notice under `paths`, adding the files to `sources`.
pub fn load(paths: &[PathBuf], sources: &mut SourceMap) -> Loaded {
    let (notices, diagnostics, io_errors) = load_all(paths, sources, tables::notice);
    let mut loaded = Loaded {
        notices,
        diagnostics,
        io_errors,
    };
    loaded.diagnostics.extend(duplicate_ids(
        loaded.notices.iter().filter_map(|n| n.id.as_ref()),
        L008,
        "notice",
        "every notice needs its own id: rename one of them",
    ));
    loaded
}

/// Everything read from a customers folder.
#[derive(Debug, Default)]
pub struct LoadedCustomers {
    pub customers: Vec<crate::model::Customer>,
    pub diagnostics: Vec<Diagnostic>,
    pub io_errors: Vec<String>,
}

/// Reads and decodes every customer file under `paths`.
pub fn load_customers(paths: &[PathBuf], sources: &mut SourceMap) -> LoadedCustomers {
    let (mut customers, mut diagnostics, io_errors) = load_all(paths, sources, tables::customer);
    for c in &mut customers {
        read_logo(c, sources, &mut diagnostics);
    }
    diagnostics.extend(duplicate_ids(
        customers.iter().filter_map(|c| c.id.as_ref()),
        L010,
        "customer",
        "every customer needs its own id: it names the customer's bundle",
    ));
    LoadedCustomers {
        customers,
        diagnostics,
        io_errors,
    }
}

/// Reads every `.toml` file under `paths` in parallel and decodes each
/// with `read`.
fn load_all<T: Send>(
    paths: &[PathBuf],
    sources: &mut SourceMap,
    read: fn(&mut decode::Decoder, &decode::Value<'_>) -> T,
) -> (Vec<T>, Vec<Diagnostic>, Vec<String>) {
    let (files, mut io_errors) = discover(paths);
    let contents: Vec<std::io::Result<Vec<u8>>> = files.par_iter().map(std::fs::read).collect();
    // Each file gets its range of the global offset space before decoding,
    // so that files can be decoded in parallel. Invalid UTF-8 is shown with
    // replacement characters of up to three bytes per byte: reserve for that.
    let first = sources.len();
    let starts: Vec<usize> = contents
        .iter()
        .map(|c| sources.reserve(c.as_ref().map_or(0, |b| b.len() * 3)))
        .collect();
    let results: Vec<_> = contents
        .into_par_iter()
        .zip(&starts)
        .enumerate()
        .map(|(i, (bytes, start))| match bytes {
            Ok(bytes) => Ok(load_document(FileId(first + i), *start, bytes, read)),
            Err(e) => Err(format!("cannot read {}: {e}", files[i].display())),
        })
        .collect();

    let mut documents = Vec::new();
    let mut diagnostics = Vec::new();
    for ((path, result), start) in files.into_iter().zip(results).zip(starts) {
        match result {
            Ok(file) => {
                sources.add_at(start, path, file.text);
                diagnostics.extend(file.diagnostics);
                documents.extend(file.document);
            }
            Err(e) => {
                // Keep file ids aligned with the list: an unreadable file
                // still takes its slot, with no text.
                sources.add_at(start, path, String::new());
                io_errors.push(e);
            }
        }
    }
    (documents, diagnostics, io_errors)
}

/// Notice ids name output files and must be unique across the project.
/// Every id in `ids` used a second time, with the first use: ids name
/// output files and must be unique across the project.
fn duplicate_ids<'a>(
    ids: impl Iterator<Item = &'a crate::model::Id>,
    code: crate::diagnostic::Code,
    what: &str,
    help: &str,
) -> Vec<Diagnostic> {
    let mut first: HashMap<&str, &crate::model::Id> = HashMap::new();
    let mut out = Vec::new();
    for id in ids {
        match first.get(id.value.as_str()) {
            Some(prev) => out.push(
                Diagnostic::new(
                    code,
                    id.span.clone(),
                    format!("{what} id `{}` is used by another file too", id.value),
                )
                .label("second use")
                .secondary(prev.span.clone(), "first used here")
                .help(help),
            ),
            None => {
                first.insert(&id.value, id);
            }
        }
    }
    out
}
