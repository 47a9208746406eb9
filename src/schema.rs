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

use crate::model::{
    Art9Condition, Collection, Lang, LegalBasis, ProvisionKind, RecipientRole, SourceKind,
    SpecialCategory, SupervisoryAuthority, TransferMechanism,
};

/// What a key holds.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    String,
    Bool,
    /// ISO 8601 date, as a TOML date or a string.
    Date,
    /// ISO 8601 duration of years, months, weeks and days.
    Duration,
    Country,
    Email,
    Url,
    /// One of a closed list of codes.
    Code(fn() -> Vec<&'static str>),
    /// Localised text; `true` when one plain string may serve all languages.
    Text(bool),
    Table(&'static [Field]),
    ArrayOf(&'static [Field]),
    /// An array of ids of other items.
    Ids,
    /// An array of closed-list codes.
    Codes(fn() -> Vec<&'static str>),
    /// A transfer mechanism: one code (an array is read to say it must be one).
    Mechanism,
    /// `[controller]` table, or the string "customer".
    Controller,
}

/// One key of a table.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub key: &'static str,
    pub kind: Kind,
    pub doc: &'static str,
}

const fn f(key: &'static str, kind: Kind, doc: &'static str) -> Field {
    Field { key, kind, doc }
}

fn langs() -> Vec<&'static str> {
    Lang::SUPPORTED.to_vec()
}

use Kind::*;

pub const CONTROLLER: &[Field] = &[
    f(
        "name",
        Text(true),
        "The controller's name (rekisterinpitäjä / personuppgiftsansvarig), Art. 13(1)(a).",
    ),
    f(
        "public_authority",
        Bool,
        "Whether the controller is a public authority or body: it must then have a DPO (Art. 37(1)(a)) and cannot rely on legitimate interests (Art. 6(1), last subparagraph).",
    ),
    f(
        "business_id",
        String,
        "Business ID (Y-tunnus) or other registration number.",
    ),
    f("address", Text(true), "Postal or visiting address."),
    f("email", Email, "E-mail address for the controller."),
    f("phone", String, "Telephone number."),
    f("web", Url, "Web site, https://..."),
    f(
        "country",
        Country,
        "ISO 3166-1 code of the country of establishment; Finland when absent.",
    ),
];

pub const PARTY: &[Field] = &[
    f("name", Text(true), "Name of the organisation."),
    f("address", Text(true), "Address."),
    f("email", Email, "E-mail address."),
    f("phone", String, "Telephone number."),
    f("web", Url, "Web site."),
    f("country", Country, "ISO 3166-1 country code."),
    f(
        "description",
        Text(false),
        "What this party does for the register.",
    ),
];

pub const CONTACT: &[Field] = &[
    f(
        "name",
        Text(true),
        "A person's name (optional; a role is better in a published notice).",
    ),
    f(
        "role",
        Text(false),
        "The role or function, e.g. data protection officer of the city.",
    ),
    f("address", Text(true), "Address."),
    f(
        "email",
        Email,
        "E-mail address, preferably a functional one.",
    ),
    f("phone", String, "Telephone number."),
];

pub const PURPOSE: &[Field] = &[
    f(
        "id",
        String,
        "Identifier (kebab-case), unique within the notice.",
    ),
    f(
        "description",
        Text(false),
        "What the data is used for, Art. 13(1)(c).",
    ),
    f(
        "legal_basis",
        Code(LegalBasis::codes),
        "The Art. 6(1) legal basis.",
    ),
    f(
        "law",
        Text(false),
        "The national or Union law the basis rests on (Art. 6(3)), e.g. Perusopetuslaki (628/1998).",
    ),
    f(
        "legitimate_interests",
        Text(false),
        "The interests pursued, required for legitimate-interests (Art. 13(1)(d)).",
    ),
    f(
        "special_category_condition",
        Code(Art9Condition::codes),
        "The Art. 9(2) condition when special categories are processed.",
    ),
    f(
        "withdrawal",
        Text(false),
        "How to withdraw consent, for consent-based purposes (Art. 7(3)).",
    ),
];

pub const DATA_SUBJECT: &[Field] = &[
    f("id", String, "Identifier (kebab-case)."),
    f(
        "name",
        Text(false),
        "The group: pupils, guardians, staff...",
    ),
    f("description", Text(false), "Who belongs to the group."),
];

pub const DATA_CATEGORY: &[Field] = &[
    f("id", String, "Identifier (kebab-case)."),
    f("name", Text(false), "Name of the category, Art. 14(1)(d)."),
    f(
        "items",
        Text(false),
        "The data items, usually a Markdown list.",
    ),
    f(
        "special_category",
        Code(SpecialCategory::codes),
        "The Art. 9(1) special category, if it is one.",
    ),
    f(
        "criminal_offences",
        Bool,
        "Personal data relating to criminal convictions and offences (Art. 10).",
    ),
    f(
        "editable_by_subject",
        Bool,
        "Whether the person can update these items themselves.",
    ),
    f("subjects", Ids, "Ids of the data subject groups concerned."),
    f(
        "purposes",
        Ids,
        "Ids of the purposes that process this category.",
    ),
];

pub const SOURCE: &[Field] = &[
    f("id", String, "Identifier (kebab-case)."),
    f("name", Text(true), "The source, Art. 14(2)(f)."),
    f(
        "kind",
        Code(SourceKind::codes),
        "What kind of source: data-subject, register, authority, public, organisation.",
    ),
    f(
        "description",
        Text(false),
        "What comes from this source and how.",
    ),
    f(
        "categories",
        Ids,
        "Ids of the data categories that come from it.",
    ),
];

pub const RECIPIENT: &[Field] = &[
    f("id", String, "Identifier (kebab-case)."),
    f(
        "name",
        Text(true),
        "The recipient or category of recipients, Art. 13(1)(e).",
    ),
    f(
        "role",
        Code(RecipientRole::codes),
        "processor, controller, joint-controller or authority.",
    ),
    f(
        "country",
        Country,
        "Where the recipient processes the data; outside the EEA needs a transfer.",
    ),
    f("purpose", Text(false), "Why the data is disclosed."),
    f(
        "law",
        Text(false),
        "The law providing for the disclosure, if any.",
    ),
    f("categories", Ids, "Ids of the data categories disclosed."),
];

pub const TRANSFER: &[Field] = &[
    f("id", String, "Identifier (kebab-case)."),
    f(
        "recipient",
        String,
        "Id of the recipient whose processing makes this a transfer.",
    ),
    f("country", Country, "The third country."),
    f("mechanism", Mechanism, "Exactly one Art. 45-49 mechanism."),
    f(
        "safeguard_copy",
        Text(false),
        "Where or how to obtain a copy of the safeguards (Art. 46/47).",
    ),
    f("description", Text(false), "More about the transfer."),
];

pub const RETENTION: &[Field] = &[
    f("id", String, "Identifier (kebab-case)."),
    f(
        "applies_to",
        Ids,
        "Ids of the data categories or purposes the period applies to.",
    ),
    f(
        "period",
        Duration,
        "The storage period as an ISO 8601 duration, e.g. P2Y (Art. 13(2)(a)).",
    ),
    f(
        "rule",
        Text(false),
        "The criteria that set the period, in words.",
    ),
];

pub const PROVISION: &[Field] = &[
    f(
        "requirement",
        Code(ProvisionKind::codes),
        "Whether providing the data is required (Art. 13(2)(e)).",
    ),
    f(
        "consequences",
        Text(false),
        "What happens if the data is not provided.",
    ),
    f("description", Text(false), "More about the requirement."),
];

pub const AUTOMATED: &[Field] = &[
    f(
        "used",
        Bool,
        "Whether decisions under Art. 22(1) and (4) are made.",
    ),
    f("profiling", Bool, "Whether profiling is used."),
    f(
        "logic",
        Text(false),
        "Meaningful information about the logic involved (Art. 13(2)(f)).",
    ),
    f(
        "consequences",
        Text(false),
        "The significance and envisaged consequences for the person.",
    ),
    f(
        "description",
        Text(false),
        "More about automated processing.",
    ),
];

pub const RIGHTS: &[Field] = &[
    f(
        "how",
        Text(false),
        "How to exercise the rights; the rights themselves are written by seloste.",
    ),
    f("email", Email, "Where to send requests."),
    f("phone", String, "Telephone number for requests."),
    f("web", Url, "Web form or page for requests."),
];

pub const ACCESS_ROLE: &[Field] = &[
    f("id", String, "Identifier (kebab-case)."),
    f("role", Text(false), "A role, e.g. class teacher."),
    f("sees", Text(false), "What the role can see."),
];

pub const RELATED: &[Field] = &[
    f(
        "title",
        Text(false),
        "Title of the related document or register.",
    ),
    f("url", Url, "Where it is."),
    f(
        "notice",
        String,
        "Or the id of another notice of the project.",
    ),
];

/// A notice file.
pub const NOTICE: &[Field] = &[
    f(
        "id",
        String,
        "The notice's id (kebab-case): names the output files.",
    ),
    f(
        "fragment",
        Bool,
        "A fragment of shared sections, taken by notices with `extends`; never published on its own.",
    ),
    f(
        "extends",
        String,
        "Id of a fragment whose top-level items this notice takes where it sets none.",
    ),
    f("title", Text(false), "The name of the register."),
    f(
        "description",
        Text(false),
        "A short introduction in the author's words.",
    ),
    f("version", String, "Version of the notice."),
    f("updated", Date, "Date of the last update, 2026-11-21."),
    f(
        "languages",
        Codes(langs),
        "Languages the notice is written and published in.",
    ),
    f(
        "collected_from",
        Code(Collection::codes),
        "Where data comes from: data-subject (Art. 13), other-sources (Art. 14) or both.",
    ),
    f(
        "supervisory_authority",
        Code(SupervisoryAuthority::codes),
        "FI (default) or SE: the authority in the complaint section.",
    ),
    f(
        "controller",
        Controller,
        "The controller, or \"customer\" in a service notice whose controller each customer supplies.",
    ),
    f(
        "representative",
        Table(PARTY),
        "EU representative of a controller outside the EU (Art. 27).",
    ),
    f(
        "processor",
        Table(PARTY),
        "The vendor processing data on the controller's behalf.",
    ),
    f(
        "contact",
        Table(CONTACT),
        "Contact person or role for register matters.",
    ),
    f(
        "dpo",
        Table(CONTACT),
        "Data protection officer (Art. 13(1)(b)).",
    ),
    f(
        "purposes",
        ArrayOf(PURPOSE),
        "Purposes with their legal bases (Art. 13(1)(c)).",
    ),
    f(
        "data_subjects",
        ArrayOf(DATA_SUBJECT),
        "Groups of people whose data is processed.",
    ),
    f(
        "data_categories",
        ArrayOf(DATA_CATEGORY),
        "Categories of personal data (Art. 14(1)(d)).",
    ),
    f(
        "sources",
        ArrayOf(SOURCE),
        "Where data comes from (Art. 14(2)(f)).",
    ),
    f(
        "recipients",
        ArrayOf(RECIPIENT),
        "Recipients; `recipients = []` states there are none (Art. 13(1)(e)).",
    ),
    f(
        "transfers",
        ArrayOf(TRANSFER),
        "Transfers outside the EU/EEA (Art. 13(1)(f)).",
    ),
    f(
        "retention",
        ArrayOf(RETENTION),
        "Storage periods (Art. 13(2)(a)).",
    ),
    f(
        "provision",
        Table(PROVISION),
        "Whether providing data is required (Art. 13(2)(e)).",
    ),
    f(
        "automated_decisions",
        Table(AUTOMATED),
        "Automated decision-making and profiling (Art. 13(2)(f)).",
    ),
    f("rights", Table(RIGHTS), "How to exercise the rights."),
    f("security", Text(false), "Security measures."),
    f("cookies", Text(false), "Cookies."),
    f("access_roles", ArrayOf(ACCESS_ROLE), "Who sees what."),
    f(
        "related",
        ArrayOf(RELATED),
        "Attachments, sub-registers and related documents.",
    ),
];

pub const BRANDING: &[Field] = &[
    f(
        "logo",
        String,
        "Path of a logo image (.svg, .png, .jpg, .webp), relative to the customer file.",
    ),
    f("colour", String, "Brand colour, #rrggbb."),
];

pub const ADDITION: &[Field] = &[
    f(
        "service",
        String,
        "Id of the service notice the additions belong to.",
    ),
    f(
        "recipients",
        ArrayOf(RECIPIENT),
        "Recipients added to the service's.",
    ),
    f(
        "access_roles",
        ArrayOf(ACCESS_ROLE),
        "Access roles added to the service's.",
    ),
    f(
        "retention",
        ArrayOf(RETENTION),
        "Storage periods added to the service's.",
    ),
];

/// A customer file.
pub const CUSTOMER: &[Field] = &[
    f(
        "id",
        String,
        "The customer's id (kebab-case): names its bundle.",
    ),
    f(
        "languages",
        Codes(langs),
        "The customer's languages, the primary one first.",
    ),
    f(
        "supervisory_authority",
        Code(SupervisoryAuthority::codes),
        "FI (default) or SE.",
    ),
    f(
        "services",
        Ids,
        "Ids of the service notices the customer uses.",
    ),
    f(
        "controller",
        Table(CONTROLLER),
        "The customer as controller.",
    ),
    f("representative", Table(PARTY), "EU representative, if any."),
    f(
        "dpo",
        Table(CONTACT),
        "The customer's data protection officer.",
    ),
    f("contact", Table(CONTACT), "Contact for register matters."),
    f(
        "branding",
        Table(BRANDING),
        "Logo and colour for the customer's notices.",
    ),
    f(
        "additions",
        ArrayOf(ADDITION),
        "Local additions to the services.",
    ),
];

fn text_schema(neutral: bool) -> Value {
    let mut props = Map::new();
    for l in Lang::SUPPORTED {
        props.insert(l.to_string(), json!({ "type": "string", "description": format!("The text in {l} (Markdown allowed).") }));
    }
    let table = json!({ "type": "object", "properties": props, "additionalProperties": false });
    if neutral {
        json!({ "anyOf": [ { "type": "string" }, table ] })
    } else {
        table
    }
}

fn kind_schema(kind: Kind) -> Value {
    match kind {
        String => json!({ "type": "string" }),
        Bool => json!({ "type": "boolean" }),
        Date => json!({ "type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$" }),
        Duration => {
            json!({ "type": "string", "pattern": "^P(?=\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?$" })
        }
        Country => json!({ "type": "string", "enum": crate::model::Country::all_codes() }),
        Email => json!({ "type": "string", "pattern": "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$" }),
        Url => json!({ "type": "string", "pattern": "^https?://" }),
        Code(codes) => json!({ "type": "string", "enum": codes() }),
        Text(neutral) => text_schema(neutral),
        Table(fields) => table_schema(fields),
        ArrayOf(fields) => json!({ "type": "array", "items": table_schema(fields) }),
        Ids => json!({ "type": "array", "items": { "type": "string" } }),
        Codes(codes) => json!({ "type": "array", "items": { "type": "string", "enum": codes() } }),
        Mechanism => {
            let one = json!({ "type": "string", "enum": TransferMechanism::codes() });
            json!({ "anyOf": [ one.clone(), { "type": "array", "items": one, "maxItems": 1 } ] })
        }
        Controller => json!({ "anyOf": [ { "const": "customer" }, table_schema(CONTROLLER) ] }),
    }
}

fn table_schema(fields: &[Field]) -> Value {
    let mut props = Map::new();
    for field in fields {
        let mut s = kind_schema(field.kind);
        if let Some(obj) = s.as_object_mut() {
            obj.insert("description".into(), json!(field.doc));
        }
        props.insert(field.key.to_string(), s);
    }
    json!({ "type": "object", "properties": props, "additionalProperties": false })
}

/// The JSON Schema (draft-07) of a notice or a customer file.
pub fn json_schema(customer: bool) -> Value {
    let (fields, title, description) = if customer {
        (
            CUSTOMER,
            "seloste customer",
            "A vendor's customer: controller, DPO, languages and local additions for `seloste bundle`.",
        )
    } else {
        (
            NOTICE,
            "seloste notice",
            "One register's privacy notice (GDPR Art. 13/14), checked and rendered by seloste.",
        )
    };
    let mut schema = table_schema(fields);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;

    /// A valid TOML value for a key, so that a document using every key of
    /// the description can be read.
    fn sample(kind: Kind, depth: usize) -> std::string::String {
        match kind {
            String => "\"x\"".into(),
            Bool => "true".into(),
            Date => "2026-11-21".into(),
            Duration => "\"P1Y\"".into(),
            Country => "\"FI\"".into(),
            Email => "\"a@b.fi\"".into(),
            Url => "\"https://a.fi\"".into(),
            Code(codes) => format!("\"{}\"", codes()[0]),
            Text(_) => "{ fi = \"x\", sv = \"x\", en = \"x\" }".into(),
            Table(fields) => inline(fields, depth + 1),
            ArrayOf(fields) => format!("[{}]", inline(fields, depth + 1)),
            Ids => "[\"x\"]".into(),
            Codes(codes) => format!("[\"{}\"]", codes()[0]),
            Mechanism => "\"standard-contractual-clauses\"".into(),
            Controller => inline(CONTROLLER, depth + 1),
        }
    }

    fn inline(fields: &[Field], depth: usize) -> std::string::String {
        let items: Vec<_> = fields
            .iter()
            .map(|f| format!("{} = {}", f.key, sample(f.kind, depth)))
            .collect();
        format!("{{ {} }}", items.join(", "))
    }

    fn document(fields: &[Field]) -> std::string::String {
        fields
            .iter()
            .map(|f| format!("{} = {}\n", f.key, sample(f.kind, 0)))
            .collect()
    }

    /// Reads `doc` and returns the loader's structural complaints, and the
    /// keys each table reader asked for.
    fn read(
        doc: &str,
        customer: bool,
    ) -> (
        Vec<&'static str>,
        Vec<(std::string::String, Vec<&'static str>)>,
    ) {
        let (root, errors) = toml::de::DeTable::parse_recoverable(doc);
        assert!(
            errors.is_empty(),
            "sample document does not parse: {errors:?}\n{doc}"
        );
        let root = toml::Spanned::new(0..0, toml::de::DeValue::Table(root.into_inner()));
        let mut d = crate::load::decode::Decoder::new(FileId(0), 0);
        d.record_known = true;
        if customer {
            crate::load::customer::customer(&mut d, &root);
        } else {
            crate::load::notice_reader(&mut d, &root);
        }
        let codes = d
            .diagnostics
            .iter()
            .map(|x| x.code.code)
            .filter(|c| c.starts_with('L'))
            .collect();
        (codes, d.known_keys)
    }

    fn described(
        fields: &[Field],
        what: &str,
        out: &mut Vec<(std::string::String, Vec<&'static str>)>,
    ) {
        out.push((what.to_string(), fields.iter().map(|f| f.key).collect()));
        for field in fields {
            match field.kind {
                Table(inner) => described(inner, &format!("[{}]", field.key), out),
                ArrayOf(inner) => described(inner, &format!("[[{}]]", field.key), out),
                Controller => described(CONTROLLER, "[controller]", out),
                _ => {}
            }
        }
    }

    /// Every key described here is accepted by the reader with a valid
    /// value, and every table the reader reads asks for exactly the keys
    /// described: the schema cannot drift from the loader.
    #[test]
    fn description_and_reader_agree() {
        for (fields, customer, root) in
            [(NOTICE, false, "a notice"), (CUSTOMER, true, "a customer")]
        {
            let (complaints, known) = read(&document(fields), customer);
            assert!(
                complaints.is_empty(),
                "{root}: the reader rejects described keys: {complaints:?}"
            );
            let mut expected = Vec::new();
            described(fields, root, &mut expected);
            for (what, keys) in known {
                let mut keys = keys;
                keys.sort();
                keys.dedup();
                let want = expected
                    .iter()
                    .find(|(w, _)| *w == what)
                    .unwrap_or_else(|| {
                        panic!("{root}: the reader reads {what}, which is not described")
                    });
                let mut want_keys = want.1.clone();
                want_keys.sort();
                assert_eq!(keys, want_keys, "{root}: keys of {what}");
            }
        }
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
