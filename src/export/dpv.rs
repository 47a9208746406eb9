//! The notice as JSON-LD in the terms of the W3C Data Privacy Vocabulary
//! (DPV 2.1: `https://w3id.org/dpv#`), its GDPR extension (`eu-gdpr`), its
//! personal-data taxonomy (`pd`) and its locations (`loc`).
//!
//! One graph per notice: a `dpv:PrivacyNotice` (with the GDPR notice type
//! of Art. 13 or 14) whose controller, DPO, processor and representative
//! are entities, and one `dpv:Process` per purpose with its purpose, its
//! legal bases (`eu-gdpr:A6-1-*`, and `A9-2-*` for special categories), the
//! data categories, groups of data subjects and recipients it concerns, and
//! its storage periods; transfers are `dpv:Transfer` processes with the
//! third country and the mechanism (`eu-gdpr:A45-3`, `A46-*`, `A49-*`). The
//! rights are those seloste derives (`eu-gdpr:A15` ...), the authority a
//! `dpv:DataProtectionAuthority`. Texts are language-tagged strings in
//! every language of the notice, plain text from the Markdown.
//!
//! Only terms that exist in DPV 2.1 are used (a test holds the output to a
//! list of them); where DPV has no term for a value of the format (a data
//! category that is not a special category) the node is a plain
//! `dpv:PersonalData` with its name. Descriptions use Dublin Core terms
//! (`dct:`), as DPV's own examples do. Nodes of the notice get ids under
//! `urn:seloste:notice:<id>`.

use serde_json::{Map, Value, json};

use crate::model::{
    Art9Condition, Lang, LegalBasis, Notice, RecipientRole, SpecialCategory, SupervisoryAuthority,
    Text, TransferMechanism,
};
use crate::render::view::NoticeView;

/// The JSON-LD context of every document.
fn context() -> Value {
    json!({
        "dpv": "https://w3id.org/dpv#",
        "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
        "pd": "https://w3id.org/dpv/pd#",
        "loc": "https://w3id.org/dpv/loc#",
        "dct": "http://purl.org/dc/terms/",
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "xsd": "http://www.w3.org/2001/XMLSchema#"
    })
}

pub fn legal_basis(b: LegalBasis) -> &'static str {
    match b {
        LegalBasis::Consent => "eu-gdpr:A6-1-a",
        LegalBasis::Contract => "eu-gdpr:A6-1-b",
        LegalBasis::LegalObligation => "eu-gdpr:A6-1-c",
        LegalBasis::VitalInterests => "eu-gdpr:A6-1-d",
        LegalBasis::PublicTask => "eu-gdpr:A6-1-e",
        LegalBasis::LegitimateInterests => "eu-gdpr:A6-1-f",
    }
}

pub fn condition(c: Art9Condition) -> &'static str {
    use Art9Condition::*;
    match c {
        ExplicitConsent => "eu-gdpr:A9-2-a",
        EmploymentAndSocialSecurity => "eu-gdpr:A9-2-b",
        VitalInterests => "eu-gdpr:A9-2-c",
        NonProfitBody => "eu-gdpr:A9-2-d",
        MadePublic => "eu-gdpr:A9-2-e",
        LegalClaims => "eu-gdpr:A9-2-f",
        SubstantialPublicInterest => "eu-gdpr:A9-2-g",
        HealthOrSocialCare => "eu-gdpr:A9-2-h",
        PublicHealth => "eu-gdpr:A9-2-i",
        ArchivingResearchStatistics => "eu-gdpr:A9-2-j",
    }
}

