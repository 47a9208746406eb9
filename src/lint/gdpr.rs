//! Checks for the information GDPR Art. 13 and 14 require, including the
//! conditional requirements (consent, legitimate interests, third-country
//! transfers, special categories, public authorities).
//!
//! Each function is one rule of the registry. A missing item is reported on
//! the table that should hold it (the top of the file for top-level items).

use super::{Annotate, Ctx};
use crate::diagnostic::rule;
use crate::model::{Art9Condition, Collection, LegalBasis, SupervisoryAuthority};

rule! {
    G001 "controller-identity" Error "Art. 13(1)(a), 14(1)(a)",
    "The controller's identity and contact details are missing.",
    "Art. 13(1)(a) and 14(1)(a) require the identity and the contact details of the controller \
(rekisterinpitäjä, personuppgiftsansvarig): the organisation that decides why and how the data \
is processed. For a school this is usually the municipality or the education provider, not the \
software vendor.\n\nFix: add a `[controller]` table with `name` and at least one of `address`, \
`email` or `phone`.";
}

pub fn controller_identity(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    let Some(c) = &n.controller else {
        if !n.absent(&n.span, "controller") || n.open_controller.is_some() {
            return;
        }
        cx.report(
            G001,
            n.top_for("controller"),
            "the notice does not name the controller",
        )
        .label("no [controller] table in this file")
        .help(
            "add a [controller] table with `name` and at least one of `address`, `email`, `phone`",
        );
        return;
    };
    if c.name.is_none() && n.absent(&c.span, "name") {
        cx.report(G001, c.span.clone(), "the controller has no name")
            .label("this table needs a `name`")
            .help("add `name = \"...\"`: the organisation responsible for the register");
    }
    if c.address.is_none()
        && c.email.is_none()
        && c.phone.is_none()
        && ["address", "email", "phone"]
            .iter()
            .all(|k| n.absent(&c.span, k))
    {
        cx.report(
            G001,
            c.span.clone(),
            "the controller has no contact details",
        )
        .label("this table needs `address`, `email` or `phone`")
        .help(
            "add at least one way to contact the controller, e.g. `email = \"kirjaamo@kunta.fi\"`",
        );
    }
}

rule! {
    G002 "eu-representative" Error "Art. 13(1)(a), 14(1)(a), 27",
    "A controller outside the EU/EEA names no EU representative.",
    "A controller established outside the Union that offers services to people in the Union \
must designate a representative in the Union (Art. 27), and the notice must give the \
representative's identity and contact details (Art. 13(1)(a)).\n\nFix: add a \
`[representative]` table with `name` and contact details.";
}

pub fn eu_representative(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    let Some(country) = n.controller.as_ref().and_then(|c| c.country.as_ref()) else {
        return;
    };
    if country.value.in_eea() {
        return;
    }
    if let Some(r) = &n.representative {
        let contact = r.address.is_some() || r.email.is_some() || r.phone.is_some();
        if r.name.is_none() || !contact {
            cx.report(
                G002,
                r.span.clone(),
                "the EU representative lacks a name or contact details",
            )
            .label("needs `name` and `address`, `email` or `phone`")
            .help("give the representative's name and at least one way to contact it");
        }
        return;
    }
    cx.report(
        G002,
        country.span.clone(),
        format!("the controller is established in {} but names no representative in the EU", country.value),
    )
    .label("outside the EU/EEA")
    .help("add a [representative] table with the EU representative's name and contact details (Art. 27)");
}

rule! {
    G003 "dpo-contact" Error "Art. 13(1)(b), 14(1)(b), 37(1)(a)",
    "The data protection officer's contact details are missing.",
    "Art. 13(1)(b) and 14(1)(b) require the contact details of the data protection officer \
(tietosuojavastaava, dataskyddsombud) whenever one is designated. Public authorities and bodies \
must designate one (Art. 37(1)(a)), so every municipality, public school and university has a \
DPO. The name is optional; a contact is not: a functional address such as \
`tietosuoja@kunta.fi` is the usual choice.\n\nThe rule fires when the controller has \
`public_authority = true` and the notice has no `[dpo]` table, and when a `[dpo]` table has \
neither `email`, `phone` nor `address`.";
}

