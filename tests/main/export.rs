//! `seloste export` and `build --format json` end to end: the JSON
//! validates against its versioned schema; the DPV JSON-LD parses as
//! JSON-LD and uses only DPV terms from the list below; the TILT documents
//! have TILT's required sections; all of it deterministic.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::common::{output, root, seloste, tree};

fn export(notices: &Path, out: &Path, extra: &[&str]) -> BTreeMap<String, Vec<u8>> {
    let mut args = vec![
        "export",
        notices.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
    ];
    args.extend_from_slice(extra);
    let o = seloste(&root(), &args);
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    tree(out)
}

fn json(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes).expect("JSON")
}

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("schema/export.schema.json")).expect("schema");
    jsonschema::draft7::new(&json(text.as_bytes())).expect("a valid draft-07 schema")
}

fn assert_valid(validator: &jsonschema::Validator, name: &str, doc: &serde_json::Value) {
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:#?}");
}

#[test]
fn the_schema_file_is_what_seloste_prints() {
    let o = seloste(&root(), &["schema", "--export"]);
    assert_eq!(o.status.code(), Some(0));
    let file = std::fs::read_to_string(root().join("schema/export.schema.json")).expect("schema");
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        file,
        "regenerate: cargo run -- schema --export > schema/export.schema.json"
    );
}

#[test]
fn every_notice_exports_json_that_validates_and_carries_what_seloste_derives() {
    let dir = tempfile::tempdir().expect("temp");
    let files = export(&root().join("notices"), &dir.path().join("out"), &[]);
    let validator = validator();
    let locales = seloste::render::locale::Locales::embedded().expect("locales");
    let checked = seloste::project::check(&[root().join("notices")], None);
    assert_eq!(files.len(), 1 + checked.notices.len());
    for n in &checked.notices {
        let name = format!("{}.json", n.id_str());
        let doc = json(&files[&name]);
        assert_valid(&validator, &name, &doc);
        assert_eq!(doc["format"], "seloste-notice");
        assert_eq!(doc["format_version"], 1);
        let langs: Vec<String> = n.language_list().iter().map(|l| l.to_string()).collect();
        assert_eq!(doc["languages"], serde_json::json!(langs));
        for lang in &langs {
            let texts = &doc["texts"][lang];
            for key in [
                "alternates",
                "formats",
                "sections",
                "brand_colour",
                "logo",
                "format",
            ] {
                assert!(texts.get(key).is_none(), "{name}: {key} is presentation");
            }
            // The legal-basis wording is seloste's, in the language.
            for (p, view) in n
                .purposes()
                .iter()
                .zip(texts["purposes"].as_array().expect("purposes"))
            {
                let b = p.legal_basis.as_ref().expect("basis").value;
                assert_eq!(
                    view["basis"],
                    locales.get(lang, b.label_key()).expect("label")
                );
            }
            assert!(
                texts["complaint"]["authority"]
                    .as_str()
                    .is_some_and(|a| !a.is_empty())
            );
        }
        // Rights are derived: never portability for a public task only.
        let rights: Vec<&str> = doc["rights"]
            .as_array()
            .expect("rights")
            .iter()
            .filter(|r| r["applies"] == true)
            .filter_map(|r| r["id"].as_str())
            .collect();
        assert!(
            rights.contains(&"access") && rights.contains(&"complaint"),
            "{rights:?}"
        );
        let all_public = n.purposes().iter().all(|p| {
            p.legal_basis
                .as_ref()
                .is_some_and(|b| b.value == seloste::model::LegalBasis::PublicTask)
        });
        if all_public {
            assert!(!rights.contains(&"portability"), "{name}");
        }
    }
    let again = export(&root().join("notices"), &dir.path().join("again"), &[]);
    assert_eq!(files, again, "the same sources give the same bytes");
}

