//! Reads one notice document into the model.
//!
//! The key names here are the source format; `docs/format.md` documents
//! them and `notices/` shows them in use.

use super::decode::{Decoder, Table, TextKind, Value};
use crate::diagnostic::Diagnostic;
use crate::model::*;
use crate::source::Span;

use crate::load::decode::L007;
use TextKind::{Name, Prose};

/// Reads the root table of a notice file.
/// The keys of a notice's root table.
pub const ROOT_KEYS: &[&str] = &[
    "id",
    "fragment",
    "extends",
    "title",
    "description",
    "version",
    "updated",
    "languages",
    "collected_from",
    "supervisory_authority",
    "controller",
    "representative",
    "processor",
    "contact",
    "dpo",
    "purposes",
    "data_subjects",
    "data_categories",
    "sources",
    "recipients",
    "transfers",
    "retention",
    "provision",
    "automated_decisions",
    "rights",
    "security",
    "cookies",
    "access_roles",
    "related",
];

pub fn notice(d: &mut Decoder, root: &Value<'_>) -> Notice {
    let Some(mut t) = d.table(root, "the notice") else {
        return Notice::default();
    };
    t.is_root = true;
    d.root_keys = ROOT_KEYS;
    let span: Span = d.span(root.span());
    let mut n = Notice {
        file: d.file,
        span,
        id: t.read(d, "id", |d, v| d.string(v)),
        title: t.read(d, "title", |d, v| d.text(v, Prose)),
        description: t.read(d, "description", |d, v| d.text(v, Prose)),
        version: t.read(d, "version", |d, v| d.string(v)),
        updated: t.read(d, "updated", |d, v| d.date(v)),
        languages: t.read(d, "languages", |d, v| {
            d.unique_array(v, "languages", Lang::as_str, |d, i| {
                d.code(i, "language", Lang::parse, Lang::SUPPORTED)
            })
        }),
        collected_from: t.read(d, "collected_from", |d, v| {
            d.code(
                v,
                "data origin",
                Collection::from_code,
                &Collection::codes(),
            )
        }),
        supervisory_authority: t.read(d, "supervisory_authority", |d, v| {
            d.code(
                v,
                "supervisory authority",
                SupervisoryAuthority::from_code,
                &SupervisoryAuthority::codes(),
            )
        }),
        controller: None,
        representative: t.read(d, "representative", |d, v| party(d, v, "representative")),
        processor: t.read(d, "processor", |d, v| party(d, v, "processor")),
        contact: t.read(d, "contact", |d, v| contact(d, v, "contact")),
        dpo: t.read(d, "dpo", |d, v| contact(d, v, "dpo")),
        purposes: t.read(d, "purposes", |d, v| d.array(v, "purposes", purpose)),
        data_subjects: list(d, &mut t, "data_subjects", data_subject),
        data_categories: t.read(d, "data_categories", |d, v| {
            d.array(v, "data_categories", data_category)
        }),
        sources: t.read(d, "sources", |d, v| d.array(v, "sources", source)),
        recipients: t.read(d, "recipients", |d, v| d.array(v, "recipients", recipient)),
        transfers: list(d, &mut t, "transfers", transfer),
        retention: t.read(d, "retention", |d, v| d.array(v, "retention", retention)),
        provision: t.read(d, "provision", provision),
        automated_decisions: t.read(d, "automated_decisions", automated_decisions),
        rights: t.read(d, "rights", rights),
        security: t.read(d, "security", |d, v| d.text(v, Prose)),
        cookies: t.read(d, "cookies", |d, v| d.text(v, Prose)),
        access_roles: list(d, &mut t, "access_roles", access_role),
        related: list(d, &mut t, "related", related),
        invalid: Vec::new(),
        fragment: t.read(d, "fragment", |d, v| d.bool(v)),
        extends: t.read(d, "extends", |d, v| d.string(v)),
        open_controller: None,
        customer_span: None,
        branding: None,
    };
    // `controller = "customer"` leaves the controller to each customer.
    if let Some(v) = t.get("controller") {
        match v.get_ref().as_str() {
            Some("customer") => n.open_controller = Some(d.span(v.span())),
            Some(other) => {
                let span = d.span(v.span());
                d.diagnostics.push(
                    Diagnostic::new(L007, span.clone(), format!("`{other}` is not a controller"))
                        .label("expected a [controller] table or \"customer\"")
                        .help("describe the controller in a [controller] table, or write `controller = \"customer\"` in a service notice whose controller each customer supplies"),
                );
                d.invalid.push((n.span.start, "controller"));
            }
            None => n.controller = t.read(d, "controller", controller),
        }
    }
    t.finish(d, "a notice");
    n.invalid = std::mem::take(&mut d.invalid);
    n
}