pub fn dpo_contact(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    match &n.dpo {
        None if !n.absent(&n.span, "dpo") => {}
        None => {
            let Some(pa) = n
                .controller
                .as_ref()
                .and_then(|c| c.public_authority.as_ref())
                .filter(|p| p.value)
            else {
                return;
            };
            cx.report(
                G003,
                pa.span.clone(),
                "the controller is a public authority but the notice gives no data protection officer contact",
            )
            .label("public authorities must designate a DPO (Art. 37(1)(a))")
            .help("add a [dpo] table with at least an `email`, e.g. `email = \"tietosuoja@kunta.fi\"`; the DPO's name is optional");
        }
        Some(dpo)
            if !dpo.has_contact_detail()
                && ["address", "email", "phone"]
                    .iter()
                    .all(|k| n.absent(&dpo.span, k)) =>
        {
            cx.report(
                G003,
                dpo.span.clone(),
                "the data protection officer has no contact details",
            )
            .label("this table needs `email`, `phone` or `address`")
            .help("add the DPO's contact, e.g. `email = \"tietosuoja@kunta.fi\"`");
        }
        Some(_) => {}
    }
}

rule! {
    G004 "purpose-legal-basis" Error "Art. 13(1)(c), 14(1)(c)",
    "A purpose or its legal basis is missing.",
    "The notice must state each purpose of the processing together with its legal basis \
(Art. 13(1)(c), 14(1)(c)). The basis is one of Art. 6(1)(a)-(f): `consent`, `contract`, \
`legal-obligation`, `vital-interests`, `public-task` or `legitimate-interests`. seloste writes \
the official wording and the article reference; the author picks the code.\n\nFix: add \
`[[purposes]]` entries, each with `description` and `legal_basis`. A purpose that rests on two \
bases is two purposes.";
}

pub fn purpose_legal_basis(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    match &n.purposes {
        None if !n.absent(&n.span, "purposes") => return,
        None => {
            cx.report(
                G004,
                n.span.clone(),
                "the notice states no purpose of processing",
            )
            .label("no [[purposes]] in this file")
            .help("add [[purposes]] entries, each with `description` and `legal_basis`");
            return;
        }
        Some(p) if p.value.is_empty() => {
            cx.report(G004, p.span.clone(), "the list of purposes is empty")
                .help("every register has at least one purpose: add [[purposes]] entries with `description` and `legal_basis`");
        }
        Some(_) => {}
    }
    let codes = LegalBasis::codes().join(", ");
    for p in n.purposes() {
        if p.description.is_none() && n.absent(&p.span, "description") {
            cx.report(G004, p.span.clone(), "a purpose has no description")
                .label("this purpose needs a `description`")
                .help("say what the data is used for, in each language");
        }
        if p.legal_basis.is_none() && n.absent(&p.span, "legal_basis") {
            cx.report(G004, p.span.clone(), "a purpose has no legal basis")
                .label("this purpose needs a `legal_basis`")
                .help(format!("add `legal_basis = \"...\"` with one of: {codes}"));
        }
    }
}

rule! {
    G005 "legitimate-interests-stated" Error "Art. 13(1)(d), 14(2)(b)",
    "A purpose based on legitimate interests does not say what the interests are.",
    "When a purpose rests on Art. 6(1)(f), the notice must state the legitimate interests \
pursued (Art. 13(1)(d); in Art. 14 notices 14(2)(b)). \"Our legitimate interest\" is not \
enough: say what the interest actually is, e.g. \"answering support requests from our \
customers' users\".\n\nFix: add `legitimate_interests = { fi = ..., sv = ..., en = ... }` to \
the purpose.";
}

pub fn legitimate_interests_stated(cx: &mut Ctx<'_>) {
    for p in cx.notice.purposes() {
        if let Some(b) = &p.legal_basis
            && b.value == LegalBasis::LegitimateInterests
            && p.legitimate_interests.is_none()
        {
            let article = if cx.notice.art13() {
                "Art. 13(1)(d)"
            } else {
                "Art. 14(2)(b)"
            };
            cx.report(
                G005,
                b.span.clone(),
                format!("the purpose rests on legitimate interests but does not say what they are ({article})"),
            )
            .label("Art. 6(1)(f)")
            .help("add `legitimate_interests = { ... }` stating the actual interest pursued");
        }
    }
}

rule! {
    G006 "public-authority-legitimate-interests" Error "Art. 6(1), last subparagraph",
    "A public authority relies on legitimate interests.",
    "The last subparagraph of Art. 6(1) says that point (f), legitimate interests, does not \
apply to processing carried out by public authorities in the performance of their tasks. A \
municipality, public school or university processes pupils' and students' data under a task \
laid down by law: the basis is `public-task` (Art. 6(1)(e)) or `legal-obligation` \
(Art. 6(1)(c)), with the national law named in `law` (for example the Basic Education Act \
628/1998).\n\nFix: change the legal basis, or set `public_authority = false` if the controller \
is not a public authority.";
}

