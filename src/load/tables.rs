//! Reads the format's tables into the model: one generic reader that walks
//! each table's [`Layout`](crate::model::format::Layout), declared with the
//! model in `model/mod.rs`. `docs/format.md` documents the keys and
//! `notices/` shows them in use.

use super::decode::{Decoder, L007, Table, Value};
use crate::diagnostic::Diagnostic;
use crate::model::format::{Field, Kind, Record, Slot, TextKind};
use crate::model::{Customer, Notice};

/// Reads the root table of a notice file.
pub fn notice(d: &mut Decoder, root: &Value<'_>) -> Notice {
    let mut n = Notice {
        file: d.file,
        ..Notice::default()
    };
    read_root(d, root, &mut n, "the notice", "a notice");
    // `controller = "customer"` leaves the controller to each customer.
    n.open_controller = d.open_controller.take();
    n.invalid = std::mem::take(&mut d.invalid);
    n
}

/// Reads the root table of a customer file.
pub fn customer(d: &mut Decoder, root: &Value<'_>) -> Customer {
    let mut c = Customer {
        file: d.file,
        ..Customer::default()
    };
    read_root(d, root, &mut c, "the customer", "a customer");
    c.invalid = std::mem::take(&mut d.invalid);
    c
}

fn read_root(d: &mut Decoder, root: &Value<'_>, record: &mut dyn Record, what: &str, named: &str) {
    let Some(mut t) = d.table(root, what) else {
        return;
    };
    t.is_root = true;
    d.root_keys = Some(record.layout());
    read_table(d, &mut t, record);
    t.finish(d, named);
}

/// Reads every key of `record`'s layout from `t`; a key present but
/// unreadable is remembered in [`Decoder::invalid`].
fn read_table(d: &mut Decoder, t: &mut Table<'_, '_>, record: &mut dyn Record) {
    record.set_span(t.span.clone());
    let fields = record.layout().fields;
    for (field, slot) in fields.iter().zip(record.slots()) {
        let Some(v) = t.get(field.key) else {
            continue;
        };
        if !read_value(d, field, v, slot) {
            d.invalid.push((t.span.start, field.key));
        }
    }
}

/// Reads one value into its slot; false when it could not be read (and was
/// diagnosed).
fn read_value(d: &mut Decoder, field: &Field, v: &Value<'_>, slot: Slot<'_>) -> bool {
    let key = field.key;
    match slot {
        Slot::Text(s) => {
            let kind = match field.kind {
                Kind::Text(kind) => kind,
                _ => TextKind::Prose,
            };
            put(s, d.text(v, kind))
        }
        Slot::String(s) => put(s, d.string(v)),
        Slot::Bool(s) => put(s, d.bool(v)),
        Slot::Date(s) => put(s, d.date(v)),
        Slot::Duration(s) => put(s, d.duration(v)),
        Slot::Country(s) => put(s, d.country(v)),
        Slot::Code(s) => {
            let Kind::Code(list) = field.kind else {
                return false;
            };
            let codes = (list.codes)();
            match d.code(v, list.what, |c| known(&codes, c), &codes) {
                Some(code) => s.set(&code.value, code.span),
                None => false,
            }
        }
        Slot::Codes(s) => {
            let list = match field.kind {
                Kind::Codes(list) | Kind::OneCode(list) => list,
                _ => return false,
            };
            let codes = (list.codes)();
            let one =
                |d: &mut Decoder, i: &Value<'_>| d.code(i, list.what, |c| known(&codes, c), &codes);
            let read = match field.kind {
                // Exactly one is right; an array is read so the linter can say so.
                Kind::OneCode(_) if !v.get_ref().is_array() => {
                    one(d, v).map(|c| crate::model::Located::new(vec![c.clone()], c.span))
                }
                Kind::OneCode(_) => d.array(v, key, one),
                _ => d.unique_array(v, key, |c: &String| c.as_str(), one),
            };
            let Some(read) = read else {
                return false;
            };
            s.start(read.span);
            for c in read.value {
                s.push(&c.value, c.span);
            }
            true
        }
        Slot::Ids(s) => {
            *s = d.ids(v, key);
            true
        }
        Slot::UniqueIds(s) => put(
            s,
            d.unique_array(v, key, String::as_str, |d, i| d.string(i)),
        ),
        Slot::Table(s) => {
            if let (Kind::Controller(_), Some(text)) = (field.kind, v.get_ref().as_str()) {
                return open_controller(d, v, text);
            }
            let Some(mut t) = d.table(v, key) else {
                return false;
            };
            read_table(d, &mut t, s.fill());
            t.finish(d, &format!("[{key}]"));
            true
        }
        Slot::List(s) => {
            let list = d.array(v, key, |_, item| Some(item));
            let Some(list) = list else {
                return false;
            };
            s.start(list.span);
            for item in list.value {
                // An item that is not a table is reported and left out.
                if let Some(mut t) = d.table(item, key) {
                    read_table(d, &mut t, s.push());
                    t.finish(d, &format!("[[{key}]]"));
                }
            }
            true
        }
    }
}

/// Fills `slot` with what was read; whether anything was.
fn put<T>(slot: &mut Option<T>, read: Option<T>) -> bool {
    *slot = read;
    slot.is_some()
}

fn known(codes: &[&str], code: &str) -> Option<String> {
    codes.contains(&code).then(|| code.to_string())
}

/// `controller = "customer"`, or a mistaken string.
fn open_controller(d: &mut Decoder, v: &Value<'_>, text: &str) -> bool {
    let span = d.span(v.span());
    if text == "customer" {
        d.open_controller = Some(span);
        return true;
    }
    d.diagnostics.push(
        Diagnostic::new(L007, span, format!("`{text}` is not a controller"))
            .label("expected a [controller] table or \"customer\"")
            .help("describe the controller in a [controller] table, or write `controller = \"customer\"` in a service notice whose controller each customer supplies"),
    );
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Table as _;
    use crate::source::FileId;

    /// Guards against the reader skipping a root key: every key of the
    /// layout is asked for once, and read as a wrong type.
    #[test]
    fn every_root_key_is_read() {
        let keys: Vec<&str> = Notice::layout_of().keys().collect();
        let doc: String = keys.iter().map(|k| format!("{k} = 1\n")).collect();
        let (root, errors) = toml::de::DeTable::parse_recoverable(&doc);
        assert!(errors.is_empty());
        let root = toml::Spanned::new(0..0, toml::de::DeValue::Table(root.into_inner()));
        let mut d = Decoder::new(FileId(0), 0);
        let n = notice(&mut d, &root);
        assert!(
            d.diagnostics.iter().all(|x| x.code != "L006"),
            "{:?}",
            d.diagnostics
        );
        assert_eq!(
            d.diagnostics.len(),
            keys.len(),
            "each key is read once, as a wrong type"
        );
        let mut invalid: Vec<&str> = n.invalid.iter().map(|(_, k)| *k).collect();
        invalid.sort();
        let mut all = keys.clone();
        // `refs` lists of a wrong type are read as empty, not invalid.
        all.sort();
        assert_eq!(invalid, all);
    }
}