/// An optional array whose absence and emptiness mean the same.
pub(super) fn list<'v, 'i, T>(
    d: &mut Decoder,
    t: &mut Table<'v, 'i>,
    key: &'static str,
    item: fn(&mut Decoder, &'v Value<'i>) -> Option<T>,
) -> Vec<T> {
    t.read(d, key, |d, v| d.array(v, key, item))
        .map(|a| a.value)
        .unwrap_or_default()
}

fn string(d: &mut Decoder, t: &mut Table<'_, '_>, key: &'static str) -> Option<Located<String>> {
    t.read(d, key, |d, v| d.string(v))
}

fn text(d: &mut Decoder, t: &mut Table<'_, '_>, key: &'static str, kind: TextKind) -> Option<Text> {
    t.read(d, key, |d, v| d.text(v, kind))
}

fn boolean(d: &mut Decoder, t: &mut Table<'_, '_>, key: &'static str) -> Option<Located<bool>> {
    t.read(d, key, |d, v| d.bool(v))
}

fn country(d: &mut Decoder, t: &mut Table<'_, '_>, key: &'static str) -> Option<Located<Country>> {
    t.read(d, key, |d, v| d.country(v))
}

fn ids(d: &mut Decoder, t: &mut Table<'_, '_>, key: &'static str) -> Vec<Id> {
    t.get(key).map(|v| d.ids(v, key)).unwrap_or_default()
}

pub(super) fn controller(d: &mut Decoder, v: &Value<'_>) -> Option<Controller> {
    let mut t = d.table(v, "controller")?;
    let c = Controller {
        span: t.span.clone(),
        name: text(d, &mut t, "name", Name),
        public_authority: boolean(d, &mut t, "public_authority"),
        business_id: string(d, &mut t, "business_id"),
        address: text(d, &mut t, "address", Name),
        email: string(d, &mut t, "email"),
        phone: string(d, &mut t, "phone"),
        web: string(d, &mut t, "web"),
        country: country(d, &mut t, "country"),
    };
    t.finish(d, "[controller]");
    Some(c)
}

pub(super) fn party(d: &mut Decoder, v: &Value<'_>, what: &str) -> Option<Party> {
    let mut t = d.table(v, what)?;
    let p = Party {
        span: t.span.clone(),
        name: text(d, &mut t, "name", Name),
        address: text(d, &mut t, "address", Name),
        email: string(d, &mut t, "email"),
        phone: string(d, &mut t, "phone"),
        web: string(d, &mut t, "web"),
        country: country(d, &mut t, "country"),
        description: text(d, &mut t, "description", Prose),
    };
    t.finish(d, &format!("[{what}]"));
    Some(p)
}

pub(super) fn contact(d: &mut Decoder, v: &Value<'_>, what: &str) -> Option<Contact> {
    let mut t = d.table(v, what)?;
    let c = Contact {
        span: t.span.clone(),
        name: text(d, &mut t, "name", Name),
        role: text(d, &mut t, "role", Prose),
        address: text(d, &mut t, "address", Name),
        email: string(d, &mut t, "email"),
        phone: string(d, &mut t, "phone"),
    };
    t.finish(d, &format!("[{what}]"));
    Some(c)
}