/// DPV-GDPR names the one-off transfer on compelling legitimate interests
/// (Art. 49(1), second subparagraph) `A49-2`.
pub fn mechanism(m: TransferMechanism) -> &'static str {
    use TransferMechanism::*;
    match m {
        Adequacy => "eu-gdpr:A45-3",
        PublicAuthorityInstrument => "eu-gdpr:A46-2-a",
        BindingCorporateRules => "eu-gdpr:A46-2-b",
        StandardContractualClauses => "eu-gdpr:A46-2-c",
        AuthorityClauses => "eu-gdpr:A46-2-d",
        CodeOfConduct => "eu-gdpr:A46-2-e",
        Certification => "eu-gdpr:A46-2-f",
        AdHocClauses => "eu-gdpr:A46-3-a",
        DerogationConsent => "eu-gdpr:A49-1-a",
        DerogationContract => "eu-gdpr:A49-1-b",
        DerogationContractInInterest => "eu-gdpr:A49-1-c",
        DerogationPublicInterest => "eu-gdpr:A49-1-d",
        DerogationLegalClaims => "eu-gdpr:A49-1-e",
        DerogationVitalInterests => "eu-gdpr:A49-1-f",
        DerogationPublicRegister => "eu-gdpr:A49-1-g",
        DerogationCompellingInterests => "eu-gdpr:A49-2",
    }
}

/// The `pd:` categories of an Art. 9(1) category.
pub fn special(s: SpecialCategory) -> &'static [&'static str] {
    use SpecialCategory::*;
    match s {
        RacialOrEthnicOrigin => &["pd:Race", "pd:EthnicOrigin"],
        PoliticalOpinions => &["pd:PoliticalOpinion"],
        ReligiousOrPhilosophicalBeliefs => &["pd:ReligiousBelief", "pd:PhilosophicalBelief"],
        TradeUnionMembership => &["pd:TradeUnionMembership"],
        Genetic => &["pd:Genetic"],
        Biometric => &["pd:Biometric"],
        Health => &["pd:Health"],
        SexLifeOrOrientation => &["pd:Sexual"],
    }
}

/// The DPV-GDPR right of a right seloste derives (`RightView::id`).
pub fn right(id: &str) -> Option<&'static str> {
    Some(match id {
        "access" => "eu-gdpr:A15",
        "rectification" => "eu-gdpr:A16",
        "erasure" => "eu-gdpr:A17",
        "restriction" => "eu-gdpr:A18",
        "portability" => "eu-gdpr:A20",
        "object" => "eu-gdpr:A21",
        "withdraw-consent" => "eu-gdpr:A7-3",
        "automated-decisions" => "eu-gdpr:A22",
        "complaint" => "eu-gdpr:A77",
        _ => return None,
    })
}

fn recipient_types(role: Option<RecipientRole>) -> Vec<&'static str> {
    let mut types = vec!["dpv:Recipient"];
    match role {
        Some(RecipientRole::Processor) => types.push("dpv:DataProcessor"),
        Some(RecipientRole::Controller | RecipientRole::JointController) => {
            types.push("dpv:DataController")
        }
        Some(RecipientRole::Authority) => types.push("dpv:Authority"),
        None => {}
    }
    types
}

fn id(iri: &str) -> Value {
    json!({ "@id": iri })
}

/// A text in every language it has, as language-tagged strings (plain
/// text: Markdown is dropped).
fn texts(t: Option<&Text>, languages: &[Lang]) -> Option<Value> {
    let t = t?;
    let values: Vec<Value> = languages
        .iter()
        .filter_map(|l| {
            let s = crate::records::plain(t.get(l)?);
            (!s.is_empty()).then(|| json!({ "@value": s, "@language": l.as_str() }))
        })
        .collect();
    (!values.is_empty()).then_some(Value::Array(values))
}

fn put(map: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(v) = value {
        map.insert(key.to_string(), v);
    }
}

fn entity(
    node: &str,
    types: &[&str],
    name: Option<&Text>,
    email: Option<&str>,
    address: Option<&Text>,
    country: Option<&str>,
    languages: &[Lang],
) -> Value {
    let mut m = Map::new();
    m.insert("@id".into(), node.into());
    m.insert("@type".into(), json!(types));
    put(&mut m, "dpv:hasName", texts(name, languages));
    put(&mut m, "dpv:hasAddress", texts(address, languages));
    put(
        &mut m,
        "dpv:hasContact",
        email.map(|e| json!(format!("mailto:{e}"))),
    );
    put(
        &mut m,
        "dpv:hasCountry",
        country.map(|c| id(&format!("loc:{c}"))),
    );
    Value::Object(m)
}

