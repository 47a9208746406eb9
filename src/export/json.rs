//! The resolved notice as JSON, with its JSON Schema.
//!
//! One document per notice holds what is the same in every language (ids,
//! codes of the closed lists, countries, dates, ISO 8601 durations, the
//! rights that apply) and, under `texts`, the notice in each of its
//! languages as the renderer resolves it: the official wording of each
//! legal basis with its article, the derived rights, the supervisory
//! authority, dates and periods written out. Prose is sanitised CommonMark,
//! as in the Markdown pages. Presentation (links between pages, section
//! numbers, branding) is left out.
//!
//! The document names its format and version (`format`, `format_version`);
//! a change that could break a reader raises the version. The schema is
//! generated from the types here and in `render::view` (their `///` lines
//! are its descriptions); `schema/export.schema.json` is a copy a test
//! keeps equal to it.

use std::collections::BTreeMap;

use anyhow::Context;
use schemars::JsonSchema;
use serde::Serialize;

use crate::model::format::Code;
use crate::model::{Lang, Notice, SupervisoryAuthority};
use crate::render::locale::Locales;
use crate::render::resolve::{Format, Resolver};
use crate::render::view::NoticeView;

/// The value of `format` in every export.
pub const FORMAT: &str = "seloste-notice";
/// The version of the export format; raised when a change could break a
/// reader.
pub const FORMAT_VERSION: u32 = 1;

/// A privacy notice as resolved by seloste (format `seloste-notice`).
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(title = "seloste notice export", deny_unknown_fields)]
pub struct Export {
    /// Always `seloste-notice`.
    #[schemars(extend("const" = "seloste-notice"))]
    pub format: &'static str,
    /// The version of this format: 1.
    #[schemars(extend("const" = 1))]
    pub format_version: u32,
    /// The seloste that wrote it.
    pub generator: String,
    /// The notice's id (kebab-case).
    pub id: String,
    /// The notice's version.
    pub version: Option<String>,
    /// Date of the last update, ISO 8601.
    pub updated: Option<String>,
    /// The languages the notice is published in, the first is primary.
    pub languages: Vec<String>,
    /// `data-subject` (Art. 13), `other-sources` (Art. 14) or `both`.
    pub collected_from: Option<String>,
    /// Whether the controller is a public authority or body.
    pub public_authority: bool,
    /// The supervisory authority of the complaint section: `FI` or `SE`.
    pub supervisory_authority: String,
    /// The controller's country, ISO 3166-1 alpha-2.
    pub controller_country: Option<String>,
    pub purposes: Vec<PurposeFacts>,
    pub data_categories: Vec<CategoryFacts>,
    pub recipients: Vec<RecipientFacts>,
    pub transfers: Vec<TransferFacts>,
    pub retention: Vec<RetentionFacts>,
    /// The rights of the data subject as seloste derives them from the
    /// legal bases (the right to object and the right to lodge a complaint
    /// included).
    pub rights: Vec<RightFacts>,
    /// Whether automated decisions under Art. 22 are made; absent when the
    /// notice does not say.
    pub automated_decisions: Option<bool>,
    /// The notice in each of its languages, by language code.
    #[schemars(with = "BTreeMap<String, NoticeView>")]
    pub texts: BTreeMap<String, serde_json::Value>,
}

/// A purpose and its legal basis.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PurposeFacts {
    pub id: Option<String>,
    /// The Art. 6(1) basis: consent, contract, legal-obligation,
    /// vital-interests, public-task, legitimate-interests.
    pub legal_basis: Option<String>,
    /// The Art. 9(2) condition, when special categories are processed.
    pub special_category_condition: Option<String>,
}

/// A category of personal data.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CategoryFacts {
    pub id: Option<String>,
    /// The Art. 9(1) special category, if it is one.
    pub special_category: Option<String>,
    /// Data on criminal convictions and offences (Art. 10).
    pub criminal_offences: bool,
    /// Ids of the data-subject groups concerned.
    pub subjects: Vec<String>,
    /// Ids of the purposes that process it.
    pub purposes: Vec<String>,
}

