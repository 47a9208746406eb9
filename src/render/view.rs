//! The view of one notice in one language and format: what templates see.
//!
//! Everything a template shows is resolved here, in Rust: texts in the
//! chosen language, the official wording of legal bases and mechanisms, the
//! derived rights, the supervisory authority, dates and durations. Templates
//! only lay it out, so a project can restyle its notices without being able
//! to get the law wrong.
//!
//! Two kinds of string reach templates:
//! - plain strings (names, addresses, labels): escaped by the template engine
//!   for the output format;
//! - [`Markup`] fields (texts that may hold Markdown): already converted to
//!   safe HTML (html, print) or to sanitised Markdown (md), and marked as safe
//!   so they are inserted as they are (`|safe` in a template is harmless but
//!   not needed). Both conversions are in `markdown.rs`.

use std::collections::BTreeMap;

use serde::Serialize;

/// A text field already rendered for the output format (see module docs).
#[derive(Debug, Clone, PartialEq)]
pub struct Markup(pub String);

impl schemars::JsonSchema for Markup {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Markup".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A text that may hold Markdown, already sanitised for the output format: CommonMark in the JSON export (no raw HTML, only http(s), mailto, tel and relative links)."
        })
    }
}

impl Serialize for Markup {
    /// Into a template context, as a string marked safe: it was sanitised
    /// when it was rendered, and escaping it again would garble it.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if minijinja::value::serializing_for_value() {
            minijinja::Value::from_safe_string(self.0.clone()).serialize(s)
        } else {
            s.serialize_str(&self.0)
        }
    }
}

