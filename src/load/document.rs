//! One file's bytes to one TOML document: encoding, byte-order mark,
//! emptiness and syntax are checked the same way for every kind of file
//! (notice, customer), every problem a diagnostic located in the file,
//! before the file's reader sees the tree.

use toml::de::DeTable;

use super::decode;
use crate::diagnostic::{Diagnostic, rule};
use crate::model::Notice;
use crate::source::FileId;

rule! {
    L001 "toml-syntax" Error "-",
    "The file is not valid TOML.",
    "A notice is a TOML document. When the file does not parse, seloste reports every syntax \
error it can recover from, each at its line and column, and checks nothing else in that file \
until it parses.\n\nCommon causes: a string without double quotes, a key given twice in one \
table, a missing `]` at the end of an array, or text pasted from a word processor with \
typographic quotes. For the mistakes people make most (a double quote inside a text, a date \
written 1.8.2026, `kyllä` or `yes` for `true`, a comma in a number, a missing or mismatched \
quote) the message says in words what TOML expects and how to write it; after such a \
mistake the rest of its line, which the parser then misreads, is not reported again.";

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
    load_document(file, base, bytes, super::tables::notice)
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
        diagnostics.extend(super::syntax::diagnostics(&text, base, 0, errors));
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
    decoder.headers = super::syntax::table_headers(&text);
    let document = read(&mut decoder, &root);
    diagnostics.extend(decoder.diagnostics);
    LoadedFile {
        document: Some(document),
        text,
        diagnostics,
    }
}
