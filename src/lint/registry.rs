//! The rule registry: every diagnostic seloste can emit, in one list.
//!
//! Like clippy's and ruff's, each rule is one declaration: a stable code that
//! never changes meaning, a kebab-case name, a default severity, the article
//! it enforces, a one-line summary, the full explanation printed by
//! `seloste explain`, and the check that finds it. Loader rules (`L`) and the
//! value checks done while reading (`Q006`-`Q008`) have no check function
//! here: the loader reports them, but they are listed so that they can be
//! explained and configured like any other.
//!
//! Codes: `L` loading and structure, `G` GDPR Art. 13/14 content, `Q` quality.

use super::{Ctx, gdpr, quality};
use crate::diagnostic::Severity;

pub type Check = fn(&mut Ctx<'_>);

pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub article: &'static str,
    pub summary: &'static str,
    pub explanation: &'static str,
    pub check: Option<Check>,
}

impl Rule {
    /// Loader rules cannot be silenced or downgraded: a file that does not
    /// parse cannot be checked at all. Nor can the id rule: ids become file
    /// names and links, and only a valid id is safe as either.
    pub fn configurable(&self) -> bool {
        self.fixed_because().is_none()
    }

    /// Why a rule's severity cannot be changed, for rules that cannot.
    pub fn fixed_because(&self) -> Option<&'static str> {
        if self.code == "Q012" {
            Some(
                "ids become file names and links: an id that is not lower-case letters, digits and hyphens could name a path outside the output or a `javascript:` link",
            )
        } else if self.code.starts_with('L') && self.severity == Severity::Error {
            Some("a file that cannot be read cannot be checked; loader errors always stay errors")
        } else {
            None
        }
    }
}

use Severity::{Error, Info, Warning};

macro_rules! rules {
    ($($code:literal $name:literal $sev:ident $article:literal $check:expr, $summary:literal, $expl:literal;)+) => {
        pub static RULES: &[Rule] = &[$(Rule {
            code: $code,
            name: $name,
            severity: $sev,
            article: $article,
            summary: $summary,
            explanation: $expl,
            check: $check,
        },)+];
    };
}