fn purpose(d: &mut Decoder, v: &Value<'_>) -> Option<Purpose> {
    let mut t = d.table(v, "purposes")?;
    let p = Purpose {
        span: t.span.clone(),
        id: string(d, &mut t, "id"),
        description: text(d, &mut t, "description", Prose),
        legal_basis: t.read(d, "legal_basis", |d, v| {
            d.code(
                v,
                "legal basis",
                LegalBasis::from_code,
                &LegalBasis::codes(),
            )
        }),
        law: text(d, &mut t, "law", Prose),
        legitimate_interests: text(d, &mut t, "legitimate_interests", Prose),
        special_category_condition: t.read(d, "special_category_condition", |d, v| {
            d.code(
                v,
                "Art. 9(2) condition",
                Art9Condition::from_code,
                &Art9Condition::codes(),
            )
        }),
        withdrawal: text(d, &mut t, "withdrawal", Prose),
    };
    t.finish(d, "[[purposes]]");
    Some(p)
}

fn data_subject(d: &mut Decoder, v: &Value<'_>) -> Option<DataSubject> {
    let mut t = d.table(v, "data_subjects")?;
    let s = DataSubject {
        span: t.span.clone(),
        id: string(d, &mut t, "id"),
        name: text(d, &mut t, "name", Prose),
        description: text(d, &mut t, "description", Prose),
    };
    t.finish(d, "[[data_subjects]]");
    Some(s)
}

fn data_category(d: &mut Decoder, v: &Value<'_>) -> Option<DataCategory> {
    let mut t = d.table(v, "data_categories")?;
    let c = DataCategory {
        span: t.span.clone(),
        id: string(d, &mut t, "id"),
        name: text(d, &mut t, "name", Prose),
        items: text(d, &mut t, "items", Prose),
        special_category: t.read(d, "special_category", |d, v| {
            d.code(
                v,
                "special category",
                SpecialCategory::from_code,
                &SpecialCategory::codes(),
            )
        }),
        criminal_offences: boolean(d, &mut t, "criminal_offences"),
        editable_by_subject: boolean(d, &mut t, "editable_by_subject"),
        subjects: ids(d, &mut t, "subjects"),
        purposes: ids(d, &mut t, "purposes"),
    };
    t.finish(d, "[[data_categories]]");
    Some(c)
}

fn source(d: &mut Decoder, v: &Value<'_>) -> Option<Source> {
    let mut t = d.table(v, "sources")?;
    let s = Source {
        span: t.span.clone(),
        id: string(d, &mut t, "id"),
        name: text(d, &mut t, "name", Name),
        kind: t.read(d, "kind", |d, v| {
            d.code(
                v,
                "source kind",
                SourceKind::from_code,
                &SourceKind::codes(),
            )
        }),
        description: text(d, &mut t, "description", Prose),
        categories: ids(d, &mut t, "categories"),
    };
    t.finish(d, "[[sources]]");
    Some(s)
}

pub(super) fn recipient(d: &mut Decoder, v: &Value<'_>) -> Option<Recipient> {
    let mut t = d.table(v, "recipients")?;
    let r = Recipient {
        span: t.span.clone(),
        id: string(d, &mut t, "id"),
        name: text(d, &mut t, "name", Name),
        role: t.read(d, "role", |d, v| {
            d.code(
                v,
                "recipient role",
                RecipientRole::from_code,
                &RecipientRole::codes(),
            )
        }),
        country: country(d, &mut t, "country"),
        purpose: text(d, &mut t, "purpose", Prose),
        law: text(d, &mut t, "law", Prose),
        categories: ids(d, &mut t, "categories"),
    };
    t.finish(d, "[[recipients]]");
    Some(r)
}

fn transfer(d: &mut Decoder, v: &Value<'_>) -> Option<Transfer> {
    let mut t = d.table(v, "transfers")?;
    let mechanism = t.read(d, "mechanism", |d, v| {
        let one = |d: &mut Decoder, v: &Value<'_>| {
            d.code(
                v,
                "transfer mechanism",
                TransferMechanism::from_code,
                &TransferMechanism::codes(),
            )
        };
        // Exactly one is right; an array is read so the linter can say so.
        if v.get_ref().is_array() {
            d.array(v, "mechanism", one)
        } else {
            one(d, v).map(|m| Located::new(vec![m.clone()], m.span))
        }
    });
    let tr = Transfer {
        span: t.span.clone(),
        id: string(d, &mut t, "id"),
        recipient: string(d, &mut t, "recipient"),
        country: country(d, &mut t, "country"),
        mechanism,
        safeguard_copy: text(d, &mut t, "safeguard_copy", Prose),
        description: text(d, &mut t, "description", Prose),
    };
    t.finish(d, "[[transfers]]");
    Some(tr)
}