#[test]
fn build_writes_json_beside_each_page_and_bundle_binds_the_customer() {
    let dir = tempfile::tempdir().expect("temp");
    let out = dir.path().join("site");
    let o = seloste(
        &root(),
        &[
            "build",
            "notices",
            "--format",
            "html,json",
            "--out",
            out.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    let files = tree(&out);
    let validator = validator();
    let mut pages = 0;
    for (path, bytes) in &files {
        let Some(stem) = path.strip_suffix(".html") else {
            continue;
        };
        // Language choosers have no notice behind them.
        if stem == "index" || stem.ends_with("/index") {
            continue;
        }
        pages += 1;
        let json_path = format!("{stem}.json");
        let doc = json(
            files
                .get(&json_path)
                .unwrap_or_else(|| panic!("no {json_path}")),
        );
        assert_valid(&validator, &json_path, &doc);
        let lang = path.split('/').next().expect("lang");
        let texts: Vec<&String> = doc["texts"].as_object().expect("texts").keys().collect();
        assert_eq!(texts, [lang], "{json_path}: only its language's texts");
        let _ = bytes;
    }
    assert!(pages >= 6, "{pages} pages");

    let bundles = dir.path().join("bundles");
    let o = seloste(
        &root(),
        &[
            "bundle",
            "examples/vendor/services",
            "--customers",
            "examples/vendor/customers",
            "--format",
            "md,json",
            "--out",
            bundles.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    let doc = json(
        &std::fs::read(bundles.join("exempelstad/sv/opinsys-user-management.json")).expect("json"),
    );
    assert_valid(&validator, "bundle", &doc);
    let controller = doc["texts"]["sv"]["controller"]["name"]
        .as_str()
        .expect("controller");
    assert!(
        controller.contains("Exempelstad") || controller.contains("stad"),
        "{controller}"
    );
    let manifest = std::fs::read_to_string(bundles.join("exempelstad/manifest.json")).expect("m");
    assert!(manifest.contains("\"sv/opinsys-user-management.json\""));
}

/// Every vocabulary IRI the DPV export may use, checked against DPV 2.1
/// (`https://w3id.org/dpv`, its `eu-gdpr`, `pd` and `loc` extensions), and
/// the few Dublin Core, RDF and XML Schema terms DPV's own examples use.
const DPV_IRIS: &[&str] = &[
    "https://w3id.org/dpv#PrivacyNotice",
    "https://w3id.org/dpv#Process",
    "https://w3id.org/dpv#Purpose",
    "https://w3id.org/dpv#PersonalData",
    "https://w3id.org/dpv#SpecialCategoryPersonalData",
    "https://w3id.org/dpv#DataSubject",
    "https://w3id.org/dpv#DataController",
    "https://w3id.org/dpv#DataProcessor",
    "https://w3id.org/dpv#DataProtectionOfficer",
    "https://w3id.org/dpv#Representative",
    "https://w3id.org/dpv#Recipient",
    "https://w3id.org/dpv#Authority",
    "https://w3id.org/dpv#DataProtectionAuthority",
    "https://w3id.org/dpv#Transfer",
    "https://w3id.org/dpv#Law",
    "https://w3id.org/dpv#StorageDuration",
    "https://w3id.org/dpv#TemporalDuration",
    "https://w3id.org/dpv#TechnicalOrganisationalMeasure",
    "https://w3id.org/dpv#hasDataController",
    "https://w3id.org/dpv#hasDataProtectionOfficer",
    "https://w3id.org/dpv#hasDataProcessor",
    "https://w3id.org/dpv#hasRepresentative",
    "https://w3id.org/dpv#hasProcess",
    "https://w3id.org/dpv#hasPurpose",
    "https://w3id.org/dpv#hasLegalBasis",
    "https://w3id.org/dpv#hasApplicableLaw",
    "https://w3id.org/dpv#hasPersonalData",
    "https://w3id.org/dpv#hasDataSubject",
    "https://w3id.org/dpv#hasRecipient",
    "https://w3id.org/dpv#hasStorageCondition",
    "https://w3id.org/dpv#hasDuration",
    "https://w3id.org/dpv#hasThirdCountry",
    "https://w3id.org/dpv#hasCountry",
    "https://w3id.org/dpv#hasName",
    "https://w3id.org/dpv#hasAddress",
    "https://w3id.org/dpv#hasContact",
    "https://w3id.org/dpv#hasRight",
    "https://w3id.org/dpv#hasAuthority",
    "https://w3id.org/dpv#hasTechnicalOrganisationalMeasure",
    "https://w3id.org/dpv/legal/eu/gdpr#DirectDataCollectionNotice",
    "https://w3id.org/dpv/legal/eu/gdpr#IndirectDataCollectionNotice",
    "https://w3id.org/dpv/legal/eu/gdpr#A6-1-a",
    "https://w3id.org/dpv/legal/eu/gdpr#A6-1-b",
    "https://w3id.org/dpv/legal/eu/gdpr#A6-1-c",
    "https://w3id.org/dpv/legal/eu/gdpr#A6-1-d",
    "https://w3id.org/dpv/legal/eu/gdpr#A6-1-e",
    "https://w3id.org/dpv/legal/eu/gdpr#A6-1-f",
    "https://w3id.org/dpv/legal/eu/gdpr#A9-2-a",
    "https://w3id.org/dpv/legal/eu/gdpr#A9-2-b",
    "https://w3id.org/dpv/legal/eu/gdpr#A9-2-c",
    "https://w3id.org/dpv/legal/eu/gdpr#A9-2-d",
    "https://w3id.org/dpv/legal/eu/gdpr#A9-2-e",
    "https://w3id.org/dpv/legal/eu/gdpr#A9-2-f",
    "https://w3id.org/dpv/legal/eu/gdpr#A9-2-g",
    "https://w3id.org/dpv/legal/eu/gdpr#A9-2-h",
    "https://w3id.org/dpv/legal/eu/gdpr#A9-2-i",
    "https://w3id.org/dpv/legal/eu/gdpr#A9-2-j",
    "https://w3id.org/dpv/legal/eu/gdpr#A45-3",
    "https://w3id.org/dpv/legal/eu/gdpr#A46-2-a",
    "https://w3id.org/dpv/legal/eu/gdpr#A46-2-b",
    "https://w3id.org/dpv/legal/eu/gdpr#A46-2-c",
    "https://w3id.org/dpv/legal/eu/gdpr#A46-2-d",
    "https://w3id.org/dpv/legal/eu/gdpr#A46-2-e",
    "https://w3id.org/dpv/legal/eu/gdpr#A46-2-f",
    "https://w3id.org/dpv/legal/eu/gdpr#A46-3-a",
    "https://w3id.org/dpv/legal/eu/gdpr#A49-1-a",
    "https://w3id.org/dpv/legal/eu/gdpr#A49-1-b",
    "https://w3id.org/dpv/legal/eu/gdpr#A49-1-c",
    "https://w3id.org/dpv/legal/eu/gdpr#A49-1-d",
    "https://w3id.org/dpv/legal/eu/gdpr#A49-1-e",
    "https://w3id.org/dpv/legal/eu/gdpr#A49-1-f",
    "https://w3id.org/dpv/legal/eu/gdpr#A49-1-g",
    "https://w3id.org/dpv/legal/eu/gdpr#A49-2",
    "https://w3id.org/dpv/legal/eu/gdpr#A15",
    "https://w3id.org/dpv/legal/eu/gdpr#A16",
    "https://w3id.org/dpv/legal/eu/gdpr#A17",
    "https://w3id.org/dpv/legal/eu/gdpr#A18",
    "https://w3id.org/dpv/legal/eu/gdpr#A20",
    "https://w3id.org/dpv/legal/eu/gdpr#A21",
    "https://w3id.org/dpv/legal/eu/gdpr#A22",
    "https://w3id.org/dpv/legal/eu/gdpr#A7-3",
    "https://w3id.org/dpv/legal/eu/gdpr#A77",
    "https://w3id.org/dpv/pd#Race",
    "https://w3id.org/dpv/pd#EthnicOrigin",
    "https://w3id.org/dpv/pd#PoliticalOpinion",
    "https://w3id.org/dpv/pd#ReligiousBelief",
    "https://w3id.org/dpv/pd#PhilosophicalBelief",
    "https://w3id.org/dpv/pd#TradeUnionMembership",
    "https://w3id.org/dpv/pd#Genetic",
    "https://w3id.org/dpv/pd#Biometric",
    "https://w3id.org/dpv/pd#Health",
    "https://w3id.org/dpv/pd#Sexual",
    "https://w3id.org/dpv/pd#CriminalOffense",
    // The countries of the notices and fixtures exported here.
    "https://w3id.org/dpv/loc#FI",
    "https://w3id.org/dpv/loc#SE",
    "https://w3id.org/dpv/loc#US",
    "https://w3id.org/dpv/loc#IE",
    "https://w3id.org/dpv/loc#DE",
    "https://w3id.org/dpv/loc#NL",
    // What DPV builds on.
    "http://purl.org/dc/terms/title",
    "http://purl.org/dc/terms/description",
    "http://purl.org/dc/terms/hasVersion",
    "http://purl.org/dc/terms/modified",
    "http://purl.org/dc/terms/language",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#value",
    "http://www.w3.org/2001/XMLSchema#date",
    "http://www.w3.org/2001/XMLSchema#duration",
    "http://www.w3.org/2001/XMLSchema#string",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString",
];

/// Every IRI of `quads`' predicates, objects and literal datatypes, but
/// the notice's own nodes (`urn:seloste:`).
fn vocabulary(bytes: &[u8]) -> BTreeSet<String> {
    let mut iris = BTreeSet::new();
    let mut count = 0;
    for quad in oxjsonld::JsonLdParser::new().for_slice(bytes) {
        let quad = quad.expect("valid JSON-LD");
        count += 1;
        iris.insert(quad.predicate.as_str().to_string());
        let object = quad.object.to_string();
        if let Some(iri) = object.strip_prefix('<').and_then(|o| o.strip_suffix('>')) {
            iris.insert(iri.to_string());
        } else if let Some((_, datatype)) = object.rsplit_once("^^<") {
            iris.insert(datatype.trim_end_matches('>').to_string());
        }
    }
    assert!(count > 20, "{count} triples");
    iris.retain(|i| !i.starts_with("urn:seloste:"));
    iris
}

#[test]
fn dpv_json_ld_parses_and_uses_only_dpv_terms() {
    let dir = tempfile::tempdir().expect("temp");
    let notices = dir.path().join("notices");
    std::fs::create_dir(&notices).expect("mkdir");
    for e in std::fs::read_dir(root().join("notices")).expect("notices") {
        let e = e.expect("entry");
        std::fs::copy(e.path(), notices.join(e.file_name())).expect("copy");
    }
    // The rule fixtures' base: special categories, an SCC transfer to the US.
    std::fs::copy(
        root().join("tests/fixtures/rules/base.toml"),
        notices.join("base.toml"),
    )
    .expect("copy base");
    let files = export(&notices, &dir.path().join("out"), &["--format", "dpv"]);
    let known: BTreeSet<&str> = DPV_IRIS.iter().copied().collect();
    for (name, bytes) in files.iter().filter(|(n, _)| n.ends_with(".jsonld")) {
        let used = vocabulary(bytes);
        let unknown: Vec<&String> = used
            .iter()
            .filter(|i| !known.contains(i.as_str()))
            .collect();
        assert!(
            unknown.is_empty(),
            "{name} uses IRIs not in DPV: {unknown:?}"
        );
    }
    let base = vocabulary(&files["esimerkkila-pupil-register.jsonld"]);
    for iri in [
        "https://w3id.org/dpv/legal/eu/gdpr#A6-1-e",
        "https://w3id.org/dpv/legal/eu/gdpr#A6-1-c",
        "https://w3id.org/dpv/legal/eu/gdpr#A6-1-a",
        "https://w3id.org/dpv/legal/eu/gdpr#A9-2-g",
        "https://w3id.org/dpv/legal/eu/gdpr#A46-2-c",
        "https://w3id.org/dpv/legal/eu/gdpr#A7-3",
        "https://w3id.org/dpv/pd#Health",
        "https://w3id.org/dpv/loc#US",
    ] {
        assert!(base.contains(iri), "the base notice maps to {iri}");
    }
    // Rights as derived: portability for the consent-based photos, no
    // right about automated decisions where none are made.
    assert!(base.contains("https://w3id.org/dpv/legal/eu/gdpr#A20"));
    assert!(!base.contains("https://w3id.org/dpv/legal/eu/gdpr#A22"));
}

/// TILT's required sections and, for the parts seloste fills, their
/// required keys, as its schema lists them (Transparency-Information-
/// Language/schema, `tilt-schema.json`).
const TILT_REQUIRED: &[(&str, &[&str])] = &[
    (
        "",
        &[
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
        ],
    ),
    (
        "meta",
        &[
            "_id", "name", "created", "modified", "version", "language", "status", "url", "_hash",
        ],
    ),
    (
        "controller",
        &["name", "address", "country", "representative"],
    ),
    ("controller/representative", &["name", "email"]),
    (
        "dataProtectionOfficer",
        &["name", "address", "country", "email"],
    ),
    ("accessAndDataPortability", &["available"]),
    ("rightToComplain/supervisoryAuthority", &["name"]),
];

const TILT_DISCLOSED: &[&str] = &[
    "_id",
    "category",
    "purposes",
    "legalBases",
    "legitimateInterests",
    "recipients",
    "storage",
    "nonDisclosure",
];

#[test]
fn tilt_documents_have_the_required_sections_one_per_language() {
    let dir = tempfile::tempdir().expect("temp");
    let files = export(
        &root().join("notices"),
        &dir.path().join("out"),
        &["--format", "tilt"],
    );
    let checked = seloste::project::check(&[root().join("notices")], None);
    let reference = regex::Regex::new(r"^[A-Z]*([-]?[0-9]*|[a-z]*)*$").expect("regex");
    let mut documents = 0;
    for n in &checked.notices {
        for lang in n.language_list() {
            let name = format!("{}.{lang}.tilt.json", n.id_str());
            let doc = json(files.get(&name).unwrap_or_else(|| panic!("no {name}")));
            documents += 1;
            for (path, keys) in TILT_REQUIRED {
                let node = if path.is_empty() {
                    &doc
                } else {
                    doc.pointer(&format!("/{path}"))
                        .unwrap_or_else(|| panic!("{name}: no {path}"))
                };
                for key in *keys {
                    assert!(node.get(key).is_some(), "{name}: {path}/{key} is required");
                }
            }
            assert_eq!(doc["meta"]["language"], lang.as_str());
            assert!(doc["meta"]["version"].is_u64());
            for email in [
                &doc["dataProtectionOfficer"]["email"],
                &doc["controller"]["representative"]["email"],
            ] {
                assert!(
                    email.as_str().is_some_and(|e| e.contains('@')),
                    "{name}: {email}"
                );
            }
            let country = doc["controller"]["country"].as_str().expect("country");
            assert!(country.len() == 2 && country.chars().all(|c| c.is_ascii_uppercase()));
            let disclosed = doc["dataDisclosed"].as_array().expect("dataDisclosed");
            assert_eq!(disclosed.len(), n.data_categories().len(), "{name}");
            for d in disclosed {
                for key in TILT_DISCLOSED {
                    assert!(
                        d.get(key).is_some(),
                        "{name}: dataDisclosed/{key} is required"
                    );
                }
                for b in d["legalBases"].as_array().expect("legalBases") {
                    let r = b["reference"].as_str().expect("reference");
                    assert!(
                        reference.is_match(r) && r.starts_with("GDPR-"),
                        "{name}: {r}"
                    );
                }
                for s in d["storage"].as_array().expect("storage") {
                    assert!(
                        s["temporal"][0]["ttl"]
                            .as_str()
                            .is_some_and(|t| t.starts_with('P'))
                    );
                }
            }
        }
    }
    assert_eq!(
        files.len(),
        1 + documents,
        "one document per notice and language"
    );
}

#[test]
fn export_refuses_notices_with_errors_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp");
    let notices = dir.path().join("notices");
    std::fs::create_dir(&notices).expect("mkdir");
    let base =
        std::fs::read_to_string(root().join("tests/fixtures/rules/base.toml")).expect("base");
    std::fs::write(
        notices.join("n.toml"),
        base.replacen("legal_basis = \"consent\"", "legal_basis = \"consnet\"", 1),
    )
    .expect("write");
    let out = dir.path().join("out");
    let o = seloste(
        &root(),
        &[
            "export",
            notices.to_str().expect("utf-8"),
            "--out",
            out.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", output(&o));
    assert!(output(&o).contains("nothing was exported"));
    assert!(!out.exists());
}