pub fn public_authority_legitimate_interests(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    let Some(pa) = n
        .controller
        .as_ref()
        .and_then(|c| c.public_authority.as_ref())
        .filter(|p| p.value)
    else {
        return;
    };
    for p in n.purposes() {
        if let Some(b) = &p.legal_basis
            && b.value == LegalBasis::LegitimateInterests
        {
            cx.report(
                G006,
                b.span.clone(),
                "a public authority cannot rely on legitimate interests for its tasks (last subparagraph of Art. 6(1))",
            )
            .label("not available to a public authority")
            .also(pa.span.clone(), "the controller is a public authority")
            .help("use `public-task` (Art. 6(1)(e)) or `legal-obligation` (Art. 6(1)(c)) and name the law in `law`");
        }
    }
}

rule! {
    G007 "legal-basis-law" Warning "Art. 6(3)",
    "A purpose based on a legal obligation or public task does not name the law.",
    "Processing under Art. 6(1)(c) or (e) must have its basis laid down by Union or Member State \
law (Art. 6(3)). Readers, and the supervisory authority, expect the notice to name it: e.g. \
Perusopetuslaki (628/1998) for basic education, Ammattikorkeakoululaki (932/2014) for \
universities of applied sciences.\n\nFix: add `law = { fi = ..., sv = ..., en = ... }` to the \
purpose.";
}

pub fn legal_basis_law(cx: &mut Ctx<'_>) {
    for p in cx.notice.purposes() {
        if let Some(b) = &p.legal_basis
            && matches!(
                b.value,
                LegalBasis::PublicTask | LegalBasis::LegalObligation
            )
            && p.law.is_none()
        {
            cx.report(
                G007,
                b.span.clone(),
                format!("the purpose rests on {} but does not name the law that lays it down", b.value.article()),
            )
            .label("which law?")
            .help("the basis of such processing is laid down by law (Art. 6(3)), and readers and the supervisory authority look for it in the notice: add `law = { fi = \"Perusopetuslaki (628/1998)\", ... }` naming the act and, where useful, its section");
        }
    }
}

rule! {
    G008 "special-category-condition" Error "Art. 13(1)(c), 14(1)(c), 9(2)",
    "Special categories of data are processed without an Art. 9(2) condition.",
    "Processing special categories of personal data (health, biometric data for \
identification, religious beliefs...) is prohibited by Art. 9(1) unless one of the conditions \
of Art. 9(2) applies, in addition to the Art. 6(1) basis. The notice must say which, as part \
of the legal basis of the purpose (Art. 13(1)(c), 14(1)(c)).\n\nFix: \
add `special_category_condition` to the purposes that process the category (those listed in \
the category's `purposes`, or at least one purpose), e.g. `\"substantial-public-interest\"` \
(9(2)(g)) or `\"health-or-social-care\"` (9(2)(h)).";
}

pub fn special_category_condition(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    let has_condition = |id: &str| {
        n.purposes().iter().any(|p| {
            p.special_category_condition.is_some() && p.id.as_ref().is_some_and(|i| i.value == id)
        })
    };
    let any_condition = n
        .purposes()
        .iter()
        .any(|p| p.special_category_condition.is_some());
    for c in n.data_categories() {
        let Some(sc) = &c.special_category else {
            continue;
        };
        let ok = if c.purposes.is_empty() {
            any_condition
        } else {
            c.purposes.iter().all(|p| has_condition(&p.value))
        };
        if !ok {
            cx.report(
                G008,
                sc.span.clone(),
                format!("`{}` is a special category of personal data but no Art. 9(2) condition covers it", sc.value),
            )
            .label("Art. 9(1) special category")
            .help(format!(
                "add `special_category_condition` to the purposes processing it; codes: {}",
                Art9Condition::codes().join(", ")
            ));
        }
    }
}

rule! {
    G009 "criminal-offence-data" Error "Art. 13(1)(c), 14(1)(c), 10",
    "Criminal-offence data is processed without naming the law that authorises it.",
    "Personal data relating to criminal convictions and offences may be processed only under \
the control of official authority or when authorised by Union or Member State law (Art. 10), \
and the notice names that law as part of the legal basis (Art. 13(1)(c), 14(1)(c)). Schools meet this in practice with criminal-record checks of staff (Act 504/2002).\n\nThe \
rule checks the purposes listed in the category's `purposes`; when the category lists none, \
any purpose naming a `law` satisfies it, so link the category to its purposes for a precise \
check.\n\nFix: name the law in the `law` of the purposes that process the category.";
}