/// Every localised text of one table of the format, by key, in the view's
/// language and format: names and labels as plain strings, prose as
/// [`Markup`]; `None` where the source has none. Flattened into the view of
/// its table, so that every text key the format declares reaches templates
/// as `item.<key>` without code here: a new key only needs a template to
/// show it.
#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
#[serde(transparent)]
pub struct Texts(pub BTreeMap<&'static str, Option<Shown>>);

impl Texts {
    /// The text of `key` as a string (markup included as it was rendered).
    pub fn get(&self, key: &str) -> Option<&str> {
        match self.0.get(key)?.as_ref()? {
            Shown::Plain(s) => Some(s),
            Shown::Markup(m) => Some(&m.0),
        }
    }

    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

/// A text as a template receives it.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum Shown {
    /// A name or a label: escaped by the template engine.
    Plain(String),
    /// Prose: already converted and safe.
    Markup(Markup),
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct NoticeView {
    /// Language code of this rendering: `fi`, `sv`, `en`.
    pub lang: String,
    /// `html`, `print` or `md`.
    #[schemars(skip)]
    pub format: String,
    pub id: String,
    /// The title in this language; empty when it has none (diagnosed).
    pub title: String,
    /// `description`, `security`, `cookies` and any other text of the
    /// notice's root table (the title is `title` above).
    #[serde(flatten)]
    pub texts: Texts,
    pub version: Option<String>,
    /// Formatted for the language: 21.11.2026 / 21 November 2026.
    pub updated: Option<String>,
    /// ISO 8601, for `<time datetime>`.
    pub updated_iso: Option<String>,
    /// The same notice in the other languages it is published in.
    #[schemars(skip)]
    pub alternates: Vec<Alternate>,
    /// The same notice in the other formats built (e.g. the printable
    /// version), in this language.
    #[schemars(skip)]
    pub formats: Vec<FormatLink>,
    /// The notice is a draft (`draft = true`, built with `--drafts`):
    /// templates show a banner saying it is not published.
    pub draft: bool,
    /// The customer's brand colour (`#rrggbb`, validated), in bundles.
    #[schemars(skip)]
    pub brand_colour: Option<String>,
    /// Relative link to the customer's logo, in bundles.
    #[schemars(skip)]
    pub logo: Option<String>,
    /// Sections present in this notice, in the order of
    /// [`crate::model::codes::Section`], numbered from 1. Templates render
    /// them in this order.
    #[schemars(skip)]
    pub sections: Vec<SectionView>,
    pub summary: Summary,
    pub controller: Option<PartyView>,
    pub representative: Option<PartyView>,
    pub processor: Option<PartyView>,
    pub contact: Option<ContactView>,
    pub dpo: Option<ContactView>,
    /// Where the data comes from, as a sentence (Art. 13 / 14).
    pub collection: Option<String>,
    pub purposes: Vec<PurposeView>,
    pub data_subjects: Vec<SubjectView>,
    pub data_categories: Vec<CategoryView>,
    pub sources: Vec<SourceView>,
    pub recipients: Vec<RecipientView>,
    /// The notice says explicitly that there are no recipients.
    pub recipients_none: bool,
    pub transfers: Vec<TransferView>,
    pub retention: Vec<RetentionView>,
    pub provision: Option<ProvisionView>,
    pub automated: Option<AutomatedView>,
    pub access_roles: Vec<AccessRoleView>,
    pub related: Vec<RelatedView>,
    /// The rights that apply to this notice's legal bases, objection excluded.
    pub rights: Vec<RightView>,
    /// The right to object, shown apart from the other rights (Art. 21(4)).
    pub objection: Option<RightView>,
    /// Rights a law limits in this register, and exemptions from informing
    /// (Art. 23, 89, 14(5)), shown after the rights.
    pub restrictions: Vec<RestrictionView>,
    pub rights_how: RightsHowView,
    pub complaint: ComplaintView,
}

/// The fields of a [`NoticeView`] that [`super::resolve::Resolver::finish`]
/// sets on a shared part: the notice's own parties, the summary and the
/// processor that name them, the look, the sections present and the
/// links. Serialized under the same names as there; a page of a bound
/// notice is rendered from its shared part's fields and these.
#[derive(Debug, Clone, Serialize)]
pub struct OwnView {
    pub format: String,
    pub alternates: Vec<Alternate>,
    pub formats: Vec<FormatLink>,
    pub brand_colour: Option<String>,
    pub logo: Option<String>,
    pub sections: Vec<SectionView>,
    pub summary: Summary,
    pub controller: Option<PartyView>,
    pub representative: Option<PartyView>,
    pub processor: Option<PartyView>,
    pub contact: Option<ContactView>,
    pub dpo: Option<ContactView>,
    pub related: Vec<RelatedView>,
}

/// The fields of [`OwnView`] that can differ between the customers of one
/// service: all but `format`, which is the page's. Even the vendor's part
/// names the customer (it processes on the controller's behalf), and the
/// sections and links follow the customer's choices. A section that reads
/// none of these says the same in every customer's notice of the service,
/// as far as the templates go (local additions still change its text);
/// the zips compress such sections once
/// ([`crate::render::RenderedFile::shared`]). Wrong either way, this costs
/// only compression time, never a byte of a page.
pub const CUSTOMER_FIELDS: &[&str] = &[
    "alternates",
    "formats",
    "brand_colour",
    "logo",
    "sections",
    "summary",
    "controller",
    "representative",
    "processor",
    "contact",
    "dpo",
    "related",
];

impl OwnView {
    /// Sets these fields on `view`.
    pub fn apply(self, view: &mut NoticeView) {
        view.format = self.format;
        view.alternates = self.alternates;
        view.formats = self.formats;
        view.brand_colour = self.brand_colour;
        view.logo = self.logo;
        view.sections = self.sections;
        view.summary = self.summary;
        view.controller = self.controller;
        view.representative = self.representative;
        view.processor = self.processor;
        view.contact = self.contact;
        view.dpo = self.dpo;
        view.related = self.related;
    }
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Alternate {
    pub lang: String,
    /// The language's name in that language: suomi, svenska, English.
    pub name: String,
    /// Relative link to the same notice in that language and format.
    pub href: String,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SectionView {
    /// Stable anchor and key: controller, contact, dpo, register, purposes...
    /// ([`crate::model::codes::Section::id`]).
    pub id: String,
    pub number: usize,
    pub heading: String,
}

/// The short first layer: who, why, what, key rights, whom to contact.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Summary {
    pub controller: Option<String>,
    /// Purposes, each a short plain-text line with its legal basis label:
    /// the purpose's `summary`, else its description shortened at a word
    /// boundary. At most [`super::resolve::SUMMARY_PURPOSES`].
    pub purposes: Vec<String>,
    /// The legal basis of every purpose, when they all share one: then the
    /// lines above do not repeat it.
    pub purposes_basis: Option<String>,
    /// "and 6 more purposes", when not every purpose is listed; templates
    /// link it to the purposes section.
    pub purposes_more: Option<String>,
    /// Names of the data categories.
    pub data: Vec<String>,
    /// Titles of the rights that apply.
    pub rights: Vec<String>,
    /// Where to turn: the rights e-mail, else the DPO's, else the controller's.
    pub contact: Option<String>,
}

#[derive(Debug, Clone, Serialize, Default, schemars::JsonSchema)]
pub struct PartyView {
    /// Every localised text of the table, by key.
    #[serde(flatten)]
    pub texts: Texts,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub web: Option<String>,
    pub business_id: Option<String>,
    pub country: Option<String>,
    /// For the processor: a sentence saying it processes on the controller's behalf.
    pub statement: Option<String>,
}

#[derive(Debug, Clone, Serialize, Default, schemars::JsonSchema)]
pub struct ContactView {
    /// Every localised text of the table, by key.
    #[serde(flatten)]
    pub texts: Texts,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PurposeView {
    /// Every localised text of the table, by key.
    #[serde(flatten)]
    pub texts: Texts,
    pub id: Option<String>,
    /// Official wording of the Art. 6(1) basis: "task carried out in the public interest...".
    pub basis: Option<String>,
    /// The article reference in the language: "Article 6(1)(e) GDPR".
    pub basis_ref: Option<String>,
    /// Art. 9(2) condition with its reference.
    pub special_condition: Option<String>,
    pub consent: bool,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SubjectView {
    /// Every localised text of the table, by key.
    #[serde(flatten)]
    pub texts: Texts,
    pub id: Option<String>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CategoryView {
    /// Every localised text of the table, by key.
    #[serde(flatten)]
    pub texts: Texts,
    pub id: Option<String>,
    /// The special category's name, when it is one (Art. 9(1)).
    pub special: Option<String>,
    pub criminal: bool,
    pub editable: bool,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SourceView {
    /// Every localised text of the table, by key.
    #[serde(flatten)]
    pub texts: Texts,
    pub id: Option<String>,
    pub kind: Option<String>,
    /// Whether the source is publicly accessible (Art. 14(2)(f)).
    pub public: bool,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RecipientView {
    /// Every localised text of the table, by key.
    #[serde(flatten)]
    pub texts: Texts,
    pub id: Option<String>,
    pub role: Option<String>,
    pub country: Option<String>,
    pub third_country: bool,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct TransferView {
    /// Every localised text of the table, by key.
    #[serde(flatten)]
    pub texts: Texts,
    pub id: Option<String>,
    pub recipient: Option<String>,
    pub country: Option<String>,
    pub mechanism: Option<String>,
    pub mechanism_ref: Option<String>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RetentionView {
    /// Every localised text of the table, by key.
    #[serde(flatten)]
    pub texts: Texts,
    pub id: Option<String>,
    /// Names of the categories or purposes the period applies to.
    pub applies_to: Vec<String>,
    /// "2 vuotta", "1 år 6 månader", "30 days".
    pub period: Option<String>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ProvisionView {
    /// Every localised text of the table, by key.
    #[serde(flatten)]
    pub texts: Texts,
    pub requirement: Option<String>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct AutomatedView {
    /// Every localised text of the table, by key.
    #[serde(flatten)]
    pub texts: Texts,
    pub used: bool,
    pub profiling: bool,
    /// The standard sentence: none are made, or they are made as described.
    pub statement: String,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct AccessRoleView {
    /// Every localised text of the table, by key.
    #[serde(flatten)]
    pub texts: Texts,
    pub id: Option<String>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RelatedView {
    /// Every localised text of the table, by key.
    #[serde(flatten)]
    pub texts: Texts,
    /// The link: the source's `url`, or the related notice in this format.
    pub url: Option<String>,
    /// The related notice's id, when the source names one.
    pub notice: Option<String>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RightView {
    /// access, rectification, erasure, restriction, portability, object,
    /// withdraw-consent, automated-decisions.
    pub id: String,
    pub title: String,
    pub text: String,
    /// "Article 15 GDPR" in the language.
    pub reference: String,
    /// When the right applies to some purposes only (portability, withdrawal
    /// of consent, objection in a notice that mixes legal bases): those
    /// purposes, as short plain text. Empty when it applies to all.
    pub applies_to: Vec<String>,
    /// False for a right shown only to say that it does not apply: erasure
    /// when every purpose is a legal obligation or a public task
    /// (Art. 17(3)(b)). The summary lists only the rights that apply.
    pub applies: bool,
}

/// A right a law limits, or an exemption from informing.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RestrictionView {
    /// `law` and `description`.
    #[serde(flatten)]
    pub texts: Texts,
    /// The right's title: "Right of access".
    pub right: Option<String>,
    /// What allows the limit, in words.
    pub ground: Option<String>,
    /// Its article: "Article 23 GDPR".
    pub reference: Option<String>,
}

#[derive(Debug, Clone, Serialize, Default, schemars::JsonSchema)]
pub struct RightsHowView {
    /// Every localised text of the table, by key.
    #[serde(flatten)]
    pub texts: Texts,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub web: Option<String>,
    /// The standard sentence on the reply time (one month, Art. 12(3)).
    pub reply_time: String,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ComplaintView {
    pub text: String,
    pub authority: String,
    pub visiting_address: Option<String>,
    pub postal_address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub web: Option<String>,
}

/// The index page of one language.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct IndexView {
    pub lang: String,
    pub title: String,
    pub notices: Vec<IndexEntry>,
    pub alternates: Vec<Alternate>,
}

/// The root page of a site or bundle, which chooses the language.
#[derive(Debug, Clone, Serialize)]
pub struct LanguagesView {
    /// The first language built: the page's own `lang`.
    pub lang: String,
    /// Every language's index title, joined.
    pub title: String,
    /// "Choose a language" in every language (the navigation's name).
    pub choose: String,
    pub languages: Vec<LanguageChoice>,
}

/// One language on the root page, every text in that language.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageChoice {
    pub lang: String,
    /// suomi, svenska, English.
    pub name: String,
    /// The index page's title in the language.
    pub title: String,
    /// A line saying what is behind the link, in the language.
    pub intro: String,
    /// `fi/index.html`.
    pub href: String,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct IndexEntry {
    pub id: String,
    /// A draft, built with `--drafts`.
    pub draft: bool,
    pub title: String,
    pub controller: Option<String>,
    pub updated: Option<String>,
    /// ISO 8601, for `<time datetime>`.
    pub updated_iso: Option<String>,
    /// Links to the formats built: html, print, md.
    pub links: Vec<FormatLink>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FormatLink {
    pub format: String,
    pub label: String,
    pub href: String,
}