/// A recipient or category of recipients.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RecipientFacts {
    pub id: Option<String>,
    /// processor, controller, joint-controller or authority.
    pub role: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Outside the EU/EEA.
    pub third_country: bool,
    /// Ids of the data categories disclosed.
    pub categories: Vec<String>,
}

/// A transfer to a third country.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct TransferFacts {
    pub id: Option<String>,
    /// Id of the recipient.
    pub recipient: Option<String>,
    /// ISO 3166-1 alpha-2; absent when the notice says it is not known.
    pub country: Option<String>,
    /// The Art. 45-49 mechanism.
    pub mechanism: Option<String>,
}

/// A storage period.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RetentionFacts {
    pub id: Option<String>,
    /// Ids of the data categories or purposes it applies to.
    pub applies_to: Vec<String>,
    /// ISO 8601 duration, e.g. P2Y.
    pub period: Option<String>,
}

/// A right of the data subject, as derived.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RightFacts {
    /// access, rectification, erasure, restriction, portability, object,
    /// withdraw-consent, automated-decisions, complaint.
    pub id: String,
    /// False for a right shown only to say it does not apply (erasure when
    /// every purpose is a legal obligation or public task).
    pub applies: bool,
}

fn code<C: Code>(c: &Option<crate::model::Located<C>>) -> Option<String> {
    c.as_ref().map(|c| c.value.code_str().to_string())
}

fn ids(list: &[crate::model::Id]) -> Vec<String> {
    list.iter().map(|i| i.value.clone()).collect()
}

/// The notice resolved in `lang` for data: the Markdown rendering's texts,
/// without presentation.
pub fn resolve(locales: &Locales, n: &Notice, lang: &Lang) -> anyhow::Result<NoticeView> {
    let resolver = Resolver {
        locales,
        lang,
        format: Format::Md,
    };
    resolver
        .notice(n, &[], &[])
        .with_context(|| format!("notice {} ({lang})", n.id_str()))
}

/// Fields of a view that are about pages, not the notice: links between
/// the pages of a site, section numbers, a customer's look.
const PRESENTATION: &[&str] = &[
    "format",
    "alternates",
    "formats",
    "sections",
    "brand_colour",
    "logo",
];

fn without_presentation(view: &NoticeView) -> anyhow::Result<serde_json::Value> {
    let mut value = serde_json::to_value(view)?;
    if let Some(map) = value.as_object_mut() {
        for key in PRESENTATION {
            map.remove(*key);
        }
    }
    Ok(value)
}