pub fn criminal_offence_data(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    for c in n.data_categories() {
        let Some(flag) = c.criminal_offences.as_ref().filter(|f| f.value) else {
            continue;
        };
        let purposes: Vec<_> = if c.purposes.is_empty() {
            n.purposes().iter().collect()
        } else {
            n.purposes()
                .iter()
                .filter(|p| {
                    p.id.as_ref()
                        .is_some_and(|i| c.purposes.iter().any(|r| r.value == i.value))
                })
                .collect()
        };
        if !purposes.iter().any(|p| p.law.is_some()) {
            cx.report(G009, flag.span.clone(), "criminal-offence data is processed but no purpose names the law that authorises it")
                .label("Art. 10 data")
                .help("name the authorising law in the `law` of the purposes that process this category");
        }
    }
}

rule! {
    G010 "data-categories" Error "Art. 14(1)(d)",
    "A notice for data obtained from other sources lists no data categories.",
    "When data is not obtained from the person (Art. 14), the notice must list the categories \
of personal data concerned (Art. 14(1)(d)). It is good practice in Art. 13 notices too.\n\n\
Fix: add `[[data_categories]]` entries with a `name` and the `items`.";
}

pub fn data_categories(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    if !n.art14() || !n.data_categories().is_empty() || !n.absent(&n.span, "data_categories") {
        return;
    }
    let span = n
        .data_categories
        .as_ref()
        .map_or(n.top_for("data_categories"), |c| c.span.clone());
    cx.report(
        G010,
        span,
        "data is obtained from other sources but the notice lists no categories of personal data",
    )
    .label("Art. 14(1)(d)")
    .help("add [[data_categories]] entries with `name` and `items`");
}

rule! {
    G011 "recipients-stated" Warning "Art. 13(1)(e), 14(1)(e)",
    "The notice does not say who receives the data.",
    "The recipients or categories of recipients must be stated if there are any \
(Art. 13(1)(e), 14(1)(e)); processors are recipients too. A notice that says nothing leaves the \
reader unsure whether there are none or whether they were forgotten.\n\nFix: add \
`[[recipients]]` entries (name, role, country, purpose), or write `recipients = []` to state \
that there are none.";
}

pub fn recipients_stated(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    if n.recipients.is_none() && n.absent(&n.span, "recipients") {
        cx.report(
            G011,
            n.span.clone(),
            "the notice does not say who receives the data",
        )
        .label("no `recipients` in this file")
        .help(
            "readers cannot tell whether there are no recipients or they were left out (Art. 13(1)(e), 14(1)(e)): add [[recipients]] entries (processors count), or `recipients = []` if there are none",
        );
    }
}

rule! {
    G012 "third-country-recipient" Error "Art. 13(1)(f), 14(1)(f)",
    "A recipient outside the EU/EEA has no transfer entry.",
    "A recipient that processes data outside the European Economic Area (the EU plus Iceland, \
Liechtenstein and Norway) makes a transfer to a third country. The notice must state the \
transfer and its mechanism (Art. 13(1)(f)).\n\nFix: add a `[[transfers]]` entry with \
`recipient = \"<the recipient's id>\"`, the `country` and one `mechanism`.";
}

pub fn third_country_recipient(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    for r in n.recipients() {
        let Some(country) = r.country.as_ref().filter(|c| !c.value.in_eea()) else {
            continue;
        };
        let covered = n.transfers.iter().any(|t| match (&t.recipient, &r.id) {
            (Some(tr), Some(id)) => tr.value == id.value,
            (None, _) | (_, None) => t.country.as_ref().is_some_and(|c| c.value == country.value),
        });
        if !covered {
            let target =
                r.id.as_ref()
                    .map_or("<id>".to_string(), |i| i.value.clone());
            cx.report(
                G012,
                country.span.clone(),
                format!("the recipient processes data in {}, outside the EU/EEA, but no transfer is stated", country.value),
            )
            .label("third country")
            .help(format!(
                "add a [[transfers]] entry with `recipient = \"{target}\"`, `country = \"{}\"` and one `mechanism`",
                country.value
            ));
        }
    }
}

rule! {
    G013 "transfer-mechanism" Error "Art. 13(1)(f), 14(1)(f)",
    "A transfer has no mechanism, or more than one.",
    "Each transfer to a third country rests on exactly one mechanism: an adequacy decision \
(Art. 45), an appropriate safeguard (Art. 46, binding corporate rules under Art. 47) or a \
derogation (Art. 49). Naming several leaves the reader unable to tell which one applies.\n\n\
Fix: set `mechanism` to one code, e.g. `\"standard-contractual-clauses\"`. If different \
mechanisms cover different flows, describe them as separate transfers.";
}

