//! The notice as a TILT document (Transparency Information Language and
//! Toolkit), one per language, as TILT holds one language per document.
//!
//! TILT's sections are filled from the resolved view of the notice in the
//! language: the controller and DPO, one `dataDisclosed` entry per data
//! category (its purposes with their legal bases as `GDPR-6-1-e`-style
//! references and the seloste wording, legitimate interests, recipients,
//! storage periods, whether providing the data is required), transfers
//! with their safeguard, sources, the rights as seloste derives them and
//! the supervisory authority.
//!
//! What TILT cannot hold is left out and listed in `docs/export.md`: the
//! rights to restriction (Art. 18) and to object (Art. 21), limits that
//! laws set to the rights, the groups of data subjects, storage rules
//! without a period, the security measures, the processor and the
//! national law a basis rests on (only in the basis' description). TILT
//! asks for an EU representative always: without one, the notice's
//! contact person (else the controller itself) stands in. Its `version` is
//! an integer: the major number of the notice's version.

use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use crate::model::{
    Art9Condition, LegalBasis, Notice, ProvisionKind, SourceKind, SupervisoryAuthority,
    TransferMechanism,
};
use crate::render::view::NoticeView;

/// TILT's required top-level sections, in its schema's order.
pub const SECTIONS: &[&str] = &[
    "meta",
    "controller",
    "dataProtectionOfficer",
    "dataDisclosed",
    "thirdCountryTransfers",
    "accessAndDataPortability",
    "sources",
    "rightToInformation",
    "rightToRectificationOrDeletion",
    "rightToDataPortability",
    "rightToWithdrawConsent",
    "rightToComplain",
    "automatedDecisionMaking",
    "changesOfPurpose",
];

/// `GDPR-6-1-e`: the reference form TILT's examples use.
fn basis_reference(b: LegalBasis) -> &'static str {
    match b {
        LegalBasis::Consent => "GDPR-6-1-a",
        LegalBasis::Contract => "GDPR-6-1-b",
        LegalBasis::LegalObligation => "GDPR-6-1-c",
        LegalBasis::VitalInterests => "GDPR-6-1-d",
        LegalBasis::PublicTask => "GDPR-6-1-e",
        LegalBasis::LegitimateInterests => "GDPR-6-1-f",
    }
}

fn condition_reference(c: Art9Condition) -> &'static str {
    use Art9Condition::*;
    match c {
        ExplicitConsent => "GDPR-9-2-a",
        EmploymentAndSocialSecurity => "GDPR-9-2-b",
        VitalInterests => "GDPR-9-2-c",
        NonProfitBody => "GDPR-9-2-d",
        MadePublic => "GDPR-9-2-e",
        LegalClaims => "GDPR-9-2-f",
        SubstantialPublicInterest => "GDPR-9-2-g",
        HealthOrSocialCare => "GDPR-9-2-h",
        PublicHealth => "GDPR-9-2-i",
        ArchivingResearchStatistics => "GDPR-9-2-j",
    }
}

fn plain(s: Option<&str>) -> String {
    s.map(crate::records::plain).unwrap_or_default()
}

fn available(on: bool, description: String, email: Option<&String>, url: Option<&String>) -> Value {
    let mut m = Map::new();
    m.insert("available".into(), on.into());
    m.insert("description".into(), description.into());
    if let Some(e) = email {
        m.insert("email".into(), e.clone().into());
    }
    if let Some(u) = url {
        m.insert("url".into(), u.clone().into());
    }
    Value::Object(m)
}

