//! The notice model: what one register's privacy notice says, as plain data.
//!
//! This is the contract between the loader (which builds it from TOML and
//! records where every value came from) and everything after it: the lint
//! rules read it, the renderers turn it into documents. It holds no behaviour
//! beyond small accessors; the law lives in `lint`, the wording in `locales`.
//!
//! Nearly everything is optional here on purpose: a notice that lacks a
//! required item must still load, so that the linter can say *which* item is
//! missing and point at the table that should hold it.

pub mod codes;
pub mod markdown;
pub mod text;

pub use codes::{
    Art9Condition, Collection, Country, Date, Duration, LegalBasis, ProvisionKind, RecipientRole,
    SourceKind, SpecialCategory, SupervisoryAuthority, TransferMechanism,
};
pub use text::{Lang, Text};

use crate::source::{FileId, Span};

/// A value together with the byte range of the source it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Located<T> {
    pub fn new(value: T, span: Span) -> Self {
        Located { value, span }
    }
}

/// An identifier of an item inside a notice (a purpose, a data category...),
/// used by other items to refer to it.
pub type Id = Located<String>;

/// Whether `s` is a valid id: lower-case ASCII letters and digits in
/// hyphen-separated words, at most 100 bytes. Ids become file names,
/// folder names and page anchors; only such an id is safe as each, on
/// every system (rule `Q012`).
pub fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// Notice ids that name a page seloste writes itself.
pub const RESERVED_NOTICE_IDS: &[&str] = &["index"];

/// `#rrggbb`: the only form of colour a brand colour may take, and the
/// only one put into a style attribute.
pub fn is_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// One privacy notice: the description of one register.
#[derive(Debug, Clone, Default)]
pub struct Notice {
    pub file: FileId,
    /// Span of the whole document, used for items missing at the top level.
    pub span: Span,
    pub id: Option<Id>,
    /// The register's name, shown as the notice title.
    pub title: Option<Text>,
    /// A short introduction to the register in the author's words.
    pub description: Option<Text>,
    pub version: Option<Located<String>>,
    pub updated: Option<Located<Date>>,
    pub languages: Option<Located<Vec<Located<Lang>>>>,
    /// Whether Art. 13, Art. 14 or both apply.
    pub collected_from: Option<Located<Collection>>,
    pub supervisory_authority: Option<Located<SupervisoryAuthority>>,
    pub controller: Option<Controller>,
    pub representative: Option<Party>,
    pub processor: Option<Party>,
    pub contact: Option<Contact>,
    pub dpo: Option<Contact>,
    /// `None`: the key is absent; `Some` with no items: the notice says there are none.
    pub purposes: Option<Located<Vec<Purpose>>>,
    pub data_subjects: Vec<DataSubject>,
    pub data_categories: Option<Located<Vec<DataCategory>>>,
    pub sources: Option<Located<Vec<Source>>>,
    pub recipients: Option<Located<Vec<Recipient>>>,
    pub transfers: Vec<Transfer>,
    pub retention: Option<Located<Vec<Retention>>>,
    pub provision: Option<Provision>,
    pub automated_decisions: Option<AutomatedDecisions>,
    pub rights: Option<RightsExercise>,
    pub security: Option<Text>,
    pub cookies: Option<Text>,
    pub access_roles: Vec<AccessRole>,
    pub related: Vec<Related>,
    /// Keys present in the source whose value was invalid (and diagnosed
    /// while loading), as (start of the enclosing table's span, key).
    pub invalid: Vec<(usize, &'static str)>,
    /// A fragment holds sections shared by several notices; it is never
    /// checked or rendered on its own.
    pub fragment: Option<Located<bool>>,
    /// The fragment whose top-level keys this notice takes where it sets
    /// none itself.
    pub extends: Option<Id>,
    /// `controller = "customer"`: the controller, DPO and contact come from
    /// each customer (see [`crate::bind`]).
    pub open_controller: Option<Span>,
    /// When bound to a customer: the customer file's top, where items the
    /// customer must supply are reported missing.
    pub customer_span: Option<Span>,
    /// When bound to a customer: its look.
    pub branding: Option<Branding>,
}

impl Notice {
    /// Whether `key` of the table starting at `table_start` was given but
    /// invalid. Rules use it so that a typo is reported once, as a typo,
    /// and not a second time as a missing item.
    pub fn was_invalid(&self, table_start: usize, key: &str) -> bool {
        self.invalid
            .iter()
            .any(|(s, k)| *s == table_start && *k == key)
    }