pub fn transfer_mechanism(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    for t in &n.transfers {
        match &t.mechanism {
            None if !n.absent(&t.span, "mechanism") => {}
            None => {
                cx.report(
                    G013,
                    t.span.clone(),
                    "the transfer does not name its mechanism",
                )
                .label("this transfer needs a `mechanism`")
                .help("add e.g. `mechanism = \"standard-contractual-clauses\"` or `\"adequacy\"`");
            }
            Some(m) if m.value.len() != 1 => {
                let msg = if m.value.is_empty() {
                    "the transfer's mechanism list is empty".to_string()
                } else {
                    format!(
                        "the transfer names {} mechanisms; exactly one applies",
                        m.value.len()
                    )
                };
                cx.report(G013, m.span.clone(), msg)
                    .label("exactly one mechanism")
                    .help("keep the mechanism that applies; describe other flows as separate [[transfers]]");
            }
            Some(_) => {}
        }
    }
}

rule! {
    G014 "transfer-safeguard-copy" Error "Art. 13(1)(f), 14(1)(f)",
    "A transfer under Art. 46/47 does not say how to get a copy of the safeguards.",
    "For transfers based on appropriate safeguards (Art. 46, 47) or on the second \
subparagraph of Art. 49(1), the notice must refer to the safeguards and say how to obtain a \
copy of them or where they have been made available (Art. 13(1)(f)).\n\nFix: add \
`safeguard_copy = { ... }`, e.g. \"a copy of the clauses is available from the DPO\".";
}

pub fn transfer_safeguard_copy(cx: &mut Ctx<'_>) {
    for t in &cx.notice.transfers {
        let Some(m) = t.mechanism.as_ref().and_then(|m| m.value.first()) else {
            continue;
        };
        if m.value.needs_copy() && t.safeguard_copy.is_none() {
            cx.report(
                G014,
                m.span.clone(),
                format!(
                    "the notice does not say how to obtain a copy of the safeguards ({})",
                    m.value.article()
                ),
            )
            .label("where can the reader get a copy?")
            .help("add `safeguard_copy = { ... }`, e.g. that a copy is available from the DPO");
        }
    }
}

rule! {
    G015 "adequacy-decision" Warning "Art. 45",
    "A transfer relies on an adequacy decision the country does not have.",
    "An adequacy decision exists only for the countries the European Commission has listed: \
Andorra, Argentina, Canada (commercial organisations), the Faroe Islands, Guernsey, Israel, \
the Isle of Man, Japan, Jersey, New Zealand, the Republic of Korea, Switzerland, the United \
Kingdom, Uruguay and the United States (only for organisations certified under the EU-US Data \
Privacy Framework). Check the Commission's current list if this warning looks wrong.\n\nFix: \
use the mechanism that really applies, usually `\"standard-contractual-clauses\"`.";
}

pub fn adequacy_decision(cx: &mut Ctx<'_>) {
    for t in &cx.notice.transfers {
        let Some(m) = t.mechanism.as_ref().and_then(|m| m.value.first()) else {
            continue;
        };
        let Some(country) = &t.country else { continue };
        if m.value == crate::model::TransferMechanism::Adequacy
            && !country.value.has_adequacy_decision()
        {
            cx.report(
                G015,
                m.span.clone(),
                format!(
                    "{} has no adequacy decision of the European Commission",
                    country.value
                ),
            )
            .label("no adequacy decision for this country")
            .also(country.span.clone(), "the destination")
            .help("the notice would tell readers that a decision protects their data when none does (Art. 13(1)(f)); use the mechanism that really applies, usually `standard-contractual-clauses`, or check the Commission's current list");
        }
    }
}

rule! {
    G016 "public-authority-derogation" Error "Art. 49(3)",
    "A public authority relies on a derogation it may not use.",
    "Public authorities exercising their public powers cannot transfer data on the derogations \
of Art. 49(1)(a), (b), (c) or the second subparagraph of Art. 49(1) (Art. 49(3)).\n\nFix: use \
an appropriate safeguard such as `\"standard-contractual-clauses\"` or \
`\"public-authority-instrument\"`.";
}

pub fn public_authority_derogation(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    if !n.is_public_authority() {
        return;
    }
    for t in &n.transfers {
        for m in t.mechanism.iter().flat_map(|m| &m.value) {
            if m.value.barred_for_public_authorities() {
                cx.report(
                    G016,
                    m.span.clone(),
                    format!("a public authority cannot transfer data on {} (Art. 49(3))", m.value.article()),
                )
                .label("not available to a public authority")
                .help("use an appropriate safeguard such as `standard-contractual-clauses` or `public-authority-instrument`");
            }
        }
    }
}

