//! Reads one customer file (`customers/*.toml`) into the model.
//!
//! The controller, DPO and contact tables have exactly the keys of a
//! notice's, read by the same functions, so a vendor's customers and a
//! single organisation's notices are described alike.

use super::decode::{Decoder, Value};
use super::notice::{access_role, contact, controller, list, party, recipient, retention};
use crate::model::*;

/// The keys of a customer file's root table.
pub const ROOT_KEYS: &[&str] = &[
    "id",
    "languages",
    "supervisory_authority",
    "services",
    "controller",
    "representative",
    "dpo",
    "contact",
    "branding",
    "additions",
];

pub fn customer(d: &mut Decoder, root: &Value<'_>) -> Customer {
    let Some(mut t) = d.table(root, "the customer") else {
        return Customer::default();
    };
    t.is_root = true;
    d.root_keys = ROOT_KEYS;
    let span = d.span(root.span());
    let mut c = Customer {
        file: d.file,
        span,
        id: t.read(d, "id", |d, v| d.string(v)),
        languages: t.read(d, "languages", |d, v| {
            d.unique_array(v, "languages", Lang::as_str, |d, i| {
                d.code(i, "language", Lang::parse, Lang::SUPPORTED)
            })
        }),
        supervisory_authority: t.read(d, "supervisory_authority", |d, v| {
            d.code(
                v,
                "supervisory authority",
                SupervisoryAuthority::from_code,
                &SupervisoryAuthority::codes(),
            )
        }),
        services: t.read(d, "services", |d, v| {
            d.unique_array(v, "services", String::as_str, |d, i| d.string(i))
        }),
        controller: t.read(d, "controller", controller),
        representative: t.read(d, "representative", |d, v| party(d, v, "representative")),
        dpo: t.read(d, "dpo", |d, v| contact(d, v, "dpo")),
        contact: t.read(d, "contact", |d, v| contact(d, v, "contact")),
        branding: t.read(d, "branding", branding),
        additions: list(d, &mut t, "additions", addition),
        invalid: Vec::new(),
    };
    t.finish(d, "a customer");
    c.invalid = std::mem::take(&mut d.invalid);
    c
}

fn branding(d: &mut Decoder, v: &Value<'_>) -> Option<Branding> {
    let mut t = d.table(v, "branding")?;
    let b = Branding {
        span: t.span.clone(),
        logo: t.read(d, "logo", |d, v| d.string(v)),
        colour: t.read(d, "colour", |d, v| d.string(v)),
        logo_file: None,
    };
    t.finish(d, "[branding]");
    Some(b)
}

fn addition(d: &mut Decoder, v: &Value<'_>) -> Option<Addition> {
    let mut t = d.table(v, "additions")?;
    let a = Addition {
        span: t.span.clone(),
        service: t.read(d, "service", |d, v| d.string(v)),
        recipients: list(d, &mut t, "recipients", recipient),
        access_roles: list(d, &mut t, "access_roles", access_role),
        retention: list(d, &mut t, "retention", retention),
    };
    t.finish(d, "[[additions]]");
    Some(a)
}