/// The notice as a DPV JSON-LD document. `view` is the notice resolved in
/// its first language: the rights that apply come from it.
pub fn document(n: &Notice, languages: &[Lang], view: &NoticeView) -> Value {
    let base = format!("urn:seloste:notice:{}", n.id_str());
    let node = |kind: &str, id: Option<&str>, i: usize| match id {
        Some(id) => format!("{base}#{kind}-{id}"),
        None => format!("{base}#{kind}-{}", i + 1),
    };
    let mut doc = Map::new();
    doc.insert("@context".into(), context());
    doc.insert("@id".into(), base.clone().into());
    let mut types = vec!["dpv:PrivacyNotice"];
    if n.art13() {
        types.push("eu-gdpr:DirectDataCollectionNotice");
    }
    if n.art14() {
        types.push("eu-gdpr:IndirectDataCollectionNotice");
    }
    doc.insert("@type".into(), json!(types));
    put(&mut doc, "dct:title", texts(n.title.as_ref(), languages));
    put(
        &mut doc,
        "dct:description",
        texts(n.description.as_ref(), languages),
    );
    put(
        &mut doc,
        "dct:hasVersion",
        n.version.as_ref().map(|v| json!(v.value)),
    );
    put(
        &mut doc,
        "dct:modified",
        n.updated
            .as_ref()
            .map(|d| json!({ "@value": d.value.to_string(), "@type": "xsd:date" })),
    );
    put(
        &mut doc,
        "dct:language",
        Some(json!(
            languages.iter().map(|l| l.as_str()).collect::<Vec<_>>()
        )),
    );

    if let Some(c) = &n.controller {
        doc.insert(
            "dpv:hasDataController".into(),
            entity(
                &format!("{base}#controller"),
                &["dpv:DataController"],
                c.name.as_ref(),
                c.email.as_ref().map(|e| e.value.as_str()),
                c.address.as_ref(),
                Some(c.country.as_ref().map_or("FI", |c| c.value.as_str())),
                languages,
            ),
        );
    }
    if let Some(d) = &n.dpo {
        doc.insert(
            "dpv:hasDataProtectionOfficer".into(),
            entity(
                &format!("{base}#dpo"),
                &["dpv:DataProtectionOfficer"],
                d.role.as_ref().or(d.name.as_ref()),
                d.email.as_ref().map(|e| e.value.as_str()),
                d.address.as_ref(),
                None,
                languages,
            ),
        );
    }
    for (key, party, kind, ty) in [
        (
            "dpv:hasDataProcessor",
            &n.processor,
            "processor",
            "dpv:DataProcessor",
        ),
        (
            "dpv:hasRepresentative",
            &n.representative,
            "representative",
            "dpv:Representative",
        ),
    ] {
        if let Some(p) = party {
            doc.insert(
                key.into(),
                entity(
                    &format!("{base}#{kind}"),
                    &[ty],
                    p.name.as_ref(),
                    p.email.as_ref().map(|e| e.value.as_str()),
                    p.address.as_ref(),
                    p.country.as_ref().map(|c| c.value.as_str()),
                    languages,
                ),
            );
        }
    }

    let category_node = |cid: &str| {
        n.data_categories()
            .iter()
            .enumerate()
            .find(|(_, c)| c.id.as_ref().is_some_and(|i| i.value == cid))
            .map(|(i, c)| node("data", c.id.as_ref().map(|x| x.value.as_str()), i))
    };
    let data: Vec<Value> = n
        .data_categories()
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut types = vec!["dpv:PersonalData"];
            if let Some(s) = &c.special_category {
                types.push("dpv:SpecialCategoryPersonalData");
                types.extend(special(s.value));
            }
            if c.criminal_offences.as_ref().is_some_and(|f| f.value) {
                types.push("pd:CriminalOffense");
            }
            let mut m = Map::new();
            m.insert(
                "@id".into(),
                node("data", c.id.as_ref().map(|x| x.value.as_str()), i).into(),
            );
            m.insert("@type".into(), json!(types));
            put(&mut m, "dct:title", texts(c.name.as_ref(), languages));
            put(
                &mut m,
                "dct:description",
                texts(c.items.as_ref(), languages),
            );
            Value::Object(m)
        })
        .collect();
    let subjects: Vec<Value> = n
        .data_subjects
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut m = Map::new();
            m.insert(
                "@id".into(),
                node("subject", s.id.as_ref().map(|x| x.value.as_str()), i).into(),
            );
            m.insert("@type".into(), json!(["dpv:DataSubject"]));
            put(&mut m, "dct:title", texts(s.name.as_ref(), languages));
            put(
                &mut m,
                "dct:description",
                texts(s.description.as_ref(), languages),
            );
            Value::Object(m)
        })
        .collect();
    let recipients: Vec<Value> = n
        .recipients()
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut v = entity(
                &node("recipient", r.id.as_ref().map(|x| x.value.as_str()), i),
                &recipient_types(r.role.as_ref().map(|x| x.value)),
                r.name.as_ref(),
                None,
                None,
                r.country.as_ref().map(|c| c.value.as_str()),
                languages,
            );
            if let Some(m) = v.as_object_mut() {
                put(m, "dct:description", texts(r.purpose.as_ref(), languages));
                let data: Vec<Value> = r
                    .categories
                    .iter()
                    .filter_map(|c| category_node(&c.value))
                    .map(|iri| id(&iri))
                    .collect();
                if !data.is_empty() {
                    m.insert("dpv:hasPersonalData".into(), Value::Array(data));
                }
            }
            v
        })
        .collect();

    let mut processes: Vec<Value> = Vec::new();
    for (i, p) in n.purposes().iter().enumerate() {
        let pid = p.id.as_ref().map(|x| x.value.as_str());
        let mut m = Map::new();
        m.insert("@id".into(), node("purpose", pid, i).into());
        m.insert("@type".into(), json!(["dpv:Process"]));
        let mut purpose = Map::new();
        purpose.insert("@type".into(), json!(["dpv:Purpose"]));
        put(
            &mut purpose,
            "dct:description",
            texts(p.description.as_ref(), languages),
        );
        m.insert("dpv:hasPurpose".into(), Value::Object(purpose));
        let mut bases: Vec<Value> = Vec::new();
        bases.extend(p.legal_basis.as_ref().map(|b| id(legal_basis(b.value))));
        bases.extend(
            p.special_category_condition
                .as_ref()
                .map(|c| id(condition(c.value))),
        );
        if !bases.is_empty() {
            m.insert("dpv:hasLegalBasis".into(), Value::Array(bases));
        }
        put(
            &mut m,
            "dpv:hasApplicableLaw",
            texts(p.law.as_ref(), languages)
                .map(|law| json!({ "@type": "dpv:Law", "dct:title": law })),
        );
        // The categories of the purpose: those that name it, or name none.
        let mine: Vec<(usize, &crate::model::DataCategory)> = n
            .data_categories()
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                c.purposes.is_empty()
                    || pid.is_some_and(|p| c.purposes.iter().any(|x| x.value == p))
            })
            .collect();
        let data_refs: Vec<Value> = mine
            .iter()
            .map(|(i, c)| id(&node("data", c.id.as_ref().map(|x| x.value.as_str()), *i)))
            .collect();
        if !data_refs.is_empty() {
            m.insert("dpv:hasPersonalData".into(), Value::Array(data_refs));
        }
        let named: Vec<&str> = mine
            .iter()
            .flat_map(|(_, c)| c.subjects.iter().map(|s| s.value.as_str()))
            .collect();
        let subject_refs: Vec<Value> = n
            .data_subjects
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                named.is_empty()
                    || s.id
                        .as_ref()
                        .is_some_and(|x| named.contains(&x.value.as_str()))
            })
            .map(|(i, s)| id(&node("subject", s.id.as_ref().map(|x| x.value.as_str()), i)))
            .collect();
        if !subject_refs.is_empty() {
            m.insert("dpv:hasDataSubject".into(), Value::Array(subject_refs));
        }
        let storage: Vec<Value> = n
            .retention()
            .iter()
            .filter(|r| {
                r.applies_to.iter().any(|a| {
                    Some(a.value.as_str()) == pid
                        || mine
                            .iter()
                            .any(|(_, c)| c.id.as_ref().is_some_and(|x| x.value == a.value))
                })
            })
            .map(|r| {
                let mut s = Map::new();
                s.insert("@type".into(), json!(["dpv:StorageDuration"]));
                put(
                    &mut s,
                    "dpv:hasDuration",
                    r.period.as_ref().map(|d| {
                        json!({
                            "@type": "dpv:TemporalDuration",
                            "rdf:value": { "@value": d.value.to_string(), "@type": "xsd:duration" }
                        })
                    }),
                );
                put(&mut s, "dct:description", texts(r.rule.as_ref(), languages));
                Value::Object(s)
            })
            .collect();
        if !storage.is_empty() {
            m.insert("dpv:hasStorageCondition".into(), Value::Array(storage));
        }
        processes.push(Value::Object(m));
    }
    for (i, t) in n.transfers.iter().enumerate() {
        let mut m = Map::new();
        m.insert(
            "@id".into(),
            node("transfer", t.id.as_ref().map(|x| x.value.as_str()), i).into(),
        );
        m.insert("@type".into(), json!(["dpv:Process", "dpv:Transfer"]));
        if let Some(rid) = &t.recipient
            && let Some((j, r)) = n
                .recipients()
                .iter()
                .enumerate()
                .find(|(_, r)| r.id.as_ref().is_some_and(|x| x.value == rid.value))
        {
            m.insert(
                "dpv:hasRecipient".into(),
                id(&node(
                    "recipient",
                    r.id.as_ref().map(|x| x.value.as_str()),
                    j,
                )),
            );
        }
        put(
            &mut m,
            "dpv:hasThirdCountry",
            t.country
                .as_ref()
                .map(|c| id(&format!("loc:{}", c.value.as_str()))),
        );
        put(
            &mut m,
            "dpv:hasLegalBasis",
            t.mechanism
                .as_ref()
                .and_then(|x| x.value.first())
                .map(|x| id(mechanism(x.value))),
        );
        put(
            &mut m,
            "dct:description",
            texts(t.safeguard_copy.as_ref(), languages),
        );
        processes.push(Value::Object(m));
    }
    if !processes.is_empty() {
        doc.insert("dpv:hasProcess".into(), Value::Array(processes));
    }
    if !data.is_empty() {
        doc.insert("dpv:hasPersonalData".into(), Value::Array(data));
    }
    if !subjects.is_empty() {
        doc.insert("dpv:hasDataSubject".into(), Value::Array(subjects));
    }
    if !recipients.is_empty() {
        doc.insert("dpv:hasRecipient".into(), Value::Array(recipients));
    }
    let rights: Vec<Value> = view
        .rights
        .iter()
        .chain(&view.objection)
        .filter(|r| r.applies)
        .filter_map(|r| right(&r.id))
        .chain(right("complaint"))
        .map(id)
        .collect();
    doc.insert("dpv:hasRight".into(), Value::Array(rights));
    let security = n.security.as_ref().and_then(|t| texts(Some(t), languages));
    put(
        &mut doc,
        "dpv:hasTechnicalOrganisationalMeasure",
        security.map(
            |s| json!({ "@type": "dpv:TechnicalOrganisationalMeasure", "dct:description": s }),
        ),
    );
    let authority = n
        .supervisory_authority
        .as_ref()
        .map_or(SupervisoryAuthority::Finland, |a| a.value);
    let country = match authority {
        SupervisoryAuthority::Finland => "FI",
        SupervisoryAuthority::Sweden => "SE",
    };
    doc.insert(
        "dpv:hasAuthority".into(),
        json!({
            "@id": format!("{base}#authority"),
            "@type": "dpv:DataProtectionAuthority",
            "dpv:hasName": { "@value": view.complaint.authority, "@language": view.lang },
            "dpv:hasCountry": id(&format!("loc:{country}")),
        }),
    );
    Value::Object(doc)
}
