//! The source format as data, and the JSON Schema generated from it.
//!
//! Editors with a TOML language server (Taplo, Even Better TOML) complete
//! keys and show documentation from a JSON Schema named on a notice's first
//! line (`#:schema ../schema/notice.schema.json`). The schema is generated
//! from the tables below, and tests hold those tables and the reader in
//! `load` to each other in both directions: every key described here is
//! accepted by the reader with a valid value, and every key the reader
//! accepts is described here. So the schema cannot drift from the loader.

use serde_json::{Map, Value, json};

use crate::model::format::{Kind, Layout, TextKind};
use crate::model::{Customer, Lang, Notice, Table};

fn text_schema(neutral: bool) -> Value {
    let mut props = Map::new();
    for l in Lang::SUPPORTED {
        props.insert(l.to_string(), json!({ "type": "string", "description": format!("The text in {l} (Markdown allowed).") }));
    }
    props.insert(
        "reviewed".to_string(),
        json!({ "type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$", "description": "The day the languages were last checked against each other; change it when one language changed and the others are still right (`check --since`)." }),
    );
    let table = json!({ "type": "object", "properties": props, "additionalProperties": false });
    if neutral {
        json!({ "anyOf": [ { "type": "string" }, table ] })
    } else {
        table
    }
}

fn kind_schema(kind: Kind) -> Value {
    match kind {
        Kind::String | Kind::Id | Kind::Ref | Kind::NoticeRef => json!({ "type": "string" }),
        Kind::Bool => json!({ "type": "boolean" }),
        Kind::Date => json!({ "type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$" }),
        Kind::Duration => {
            json!({ "type": "string", "pattern": "^P(?=\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?$" })
        }
        Kind::Country => json!({ "type": "string", "enum": crate::model::Country::all_codes() }),
        Kind::Email => json!({ "type": "string", "pattern": "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$" }),
        Kind::Url => json!({ "type": "string", "pattern": "^https?://" }),
        Kind::Code(list) => json!({ "type": "string", "enum": (list.codes)() }),
        Kind::Text(kind) => text_schema(kind == TextKind::Name),
        Kind::Table(layout) => table_schema(layout()),
        Kind::ArrayOf(layout) => json!({ "type": "array", "items": table_schema(layout()) }),
        Kind::Refs | Kind::UniqueRefs => json!({ "type": "array", "items": { "type": "string" } }),
        Kind::Codes(list) => {
            json!({ "type": "array", "items": { "type": "string", "enum": (list.codes)() } })
        }
        Kind::OneCode(list) => {
            let one = json!({ "type": "string", "enum": (list.codes)() });
            json!({ "anyOf": [ one.clone(), { "type": "array", "items": one, "maxItems": 1 } ] })
        }
        Kind::Controller(layout) => {
            json!({ "anyOf": [ { "const": "customer" }, table_schema(layout()) ] })
        }
    }
}

fn table_schema(layout: &Layout) -> Value {
    let mut props = Map::new();
    for field in layout.fields {
        let mut s = kind_schema(field.kind);
        if let Some(obj) = s.as_object_mut() {
            obj.insert("description".into(), json!(field.doc.trim()));
        }
        props.insert(field.key.to_string(), s);
    }
    json!({ "type": "object", "properties": props, "additionalProperties": false })
}

/// The JSON Schema (draft-07) of a notice or a customer file.
pub fn json_schema(customer: bool) -> Value {
    let (layout, title, description) = if customer {
        (
            Customer::layout_of(),
            "seloste customer",
            "A vendor's customer: controller, DPO, languages and local additions for `seloste bundle`.",
        )
    } else {
        (
            Notice::layout_of(),
            "seloste notice",
            "One register's privacy notice (GDPR Art. 13/14), checked and rendered by seloste.",
        )
    };
    let mut schema = table_schema(layout);
    if let Some(obj) = schema.as_object_mut() {
        obj.insert(
            "$schema".into(),
            json!("http://json-schema.org/draft-07/schema#"),
        );
        obj.insert("title".into(), json!(title));
        obj.insert("description".into(), json!(description));
    }
    schema
}

/// The schema as the committed file holds it: pretty JSON and a newline.
pub fn json_schema_text(customer: bool) -> std::string::String {
    let mut s = serde_json::to_string_pretty(&json_schema(customer)).unwrap_or_default();
    s.push('\n');
    s
}

/// Documents that set every key of the format with a valid value, for the
/// tests that hold the reader, the schema and `diff` to the declaration.
#[cfg(test)]
pub(crate) mod sample {
    use crate::model::format::{Field, Kind};