rule! {
    G017 "storage-period" Error "Art. 13(2)(a), 14(2)(a)",
    "The storage period, or the criteria that set it, is missing.",
    "The notice must say how long the data is kept, or if that is not possible, the criteria \
used to decide it (Art. 13(2)(a), 14(2)(a)), per data category or purpose where they \
differ.\n\nFix: add `[[retention]]` entries, each with a `period` (ISO 8601, e.g. `\"P2Y\"`) \
and/or a `rule` in words (\"until the start of the school year after the pupil leaves\"), and \
`applies_to` naming the categories or purposes.";
}

pub fn storage_period(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    match &n.retention {
        None if !n.absent(&n.span, "retention") => return,
        None => {
            cx.report(G017, n.span.clone(), "the notice does not say how long data is kept")
                .label("no [[retention]] in this file")
                .help("add [[retention]] entries with a `period` (e.g. \"P2Y\") and/or a `rule`, and `applies_to`");
            return;
        }
        Some(r) if r.value.is_empty() => {
            cx.report(G017, r.span.clone(), "the list of storage periods is empty")
                .help("add [[retention]] entries with a `period` and/or a `rule`");
        }
        Some(_) => {}
    }
    for r in n.retention() {
        if r.period.is_none()
            && r.rule.is_none()
            && n.absent(&r.span, "period")
            && n.absent(&r.span, "rule")
        {
            cx.report(
                G017,
                r.span.clone(),
                "the retention entry gives neither a period nor a rule",
            )
            .label("needs `period` or `rule`")
            .help(
                "add `period = \"P1Y\"` or `rule = { ... }` with the criteria that set the period",
            );
        }
    }
}

rule! {
    G018 "rights-exercise" Warning "Art. 12(2), 13(2)(b)",
    "The notice does not say how to exercise the rights.",
    "seloste writes the list of rights from the legal bases (Art. 13(2)(b)); the author adds \
how to use them. The controller must facilitate the exercise of the rights (Art. 12(2)), so \
readers need to know where to send a request.\n\nFix: add a `[rights]` table with `how` \
and/or `email`, `phone`, `web`.";
}

pub fn rights_exercise(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    match &n.rights {
        None if !n.absent(&n.span, "rights") => {}
        None => {
            cx.report(
                G018,
                n.span.clone(),
                "the notice does not say how to exercise the data subject's rights",
            )
            .label("no [rights] table in this file")
            .help("readers need to know where to send a request, and the controller must make the rights easy to use (Art. 12(2)): add a [rights] table with `how` and/or `email`, `phone`, `web`");
        }
        Some(r) if r.how.is_none() && r.email.is_none() && r.phone.is_none() && r.web.is_none() => {
            cx.report(
                G018,
                r.span.clone(),
                "the [rights] table gives no way to send a request",
            )
            .help("readers need to know where to send a request (Art. 12(2)): add `how`, `email`, `phone` or `web`");
        }
        Some(_) => {}
    }
}

rule! {
    G019 "consent-withdrawal" Error "Art. 13(2)(c), 14(2)(d), 7(3)",
    "A consent-based purpose does not say how to withdraw consent.",
    "When a purpose rests on consent (Art. 6(1)(a) or 9(2)(a)) the person has the right to \
withdraw it at any time, as easily as it was given, without affecting earlier processing \
(Art. 7(3)). seloste writes that right into the notice; the author must say how to \
withdraw.\n\nFix: add `withdrawal = { ... }` to the purpose, e.g. \"notify the school office \
or untick the consent in Wilma\".";
}

pub fn consent_withdrawal(cx: &mut Ctx<'_>) {
    for p in cx.notice.purposes() {
        let consent = p
            .legal_basis
            .as_ref()
            .filter(|b| b.value == LegalBasis::Consent)
            .map(|b| b.span.clone())
            .or_else(|| {
                p.special_category_condition
                    .as_ref()
                    .filter(|c| c.value == Art9Condition::ExplicitConsent)
                    .map(|c| c.span.clone())
            });
        if let Some(span) = consent
            && p.withdrawal.is_none()
        {
            cx.report(
                G019,
                span,
                "the purpose rests on consent but does not say how to withdraw it",
            )
            .label("consent can be withdrawn at any time (Art. 7(3))")
            .help("add `withdrawal = { ... }` telling the reader how to withdraw consent");
        }
    }
}

