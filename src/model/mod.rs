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
#[macro_use]
pub mod format;
pub mod markdown;
pub mod text;

pub use codes::{
    Art9Condition, Collection, Country, Date, Duration, LegalBasis, LimitedRight, ProvisionKind,
    RecipientRole, RestrictionGround, SourceKind, SpecialCategory, SupervisoryAuthority,
    TransferMechanism,
};
pub use text::{Lang, Text};

pub use format::{Code, Kind, Table, TextKind};

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

format_table! {
    /// One privacy notice: the description of one register.
    ///
    /// `span` is the whole document, where items missing at the top level
    /// are reported.
    pub struct Notice {
        /// The notice's id (kebab-case): names the output files.
        id: Option<Id> as Kind::Id; own,
        /// A fragment of shared sections, taken by notices with `extends`; never published on its own.
        fragment: Option<Located<bool>>; own,
        /// Id of a fragment whose top-level items this notice takes where it sets none.
        extends: Option<Id> as Kind::NoticeRef; own,
        /// A draft: `build` and `bundle` skip it (unless `--drafts`, which marks it as a draft), and placeholders in it are warnings.
        draft: Option<Located<bool>>; own,
        /// The name of the register.
        title: Option<Text> as Kind::Text(TextKind::Label),
        /// A short introduction in the author's words.
        description: Option<Text>,
        /// Version of the notice.
        version: Option<Located<String>>,
        /// Date of the last update, 2026-11-21.
        updated: Option<Located<Date>>,
        /// Languages the notice is written and published in.
        languages: Option<Located<Vec<Located<Lang>>>>,
        /// Where data comes from: data-subject (Art. 13), other-sources (Art. 14) or both.
        collected_from: Option<Located<Collection>>,
        /// FI (default) or SE: the authority in the complaint section.
        supervisory_authority: Option<Located<SupervisoryAuthority>>,
        /// The controller, or "customer" in a service notice whose controller each customer supplies.
        controller: Option<Controller> as Kind::Controller(<Controller as Table>::layout_of); own,
        /// EU representative of a controller outside the EU (Art. 27).
        representative: Option<Party>,
        /// The vendor processing data on the controller's behalf.
        processor: Option<Party>,
        /// Contact person or role for register matters.
        contact: Option<Contact>,
        /// Data protection officer (Art. 13(1)(b)).
        dpo: Option<Contact>,
        /// Purposes with their legal bases (Art. 13(1)(c)).
        purposes: Option<Located<Vec<Purpose>>>,
        /// Groups of people whose data is processed.
        data_subjects: Vec<DataSubject>,
        /// Categories of personal data (Art. 14(1)(d)).
        data_categories: Option<Located<Vec<DataCategory>>>,
        /// Where data comes from (Art. 14(2)(f)).
        sources: Option<Located<Vec<Source>>>,
        /// Recipients; `recipients = []` states there are none (Art. 13(1)(e)).
        recipients: Option<Located<Vec<Recipient>>>,
        /// Transfers outside the EU/EEA (Art. 13(1)(f)).
        transfers: Vec<Transfer>,
        /// Storage periods (Art. 13(2)(a)).
        retention: Option<Located<Vec<Retention>>>,
        /// Whether providing data is required (Art. 13(2)(e)).
        provision: Option<Provision>,
        /// Automated decision-making and profiling (Art. 13(2)(f)).
        automated_decisions: Option<AutomatedDecisions>,
        /// How to exercise the rights.
        rights: Option<RightsExercise>,
        /// Limits that laws set to the rights (Art. 23, 89) and exemptions from informing (Art. 14(5)).
        restrictions: Vec<Restriction>,
        /// Security measures.
        security: Option<Text>,
        /// Cookies.
        cookies: Option<Text>,
        /// Who sees what.
        access_roles: Vec<AccessRole>,
        /// Attachments, sub-registers and related documents.
        related: Vec<Related>,
        /// What the record of processing activities (Art. 30) needs beside the published notice; never shown in the notice itself.
        records: Option<RecordDetails>,
    }
    extra {
        pub file: FileId,
        /// Keys present in the source whose value was invalid (and diagnosed
        /// while loading), as (start of the enclosing table's span, key).
        pub invalid: Vec<(usize, &'static str)>,
        /// `controller = "customer"`: the controller, DPO and contact come from
        /// each customer (composed in `bind`).
        pub open_controller: Option<Span>,
        /// When bound to a customer: the customer file's top, where items the
        /// customer must supply are reported missing.
        pub customer_span: Option<Span>,
        /// When bound to a customer: its look.
        pub branding: Option<Branding>,
    }
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

    /// `draft = true`: not published unless drafts are asked for.
    pub fn is_draft(&self) -> bool {
        self.draft.as_ref().is_some_and(|d| d.value)
    }

    /// Where a missing top-level item is reported: the customer's file for
    /// what a customer supplies or may state for a bound notice, the
    /// notice's otherwise.
    pub fn top_for(&self, key: &str) -> Span {
        match (&self.customer_span, key) {
            (
                Some(c),
                "controller" | "dpo" | "contact" | "languages" | "representative" | "provision"
                | "data_categories",
            ) => c.clone(),
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

format_table! {
    /// The controller (*rekisterinpitäjä*, *personuppgiftsansvarig*), Art. 13(1)(a).
    pub struct Controller {
        /// The controller's name (rekisterinpitäjä / personuppgiftsansvarig), Art. 13(1)(a).
        name: Option<Text> as Kind::Text(TextKind::Name),
        /// Whether the controller is a public authority or body: it must then have a DPO (Art. 37(1)(a)) and cannot rely on legitimate interests (Art. 6(1), last subparagraph).
        public_authority: Option<Located<bool>>,
        /// Business ID (Y-tunnus) or other registration number.
        business_id: Option<Located<String>>,
        /// Postal or visiting address.
        address: Option<Text> as Kind::Text(TextKind::Name),
        /// E-mail address for the controller.
        email: Option<Located<String>> as Kind::Email,
        /// Telephone number.
        phone: Option<Located<String>>,
        /// Web site, https://...
        web: Option<Located<String>> as Kind::Url,
        /// ISO 3166-1 code of the country of establishment; Finland when absent.
        country: Option<Located<Country>>,
    }
}

format_table! {
    /// Another organisation: the EU representative or the processor.
    pub struct Party {
        /// Name of the organisation.
        name: Option<Text> as Kind::Text(TextKind::Name),
        /// Address.
        address: Option<Text> as Kind::Text(TextKind::Name),
        /// E-mail address.
        email: Option<Located<String>> as Kind::Email,
        /// Telephone number.
        phone: Option<Located<String>>,
        /// Web site.
        web: Option<Located<String>> as Kind::Url,
        /// ISO 3166-1 country code.
        country: Option<Located<Country>>,
        /// What this party does for the register.
        description: Option<Text>,
    }
}

format_table! {
    /// A person or a role to contact: the register contact or the DPO.
    pub struct Contact {
        /// A person's name (optional; a role is better in a published notice).
        name: Option<Text> as Kind::Text(TextKind::Name),
        /// The role or function, e.g. data protection officer of the city.
        role: Option<Text> as Kind::Text(TextKind::Label),
        /// Address.
        address: Option<Text> as Kind::Text(TextKind::Name),
        /// E-mail address, preferably a functional one.
        email: Option<Located<String>> as Kind::Email,
        /// Telephone number.
        phone: Option<Located<String>>,
    }
}

impl Contact {
    pub fn has_contact_detail(&self) -> bool {
        self.email.is_some() || self.phone.is_some() || self.address.is_some()
    }
}

format_table! {
    /// A purpose of processing with its legal basis, Art. 13(1)(c).
    pub struct Purpose {
        /// Identifier (kebab-case), unique within the notice.
        id: Option<Id> as Kind::Id,
        /// What the data is used for, Art. 13(1)(c).
        description: Option<Text>,
        /// A short line for the notice's first layer (at most about 100 characters); without it the first layer shortens `description`.
        summary: Option<Text> as Kind::Text(TextKind::Label),
        /// The Art. 6(1) legal basis.
        legal_basis: Option<Located<LegalBasis>>,
        /// The national or Union law the basis rests on (Art. 6(3)), e.g. Perusopetuslaki (628/1998).
        law: Option<Text>,
        /// The interests pursued, required for legitimate-interests (Art. 13(1)(d)).
        legitimate_interests: Option<Text>,
        /// The Art. 9(2) condition when special categories are processed.
        special_category_condition: Option<Located<Art9Condition>>,
        /// How to withdraw consent, for consent-based purposes (Art. 7(3)).
        withdrawal: Option<Text>,
    }
}

format_table! {
    /// A group of people whose data is processed (pupils, guardians, staff...).
    pub struct DataSubject {
        /// Identifier (kebab-case).
        id: Option<Id> as Kind::Id,
        /// The group: pupils, guardians, staff...
        name: Option<Text> as Kind::Text(TextKind::Label),
        /// Who belongs to the group.
        description: Option<Text>,
    }
}

format_table! {
    /// A category of personal data, Art. 14(1)(d).
    pub struct DataCategory {
        /// Identifier (kebab-case).
        id: Option<Id> as Kind::Id,
        /// Name of the category, Art. 14(1)(d).
        name: Option<Text> as Kind::Text(TextKind::Label),
        /// The data items, usually a Markdown list.
        items: Option<Text>,
        /// The Art. 9(1) special category, if it is one.
        special_category: Option<Located<SpecialCategory>>,
        /// Personal data relating to criminal convictions and offences (Art. 10).
        criminal_offences: Option<Located<bool>>,
        /// Whether the person can update these items themselves.
        editable_by_subject: Option<Located<bool>>,
        /// Ids of the data subject groups concerned.
        subjects: Vec<Id>,
        /// Ids of the purposes that process this category.
        purposes: Vec<Id>,
    }
}

format_table! {
    /// Where data comes from, Art. 14(2)(f).
    pub struct Source {
        /// Identifier (kebab-case).
        id: Option<Id> as Kind::Id,
        /// The source, Art. 14(2)(f).
        name: Option<Text> as Kind::Text(TextKind::Name),
        /// What kind of source: data-subject, register, authority, public, organisation.
        kind: Option<Located<SourceKind>>,
        /// What comes from this source and how.
        description: Option<Text>,
        /// Ids of the data categories that come from it.
        categories: Vec<Id>,
    }
}

format_table! {
    /// A recipient or category of recipients, Art. 13(1)(e).
    pub struct Recipient {
        /// Identifier (kebab-case).
        id: Option<Id> as Kind::Id,
        /// The recipient or category of recipients, Art. 13(1)(e).
        name: Option<Text> as Kind::Text(TextKind::Name),
        /// processor, controller, joint-controller or authority.
        role: Option<Located<RecipientRole>>,
        /// Where the recipient processes the data; outside the EEA needs a transfer.
        country: Option<Located<Country>>,
        /// Why the data is disclosed.
        purpose: Option<Text>,
        /// The law providing for the disclosure, if any.
        law: Option<Text>,
        /// Ids of the data categories disclosed.
        categories: Vec<Id>,
    }
}

format_table! {
    /// A transfer to a third country or international organisation, Art. 13(1)(f).
    ///
    /// Exactly one mechanism is expected; the loader keeps every value given
    /// so that the linter can say when there are several.
    pub struct Transfer {
        /// Identifier (kebab-case).
        id: Option<Id> as Kind::Id,
        /// Id of the recipient whose processing makes this a transfer.
        recipient: Option<Id> as Kind::Ref,
        /// The third country.
        country: Option<Located<Country>>,
        /// `true` when the recipient does not say where it processes the data: the notice then says the country is not known (a warning).
        country_unknown: Option<Located<bool>>,
        /// Exactly one Art. 45-49 mechanism.
        mechanism: Option<Located<Vec<Located<TransferMechanism>>>> as Kind::OneCode(<TransferMechanism as Code>::LIST),
        /// Where or how to obtain a copy of the safeguards (Art. 46/47).
        safeguard_copy: Option<Text>,
        /// More about the transfer.
        description: Option<Text>,
    }
}

format_table! {
    /// A storage period, Art. 13(2)(a).
    pub struct Retention {
        /// Identifier (kebab-case).
        id: Option<Id> as Kind::Id,
        /// Ids of the data categories or purposes the period applies to.
        applies_to: Vec<Id>,
        /// The storage period as an ISO 8601 duration, e.g. P2Y (Art. 13(2)(a)).
        period: Option<Located<Duration>>,
        /// The criteria that set the period, in words.
        rule: Option<Text>,
    }
}

format_table! {
    /// Whether providing data is a requirement, Art. 13(2)(e).
    pub struct Provision {
        /// Whether providing the data is required (Art. 13(2)(e)).
        requirement: Option<Located<ProvisionKind>>,
        /// What happens if the data is not provided.
        consequences: Option<Text>,
        /// More about the requirement.
        description: Option<Text>,
    }
}

format_table! {
    /// Automated decision-making and profiling, Art. 13(2)(f).
    pub struct AutomatedDecisions {
        /// Whether decisions under Art. 22(1) and (4) are made.
        used: Option<Located<bool>>,
        /// Whether profiling is used.
        profiling: Option<Located<bool>>,
        /// Meaningful information about the logic involved (Art. 13(2)(f)).
        logic: Option<Text>,
        /// The significance and envisaged consequences for the person.
        consequences: Option<Text>,
        /// More about automated processing.
        description: Option<Text>,
    }
}

format_table! {
    /// How the person exercises their rights; the rights themselves are derived.
    pub struct RightsExercise {
        /// How to exercise the rights; the rights themselves are written by seloste.
        how: Option<Text>,
        /// Where to send requests.
        email: Option<Located<String>> as Kind::Email,
        /// Telephone number for requests.
        phone: Option<Located<String>>,
        /// Web form or page for requests.
        web: Option<Located<String>> as Kind::Url,
    }
}

format_table! {
    /// A right that a law limits in this register, or an exemption from
    /// informing the person (Art. 23, 89, 14(5)).
    pub struct Restriction {
        /// The right limited: access, rectification, erasure, restriction, portability, object, or information (an Art. 14(5) exemption).
        right: Option<Located<LimitedRight>>,
        /// What allows it: national-law (Art. 23), research-statistics (Art. 89(2)), archiving (Art. 89(3)), disproportionate-effort, required-by-law or professional-secrecy (Art. 14(5)).
        ground: Option<Located<RestrictionGround>>,
        /// The law that sets the limit, e.g. Tietosuojalaki (1050/2018) 31 §.
        law: Option<Text>,
        /// When and how the right is limited, for the reader.
        description: Option<Text>,
    }
}

format_table! {
    /// Who sees what: a role and the data it can see.
    pub struct AccessRole {
        /// Identifier (kebab-case).
        id: Option<Id> as Kind::Id,
        /// A role, e.g. class teacher.
        role: Option<Text> as Kind::Text(TextKind::Label),
        /// What the role can see.
        sees: Option<Text>,
    }
}

format_table! {
    /// The items of the record of processing activities (Art. 30) that a
    /// published notice does not hold: internal, so `seloste records` and
    /// `bundle` write them and the notice's pages never show them.
    pub struct RecordDetails {
        /// A general description of the technical and organisational security measures, for the record (Art. 30(1)(g), 30(2)(d)); the notice's own `security` is used when absent.
        security: Option<Text>,
        /// For a service notice: the categories of processing the processor carries out on each controller's behalf (Art. 30(2)(b)).
        processing: Option<Text>,
    }
}

format_table! {
    /// An attachment, sub-register or related document.
    pub struct Related {
        /// Title of the related document or register.
        title: Option<Text> as Kind::Text(TextKind::Label),
        /// Where it is.
        url: Option<Located<String>> as Kind::Url,
        /// Or the id of another notice of the project.
        notice: Option<Id> as Kind::NoticeRef,
    }
}

format_table! {
    /// A vendor's customer: the controller of the registers behind the services
    /// it uses, with its own identity, DPO, languages and local additions.
    ///
    /// `span` is the top of the customer's file.
    pub struct Customer {
        /// The customer's id (kebab-case): names its bundle.
        id: Option<Id> as Kind::Id,
        /// The customer's languages, the primary one first.
        languages: Option<Located<Vec<Located<Lang>>>>,
        /// FI (default) or SE.
        supervisory_authority: Option<Located<SupervisoryAuthority>>,
        /// Ids of the service notices the customer uses.
        services: Option<Located<Vec<Id>>>,
        /// The customer as controller.
        controller: Option<Controller>,
        /// EU representative, if any.
        representative: Option<Party>,
        /// The customer's data protection officer.
        dpo: Option<Contact>,
        /// Contact for register matters.
        contact: Option<Contact>,
        /// Logo and colour for the customer's notices.
        branding: Option<Branding>,
        /// Local additions to the services.
        additions: Vec<Addition>,
    }
    extra {
        pub file: FileId,
        pub invalid: Vec<(usize, &'static str)>,
    }
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

format_table! {
    /// A customer's look for its notices.
    pub struct Branding {
        /// Path of a logo image (.svg, .png, .jpg, .webp), relative to the customer file.
        logo: Option<Located<String>>,
        /// Brand colour, #rrggbb.
        colour: Option<Located<String>>,
    }
    extra {
        /// The logo file, read by the loader: (file name in the bundle, bytes).
        pub logo_file: Option<(String, Vec<u8>)>,
    }
}

format_table! {
    /// What a customer adds to or states for one service's notice: what
    /// really differs between customers of one service (a municipality's
    /// public task and a private school's contract).
    pub struct Addition {
        /// Id of the service notice the additions belong to.
        service: Option<Id> as Kind::NoticeRef,
        /// The customer's own legal basis and law for purposes of the service.
        purposes: Vec<PurposeStatement>,
        /// Data categories added to the service's.
        data_categories: Vec<DataCategory>,
        /// Recipients added to the service's.
        recipients: Vec<Recipient>,
        /// Access roles added to the service's.
        access_roles: Vec<AccessRole>,
        /// Storage periods added to the service's.
        retention: Vec<Retention>,
        /// Whether providing data is required, stated by the customer: replaces the service's.
        provision: Option<Provision>,
        /// FI or SE, for this service's notice only; else the customer's.
        supervisory_authority: Option<Located<SupervisoryAuthority>>,
    }
}

format_table! {
    /// A customer's statement of one purpose of a service: the keys it sets
    /// replace the service's, and diagnostics on the purpose point here.
    pub struct PurposeStatement {
        /// Id of the service's purpose.
        purpose: Option<Id> as Kind::Ref,
        /// The customer's Art. 6(1) legal basis for this purpose.
        legal_basis: Option<Located<LegalBasis>>,
        /// The law the customer's basis rests on (Art. 6(3)).
        law: Option<Text>,
        /// The customer's legitimate interests, for legitimate-interests (Art. 13(1)(d)).
        legitimate_interests: Option<Text>,
        /// How to withdraw consent, for consent (Art. 7(3)).
        withdrawal: Option<Text>,
    }
}
