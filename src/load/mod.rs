//! Loading: the only stage that reads source files.
//!
//! Paths in, a [`SourceMap`], the decoded notices and every problem found on
//! the way out. Nothing here panics on any input: bytes that are not UTF-8,
//! a byte-order mark, an empty file, TOML syntax errors (all of them, not
//! just the first), wrong types and unknown keys all become diagnostics that
//! point into the file. Only failures to read at all are I/O errors.

pub mod customer;
pub mod decode;
mod logo;
mod notice;

pub use notice::notice as notice_reader;

use logo::read_logo;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use toml::de::DeTable;

use crate::diagnostic::Diagnostic;
use crate::diagnostic::rule;
use crate::model::Notice;
use crate::source::{FileId, SourceMap};

// The rules this module reports first; `seloste explain CODE` prints
// their explanations.
rule! {
    L001 "toml-syntax" Error "-",
    "The file is not valid TOML.",
    "A notice is a TOML document. When the file does not parse, seloste reports every syntax \
error it can recover from, each at its line and column, and checks nothing else in that file \
until it parses.\n\nCommon causes: a string without double quotes, a key given twice in one \
table, a missing `]` at the end of an array, or text pasted from a word processor with \
typographic quotes.";

    L002 "invalid-encoding" Error "-",
    "The file is not valid UTF-8.",
    "Notices must be saved as UTF-8. Older Windows editors may save Finnish and Swedish letters \
(ä, ö, å) as Latin-1 or Windows-1252 bytes, which are not UTF-8. The diagnostic points at the \
first invalid byte. Fix: re-save the file as UTF-8 in your editor.";

    L003 "byte-order-mark" Warning "-",
    "The file starts with a byte-order mark.",
    "Some editors put an invisible byte-order mark (U+FEFF) at the start of UTF-8 files. seloste \
ignores it, but other TOML tools reject it. Fix: save the file as \"UTF-8\" rather than \
\"UTF-8 with BOM\".";

    L004 "empty-file" Error "-",
    "The file is empty or holds only comments.",
    "A `.toml` file in the notices folder is read as a notice. An empty file is almost always an \
unfinished notice or a file saved by accident. Fix: write the notice (start from \
`docs/format.md`) or delete the file.";

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
                    Ok(e) if !is_toml(e.path()) || e.file_name() == crate::config::FILE_NAME => {}
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
    let (notices, diagnostics, io_errors) = load_all(paths, sources, notice::notice);
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
    let (mut customers, mut diagnostics, io_errors) = load_all(paths, sources, customer::customer);
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

/// One file's text, its document if it could be read, and what was wrong.
pub struct LoadedFile<T = Notice> {
    pub text: String,
    pub document: Option<T>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Decodes the bytes of one notice file whose text starts at global offset
/// `base` (see [`crate::source`]).
pub fn load_bytes(file: FileId, base: usize, bytes: &[u8]) -> LoadedFile {
    load_owned(file, base, bytes.to_vec())
}

/// [`load_bytes`] on bytes it may keep: valid UTF-8 becomes the file's text
/// without a copy.
pub fn load_owned(file: FileId, base: usize, bytes: Vec<u8>) -> LoadedFile {
    load_document(file, base, bytes, notice::notice)
}

/// Decodes one TOML document with `read`: every encoding, syntax and
/// emptiness problem is reported the same way for every kind of file.
pub fn load_document<T>(
    file: FileId,
    base: usize,
    bytes: Vec<u8>,
    read: impl FnOnce(&mut decode::Decoder, &decode::Value<'_>) -> T,
) -> LoadedFile<T> {
    let at = |local: usize| base + local..base + local;
    let mut diagnostics = Vec::new();
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let invalid = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            diagnostics.push(
                Diagnostic::new(L002, at(invalid), "the file is not valid UTF-8")
                    .label(format!("invalid byte sequence at byte {invalid}"))
                    .help("save the file as UTF-8 (the default of every modern editor); notices in Finnish and Swedish need ä, ö and å to be UTF-8"),
            );
            return LoadedFile {
                text,
                document: None,
                diagnostics,
            };
        }
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => {
            diagnostics.push(
                Diagnostic::new(L003, at(0), "the file starts with a byte-order mark")
                    .label("invisible U+FEFF here")
                    .help("seloste ignores it, but other TOML tools may not: save the file as UTF-8 without BOM"),
            );
            rest.to_string()
        }
        None => text,
    };
    if text.trim().is_empty() {
        diagnostics.push(
            Diagnostic::new(L004, at(0), "the file is empty")
                .help("a notice needs at least an `id`; run `seloste explain L004` or see docs/format.md for a complete example"),
        );
        return LoadedFile {
            text,
            document: None,
            diagnostics,
        };
    }
    let (root, errors) = DeTable::parse_recoverable(&text);
    if !errors.is_empty() {
        for e in errors {
            let span = e.span().map_or(at(0), |s| base + s.start..base + s.end);
            diagnostics.push(
                Diagnostic::new(L001, span, format!("TOML syntax error: {}", e.message()))
                    .help("fix the TOML syntax; strings need double quotes, tables are written `[name]`, and a key may appear only once per table"),
            );
        }
        return LoadedFile {
            text,
            document: None,
            diagnostics,
        };
    }
    if root.get_ref().is_empty() {
        diagnostics.push(
            Diagnostic::new(L004, at(0), "the file holds only comments")
                .help("a notice needs at least an `id`; see docs/format.md for a complete example"),
        );
        return LoadedFile {
            text,
            document: None,
            diagnostics,
        };
    }
    // Items missing at the top level are reported at the first top-level
    // key, which is more telling than a leading comment.
    let first_key = root
        .get_ref()
        .iter()
        .map(|(k, _)| k.span().start)
        .min()
        .unwrap_or(0);
    let root = toml::Spanned::new(
        first_key..first_key,
        toml::de::DeValue::Table(root.into_inner()),
    );
    let mut decoder = decode::Decoder::new(file, base);
    let document = read(&mut decoder, &root);
    diagnostics.extend(decoder.diagnostics);
    LoadedFile {
        document: Some(document),
        text,
        diagnostics,
    }
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