rule! {
    G020 "supervisory-authority" Warning "Art. 13(2)(d), 14(2)(e), 77",
    "The supervisory authority does not match the controller's country.",
    "The notice tells the reader of the right to lodge a complaint with a supervisory \
authority (Art. 77); seloste writes the authority's name and contact details from its table \
(Finland's Data Protection Ombudsman by default, Sweden's IMY as `\"SE\"`). A controller \
established in Sweden normally names IMY, one in Finland the Ombudsman.\n\nFix: set \
`supervisory_authority` to the controller's country.";
}

pub fn supervisory_authority(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    if n.open_controller.is_some() {
        return;
    }
    // The model's default: a controller without a country is in Finland.
    let (country, country_span) = match n.controller.as_ref().and_then(|c| c.country.as_ref()) {
        Some(c) => (c.value, Some(c.span.clone())),
        None => match crate::model::Country::parse("FI") {
            Some(fi) => (fi, None),
            None => return,
        },
    };
    let authority = n
        .supervisory_authority
        .as_ref()
        .map_or(SupervisoryAuthority::Finland, |a| a.value);
    let expected = match country.as_str() {
        "FI" => SupervisoryAuthority::Finland,
        "SE" => SupervisoryAuthority::Sweden,
        _ => return,
    };
    if authority != expected {
        let span = n
            .supervisory_authority
            .as_ref()
            .map(|a| a.span.clone())
            .or(country_span)
            .unwrap_or(n.span.clone());
        cx.report(
            G020,
            span,
            format!("the controller is established in {country} but the notice names the {} supervisory authority", authority.code()),
        )
        .label("authority and controller country differ")
        .help(format!("the complaint section prints this authority's name and address (Art. 13(2)(d), 14(2)(e)), and readers will turn to it: set `supervisory_authority = \"{}\"` unless another authority is really competent", expected.code()));
    }
}

rule! {
    G021 "provision-requirement" Error "Art. 13(2)(e)",
    "The notice does not say whether providing the data is required.",
    "When data is collected from the person (Art. 13), the notice must say whether providing it \
is a statutory or contractual requirement, or a requirement to enter a contract, whether the \
person is obliged to provide it, and what happens if they do not (Art. 13(2)(e)).\n\nFix: add \
a `[provision]` table with `requirement` (`statutory`, `contractual`, `contract-prerequisite`, \
`voluntary` or `mixed`) and `consequences`.";
}

pub fn provision_requirement(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    if !n.art13() {
        return;
    }
    let Some(p) = &n.provision else {
        if !n.absent(&n.span, "provision") {
            return;
        }
        cx.report(G021, n.top_for("provision"), "the notice does not say whether providing the data is required")
            .label("no [provision] table in this file")
            .help("add a [provision] table with `requirement` (statutory, contractual, contract-prerequisite, voluntary or mixed) and `consequences`");
        return;
    };
    if p.requirement.is_none() && n.absent(&p.span, "requirement") {
        cx.report(G021, p.span.clone(), "[provision] does not say whether providing the data is a requirement")
            .label("needs `requirement`")
            .help("add `requirement = \"statutory\"` (or contractual, contract-prerequisite, voluntary, mixed)");
    }
    if p.consequences.is_none() && n.absent(&p.span, "consequences") {
        cx.report(
            G021,
            p.span.clone(),
            "[provision] does not say what happens if the data is not provided",
        )
        .label("needs `consequences`")
        .help("add `consequences = { ... }`, e.g. that the pupil cannot be given a user account");
    }
}

rule! {
    G022 "automated-decisions-stated" Warning "Art. 13(2)(f), 14(2)(g)",
    "The notice does not say whether automated decisions are made.",
    "The notice must tell the person about automated decision-making, including profiling, \
under Art. 22 (Art. 13(2)(f), 14(2)(g)). When there is none it is good practice to say so, and \
seloste then writes that sentence.\n\nFix: add `[automated_decisions]` with `used = false` (or \
`true` with `logic` and `consequences`).";
}

pub fn automated_decisions_stated(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    match &n.automated_decisions {
        None if !n.absent(&n.span, "automated_decisions") => {}
        None => {
            cx.report(
                G022,
                n.span.clone(),
                "the notice does not say whether automated decisions or profiling take place",
            )
            .label("no [automated_decisions] table in this file")
            .help("readers cannot tell whether decisions about them are made by automated means alone (Art. 13(2)(f), 14(2)(g)): add `[automated_decisions]` with `used = false` if there are none, and seloste says so");
        }
        Some(a) if a.used.is_none() && n.absent(&a.span, "used") => {
            cx.report(
                G022,
                a.span.clone(),
                "[automated_decisions] does not say whether they are used",
            )
            .label("needs `used = true` or `used = false`")
            .help("readers cannot tell whether decisions about them are made by automated means alone (Art. 13(2)(f), 14(2)(g)): add `used = false`, or `used = true` with `logic` and `consequences`");
        }
        Some(_) => {}
    }
}