    pub fn is_fragment(&self) -> bool {
        self.fragment.as_ref().is_some_and(|f| f.value)
    }

    /// Where a missing top-level item is reported: the customer's file for
    /// what a customer supplies to a bound notice, the notice's otherwise.
    pub fn top_for(&self, key: &str) -> Span {
        match (&self.customer_span, key) {
            (Some(c), "controller" | "dpo" | "contact" | "languages" | "representative") => {
                c.clone()
            }
            _ => self.span.clone(),
        }
    }

    /// Whether `key` of the table at `table` is absent (not merely invalid).
    pub fn absent(&self, table: &Span, key: &str) -> bool {
        !self.was_invalid(table.start, key)
    }

    /// The notice id, or an empty string when it has none (already diagnosed).
    pub fn id_str(&self) -> &str {
        self.id.as_ref().map_or("", |id| id.value.as_str())
    }

    pub fn is_public_authority(&self) -> bool {
        self.controller
            .as_ref()
            .and_then(|c| c.public_authority.as_ref())
            .is_some_and(|p| p.value)
    }

    pub fn purposes(&self) -> &[Purpose] {
        self.purposes.as_ref().map_or(&[], |p| p.value.as_slice())
    }

    pub fn data_categories(&self) -> &[DataCategory] {
        self.data_categories
            .as_ref()
            .map_or(&[], |c| c.value.as_slice())
    }

    pub fn sources(&self) -> &[Source] {
        self.sources.as_ref().map_or(&[], |s| s.value.as_slice())
    }

    pub fn recipients(&self) -> &[Recipient] {
        self.recipients.as_ref().map_or(&[], |r| r.value.as_slice())
    }

    pub fn retention(&self) -> &[Retention] {
        self.retention.as_ref().map_or(&[], |r| r.value.as_slice())
    }

    /// Languages the notice is written in, in the order it lists them.
    pub fn language_list(&self) -> Vec<Lang> {
        self.languages
            .as_ref()
            .map(|l| l.value.iter().map(|l| l.value.clone()).collect())
            .unwrap_or_default()
    }

    /// Whether Art. 13 (data from the person) applies.
    pub fn art13(&self) -> bool {
        self.collected_from
            .as_ref()
            .is_some_and(|c| c.value != Collection::OtherSources)
    }

