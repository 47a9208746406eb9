//! Closed lists from the law and from ISO standards.
//!
//! Wherever the GDPR enumerates the possibilities (Art. 6(1) bases, Art. 9(2)
//! conditions, transfer mechanisms...) the source format takes a code from a
//! closed list instead of free text, so that the linter can reason about it
//! and the renderer can write the official wording in each language.
//!
//! Each list also owns its labels: the Fluent messages (`locales/<lang>/`)
//! that word its values, declared with the values themselves, so that the
//! renderer and `seloste diff` ask for the same message and a test can check
//! that every value is worded in every language. [`Section`] is the one
//! order of a notice's sections, for the same two readers.

use std::fmt;

use super::text::Lang;

/// Declares a closed list: an enum whose values are written in sources as
/// kebab-case codes, each with the article it stands for, and the Fluent
/// messages that word each value: `labels { method = "prefix", "suffix"; }`
/// declares `method()`, returning the key `prefix` + code + `suffix`. A list
/// without labels does not compile. The string after the name says what a
/// value is called in a message ("legal basis").
macro_rules! closed_list {
    ($(#[$meta:meta])* $name:ident $what:literal $variants:tt
     labels { $($(#[$kmeta:meta])* $method:ident = $prefix:literal, $suffix:literal;)+ }) => {
        closed_list!(@list $(#[$meta])* $name $variants);
        impl crate::model::format::Code for $name {
            const LIST: crate::model::format::CodeList = crate::model::format::CodeList {
                what: $what,
                codes: $name::codes,
            };
            fn parse(code: &str) -> Option<Self> {
                Self::from_code(code)
            }
            fn code_str(&self) -> &str {
                self.code()
            }
            fn label(&self) -> std::borrow::Cow<'static, str> {
                self.label_key().into()
            }
        }
        $(closed_list!(@key $name $(#[$kmeta])* $method $prefix $suffix $variants);)+
    };
    (@list $(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal, $article:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($(#[$vmeta])* $variant,)+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The code authors write in a notice.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }

            /// The provision of the GDPR this value stands for.
            pub fn article(self) -> &'static str {
                match self { $($name::$variant => $article,)+ }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }

            pub fn codes() -> Vec<&'static str> {
                Self::ALL.iter().map(|v| v.code()).collect()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }
    };
    (@key $name:ident $(#[$kmeta:meta])* $method:ident $prefix:literal $suffix:literal
     { $($(#[$vmeta:meta])* $variant:ident = $code:literal, $article:literal;)+ }) => {
        impl $name {
            $(#[$kmeta])*
            pub fn $method(self) -> &'static str {
                match self { $($name::$variant => concat!($prefix, $code, $suffix),)+ }
            }
        }
    };
}

closed_list! {
    /// The lawful bases of Art. 6(1).
    LegalBasis "legal basis" {
        Consent = "consent", "Art. 6(1)(a)";
        Contract = "contract", "Art. 6(1)(b)";
        LegalObligation = "legal-obligation", "Art. 6(1)(c)";
        VitalInterests = "vital-interests", "Art. 6(1)(d)";
        PublicTask = "public-task", "Art. 6(1)(e)";
        LegitimateInterests = "legitimate-interests", "Art. 6(1)(f)";
    }
    labels {
        /// The official wording of the basis ("performance of a task carried
        /// out in the public interest...").
        label_key = "basis-", "";
        /// Its article in the language ("Article 6(1)(e) GDPR").
        reference_key = "basis-", "-ref";
    }
}

closed_list! {
    /// The special categories of personal data, Art. 9(1).
    SpecialCategory "special category" {
        RacialOrEthnicOrigin = "racial-or-ethnic-origin", "Art. 9(1)";
        PoliticalOpinions = "political-opinions", "Art. 9(1)";
        ReligiousOrPhilosophicalBeliefs = "religious-or-philosophical-beliefs", "Art. 9(1)";
        TradeUnionMembership = "trade-union-membership", "Art. 9(1)";
        Genetic = "genetic", "Art. 9(1)";
        Biometric = "biometric", "Art. 9(1)";
        Health = "health", "Art. 9(1)";
        SexLifeOrOrientation = "sex-life-or-orientation", "Art. 9(1)";
    }
    labels {
        /// The category's name ("data concerning health").
        label_key = "special-", "";
    }
}

closed_list! {
    /// The conditions of Art. 9(2) for processing special categories.
    Art9Condition "Art. 9(2) condition" {
        ExplicitConsent = "explicit-consent", "Art. 9(2)(a)";
        EmploymentAndSocialSecurity = "employment-and-social-security", "Art. 9(2)(b)";
        VitalInterests = "vital-interests", "Art. 9(2)(c)";
        NonProfitBody = "non-profit-body", "Art. 9(2)(d)";
        MadePublic = "made-public", "Art. 9(2)(e)";
        LegalClaims = "legal-claims", "Art. 9(2)(f)";
        SubstantialPublicInterest = "substantial-public-interest", "Art. 9(2)(g)";
        HealthOrSocialCare = "health-or-social-care", "Art. 9(2)(h)";
        PublicHealth = "public-health", "Art. 9(2)(i)";
        ArchivingResearchStatistics = "archiving-research-statistics", "Art. 9(2)(j)";
    }
    labels {
        /// The condition with its article.
        label_key = "cond-", "";
    }
}

closed_list! {
    /// Mechanisms for a transfer to a third country, Art. 45-49.
    TransferMechanism "transfer mechanism" {
        Adequacy = "adequacy", "Art. 45";
        PublicAuthorityInstrument = "public-authority-instrument", "Art. 46(2)(a)";
        BindingCorporateRules = "binding-corporate-rules", "Art. 46(2)(b), 47";
        StandardContractualClauses = "standard-contractual-clauses", "Art. 46(2)(c)";
        AuthorityClauses = "authority-clauses", "Art. 46(2)(d)";
        CodeOfConduct = "code-of-conduct", "Art. 46(2)(e)";
        Certification = "certification", "Art. 46(2)(f)";
        AdHocClauses = "ad-hoc-clauses", "Art. 46(3)(a)";
        DerogationConsent = "derogation-consent", "Art. 49(1)(a)";
        DerogationContract = "derogation-contract", "Art. 49(1)(b)";
        DerogationContractInInterest = "derogation-contract-in-interest", "Art. 49(1)(c)";
        DerogationPublicInterest = "derogation-public-interest", "Art. 49(1)(d)";
        DerogationLegalClaims = "derogation-legal-claims", "Art. 49(1)(e)";
        DerogationVitalInterests = "derogation-vital-interests", "Art. 49(1)(f)";
        DerogationPublicRegister = "derogation-public-register", "Art. 49(1)(g)";
        DerogationCompellingInterests = "derogation-compelling-interests", "Art. 49(1), second subparagraph";
    }
    labels {
        /// The mechanism's name ("standard contractual clauses...").
        label_key = "mech-", "";
        /// Its article in the language ("Article 46(2)(c) GDPR").
        reference_key = "mech-", "-ref";
    }
}

impl TransferMechanism {
    /// Whether the notice must say how to obtain a copy of the safeguards
    /// (Art. 13(1)(f): for Art. 46, 47 and the second subparagraph of 49(1)).
    pub fn needs_copy(self) -> bool {
        use TransferMechanism::*;
        matches!(
            self,
            PublicAuthorityInstrument
                | BindingCorporateRules
                | StandardContractualClauses
                | AuthorityClauses
                | CodeOfConduct
                | Certification
                | AdHocClauses
                | DerogationCompellingInterests
        )
    }

    /// Derogations a public authority exercising public powers cannot use (Art. 49(3)).
    pub fn barred_for_public_authorities(self) -> bool {
        use TransferMechanism::*;
        matches!(
            self,
            DerogationConsent
                | DerogationContract
                | DerogationContractInInterest
                | DerogationCompellingInterests
        )
    }
}

closed_list! {
    /// The role a recipient has towards the data.
    RecipientRole "recipient role" {
        Processor = "processor", "Art. 4(8), 28";
        Controller = "controller", "Art. 4(7)";
        JointController = "joint-controller", "Art. 26";
        Authority = "authority", "Art. 4(9)";
    }
    labels {
        /// The role's name ("processor", "joint controller").
        label_key = "role-", "";
    }
}

closed_list! {
    /// What kind of source data comes from.
    SourceKind "source kind" {
        DataSubject = "data-subject", "Art. 13";
        Register = "register", "Art. 14(2)(f)";
        Authority = "authority", "Art. 14(2)(f)";
        PublicSource = "public", "Art. 14(2)(f)";
        Organisation = "organisation", "Art. 14(2)(f)";
    }
    labels {
        /// The kind's name ("another register").
        label_key = "source-", "";
    }
}

closed_list! {
    /// Where the data is collected, which decides between Art. 13 and 14.
    Collection "data origin" {
        DataSubject = "data-subject", "Art. 13";
        OtherSources = "other-sources", "Art. 14";
        Both = "both", "Art. 13, 14";
    }
    labels {
        /// Where the data comes from, as a value ("other sources").
        label_key = "diff-collected-", "";
        /// The sentence a notice says it with ("We get the data from
        /// other sources...").
        statement_key = "collected-", "";
    }
}

closed_list! {
    /// Whether providing the data is required, Art. 13(2)(e).
    ProvisionKind "provision requirement" {
        Statutory = "statutory", "Art. 13(2)(e)";
        Contractual = "contractual", "Art. 13(2)(e)";
        ContractPrerequisite = "contract-prerequisite", "Art. 13(2)(e)";
        Voluntary = "voluntary", "Art. 13(2)(e)";
        Mixed = "mixed", "Art. 13(2)(e)";
    }
    labels {
        /// The requirement, as a value ("statutory requirement").
        label_key = "diff-provision-", "";
        /// The sentence a notice says it with, consequence included.
        statement_key = "provision-", "";
    }
}

closed_list! {
    /// Supervisory authorities seloste knows, by the country they serve.
    SupervisoryAuthority "supervisory authority" {
        Finland = "FI", "Art. 77";
        Sweden = "SE", "Art. 77";
    }
    labels {
        /// The authority's name.
        label_key = "authority-", "-name";
        /// Its visiting address, for an authority that has one
        /// ([`SupervisoryAuthority::has_visiting_address`]).
        visiting_key = "authority-", "-visiting";
        /// Its postal address.
        postal_key = "authority-", "-postal";
    }
}

impl SupervisoryAuthority {
    /// Whether the locales give the authority's visiting address. IMY's
    /// published address, Box 8114, 104 20 Stockholm, is a postal address:
    /// it is not printed as a visiting address.
    pub fn has_visiting_address(self) -> bool {
        match self {
            SupervisoryAuthority::Finland => true,
            SupervisoryAuthority::Sweden => false,
        }
    }
}

/// An ISO 3166-1 alpha-2 country code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Country([u8; 2]);

/// Declares the country codes and, for each, the message naming it.
macro_rules! countries {
    ($($code:literal,)+) => {
        /// Every ISO 3166-1 alpha-2 code (from Debian's iso-codes).
        const ISO_3166_1: &[&str] = &[$($code,)+];
        /// The message naming the country of `ISO_3166_1` at the same index,
        /// in `locales/<lang>/countries.ftl`.
        const COUNTRY_KEYS: &[&str] = &[$(concat!("country-", $code),)+];
    };
}

countries! {
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
}

/// The European Economic Area: the 27 EU member states plus Iceland,
/// Liechtenstein and Norway. Everything else is a third country.
const EEA: &[&str] = &[
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO",
];

/// Countries with an adequacy decision under Art. 45 (for the United States
/// only organisations certified under the EU-US Data Privacy Framework, for
/// Canada commercial organisations). Checked against the Commission's list
/// as reproduced in the project's GDPR reference.
const ADEQUATE: &[&str] = &[
    "AD", "AR", "CA", "FO", "GG", "IL", "IM", "JP", "JE", "NZ", "KR", "CH", "GB", "UY", "US",
];

impl Country {
    /// A country by its ISO 3166-1 alpha-2 code (upper case).
    pub fn parse(code: &str) -> Option<Country> {
        ISO_3166_1.binary_search(&code).ok()?;
        let b = code.as_bytes();
        Some(Country([b[0], b[1]]))
    }

    pub fn as_str(&self) -> &str {
        // Only ever built from ASCII codes in ISO_3166_1.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    pub fn in_eea(&self) -> bool {
        EEA.contains(&self.as_str())
    }

    pub fn has_adequacy_decision(&self) -> bool {
        ADEQUATE.contains(&self.as_str())
    }

    pub fn all_codes() -> &'static [&'static str] {
        ISO_3166_1
    }

    /// The message naming the country ("Intia", "Indien", "India").
    pub fn label_key(&self) -> &'static str {
        // A country is only ever built from a code in ISO_3166_1.
        ISO_3166_1
            .binary_search(&self.as_str())
            .map_or("country", |i| COUNTRY_KEYS[i])
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl crate::model::format::Code for Lang {
    const LIST: crate::model::format::CodeList = crate::model::format::CodeList {
        what: "language",
        codes: || Lang::SUPPORTED.to_vec(),
    };
    fn parse(code: &str) -> Option<Self> {
        Lang::parse(code)
    }
    fn code_str(&self) -> &str {
        self.as_str()
    }
    fn label(&self) -> std::borrow::Cow<'static, str> {
        self.label_key().into()
    }
}

impl Lang {
    /// The message naming the language in every language ("suomi",
    /// "svenska", "English"). Built from the code, so that a language is
    /// still added with one entry in `Lang::SUPPORTED` (`text.rs`) and its
    /// locale folder.
    pub fn label_key(&self) -> String {
        format!("lang-{}", self.as_str())
    }
}

/// The sections of a notice, in the order a notice is read (the
/// traditional Finnish order of a register description). The renderer
/// numbers the sections a notice has in this order; `seloste diff` lists
/// changes in it. `Notice` is the notice's own data (version, date,
/// languages): a change list's first part, not a numbered section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Notice,
    Controller,
    Representative,
    Contact,
    Dpo,
    Processor,
    Register,
    Purposes,
    Subjects,
    Data,
    Sources,
    Recipients,
    Transfers,
    Retention,
    Security,
    Automated,
    Provision,
    Access,
    Cookies,
    Rights,
    /// The right to object, apart from the other rights (Art. 21(4)).
    Objection,
    Complaint,
    Related,
}

impl Section {
    /// Every section, in order.
    pub const ALL: &'static [Section] = &[
        Section::Notice,
        Section::Controller,
        Section::Representative,
        Section::Contact,
        Section::Dpo,
        Section::Processor,
        Section::Register,
        Section::Purposes,
        Section::Subjects,
        Section::Data,
        Section::Sources,
        Section::Recipients,
        Section::Transfers,
        Section::Retention,
        Section::Security,
        Section::Automated,
        Section::Provision,
        Section::Access,
        Section::Cookies,
        Section::Rights,
        Section::Objection,
        Section::Complaint,
        Section::Related,
    ];

    /// The stable id: the anchor of the section in a rendered notice and
    /// its name in templates.
    pub fn id(self) -> &'static str {
        match self {
            Section::Notice => "notice",
            Section::Controller => "controller",
            Section::Representative => "representative",
            Section::Contact => "contact",
            Section::Dpo => "dpo",
            Section::Processor => "processor",
            Section::Register => "register",
            Section::Purposes => "purposes",
            Section::Subjects => "subjects",
            Section::Data => "data",
            Section::Sources => "sources",
            Section::Recipients => "recipients",
            Section::Transfers => "transfers",
            Section::Retention => "retention",
            Section::Security => "security",
            Section::Automated => "automated",
            Section::Provision => "provision",
            Section::Access => "access",
            Section::Cookies => "cookies",
            Section::Rights => "rights",
            Section::Objection => "objection",
            Section::Complaint => "complaint",
            Section::Related => "related",
        }
    }

    /// The message holding the section's heading: `sec-<id>`, and for the
    /// notice's own data the heading a change list gives it.
    pub fn label_key(self) -> &'static str {
        match self {
            Section::Notice => "diff-sec-notice",
            Section::Controller => "sec-controller",
            Section::Representative => "sec-representative",
            Section::Contact => "sec-contact",
            Section::Dpo => "sec-dpo",
            Section::Processor => "sec-processor",
            Section::Register => "sec-register",
            Section::Purposes => "sec-purposes",
            Section::Subjects => "sec-subjects",
            Section::Data => "sec-data",
            Section::Sources => "sec-sources",
            Section::Recipients => "sec-recipients",
            Section::Transfers => "sec-transfers",
            Section::Retention => "sec-retention",
            Section::Security => "sec-security",
            Section::Automated => "sec-automated",
            Section::Provision => "sec-provision",
            Section::Access => "sec-access",
            Section::Cookies => "sec-cookies",
            Section::Rights => "sec-rights",
            Section::Objection => "sec-objection",
            Section::Complaint => "sec-complaint",
            Section::Related => "sec-related",
        }
    }
}

closed_list! {
    /// A right of the data subject that a law may limit, or the right to be
    /// informed that Art. 14(5) exempts from.
    LimitedRight "right" {
        Access = "access", "Art. 15";
        Rectification = "rectification", "Art. 16";
        Erasure = "erasure", "Art. 17";
        Restriction = "restriction", "Art. 18";
        Portability = "portability", "Art. 20";
        Object = "object", "Art. 21";
        Information = "information", "Art. 14";
    }
    labels {
        /// The right's title, as the rights section names it.
        label_key = "right-", "-title";
    }
}

impl LimitedRight {
    /// The rights Art. 89(2) lets research and statistics derogate from.
    pub fn research_may_limit(self) -> bool {
        matches!(
            self,
            LimitedRight::Access
                | LimitedRight::Rectification
                | LimitedRight::Restriction
                | LimitedRight::Object
        )
    }

    /// The rights Art. 89(3) lets archiving in the public interest derogate
    /// from (Art. 19, notification, is not a right a notice lists).
    pub fn archiving_may_limit(self) -> bool {
        !matches!(self, LimitedRight::Erasure | LimitedRight::Information)
    }
}

closed_list! {
    /// What allows a right to be limited: a national restriction (Art. 23),
    /// a derogation for research, statistics or archiving (Art. 89), or an
    /// exemption from informing the person (Art. 14(5)).
    RestrictionGround "restriction ground" {
        NationalLaw = "national-law", "Art. 23";
        ResearchStatistics = "research-statistics", "Art. 89(2)";
        Archiving = "archiving", "Art. 89(3)";
        DisproportionateEffort = "disproportionate-effort", "Art. 14(5)(b)";
        RequiredByLaw = "required-by-law", "Art. 14(5)(c)";
        ProfessionalSecrecy = "professional-secrecy", "Art. 14(5)(d)";
    }
    labels {
        /// What the ground is, in words.
        label_key = "ground-", "";
        /// Its article in the language.
        reference_key = "ground-", "-ref";
    }
}

impl RestrictionGround {
    /// Whether the ground exempts from informing (Art. 14(5)) rather than
    /// limiting a right.
    pub fn is_exemption(self) -> bool {
        matches!(
            self,
            RestrictionGround::DisproportionateEffort
                | RestrictionGround::RequiredByLaw
                | RestrictionGround::ProfessionalSecrecy
        )
    }
}

/// Every message key the closed lists, the countries and the sections
/// name, for the test that each is in every locale ([`Lang::label_key`]s
/// are built from `Lang::SUPPORTED`).
pub fn label_keys() -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = Vec::new();
    keys.extend(LegalBasis::ALL.iter().map(|v| v.label_key()));
    keys.extend(LegalBasis::ALL.iter().map(|v| v.reference_key()));
    keys.extend(SpecialCategory::ALL.iter().map(|v| v.label_key()));
    keys.extend(Art9Condition::ALL.iter().map(|v| v.label_key()));
    keys.extend(TransferMechanism::ALL.iter().map(|v| v.label_key()));
    keys.extend(TransferMechanism::ALL.iter().map(|v| v.reference_key()));
    keys.extend(RecipientRole::ALL.iter().map(|v| v.label_key()));
    keys.extend(SourceKind::ALL.iter().map(|v| v.label_key()));
    keys.extend(Collection::ALL.iter().map(|v| v.label_key()));
    keys.extend(Collection::ALL.iter().map(|v| v.statement_key()));
    keys.extend(ProvisionKind::ALL.iter().map(|v| v.label_key()));
    keys.extend(ProvisionKind::ALL.iter().map(|v| v.statement_key()));
    for a in SupervisoryAuthority::ALL {
        keys.extend([a.label_key(), a.postal_key()]);
        if a.has_visiting_address() {
            keys.push(a.visiting_key());
        }
    }
    keys.extend(LimitedRight::ALL.iter().map(|v| v.label_key()));
    keys.extend(RestrictionGround::ALL.iter().map(|v| v.label_key()));
    keys.extend(RestrictionGround::ALL.iter().map(|v| v.reference_key()));
    keys.extend(COUNTRY_KEYS);
    keys.extend(Section::ALL.iter().map(|s| s.label_key()));
    keys
}

/// A calendar date (ISO 8601 `YYYY-MM-DD`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (year >= 1000 && (1..=days).contains(&day)).then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// Today's date (UTC).
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date::from_days((secs / 86_400) as i64)
    }

    /// The civil date `days` days after 1970-01-01 (Howard Hinnant's
    /// `civil_from_days`).
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
        Date::new(year, month, day).unwrap_or(Date {
            year: 2026,
            month: 1,
            day: 1,
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A storage period as an ISO 8601 duration of whole years, months, weeks
/// and days (`P2Y`, `P6M`, `P1Y6M`, `P30D`). Times of day are not periods
/// anyone keeps a register for, so `T` parts are refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Duration {
    pub years: u32,
    pub months: u32,
    pub weeks: u32,
    pub days: u32,
}

impl Duration {
    pub fn parse(s: &str) -> Option<Duration> {
        let rest = s.strip_prefix('P')?;
        if rest.is_empty() {
            return None;
        }
        let mut d = Duration::default();
        let mut number = String::new();
        // Units must come in this order, each at most once.
        let mut next_unit = 0;
        for c in rest.chars() {
            if c.is_ascii_digit() {
                number.push(c);
                continue;
            }
            let unit = ['Y', 'M', 'W', 'D'].iter().position(|u| *u == c)?;
            if number.is_empty() || unit < next_unit {
                return None;
            }
            let n: u32 = number.parse().ok()?;
            number.clear();
            match unit {
                0 => d.years = n,
                1 => d.months = n,
                2 => d.weeks = n,
                _ => d.days = n,
            }
            next_unit = unit + 1;
        }
        (number.is_empty() && d != Duration::default()).then_some(d)
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("P")?;
        for (n, u) in [
            (self.years, 'Y'),
            (self.months, 'M'),
            (self.weeks, 'W'),
            (self.days, 'D'),
        ] {
            if n > 0 {
                write!(f, "{n}{u}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_codes_are_sorted_for_binary_search() {
        assert!(ISO_3166_1.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(ISO_3166_1.len(), 249);
    }

    #[test]
    fn eea_is_eu_plus_three() {
        assert_eq!(EEA.len(), 30);
        assert!(EEA.iter().all(|c| Country::parse(c).is_some()));
        assert!(Country::parse("NO").unwrap().in_eea());
        assert!(!Country::parse("CH").unwrap().in_eea());
        assert!(!Country::parse("GB").unwrap().in_eea());
        assert!(Country::parse("XX").is_none());
        assert!(Country::parse("fi").is_none());
    }

    #[test]
    fn dates_are_validated() {
        assert_eq!(Date::parse("2026-11-21"), Date::new(2026, 11, 21));
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2026-02-29").is_none());
        assert!(Date::parse("2026-13-01").is_none());
        assert!(Date::parse("21.11.2026").is_none());
    }

    #[test]
    fn dates_from_days() {
        assert_eq!(Date::from_days(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_days(11_016).to_string(), "2000-02-29");
        assert_eq!(Date::from_days(20_577).to_string(), "2026-05-04");
    }

    #[test]
    fn durations_round_trip() {
        for s in ["P2Y", "P6M", "P1Y6M", "P30D", "P2W", "P1Y2M3W4D"] {
            assert_eq!(Duration::parse(s).unwrap().to_string(), s);
        }
        for s in [
            "", "P", "2Y", "P2", "PY", "P1M2Y", "PT5H", "P1Y1Y", "p1y", "P-1Y",
        ] {
            assert!(Duration::parse(s).is_none(), "{s} should be refused");
        }
    }

    #[test]
    fn closed_lists_round_trip() {
        for b in LegalBasis::ALL {
            assert_eq!(LegalBasis::from_code(b.code()), Some(*b));
        }
        assert_eq!(TransferMechanism::ALL.len(), 16);
    }

    #[test]
    fn labels_are_keyed_by_code() {
        assert_eq!(LegalBasis::PublicTask.label_key(), "basis-public-task");
        assert_eq!(
            TransferMechanism::AdHocClauses.reference_key(),
            "mech-ad-hoc-clauses-ref"
        );
        assert_eq!(
            SupervisoryAuthority::Sweden.postal_key(),
            "authority-SE-postal"
        );
        assert_eq!(Country::parse("IN").unwrap().label_key(), "country-IN");
        assert_eq!(COUNTRY_KEYS.len(), ISO_3166_1.len());
        for code in Lang::SUPPORTED {
            let lang = Lang::parse(code).unwrap();
            assert_eq!(lang.label_key(), format!("lang-{code}"));
        }
        assert!(Section::ALL.windows(2).all(|w| w[0] < w[1]), "in order");
        assert_eq!(Section::Objection.label_key(), "sec-objection");
        for s in &Section::ALL[1..] {
            assert_eq!(s.label_key(), format!("sec-{}", s.id()));
        }
    }
}