rule! {
    G023 "automated-decisions-logic" Error "Art. 13(2)(f), 14(2)(g), 22",
    "Automated decisions are made but their logic or consequences are not described.",
    "When decisions based solely on automated processing are made (Art. 22(1) and (4)), the \
notice must give meaningful information about the logic involved and the significance and \
envisaged consequences for the person (Art. 13(2)(f), 14(2)(g)).\n\nFix: add `logic` and \
`consequences` to `[automated_decisions]`.";
}

pub fn automated_decisions_logic(cx: &mut Ctx<'_>) {
    let Some(a) = &cx.notice.automated_decisions else {
        return;
    };
    let Some(used) = a.used.as_ref().filter(|u| u.value) else {
        return;
    };
    let missing: Vec<&str> = [
        ("logic", a.logic.is_none()),
        ("consequences", a.consequences.is_none()),
    ]
    .into_iter()
    .filter_map(|(k, m)| m.then_some(k))
    .collect();
    if !missing.is_empty() {
        cx.report(
            G023,
            used.span.clone(),
            format!(
                "automated decisions are made but the notice lacks {}",
                missing.join(" and ")
            ),
        )
        .label("Art. 22 decisions")
        .help("describe the logic involved and the significance and consequences for the person");
    }
}

rule! {
    G024 "data-sources" Error "Art. 14(2)(f)",
    "A notice for data obtained from other sources does not name them.",
    "When data is not obtained from the person, the notice must say where it comes from and \
whether it came from publicly accessible sources (Art. 14(2)(f)).\n\nFix: add `[[sources]]` \
entries with a `name` and a `kind` (`data-subject`, `register`, `authority`, `public`, \
`organisation`).";
}

pub fn data_sources(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    if !n.art14() {
        return;
    }
    if n.sources().is_empty() && n.absent(&n.span, "sources") {
        let span = n
            .sources
            .as_ref()
            .map_or(n.span.clone(), |s| s.span.clone());
        cx.report(
            G024,
            span,
            "data is obtained from other sources but the notice does not name them",
        )
        .label("Art. 14(2)(f)")
        .help("add [[sources]] entries with `name` and `kind`");
    }
    for s in n.sources() {
        if s.kind.is_none() && n.absent(&s.span, "kind") {
            cx.report(G024, s.span.clone(), "the source does not say what kind of source it is")
                .label("needs `kind`")
                .help("add `kind` (data-subject, register, authority, public, organisation): the reader must learn whether data came from publicly accessible sources");
        }
    }
}

rule! {
    G025 "data-origin" Error "Art. 13, 14",
    "The notice does not say whether data comes from the person or from elsewhere.",
    "Which information is required depends on whether the data is collected from the person \
(Art. 13), obtained from other sources (Art. 14), or both. seloste needs to know to apply the \
right rules.\n\nFix: set `collected_from` to `\"data-subject\"`, `\"other-sources\"` or \
`\"both\"`.";
}

pub fn data_origin(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    if n.collected_from.is_none() && n.absent(&n.span, "collected_from") {
        cx.report(
            G025,
            n.span.clone(),
            "the notice does not say whether data is collected from the person or from elsewhere",
        )
        .label("no `collected_from` in this file")
        .help(format!(
            "add `collected_from = \"...\"` with one of: {}",
            Collection::codes().join(", ")
        ));
    }
}

rule! {
    G026 "open-controller" Info "Art. 13(1)(a), 14(1)(a)",
    "The controller is supplied by each customer.",
    "A vendor describes a service once with `controller = \"customer\"`: the controller, its \
DPO and contact come from each customer's file when `seloste bundle` binds the service to the \
customer, and every rule then runs on the combined notice. Checked alone, such a notice skips \
the controller rules and gets this note. Nothing to fix; to publish the notice for one \
organisation, write its `[controller]` table instead.";
}

pub fn open_controller(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    let Some(span) = &n.open_controller else {
        return;
    };
    cx.report(
        G026,
        span.clone(),
        "the controller, its DPO and contact come from each customer",
    )
    .label("bound per customer by `seloste bundle`")
    .help("the controller rules run when the notice is bound to a customer; `seloste bundle` checks every customer's combined notice");
}