/// The export of `n` in `languages` (the notice's, for a build: those it
/// is built in).
pub fn export(locales: &Locales, n: &Notice, languages: &[Lang]) -> anyhow::Result<Export> {
    let mut texts = BTreeMap::new();
    let mut views = Vec::new();
    for lang in languages {
        let view = resolve(locales, n, lang)?;
        texts.insert(lang.to_string(), without_presentation(&view)?);
        views.push(view);
    }
    let first = views.first();
    let rights = first
        .map(|v| {
            v.rights
                .iter()
                .chain(&v.objection)
                .map(|r| RightFacts {
                    id: r.id.clone(),
                    applies: r.applies,
                })
                .chain([RightFacts {
                    id: "complaint".to_string(),
                    applies: true,
                }])
                .collect()
        })
        .unwrap_or_default();
    Ok(Export {
        format: FORMAT,
        format_version: FORMAT_VERSION,
        generator: format!("seloste {}", env!("CARGO_PKG_VERSION")),
        id: n.id_str().to_string(),
        version: n.version.as_ref().map(|v| v.value.clone()),
        updated: n.updated.as_ref().map(|d| d.value.to_string()),
        languages: languages.iter().map(|l| l.to_string()).collect(),
        collected_from: code(&n.collected_from),
        public_authority: n.is_public_authority(),
        supervisory_authority: n
            .supervisory_authority
            .as_ref()
            .map_or(SupervisoryAuthority::Finland, |a| a.value)
            .code_str()
            .to_string(),
        controller_country: n
            .controller
            .as_ref()
            .and_then(|c| c.country.as_ref())
            .map(|c| c.value.as_str().to_string()),
        purposes: n
            .purposes()
            .iter()
            .map(|p| PurposeFacts {
                id: p.id.as_ref().map(|i| i.value.clone()),
                legal_basis: code(&p.legal_basis),
                special_category_condition: code(&p.special_category_condition),
            })
            .collect(),
        data_categories: n
            .data_categories()
            .iter()
            .map(|c| CategoryFacts {
                id: c.id.as_ref().map(|i| i.value.clone()),
                special_category: code(&c.special_category),
                criminal_offences: c.criminal_offences.as_ref().is_some_and(|f| f.value),
                subjects: ids(&c.subjects),
                purposes: ids(&c.purposes),
            })
            .collect(),
        recipients: n
            .recipients()
            .iter()
            .map(|r| RecipientFacts {
                id: r.id.as_ref().map(|i| i.value.clone()),
                role: code(&r.role),
                country: r.country.as_ref().map(|c| c.value.as_str().to_string()),
                third_country: r.country.as_ref().is_some_and(|c| !c.value.in_eea()),
                categories: ids(&r.categories),
            })
            .collect(),
        transfers: n
            .transfers
            .iter()
            .map(|t| TransferFacts {
                id: t.id.as_ref().map(|i| i.value.clone()),
                recipient: t.recipient.as_ref().map(|i| i.value.clone()),
                country: t.country.as_ref().map(|c| c.value.as_str().to_string()),
                mechanism: t
                    .mechanism
                    .as_ref()
                    .and_then(|m| m.value.first())
                    .map(|m| m.value.code_str().to_string()),
            })
            .collect(),
        retention: n
            .retention()
            .iter()
            .map(|r| RetentionFacts {
                id: r.id.as_ref().map(|i| i.value.clone()),
                applies_to: ids(&r.applies_to),
                period: r.period.as_ref().map(|p| p.value.to_string()),
            })
            .collect(),
        rights,
        automated_decisions: n
            .automated_decisions
            .as_ref()
            .and_then(|a| a.used.as_ref())
            .map(|u| u.value),
        texts,
    })
}

/// `<lang>/<id>.json` beside each page of a site or bundle: the notice's
/// facts with its texts in that language (`build --format json`).
pub fn beside_pages(
    locales: &crate::render::locale::Locales,
    notices: &[crate::model::Notice],
    selection: &crate::render::Selection,
    defaults: &[Lang],
) -> anyhow::Result<Vec<crate::render::RenderedFile>> {
    let mut files = Vec::new();
    for n in notices {
        let langs = crate::render::Renderer::languages_of(n, selection, defaults);
        for lang in &langs {
            let mut export = export(locales, n, std::slice::from_ref(lang))?;
            // Every language it is published in, though only this one's texts.
            export.languages = langs.iter().map(|l| l.to_string()).collect();
            files.push(crate::render::RenderedFile {
                path: format!("{lang}/{}.json", n.id_str()),
                contents: to_bytes(&export)?,
                shared: Vec::new(),
            });
        }
    }
    Ok(files)
}

/// `export` as pretty-printed JSON, with a final newline.
pub fn to_bytes(export: &Export) -> anyhow::Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec_pretty(export)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// The JSON Schema (draft-07) of the export, as `seloste schema --export`
/// prints it and `schema/export.schema.json` holds it.
pub fn schema_text() -> String {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let mut schema = generator.into_root_schema_for::<Export>();
    schema.insert(
        "$id".to_string(),
        serde_json::Value::String(format!("urn:seloste:schema:export:{FORMAT_VERSION}")),
    );
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