    /// Whether Art. 14 (data from elsewhere) applies.
    pub fn art14(&self) -> bool {
        self.collected_from
            .as_ref()
            .is_some_and(|c| c.value != Collection::DataSubject)
    }
}

/// The controller (*rekisterinpitäjä*, *personuppgiftsansvarig*), Art. 13(1)(a).
#[derive(Debug, Clone, Default)]
pub struct Controller {
    pub span: Span,
    pub name: Option<Text>,
    /// Public authorities and bodies must designate a DPO and cannot rely on
    /// legitimate interests for their tasks.
    pub public_authority: Option<Located<bool>>,
    /// Business ID (*Y-tunnus*) or other registration number.
    pub business_id: Option<Located<String>>,
    pub address: Option<Text>,
    pub email: Option<Located<String>>,
    pub phone: Option<Located<String>>,
    pub web: Option<Located<String>>,
    /// Where the controller is established; Finland when absent.
    pub country: Option<Located<Country>>,
}

/// Another organisation: the EU representative or the processor.
#[derive(Debug, Clone, Default)]
pub struct Party {
    pub span: Span,
    pub name: Option<Text>,
    pub address: Option<Text>,
    pub email: Option<Located<String>>,
    pub phone: Option<Located<String>>,
    pub web: Option<Located<String>>,
    pub country: Option<Located<Country>>,
    /// What this party does for the register, in the author's words.
    pub description: Option<Text>,
}

/// A person or a role to contact: the register contact or the DPO.
#[derive(Debug, Clone, Default)]
pub struct Contact {
    pub span: Span,
    /// A person's name; optional, a role is better in a published notice.
    pub name: Option<Text>,
    pub role: Option<Text>,
    pub address: Option<Text>,
    pub email: Option<Located<String>>,
    pub phone: Option<Located<String>>,
}

impl Contact {
    pub fn has_contact_detail(&self) -> bool {
        self.email.is_some() || self.phone.is_some() || self.address.is_some()
    }
}

/// A purpose of processing with its legal basis, Art. 13(1)(c).
#[derive(Debug, Clone, Default)]
pub struct Purpose {
    pub span: Span,
    pub id: Option<Id>,
    pub description: Option<Text>,
    pub legal_basis: Option<Located<LegalBasis>>,
    /// The national or Union law the basis rests on (Art. 6(3)), e.g. the
    /// Basic Education Act for a school.
    pub law: Option<Text>,
    /// The interests pursued, required for Art. 6(1)(f).
    pub legitimate_interests: Option<Text>,
    /// The Art. 9(2) condition when the purpose touches special categories.
    pub special_category_condition: Option<Located<Art9Condition>>,
    /// How to withdraw consent, for consent-based purposes.
    pub withdrawal: Option<Text>,
}

/// A group of people whose data is processed (pupils, guardians, staff...).
#[derive(Debug, Clone, Default)]
pub struct DataSubject {
    pub span: Span,
    pub id: Option<Id>,
    pub name: Option<Text>,
    pub description: Option<Text>,
}

/// A category of personal data, Art. 14(1)(d).
#[derive(Debug, Clone, Default)]
pub struct DataCategory {
    pub span: Span,
    pub id: Option<Id>,
    pub name: Option<Text>,
    /// The data items, usually a Markdown list.
    pub items: Option<Text>,
    pub special_category: Option<Located<SpecialCategory>>,
    /// Personal data relating to criminal convictions and offences (Art. 10).
    pub criminal_offences: Option<Located<bool>>,
    /// Whether the person can edit these items themselves.
    pub editable_by_subject: Option<Located<bool>>,
    pub subjects: Vec<Id>,
    pub purposes: Vec<Id>,
}

/// Where data comes from, Art. 14(2)(f).
#[derive(Debug, Clone, Default)]
pub struct Source {
    pub span: Span,
    pub id: Option<Id>,
    pub name: Option<Text>,
    pub kind: Option<Located<SourceKind>>,
    pub description: Option<Text>,
    pub categories: Vec<Id>,
}

/// A recipient or category of recipients, Art. 13(1)(e).
#[derive(Debug, Clone, Default)]
pub struct Recipient {
    pub span: Span,
    pub id: Option<Id>,
    pub name: Option<Text>,
    pub role: Option<Located<RecipientRole>>,
    /// Where the recipient processes the data; in the EEA when absent.
    pub country: Option<Located<Country>>,
    pub purpose: Option<Text>,
    /// The law that provides for a disclosure, where one does.
    pub law: Option<Text>,
    pub categories: Vec<Id>,
}

/// A transfer to a third country or international organisation, Art. 13(1)(f).
#[derive(Debug, Clone, Default)]
pub struct Transfer {
    pub span: Span,
    pub id: Option<Id>,
    /// The recipient (by id) whose processing makes this a transfer.
    pub recipient: Option<Id>,
    pub country: Option<Located<Country>>,
    /// Exactly one mechanism is expected; the loader keeps every value given
    /// so that the linter can say when there are several.
    pub mechanism: Option<Located<Vec<Located<TransferMechanism>>>>,
    /// Where or how to obtain a copy of the safeguards.
    pub safeguard_copy: Option<Text>,
    pub description: Option<Text>,
}

/// A storage period, Art. 13(2)(a).
#[derive(Debug, Clone, Default)]
pub struct Retention {
    pub span: Span,
    pub id: Option<Id>,
    /// Data categories or purposes (by id) this period applies to.
    pub applies_to: Vec<Id>,
    pub period: Option<Located<Duration>>,
    /// The criteria in words, e.g. "until the next school year starts".
    pub rule: Option<Text>,
}

/// Whether providing data is a requirement, Art. 13(2)(e).
#[derive(Debug, Clone, Default)]
pub struct Provision {
    pub span: Span,
    pub requirement: Option<Located<ProvisionKind>>,
    pub consequences: Option<Text>,
    pub description: Option<Text>,
}

/// Automated decision-making and profiling, Art. 13(2)(f).
#[derive(Debug, Clone, Default)]
pub struct AutomatedDecisions {
    pub span: Span,
    /// Whether decisions under Art. 22(1) and (4) are made.
    pub used: Option<Located<bool>>,
    pub profiling: Option<Located<bool>>,
    pub logic: Option<Text>,
    pub consequences: Option<Text>,
    pub description: Option<Text>,
}

/// How the person exercises their rights; the rights themselves are derived.
#[derive(Debug, Clone, Default)]
pub struct RightsExercise {
    pub span: Span,
    pub how: Option<Text>,
    pub email: Option<Located<String>>,
    pub phone: Option<Located<String>>,
    pub web: Option<Located<String>>,
}

/// Who sees what: a role and the data it can see.
#[derive(Debug, Clone, Default)]
pub struct AccessRole {
    pub span: Span,
    pub id: Option<Id>,
    pub role: Option<Text>,
    pub sees: Option<Text>,
}

/// An attachment, sub-register or related document.
#[derive(Debug, Clone, Default)]
pub struct Related {
    pub span: Span,
    pub title: Option<Text>,
    pub url: Option<Located<String>>,
    /// Another notice by id.
    pub notice: Option<Id>,
}

/// A vendor's customer: the controller of the registers behind the services
/// it uses, with its own identity, DPO, languages and local additions.
#[derive(Debug, Clone, Default)]
pub struct Customer {
    pub file: FileId,
    /// The top of the customer's file.
    pub span: Span,
    pub id: Option<Id>,
    /// The languages its notices are published in, the primary one first.
    pub languages: Option<Located<Vec<Located<Lang>>>>,
    pub supervisory_authority: Option<Located<SupervisoryAuthority>>,
    /// Ids of the service notices it uses.
    pub services: Option<Located<Vec<Id>>>,
    pub controller: Option<Controller>,
    pub representative: Option<Party>,
    pub dpo: Option<Contact>,
    pub contact: Option<Contact>,
    pub branding: Option<Branding>,
    pub additions: Vec<Addition>,
    pub invalid: Vec<(usize, &'static str)>,
}

impl Customer {
    pub fn id_str(&self) -> &str {
        self.id.as_ref().map_or("", |id| id.value.as_str())
    }

    pub fn language_list(&self) -> Vec<Lang> {
        self.languages
            .as_ref()
            .map(|l| l.value.iter().map(|l| l.value.clone()).collect())
            .unwrap_or_default()
    }

    pub fn service_ids(&self) -> Vec<&Id> {
        self.services
            .as_ref()
            .map(|s| s.value.iter().collect())
            .unwrap_or_default()
    }
}

/// A customer's look for its notices.
#[derive(Debug, Clone, Default)]
pub struct Branding {
    pub span: Span,
    /// Path of a logo image, relative to the customer file.
    pub logo: Option<Located<String>>,
    /// Brand colour, `#rrggbb`.
    pub colour: Option<Located<String>>,
    /// The logo file, read by the loader: (file name in the bundle, bytes).
    pub logo_file: Option<(String, Vec<u8>)>,
}

/// Local additions a customer makes to one service's notice.
#[derive(Debug, Clone, Default)]
pub struct Addition {
    pub span: Span,
    /// The service notice (by id) the additions belong to.
    pub service: Option<Id>,
    pub recipients: Vec<Recipient>,
    pub access_roles: Vec<AccessRole>,
    pub retention: Vec<Retention>,
}