rules! {
    "L001" "toml-syntax" Error "-" None,
    "The file is not valid TOML.",
    "A notice is a TOML document. When the file does not parse, seloste reports every syntax \
error it can recover from, each at its line and column, and checks nothing else in that file \
until it parses.\n\nCommon causes: a string without double quotes, a key given twice in one \
table, a missing `]` at the end of an array, or text pasted from a word processor with \
typographic quotes.";

    "L002" "invalid-encoding" Error "-" None,
    "The file is not valid UTF-8.",
    "Notices must be saved as UTF-8. Older Windows editors may save Finnish and Swedish letters \
(ä, ö, å) as Latin-1 or Windows-1252 bytes, which are not UTF-8. The diagnostic points at the \
first invalid byte. Fix: re-save the file as UTF-8 in your editor.";

    "L003" "byte-order-mark" Warning "-" None,
    "The file starts with a byte-order mark.",
    "Some editors put an invisible byte-order mark (U+FEFF) at the start of UTF-8 files. seloste \
ignores it, but other TOML tools reject it. Fix: save the file as \"UTF-8\" rather than \
\"UTF-8 with BOM\".";

    "L004" "empty-file" Error "-" None,
    "The file is empty or holds only comments.",
    "A `.toml` file in the notices folder is read as a notice. An empty file is almost always an \
unfinished notice or a file saved by accident. Fix: write the notice (start from \
`docs/format.md`) or delete the file.";

    "L005" "wrong-type" Error "-" None,
    "A value has the wrong type.",
    "Each key of the source format takes one kind of value: a string, a boolean, a date, a table \
of translations `{ fi = \"...\", sv = \"...\", en = \"...\" }`, or an array of tables. The \
diagnostic says what was expected and what was found. Free-text fields are always tables of \
translations, so that every language is written; only names and addresses may be a single \
string that reads the same in every language.";

    "L006" "unknown-key" Error "-" None,
    "A key is not part of the source format.",
    "seloste refuses keys it does not know instead of ignoring them: a misspelt `legal_bases` \
would otherwise silently leave a purpose without a legal basis. The diagnostic suggests the \
nearest known key and lists the keys of that table. In translation tables the keys are \
language codes (`fi`, `sv`, `en`).";

    "L007" "unknown-value" Error "-" None,
    "A code is not one of the values the law allows.",
    "Where the GDPR gives a closed list (the legal bases of Art. 6(1), the conditions of \
Art. 9(2), the transfer mechanisms of Art. 45-49) the source takes a code from that list, so \
that seloste can check the conditional requirements and write the official wording in each \
language. The diagnostic suggests the nearest code and lists them all; `docs/format.md` \
explains each.";

    "L008" "duplicate-notice-id" Error "-" None,
    "Two notice files use the same id.",
    "The notice id names the published files (`site/fi/<id>.html`), so two notices with one id \
would overwrite each other. The diagnostic points at both files. Fix: give each notice its \
own id.";

    "L009" "fragment-cycle" Error "-" None,
    "Notices and fragments extend each other in a circle.",
    "A notice may take shared sections from a fragment with `extends = \"<fragment id>\"`, and a \
fragment may extend another. When the chain comes back to where it started there is no \
notice to take the sections from. The diagnostic points at the `extends` that closes the \
circle. Fix: remove one of the `extends`, or move the shared keys into one fragment.";

    "L010" "duplicate-customer-id" Error "-" None,
    "Two customer files use the same id.",
    "A customer's id names its bundle (`bundles/<id>/` and `<id>.zip`), so two customers with one \
id would overwrite each other's notices. The diagnostic points at both files. Fix: give each \
customer its own id.";

    "L011" "fragment-chain-depth" Error "-" None,
    "A chain of fragments extending fragments is too long.",
    "A notice may take shared sections from a fragment with `extends`, and a fragment may extend \
another, but a chain of more than 16 fragments is refused. Real sharing needs two or three \
levels (an organisation's common sections, a department's, a service's); a chain of hundreds is \
a generated or broken set of files, and one of thousands took seconds to check. The diagnostic \
points at the `extends` that reaches the 17th fragment, counted from the notice (or the \
fragment no other fragment extends) where the chain starts. Fix: merge fragments so that the \
chain is at most 16 long; a notice takes every section of every fragment in its chain, so \
merging changes nothing it publishes.";

    "G001" "controller-identity" Error "Art. 13(1)(a), 14(1)(a)" Some(gdpr::controller_identity),
    "The controller's identity and contact details are missing.",
    "Art. 13(1)(a) and 14(1)(a) require the identity and the contact details of the controller \
(rekisterinpitäjä, personuppgiftsansvarig): the organisation that decides why and how the data \
is processed. For a school this is usually the municipality or the education provider, not the \
software vendor.\n\nFix: add a `[controller]` table with `name` and at least one of `address`, \
`email` or `phone`.";

    "G002" "eu-representative" Error "Art. 13(1)(a), 14(1)(a), 27" Some(gdpr::eu_representative),
    "A controller outside the EU/EEA names no EU representative.",
    "A controller established outside the Union that offers services to people in the Union \
must designate a representative in the Union (Art. 27), and the notice must give the \
representative's identity and contact details (Art. 13(1)(a)).\n\nFix: add a \
`[representative]` table with `name` and contact details.";

    "G003" "dpo-contact" Error "Art. 13(1)(b), 14(1)(b), 37(1)(a)" Some(gdpr::dpo_contact),
    "The data protection officer's contact details are missing.",
    "Art. 13(1)(b) and 14(1)(b) require the contact details of the data protection officer \
(tietosuojavastaava, dataskyddsombud) whenever one is designated. Public authorities and bodies \
must designate one (Art. 37(1)(a)), so every municipality, public school and university has a \
DPO. The name is optional; a contact is not: a functional address such as \
`tietosuoja@kunta.fi` is the usual choice.\n\nThe rule fires when the controller has \
`public_authority = true` and the notice has no `[dpo]` table, and when a `[dpo]` table has \
neither `email`, `phone` nor `address`.";

    "G004" "purpose-legal-basis" Error "Art. 13(1)(c), 14(1)(c)" Some(gdpr::purpose_legal_basis),
    "A purpose or its legal basis is missing.",
    "The notice must state each purpose of the processing together with its legal basis \
(Art. 13(1)(c), 14(1)(c)). The basis is one of Art. 6(1)(a)-(f): `consent`, `contract`, \
`legal-obligation`, `vital-interests`, `public-task` or `legitimate-interests`. seloste writes \
the official wording and the article reference; the author picks the code.\n\nFix: add \
`[[purposes]]` entries, each with `description` and `legal_basis`. A purpose that rests on two \
bases is two purposes.";

    "G005" "legitimate-interests-stated" Error "Art. 13(1)(d), 14(2)(b)" Some(gdpr::legitimate_interests_stated),
    "A purpose based on legitimate interests does not say what the interests are.",
    "When a purpose rests on Art. 6(1)(f), the notice must state the legitimate interests \
pursued (Art. 13(1)(d); in Art. 14 notices 14(2)(b)). \"Our legitimate interest\" is not \
enough: say what the interest actually is, e.g. \"answering support requests from our \
customers' users\".\n\nFix: add `legitimate_interests = { fi = ..., sv = ..., en = ... }` to \
the purpose.";

    "G006" "public-authority-legitimate-interests" Error "Art. 6(1), last subparagraph" Some(gdpr::public_authority_legitimate_interests),
    "A public authority relies on legitimate interests.",
    "The last subparagraph of Art. 6(1) says that point (f), legitimate interests, does not \
apply to processing carried out by public authorities in the performance of their tasks. A \
municipality, public school or university processes pupils' and students' data under a task \
laid down by law: the basis is `public-task` (Art. 6(1)(e)) or `legal-obligation` \
(Art. 6(1)(c)), with the national law named in `law` (for example the Basic Education Act \
628/1998).\n\nFix: change the legal basis, or set `public_authority = false` if the controller \
is not a public authority.";

    "G007" "legal-basis-law" Warning "Art. 6(3)" Some(gdpr::legal_basis_law),
    "A purpose based on a legal obligation or public task does not name the law.",
    "Processing under Art. 6(1)(c) or (e) must have its basis laid down by Union or Member State \
law (Art. 6(3)). Readers, and the supervisory authority, expect the notice to name it: e.g. \
Perusopetuslaki (628/1998) for basic education, Ammattikorkeakoululaki (932/2014) for \
universities of applied sciences.\n\nFix: add `law = { fi = ..., sv = ..., en = ... }` to the \
purpose.";

    "G008" "special-category-condition" Error "Art. 9(2)" Some(gdpr::special_category_condition),
    "Special categories of data are processed without an Art. 9(2) condition.",
    "Processing special categories of personal data (health, biometric data for \
identification, religious beliefs...) is prohibited by Art. 9(1) unless one of the conditions \
of Art. 9(2) applies, in addition to the Art. 6(1) basis. The notice must say which.\n\nFix: \
add `special_category_condition` to the purposes that process the category (those listed in \
the category's `purposes`, or at least one purpose), e.g. `\"substantial-public-interest\"` \
(9(2)(g)) or `\"health-or-social-care\"` (9(2)(h)).";

    "G009" "criminal-offence-data" Error "Art. 10" Some(gdpr::criminal_offence_data),
    "Criminal-offence data is processed without naming the law that authorises it.",
    "Personal data relating to criminal convictions and offences may be processed only under \
the control of official authority or when authorised by Union or Member State law (Art. 10). \
Schools meet this in practice with criminal-record checks of staff (Act 504/2002).\n\nThe \
rule checks the purposes listed in the category's `purposes`; when the category lists none, \
any purpose naming a `law` satisfies it, so link the category to its purposes for a precise \
check.\n\nFix: name the law in the `law` of the purposes that process the category.";

    "G010" "data-categories" Error "Art. 14(1)(d)" Some(gdpr::data_categories),
    "A notice for data obtained from other sources lists no data categories.",
    "When data is not obtained from the person (Art. 14), the notice must list the categories \
of personal data concerned (Art. 14(1)(d)). It is good practice in Art. 13 notices too.\n\n\
Fix: add `[[data_categories]]` entries with a `name` and the `items`.";

    "G011" "recipients-stated" Warning "Art. 13(1)(e), 14(1)(e)" Some(gdpr::recipients_stated),
    "The notice does not say who receives the data.",
    "The recipients or categories of recipients must be stated if there are any \
(Art. 13(1)(e), 14(1)(e)); processors are recipients too. A notice that says nothing leaves the \
reader unsure whether there are none or whether they were forgotten.\n\nFix: add \
`[[recipients]]` entries (name, role, country, purpose), or write `recipients = []` to state \
that there are none.";

    "G012" "third-country-recipient" Error "Art. 13(1)(f), 14(1)(f)" Some(gdpr::third_country_recipient),
    "A recipient outside the EU/EEA has no transfer entry.",
    "A recipient that processes data outside the European Economic Area (the EU plus Iceland, \
Liechtenstein and Norway) makes a transfer to a third country. The notice must state the \
transfer and its mechanism (Art. 13(1)(f)).\n\nFix: add a `[[transfers]]` entry with \
`recipient = \"<the recipient's id>\"`, the `country` and one `mechanism`.";

    "G013" "transfer-mechanism" Error "Art. 13(1)(f), 14(1)(f)" Some(gdpr::transfer_mechanism),
    "A transfer has no mechanism, or more than one.",
    "Each transfer to a third country rests on exactly one mechanism: an adequacy decision \
(Art. 45), an appropriate safeguard (Art. 46, binding corporate rules under Art. 47) or a \
derogation (Art. 49). Naming several leaves the reader unable to tell which one applies.\n\n\
Fix: set `mechanism` to one code, e.g. `\"standard-contractual-clauses\"`. If different \
mechanisms cover different flows, describe them as separate transfers.";

    "G014" "transfer-safeguard-copy" Error "Art. 13(1)(f), 14(1)(f)" Some(gdpr::transfer_safeguard_copy),
    "A transfer under Art. 46/47 does not say how to get a copy of the safeguards.",
    "For transfers based on appropriate safeguards (Art. 46, 47) or on the second \
subparagraph of Art. 49(1), the notice must refer to the safeguards and say how to obtain a \
copy of them or where they have been made available (Art. 13(1)(f)).\n\nFix: add \
`safeguard_copy = { ... }`, e.g. \"a copy of the clauses is available from the DPO\".";

    "G015" "adequacy-decision" Warning "Art. 45" Some(gdpr::adequacy_decision),
    "A transfer relies on an adequacy decision the country does not have.",
    "An adequacy decision exists only for the countries the European Commission has listed: \
Andorra, Argentina, Canada (commercial organisations), the Faroe Islands, Guernsey, Israel, \
the Isle of Man, Japan, Jersey, New Zealand, the Republic of Korea, Switzerland, the United \
Kingdom, Uruguay and the United States (only for organisations certified under the EU-US Data \
Privacy Framework). Check the Commission's current list if this warning looks wrong.\n\nFix: \
use the mechanism that really applies, usually `\"standard-contractual-clauses\"`.";

    "G016" "public-authority-derogation" Error "Art. 49(3)" Some(gdpr::public_authority_derogation),
    "A public authority relies on a derogation it may not use.",
    "Public authorities exercising their public powers cannot transfer data on the derogations \
of Art. 49(1)(a), (b), (c) or the second subparagraph of Art. 49(1) (Art. 49(3)).\n\nFix: use \
an appropriate safeguard such as `\"standard-contractual-clauses\"` or \
`\"public-authority-instrument\"`.";

    "G017" "storage-period" Error "Art. 13(2)(a), 14(2)(a)" Some(gdpr::storage_period),
    "The storage period, or the criteria that set it, is missing.",
    "The notice must say how long the data is kept, or if that is not possible, the criteria \
used to decide it (Art. 13(2)(a), 14(2)(a)), per data category or purpose where they \
differ.\n\nFix: add `[[retention]]` entries, each with a `period` (ISO 8601, e.g. `\"P2Y\"`) \
and/or a `rule` in words (\"until the start of the school year after the pupil leaves\"), and \
`applies_to` naming the categories or purposes.";

    "G018" "rights-exercise" Warning "Art. 12(2), 13(2)(b)" Some(gdpr::rights_exercise),
    "The notice does not say how to exercise the rights.",
    "seloste writes the list of rights from the legal bases (Art. 13(2)(b)); the author adds \
how to use them. The controller must facilitate the exercise of the rights (Art. 12(2)), so \
readers need to know where to send a request.\n\nFix: add a `[rights]` table with `how` \
and/or `email`, `phone`, `web`.";

    "G019" "consent-withdrawal" Error "Art. 13(2)(c), 14(2)(d), 7(3)" Some(gdpr::consent_withdrawal),
    "A consent-based purpose does not say how to withdraw consent.",
    "When a purpose rests on consent (Art. 6(1)(a) or 9(2)(a)) the person has the right to \
withdraw it at any time, as easily as it was given, without affecting earlier processing \
(Art. 7(3)). seloste writes that right into the notice; the author must say how to \
withdraw.\n\nFix: add `withdrawal = { ... }` to the purpose, e.g. \"notify the school office \
or untick the consent in Wilma\".";

    "G020" "supervisory-authority" Warning "Art. 13(2)(d), 14(2)(e), 77" Some(gdpr::supervisory_authority),
    "The supervisory authority does not match the controller's country.",
    "The notice tells the reader of the right to lodge a complaint with a supervisory \
authority (Art. 77); seloste writes the authority's name and contact details from its table \
(Finland's Data Protection Ombudsman by default, Sweden's IMY as `\"SE\"`). A controller \
established in Sweden normally names IMY, one in Finland the Ombudsman.\n\nFix: set \
`supervisory_authority` to the controller's country.";

    "G021" "provision-requirement" Error "Art. 13(2)(e)" Some(gdpr::provision_requirement),
    "The notice does not say whether providing the data is required.",
    "When data is collected from the person (Art. 13), the notice must say whether providing it \
is a statutory or contractual requirement, or a requirement to enter a contract, whether the \
person is obliged to provide it, and what happens if they do not (Art. 13(2)(e)).\n\nFix: add \
a `[provision]` table with `requirement` (`statutory`, `contractual`, `contract-prerequisite`, \
`voluntary` or `mixed`) and `consequences`.";

    "G022" "automated-decisions-stated" Warning "Art. 13(2)(f), 14(2)(g)" Some(gdpr::automated_decisions_stated),
    "The notice does not say whether automated decisions are made.",
    "The notice must tell the person about automated decision-making, including profiling, \
under Art. 22 (Art. 13(2)(f), 14(2)(g)). When there is none it is good practice to say so, and \
seloste then writes that sentence.\n\nFix: add `[automated_decisions]` with `used = false` (or \
`true` with `logic` and `consequences`).";

    "G023" "automated-decisions-logic" Error "Art. 13(2)(f), 14(2)(g), 22" Some(gdpr::automated_decisions_logic),
    "Automated decisions are made but their logic or consequences are not described.",
    "When decisions based solely on automated processing are made (Art. 22(1) and (4)), the \
notice must give meaningful information about the logic involved and the significance and \
envisaged consequences for the person (Art. 13(2)(f), 14(2)(g)).\n\nFix: add `logic` and \
`consequences` to `[automated_decisions]`.";

    "G024" "data-sources" Error "Art. 14(2)(f)" Some(gdpr::data_sources),
    "A notice for data obtained from other sources does not name them.",
    "When data is not obtained from the person, the notice must say where it comes from and \
whether it came from publicly accessible sources (Art. 14(2)(f)).\n\nFix: add `[[sources]]` \
entries with a `name` and a `kind` (`data-subject`, `register`, `authority`, `public`, \
`organisation`).";

    "G025" "data-origin" Error "Art. 13, 14" Some(gdpr::data_origin),
    "The notice does not say whether data comes from the person or from elsewhere.",
    "Which information is required depends on whether the data is collected from the person \
(Art. 13), obtained from other sources (Art. 14), or both. seloste needs to know to apply the \
right rules.\n\nFix: set `collected_from` to `\"data-subject\"`, `\"other-sources\"` or \
`\"both\"`.";

    "G026" "open-controller" Info "Art. 13(1)(a), 14(1)(a)" Some(gdpr::open_controller),
    "The controller is supplied by each customer.",
    "A vendor describes a service once with `controller = \"customer\"`: the controller, its \
DPO and contact come from each customer's file when `seloste bundle` binds the service to the \
customer, and every rule then runs on the combined notice. Checked alone, such a notice skips \
the controller rules and gets this note. Nothing to fix; to publish the notice for one \
organisation, write its `[controller]` table instead.";

    "Q001" "notice-metadata" Error "Art. 12(1)" Some(quality::notice_metadata),
    "The notice id, title, version, date or languages are missing.",
    "Every notice needs an `id` (it names the output files), a `title` (the name of the \
register), a `version` and an `updated` date (readers, and the Art. 13(3) duty to inform about \
changes, need to know which text they read), and the `languages` it is written in (unless \
`seloste.toml` sets them for the project).";

    "Q002" "missing-translation" Error "Art. 12(1)" Some(quality::missing_translation),
    "A text is missing in one of the notice's languages.",
    "A notice declares its languages; every text must be written in each of them, or the \
published versions disagree. Bilingual municipalities must serve the public in Finnish and \
Swedish (Language Act 423/2003).\n\nFix: add the missing translation to the field, e.g. \
`sv = \"...\"`.";

    "Q003" "vague-retention" Warning "Art. 13(2)(a), 14(2)(a)" Some(quality::vague_retention),
    "A storage period is only \"as long as necessary\".",
    "\"As long as necessary\" (tarvittavan ajan, så länge det behövs) is not a storage period: \
the guidelines on transparency ask for the period itself or criteria a reader can apply. The \
rule fires when an entry has no `period` and its `rule` uses such a phrase without any \
figure.\n\nFix: give a `period` (e.g. `\"P2Y\"`) or the event that ends the storage \
(\"...until the end of the school year after the pupil leaves\").";

    "Q004" "invalid-email" Error "-" Some(quality::invalid_email),
    "An e-mail address is not valid.",
    "E-mail addresses are published as links and used by readers to exercise their rights, so \
a typo makes the contact unusable. The rule checks the form `name@domain.tld`.";

    "Q005" "invalid-url" Error "-" Some(quality::invalid_url),
    "A web address is not valid.",
    "Web addresses in `web` and `url` are published as links, so they must be absolute \
`https://` or `http://` addresses with a host name, e.g. `https://www.kunta.fi/tietosuoja`; a \
bare `www.kunta.fi` would become a broken relative link.";

    "Q006" "invalid-country" Error "Art. 13(1)(f)" None,
    "A country code is not ISO 3166-1.",
    "Countries are written as two-letter ISO 3166-1 codes (`FI`, `SE`, `US`), so that seloste \
knows which are outside the EEA and can write the country's name in each language.";

    "Q007" "invalid-date" Error "-" None,
    "A date is not a valid calendar date.",
    "Dates are written in ISO 8601 form, `2026-11-21`, as a TOML date or a string. seloste \
renders them as 21.11.2026 in Finnish and Swedish and as 21 November 2026 in English.";

    "Q008" "invalid-duration" Error "Art. 13(2)(a)" None,
    "A storage period is not an ISO 8601 duration.",
    "Storage periods are written as ISO 8601 durations of years, months, weeks and days: \
`P2Y`, `P6M`, `P1Y6M`, `P30D`. seloste renders them with the right plural in each language \
(\"2 vuotta\", \"2 år\", \"2 years\"). A period that is an event rather than a length goes in \
`rule`.";

    "Q009" "unsafe-link" Error "-" Some(quality::unsafe_link),
    "A Markdown link uses a scheme other than http, https, mailto or tel.",
    "Texts may hold Markdown, and their links are published as they are. A `javascript:`, \
`data:` or `file:` link in a published notice is a security hole or a broken link. Allowed: \
`https:`, `http:`, `mailto:`, `tel:` and relative links.";

    "Q010" "duplicate-id" Error "-" Some(quality::duplicate_id),
    "Two items of a notice have the same id.",
    "Ids of purposes, data categories, sources, recipients, transfers, retention entries and \
the like are used for references (`applies_to`, `categories`...) and as anchors in the \
rendered page, so each must be unique within the notice.";

    "Q011" "unknown-reference" Error "-" Some(quality::unknown_reference),
    "A reference names an id that does not exist.",
    "`applies_to`, `categories`, `subjects`, `purposes` and a transfer's `recipient` refer to \
other items by id. A reference to an id that is not defined is usually a typo or a leftover \
after a rename.";

    "Q012" "invalid-id" Error "-" Some(quality::invalid_id),
    "An id is not lower-case kebab-case.",
    "Ids become file names and page anchors, so they are limited to lower-case ASCII letters, \
digits and single hyphens (`opinsys-user-management`). This also guarantees that no id can \
name a path outside the output folder.";

    "Q013" "placeholder" Error "-" Some(quality::placeholder),
    "A value is still a placeholder from `seloste new`.",
    "`seloste new` writes every required item of a notice as a placeholder: texts that start \
with `TODO:` and the address `todo@example.invalid`. Each one must be replaced with the real \
content before the notice is published, so any text or string that still contains `TODO:` or \
`todo@example.invalid` is an error. Fix: write the real text in every language, or delete the \
item if it does not apply to the register (the comments above each block say when it is \
needed).";

    "Q014" "version-not-bumped" Warning "Art. 12(1), 13(3)" None,
    "A notice changed since a revision but its version and date did not.",
    "With `seloste check --since REV` (for example the last release tag, or the merge base of a \
pull request), seloste compares every notice with the same file at that git revision. When \
what the notice says changed but neither `version` nor `updated` did, readers cannot tell the \
versions apart, and a controller that adds a purpose must tell people before processing for \
it (Art. 13(3)). Comments, layout and key order are not changes. Fix: bump `version` and set \
`updated` to today; `seloste diff FILE --rev REV` lists the changes for the change log.";

    "Q015" "brand-contrast" Error "Art. 12(1); WCAG 2.1 SC 1.4.3" None,
    "A customer's brand colour is too light for the white header text.",
    "A bundle's pages show the customer's name and the notice title in white on the brand \
colour. Art. 12(1) asks for information in an easily accessible form, and public bodies in \
Finland must meet WCAG 2.1 level AA (laki digitaalisten palvelujen tarjoamisesta 306/2019), \
which needs a contrast of at least 4.5:1 for text (success criterion 1.4.3). seloste computes \
the contrast of white on the colour from their relative luminance. Fix: use a darker shade of \
the colour; the diagnostic suggests the lightest shade of the same hue that passes.";

    "Q016" "control-character" Error "Art. 12(1)" Some(quality::control_characters),
    "A text holds an invisible control character.",
    "Control characters (U+0000-U+001F except tab and line breaks, U+007F-U+009F) and Unicode \
noncharacters cannot be seen in an editor, are not allowed in HTML, and can hide or reorder \
what a reader sees. They usually come from copying text out of another program, or from a \
TOML escape such as `\\u0001`. Fix: delete the character (the diagnostic names it by its code \
point).";

    "Q017" "markdown-nesting" Error "-" Some(quality::markdown_nesting),
    "A text nests block quotes and lists more than 8 levels deep.",
    "Texts may hold Markdown, with block quotes (`>`) and lists that nest. A notice needs two or \
three levels at most (a list of data items under a list of groups); more than 8 cannot be read, \
and the Markdown output repeats every level's marker on every line inside it, so that deep \
nesting multiplies the size of the output (8,000 nested `>` in 16 KB made 96 MB). seloste \
publishes block quotes and lists only 8 levels deep: what is nested deeper is published as \
paragraphs of the eighth level, not as written. Fix: flatten the text; use headings or separate \
paragraphs instead of deeper levels.";
}

/// A rule by code (`G003`) or name (`dpo-contact`), case-insensitively.
pub fn lookup(key: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .find(|r| r.code.eq_ignore_ascii_case(key) || r.name.eq_ignore_ascii_case(key))
}

/// A rule by its exact code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}