/// The TILT document of `n` in the language of `view` (resolved by
/// `json::resolve`).
pub fn document(n: &Notice, view: &NoticeView) -> Value {
    let lang = &view.lang;
    let controller = view.controller.clone().unwrap_or_default();
    let controller_country = n
        .controller
        .as_ref()
        .and_then(|c| c.country.as_ref())
        .map_or("FI".to_string(), |c| c.value.as_str().to_string());
    let controller_name = controller.texts.get("name").unwrap_or_default().to_string();
    let controller_address = plain(controller.texts.get("address"));

    // TILT always asks for a representative; see the module docs.
    let representative = match (&view.representative, &view.contact) {
        (Some(r), _) => json!({
            "name": r.texts.get("name").unwrap_or_default(),
            "email": r.email.clone().unwrap_or_default(),
        }),
        (None, Some(c)) => json!({
            "name": c.texts.get("role").or(c.texts.get("name")).unwrap_or(&controller_name),
            "email": c.email.clone().or(controller.email.clone()).unwrap_or_default(),
        }),
        (None, None) => json!({
            "name": controller_name,
            "email": controller.email.clone().unwrap_or_default(),
        }),
    };
    let dpo = view.dpo.clone().unwrap_or_default();
    let dpo_address = match dpo.texts.get("address") {
        Some(a) => plain(Some(a)),
        None => controller_address.clone(),
    };

    let rights_email = view.rights_how.email.clone();
    let rights_web = view.rights_how.web.clone();
    let right = |id: &str| {
        view.rights
            .iter()
            .chain(&view.objection)
            .find(|r| r.id == id)
    };
    let right_text = |id: &str| {
        right(id)
            .map(|r| format!("{} {}", r.title, r.text))
            .unwrap_or_default()
    };
    let applies = |id: &str| right(id).is_some_and(|r| r.applies);

    let provision = n
        .provision
        .as_ref()
        .and_then(|p| p.requirement.as_ref())
        .map(|r| r.value);
    let non_disclosure = json!({
        "legalRequirement": provision == Some(ProvisionKind::Statutory),
        "contractualRegulation": matches!(provision, Some(ProvisionKind::Contractual | ProvisionKind::ContractPrerequisite)),
        "obligationToProvide": matches!(provision, Some(ProvisionKind::Statutory | ProvisionKind::Contractual | ProvisionKind::ContractPrerequisite)),
        "consequences": view.provision.as_ref().map(|p| plain(p.texts.get("consequences"))).unwrap_or_default(),
    });

    let mut disclosed = Vec::new();
    for (ci, (c, cv)) in n
        .data_categories()
        .iter()
        .zip(&view.data_categories)
        .enumerate()
    {
        let cid =
            c.id.as_ref()
                .map_or_else(|| format!("category-{}", ci + 1), |i| i.value.clone());
        let serves = |pid: Option<&str>| {
            c.purposes.is_empty() || pid.is_some_and(|p| c.purposes.iter().any(|x| x.value == p))
        };
        let mut purposes = Vec::new();
        let mut bases = Vec::new();
        let mut interests = Vec::new();
        for (p, pv) in n.purposes().iter().zip(&view.purposes) {
            let pid = p.id.as_ref().map(|i| i.value.as_str());
            if !serves(pid) {
                continue;
            }
            let description = plain(pv.texts.get("description"));
            purposes.push(json!({
                "purpose": crate::render::resolve::first_sentence(pv.texts.get("description").unwrap_or_default()),
                "description": description,
            }));
            if let Some(b) = &p.legal_basis {
                let mut text = pv.basis.clone().unwrap_or_default();
                if let Some(law) = pv.texts.get("law") {
                    text = format!("{text}: {}", plain(Some(law)));
                }
                let entry = json!({ "reference": basis_reference(b.value), "description": text });
                if !bases.contains(&entry) {
                    bases.push(entry);
                }
                if b.value == LegalBasis::LegitimateInterests {
                    interests.push(json!({
                        "exists": true,
                        "reasoning": plain(pv.texts.get("legitimate_interests")),
                    }));
                }
            }
            if let Some(cond) = &p.special_category_condition {
                let entry = json!({
                    "reference": condition_reference(cond.value),
                    "description": pv.special_condition.clone().unwrap_or_default(),
                });
                if !bases.contains(&entry) {
                    bases.push(entry);
                }
            }
        }
        let recipients: Vec<Value> = n
            .recipients()
            .iter()
            .zip(&view.recipients)
            .filter(|(r, _)| {
                r.categories.is_empty()
                    || r.categories
                        .iter()
                        .any(|x| Some(&x.value) == c.id.as_ref().map(|i| &i.value))
            })
            .map(|(r, rv)| {
                let mut m = Map::new();
                m.insert(
                    "name".into(),
                    rv.texts.get("name").unwrap_or_default().into(),
                );
                if let Some(country) = &r.country {
                    m.insert("country".into(), country.value.as_str().into());
                }
                m.insert(
                    "category".into(),
                    rv.role
                        .clone()
                        .unwrap_or_else(|| rv.texts.get("name").unwrap_or_default().to_string())
                        .into(),
                );
                Value::Object(m)
            })
            .collect();
        let storage: Vec<Value> = n
            .retention()
            .iter()
            .zip(&view.retention)
            .filter(|(r, _)| {
                r.applies_to.is_empty()
                    || r.applies_to.iter().any(|a| {
                        Some(&a.value) == c.id.as_ref().map(|i| &i.value)
                            || (serves(Some(&a.value))
                                && n.purposes()
                                    .iter()
                                    .any(|p| p.id.as_ref().is_some_and(|i| i.value == a.value)))
                    })
            })
            .filter_map(|(r, rv)| {
                let period = r.period.as_ref()?;
                let mut description = rv.period.clone().unwrap_or_default();
                let rule = plain(rv.texts.get("rule"));
                if !rule.is_empty() {
                    description = format!("{description}. {rule}");
                }
                Some(json!({
                    "temporal": [{ "description": description, "ttl": period.value.to_string() }],
                    "purposeConditional": [],
                    "legalBasisConditional": [],
                    "aggregationFunction": "max",
                }))
            })
            .collect();
        disclosed.push(json!({
            "_id": cid,
            "category": cv.texts.get("name").unwrap_or_default(),
            "purposes": purposes,
            "legalBases": bases,
            "legitimateInterests": interests,
            "recipients": recipients,
            "storage": storage,
            "nonDisclosure": non_disclosure,
        }));
    }

    let transfers: Vec<Value> = n
        .transfers
        .iter()
        .zip(&view.transfers)
        .filter_map(|(t, tv)| {
            let country = t.country.as_ref()?.value.as_str().to_string();
            let m = t.mechanism.as_ref().and_then(|m| m.value.first()).map(|m| m.value);
            let mechanism = match (&tv.mechanism, &tv.mechanism_ref) {
                (Some(a), Some(r)) => format!("{a} ({r})"),
                (Some(a), None) => a.clone(),
                _ => String::new(),
            };
            let copy = plain(tv.texts.get("safeguard_copy"));
            let guarantee_text = [mechanism.clone(), copy].iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>().join(" ");
            Some(json!({
                "country": country,
                "adequacyDecision": {
                    "available": m == Some(TransferMechanism::Adequacy),
                    "description": if m == Some(TransferMechanism::Adequacy) { mechanism.clone() } else { String::new() },
                },
                "appropriateGuarantees": {
                    "available": m.is_some_and(|m| m.needs_copy()),
                    "description": if m.is_some_and(|m| m.needs_copy()) { guarantee_text } else { String::new() },
                },
                "standardDataProtectionClause": {
                    "available": matches!(m, Some(TransferMechanism::StandardContractualClauses | TransferMechanism::AuthorityClauses)),
                    "description": "",
                },
            }))
        })
        .collect();

    // Sources per data category, as TILT groups them.
    let mut sources = Vec::new();
    for (ci, (c, cv)) in n
        .data_categories()
        .iter()
        .zip(&view.data_categories)
        .enumerate()
    {
        let Some(cid) = c.id.as_ref().map(|i| i.value.as_str()) else {
            continue;
        };
        let list: Vec<Value> = n
            .sources()
            .iter()
            .zip(&view.sources)
            .filter(|(s, _)| s.categories.iter().any(|x| x.value == cid))
            .map(|(s, sv)| {
                let mut description = sv.texts.get("name").unwrap_or_default().to_string();
                let more = plain(sv.texts.get("description"));
                if !more.is_empty() {
                    description = format!("{description}: {more}");
                }
                json!({
                    "description": description,
                    "url": "",
                    "publiclyAvailable": s.kind.as_ref().is_some_and(|k| k.value == SourceKind::PublicSource),
                })
            })
            .collect();
        if !list.is_empty() {
            sources.push(json!({
                "_id": format!("sources-{}", ci + 1),
                "dataCategory": cv.texts.get("name").unwrap_or_default(),
                "sources": list,
            }));
        }
    }

    let authority = n
        .supervisory_authority
        .as_ref()
        .map_or(SupervisoryAuthority::Finland, |a| a.value);
    let mut supervisory = Map::new();
    supervisory.insert("name".into(), view.complaint.authority.clone().into());
    if let Some(a) = &view.complaint.postal_address {
        supervisory.insert("address".into(), a.clone().into());
    }
    supervisory.insert(
        "country".into(),
        match authority {
            SupervisoryAuthority::Finland => "FI",
            SupervisoryAuthority::Sweden => "SE",
        }
        .into(),
    );
    if let Some(e) = &view.complaint.email {
        supervisory.insert("email".into(), e.clone().into());
    }
    if let Some(p) = &view.complaint.phone {
        supervisory.insert("phone".into(), p.clone().into());
    }
    let mut complain = available(
        true,
        view.complaint.text.clone(),
        None,
        view.complaint.web.as_ref(),
    );
    if let Some(m) = complain.as_object_mut() {
        m.insert("supervisoryAuthority".into(), Value::Object(supervisory));
    }

    let automated = view.automated.as_ref();
    let version: u64 = n
        .version
        .as_ref()
        .and_then(|v| v.value.split('.').next()?.trim().parse().ok())
        .unwrap_or(1);
    let date = n
        .updated
        .as_ref()
        .map(|d| d.value.to_string())
        .unwrap_or_default();
    let mut doc = json!({
        "meta": {
            "_id": format!("{}-{lang}", n.id_str()),
            "name": view.title,
            "created": date,
            "modified": date,
            "version": version,
            "language": lang,
            "status": "active",
            "url": format!("{}.html", n.id_str()),
            "_hash": "",
        },
        "controller": {
            "name": controller_name,
            "address": controller_address,
            "country": controller_country,
            "representative": representative,
        },
        "dataProtectionOfficer": {
            "name": dpo.texts.get("role").or(dpo.texts.get("name")).unwrap_or_default(),
            "address": dpo_address,
            "country": controller_country,
            // TILT requires an address here; a DPO reached by phone or post
            // only is reached through the rights contact, else the
            // controller.
            "email": dpo.email.clone().or(rights_email.clone()).or(controller.email.clone()).unwrap_or_default(),
        },
        "dataDisclosed": disclosed,
        "thirdCountryTransfers": transfers,
        "accessAndDataPortability": available(true, right_text("access"), rights_email.as_ref(), rights_web.as_ref()),
        "sources": sources,
        "rightToInformation": available(true, right_text("access"), rights_email.as_ref(), rights_web.as_ref()),
        "rightToRectificationOrDeletion": available(true, [right_text("rectification"), right_text("erasure")].join(" "), rights_email.as_ref(), rights_web.as_ref()),
        "rightToDataPortability": available(applies("portability"), right_text("portability"), rights_email.as_ref(), rights_web.as_ref()),
        "rightToWithdrawConsent": available(applies("withdraw-consent"), right_text("withdraw-consent"), rights_email.as_ref(), rights_web.as_ref()),
        "rightToComplain": complain,
        "automatedDecisionMaking": {
            "inUse": automated.is_some_and(|a| a.used),
            "logicInvolved": automated.map(|a| plain(a.texts.get("logic"))).unwrap_or_default(),
            "scopeAndIntendedEffects": automated.map(|a| {
                let c = plain(a.texts.get("consequences"));
                if c.is_empty() { a.statement.clone() } else { c }
            }).unwrap_or_default(),
        },
        "changesOfPurpose": [],
    });
    // `_hash`: the SHA-256 of the document with an empty `_hash`, so that a
    // reader can tell two versions apart.
    let hash = serde_json::to_vec(&doc)
        .map(|bytes| {
            Sha256::digest(&bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        })
        .unwrap_or_default();
    if let Some(meta) = doc.get_mut("meta").and_then(Value::as_object_mut) {
        meta.insert("_hash".into(), hash.into());
    }
    doc
}