    /// A valid TOML value for a key of kind `kind`, leaving out the key at
    /// `omit` (a path of keys) inside it.
    fn value(kind: Kind, omit: &[&str]) -> String {
        match kind {
            Kind::String | Kind::Id | Kind::Ref | Kind::NoticeRef => "\"x\"".into(),
            Kind::Bool => "true".into(),
            Kind::Date => "2026-11-21".into(),
            Kind::Duration => "\"P1Y\"".into(),
            Kind::Country => "\"FI\"".into(),
            Kind::Email => "\"a@b.fi\"".into(),
            Kind::Url => "\"https://a.fi\"".into(),
            // The last code: the first is often the default an absent key
            // means (FI for `supervisory_authority`).
            Kind::Code(list) | Kind::OneCode(list) => {
                format!("\"{}\"", (list.codes)().last().copied().unwrap_or_default())
            }
            Kind::Text(_) => "{ fi = \"x\", sv = \"x\", en = \"x\" }".into(),
            Kind::Table(l) | Kind::Controller(l) => inline(l().fields, omit),
            Kind::ArrayOf(l) => format!("[{}]", inline(l().fields, omit)),
            Kind::Refs | Kind::UniqueRefs => "[\"x\"]".into(),
            Kind::Codes(list) => format!("[\"{}\"]", (list.codes)()[0]),
        }
    }

    fn pairs(fields: &[Field], omit: &[&str]) -> Vec<(&'static str, String)> {
        fields
            .iter()
            .filter(|f| omit.len() != 1 || f.key != omit[0])
            .map(|f| {
                let inner = match omit.split_first() {
                    Some((first, rest)) if *first == f.key => rest,
                    _ => &[],
                };
                (f.key, value(f.kind, inner))
            })
            .collect()
    }

    fn inline(fields: &[Field], omit: &[&str]) -> String {
        let items: Vec<_> = pairs(fields, omit)
            .into_iter()
            .map(|(k, v)| format!("{k} = {v}"))
            .collect();
        format!("{{ {} }}", items.join(", "))
    }

    /// A document setting every key of `fields` and of the tables inside,
    /// except the key at the path `omit` (empty: none).
    pub fn document(fields: &[Field], omit: &[&str]) -> String {
        pairs(fields, omit)
            .into_iter()
            .map(|(k, v)| format!("{k} = {v}\n"))
            .collect()
    }

    /// The path of every key, tables' keys included.
    pub fn paths(fields: &[Field]) -> Vec<Vec<&'static str>> {
        let mut out = Vec::new();
        for f in fields {
            out.push(vec![f.key]);
            if let Some(inner) = f.kind.layout() {
                for mut p in paths(inner.fields) {
                    p.insert(0, f.key);
                    out.push(p);
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::sample::document;
    use super::*;
    use crate::source::FileId;

    /// Reads `doc` and returns the loader's structural complaints.
    fn complaints(doc: &str, customer: bool) -> Vec<String> {
        let (root, errors) = toml::de::DeTable::parse_recoverable(doc);
        assert!(
            errors.is_empty(),
            "sample document does not parse: {errors:?}\n{doc}"
        );
        let root = toml::Spanned::new(0..0, toml::de::DeValue::Table(root.into_inner()));
        let mut d = crate::load::decode::Decoder::new(FileId(0), 0);
        if customer {
            crate::load::customer_reader(&mut d, &root);
        } else {
            crate::load::notice_reader(&mut d, &root);
        }
        d.diagnostics
            .iter()
            .map(|x| format!("{} {}", x.code.code, x.message))
            .collect()
    }

    /// Every key of the declaration is accepted by the reader with a valid
    /// value of its kind, in every table.
    #[test]
    fn the_reader_accepts_every_declared_key() {
        for (layout, customer) in [(Notice::layout_of(), false), (Customer::layout_of(), true)] {
            let found = complaints(&document(layout.fields, &[]), customer);
            assert!(found.is_empty(), "{}: {found:?}", layout.name);
        }
    }

    /// Every key has a description for editors.
    #[test]
    fn every_key_is_documented() {
        fn check(layout: &Layout, out: &mut Vec<String>) {
            for f in layout.fields {
                if f.doc.trim().is_empty() {
                    out.push(format!("{}.{}", layout.name, f.key));
                }
                if let Some(inner) = f.kind.layout() {
                    check(inner, out);
                }
            }
        }
        let mut missing = Vec::new();
        check(Notice::layout_of(), &mut missing);
        check(Customer::layout_of(), &mut missing);
        assert_eq!(missing, Vec::<String>::new());
    }

    #[test]
    fn schema_is_draft_07_and_closed() {
        let s = json_schema(false);
        assert_eq!(s["$schema"], "http://json-schema.org/draft-07/schema#");
        assert_eq!(s["additionalProperties"], false);
        assert_eq!(
            s["properties"]["purposes"]["items"]["properties"]["legal_basis"]["enum"][0],
            "consent"
        );
    }
}