pub(super) fn retention(d: &mut Decoder, v: &Value<'_>) -> Option<Retention> {
    let mut t = d.table(v, "retention")?;
    let r = Retention {
        span: t.span.clone(),
        id: string(d, &mut t, "id"),
        applies_to: ids(d, &mut t, "applies_to"),
        period: t.read(d, "period", |d, v| d.duration(v)),
        rule: text(d, &mut t, "rule", Prose),
    };
    t.finish(d, "[[retention]]");
    Some(r)
}

fn provision(d: &mut Decoder, v: &Value<'_>) -> Option<Provision> {
    let mut t = d.table(v, "provision")?;
    let p = Provision {
        span: t.span.clone(),
        requirement: t.read(d, "requirement", |d, v| {
            d.code(
                v,
                "provision requirement",
                ProvisionKind::from_code,
                &ProvisionKind::codes(),
            )
        }),
        consequences: text(d, &mut t, "consequences", Prose),
        description: text(d, &mut t, "description", Prose),
    };
    t.finish(d, "[provision]");
    Some(p)
}

fn automated_decisions(d: &mut Decoder, v: &Value<'_>) -> Option<AutomatedDecisions> {
    let mut t = d.table(v, "automated_decisions")?;
    let a = AutomatedDecisions {
        span: t.span.clone(),
        used: boolean(d, &mut t, "used"),
        profiling: boolean(d, &mut t, "profiling"),
        logic: text(d, &mut t, "logic", Prose),
        consequences: text(d, &mut t, "consequences", Prose),
        description: text(d, &mut t, "description", Prose),
    };
    t.finish(d, "[automated_decisions]");
    Some(a)
}

fn rights(d: &mut Decoder, v: &Value<'_>) -> Option<RightsExercise> {
    let mut t = d.table(v, "rights")?;
    let r = RightsExercise {
        span: t.span.clone(),
        how: text(d, &mut t, "how", Prose),
        email: string(d, &mut t, "email"),
        phone: string(d, &mut t, "phone"),
        web: string(d, &mut t, "web"),
    };
    t.finish(d, "[rights]");
    Some(r)
}

pub(super) fn access_role(d: &mut Decoder, v: &Value<'_>) -> Option<AccessRole> {
    let mut t = d.table(v, "access_roles")?;
    let a = AccessRole {
        span: t.span.clone(),
        id: string(d, &mut t, "id"),
        role: text(d, &mut t, "role", Prose),
        sees: text(d, &mut t, "sees", Prose),
    };
    t.finish(d, "[[access_roles]]");
    Some(a)
}

fn related(d: &mut Decoder, v: &Value<'_>) -> Option<Related> {
    let mut t = d.table(v, "related")?;
    let r = Related {
        span: t.span.clone(),
        title: text(d, &mut t, "title", Prose),
        url: string(d, &mut t, "url"),
        notice: string(d, &mut t, "notice"),
    };
    t.finish(d, "[[related]]");
    Some(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;

    /// Guards against ROOT_KEYS drifting from what `notice` reads: every
    /// root key must be accepted, and nothing else.
    #[test]
    fn root_keys_match_the_reader() {
        let doc: String = ROOT_KEYS.iter().map(|k| format!("{k} = 1\n")).collect();
        let (root, errors) = toml::de::DeTable::parse_recoverable(&doc);
        assert!(errors.is_empty());
        let root = toml::Spanned::new(0..0, toml::de::DeValue::Table(root.into_inner()));
        let mut d = Decoder::new(FileId(0), 0);
        notice(&mut d, &root);
        assert!(
            d.diagnostics.iter().all(|x| x.code != "L006"),
            "{:?}",
            d.diagnostics
        );
        assert_eq!(
            d.diagnostics.len(),
            ROOT_KEYS.len(),
            "each key is read once, as a wrong type"
        );
    }
}
