//! Linting: the GDPR Art. 13/14 rules and quality rules over a loaded notice.
//!
//! Rules read the model and report diagnostics; they never stop at the first
//! finding. The registry (`registry.rs`) is the one list of rules; the checks
//! live in `gdpr.rs` (what the law requires), `content.rs` (whether what is
//! there says something), `restrictions.rs` (limits to the rights),
//! `laws.rs` (the acts a notice cites, as dated data), `quality.rs`
//! (what makes a notice publishable), `facts.rs` (the languages of a text
//! state the same facts) and `plain.rs` (plain language, per language; both
//! with their words as data files per language). Severity overrides from
//! configuration are applied here, after every rule has run.

pub mod content;
pub mod customer;
pub mod facts;
pub mod gdpr;
pub mod laws;
pub mod phrases;
pub mod plain;
pub mod quality;
pub mod records;
pub mod registry;
pub mod restrictions;
pub mod retention;
pub mod since;
pub mod special;

/// The language data of the text rules (`facts/`, `plain/`), embedded by
/// `build.rs`: (file name, contents).
mod data {
    include!(concat!(env!("OUT_DIR"), "/lint_data.rs"));
}

use crate::bind::Q011;
use crate::diagnostic::{Diagnostic, Severity};
use crate::load::config::{Config, Readability};
use crate::load::decode::{L006, L007, did_you_mean};
use crate::model::format::{self, FieldPath, Kind};
use crate::model::{Lang, Located, Notice, Text};
use crate::source::Span;

/// What a rule sees: the notice, the languages it must be written in, and
/// where to put its findings.
pub struct Ctx<'a> {
    pub notice: &'a Notice,
    pub languages: &'a [Lang],
    /// Whether the project configuration supplies languages, so a notice
    /// without `languages` is fine.
    pub project_languages: bool,
    /// `[readability]` of the project configuration (rules Q021, Q022).
    pub readability: &'a Readability,
    diagnostics: Vec<Diagnostic>,
    /// Every localised text of the notice, walked once for all the rules
    /// that read them rather than once per rule (issue: fleet
    /// performance).
    texts: std::cell::OnceCell<Vec<(FieldPath, &'a Text)>>,
}

impl<'a> Ctx<'a> {
    pub fn new(
        notice: &'a Notice,
        languages: &'a [Lang],
        project_languages: bool,
        readability: &'a Readability,
    ) -> Ctx<'a> {
        Ctx {
            notice,
            languages,
            project_languages,
            readability,
            diagnostics: Vec::new(),
            texts: std::cell::OnceCell::new(),
        }
    }

    /// Every localised text of the notice, as [`texts`] lists them.
    pub fn texts(&self) -> Vec<(FieldPath, &'a Text)> {
        self.texts.get_or_init(|| texts(self.notice)).clone()
    }

    pub fn report(
        &mut self,
        code: crate::diagnostic::Code,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.diagnostics.push(Diagnostic::new(code, span, message));
        let last = self.diagnostics.len() - 1;
        &mut self.diagnostics[last]
    }
}

/// Builder-style helpers on a diagnostic that was already pushed.
pub trait Annotate {
    fn label(&mut self, s: impl Into<String>) -> &mut Self;
    fn help(&mut self, s: impl Into<String>) -> &mut Self;
    fn also(&mut self, span: Span, s: impl Into<String>) -> &mut Self;
}

impl Annotate for Diagnostic {
    fn label(&mut self, s: impl Into<String>) -> &mut Self {
        self.label = Some(s.into());
        self
    }
    fn help(&mut self, s: impl Into<String>) -> &mut Self {
        self.help = Some(s.into());
        self
    }
    fn also(&mut self, span: Span, s: impl Into<String>) -> &mut Self {
        self.secondary.push(crate::diagnostic::Label {
            span,
            message: s.into(),
        });
        self
    }
}

/// Severity overrides by rule code, from `seloste.toml`.
pub use crate::load::config::Overrides;

/// Resolves `[rules]` of `seloste.toml` (as read by the loader) into
/// `config.rules`: each key must name a rule, by code or name, whose
/// severity may be changed. Returns the problems, located in the file.
pub fn configure(config: &mut Config) -> Vec<Diagnostic> {
    let names: Vec<&str> = registry::RULES
        .iter()
        .flat_map(|r| [r.code, r.name])
        .collect();
    let mut problems = Vec::new();
    for setting in &config.rule_settings {
        let key = &setting.key;
        let Some(rule) = registry::lookup(&key.value) else {
            let mut diag = Diagnostic::new(
                L006,
                key.span.clone(),
                format!("`{}` is not a rule", key.value),
            )
            .help("`seloste rules` lists every rule's code and name");
            if let Some(s) = did_you_mean(&key.value, &names) {
                diag = diag.label(format!("did you mean `{s}`?"));
            }
            problems.push(diag);
            continue;
        };
        if let Some(why) = rule.fixed_because() {
            problems.push(
                Diagnostic::new(
                    L007,
                    key.span.clone(),
                    format!("{} ({}) cannot be reconfigured", rule.code, rule.name),
                )
                .help(why),
            );
            continue;
        }
        config.rules.insert(rule.code, setting.level.value);
    }
    problems
}

/// Runs every rule on one notice, with the default thresholds.
pub fn check(notice: &Notice, default_languages: &[Lang]) -> Vec<Diagnostic> {
    check_with(notice, default_languages, &Readability::new())
}

/// Runs every rule on one notice, with the readability thresholds of the
/// project configuration.
pub fn check_with(
    notice: &Notice,
    default_languages: &[Lang],
    readability: &Readability,
) -> Vec<Diagnostic> {
    let own = notice.language_list();
    let languages: &[Lang] = if own.is_empty() {
        default_languages
    } else {
        &own
    };
    let mut cx = Ctx::new(
        notice,
        languages,
        !default_languages.is_empty(),
        readability,
    );
    for rule in registry::RULES {
        if let Some(check) = rule.check {
            check(&mut cx);
        }
    }
    cx.diagnostics
}

/// Rules across notices: references from one notice to another.
pub fn check_project(notices: &[Notice]) -> Vec<Diagnostic> {
    let ids: Vec<&str> = notices
        .iter()
        .filter_map(|n| n.id.as_ref())
        .map(|i| i.value.as_str())
        .collect();
    let mut out = Vec::new();
    for n in notices {
        for r in &n.related {
            let Some(target) = &r.notice else { continue };
            if ids.contains(&target.value.as_str()) {
                continue;
            }
            let mut d = Diagnostic::new(
                Q011,
                target.span.clone(),
                format!("no notice has the id `{}`", target.value),
            )
            .help("`notice` in [[related]] names another notice of the project by its id; check the spelling or use `url`");
            d = match crate::load::decode::did_you_mean(&target.value, &ids) {
                Some(s) => d.label(format!("did you mean `{s}`?")),
                None => d.label("unknown notice"),
            };
            out.push(d);
        }
    }
    out
}

/// Applies configured severities and drops silenced diagnostics.
pub fn apply_overrides(diagnostics: &mut Vec<Diagnostic>, overrides: &Overrides) {
    for d in diagnostics.iter_mut() {
        if let Some(s) = overrides.get(d.code.code) {
            d.severity = *s;
        }
    }
    diagnostics.retain(|d| d.severity != Severity::Allow);
}

/// In a draft (`draft = true`), a placeholder left by `seloste new`
/// (`Q013`) is a warning, not an error: a draft is not published, so it
/// may be unfinished without stopping the build of the others. Runs after
/// [`apply_overrides`], and only lowers an error to a warning, so a
/// project that silenced the rule keeps it silent. A placeholder in a
/// fragment that a draft extends stays an error: other notices publish it.
pub fn soften_drafts(
    diagnostics: &mut [Diagnostic],
    notices: &[Notice],
    sources: &crate::source::SourceMap,
) {
    for d in diagnostics.iter_mut() {
        if d.code != quality::Q013 || d.severity != Severity::Error {
            continue;
        }
        let file = sources.file_of(d.span.start);
        let draft = notices.iter().find(|n| n.is_draft() && n.file == file);
        if let Some(flag) = draft.and_then(|n| n.draft.as_ref()) {
            d.severity = Severity::Warning;
            d.secondary.push(crate::diagnostic::Label {
                span: flag.span.clone(),
                message: "a draft: placeholders are warnings until this is removed".into(),
            });
        }
    }
}

/// The rules whose findings at one language's text mean that the text's
/// facts disagree with the notice's first language (`seloste status`).
pub const DISAGREEMENT_RULES: &[crate::diagnostic::Code] = &[facts::Q019];

/// Every localised text of a notice, with where it is: the text rules
/// (Q002, Q009, Q013, Q016) see every text field of the format, because
/// the walk follows the format's declaration (`model/format.rs`).
pub fn texts(n: &Notice) -> Vec<(FieldPath, &Text)> {
    format::texts(n)
}

/// Every e-mail address of a notice.
pub fn emails(n: &Notice) -> Vec<&Located<String>> {
    let found = format::strings_of(n, |k| matches!(k, Kind::Email));
    found.into_iter().map(|(_, s)| s).collect()
}

/// Every web address of a notice.
pub fn urls(n: &Notice) -> Vec<&Located<String>> {
    let found = format::strings_of(n, |k| matches!(k, Kind::Url));
    found.into_iter().map(|(_, s)| s).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configuration_names_rules_by_code_or_name_and_cannot_change_fixed_ones() {
        let (mut config, d) = crate::load::config::parse(
            FileId(0),
            0,
            "[rules]\nG007 = \"allow\"\nvague-retention = \"error\"\nG999 = \"allow\"\nL001 = \"allow\"\nQ012 = \"warning\"\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let problems = configure(&mut config);
        let found: Vec<(&str, &str)> = problems
            .iter()
            .map(|p| (p.code.code, p.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("L006", "`G999` is not a rule"),
                ("L007", "L001 (toml-syntax) cannot be reconfigured"),
                ("L007", "Q012 (invalid-id) cannot be reconfigured"),
            ]
        );
        assert_eq!(problems[0].label.as_deref(), Some("did you mean `G009`?"));
        assert_eq!(
            config.rules.into_iter().collect::<Vec<_>>(),
            [("G007", Severity::Allow), ("Q003", Severity::Error)]
        );
    }
    use crate::source::FileId;

    const VALID: &str = include_str!("../../tests/fixtures/cli/valid.toml");

    fn codes(source: &str) -> Vec<&'static str> {
        let loaded = crate::load::load_bytes(FileId(0), 0, source.as_bytes());
        let mut diags = loaded.diagnostics;
        if let Some(n) = &loaded.document {
            diags.extend(check(n, &[]));
        }
        let mut codes: Vec<_> = diags.iter().map(|d| d.code.code).collect();
        codes.sort();
        codes
    }

    #[test]
    fn the_valid_fixture_is_clean() {
        assert_eq!(codes(VALID), Vec::<&str>::new());
    }

    /// Regression: a typo in a value was also reported as a missing item.
    #[test]
    fn an_invalid_value_is_not_also_reported_missing() {
        let typo = VALID.replace(
            "legal_basis = \"public-task\"",
            "legal_basis = \"public-tsak\"",
        );
        assert_eq!(codes(&typo), ["L007"]);
        let date = VALID.replace("updated = 2026-11-21", "updated = \"2026-02-30\"");
        assert_eq!(codes(&date), ["Q007"]);
        let origin = VALID.replace("collected_from = \"both\"", "collected_from = 3");
        assert_eq!(codes(&origin), ["L005"]);
    }

    /// Regression: `supervisory_authority = "SE"` went unnoticed when the
    /// controller had no country, although Finland is then the default.
    #[test]
    fn authority_is_compared_with_the_default_country() {
        let se = VALID.replace(
            "collected_from = \"both\"",
            "collected_from = \"both\"\nsupervisory_authority = \"SE\"",
        );
        assert_eq!(codes(&se), ["G020"]);
    }

    #[test]
    fn related_notices_must_exist() {
        let mut a = crate::load::load_bytes(FileId(0), 0, VALID.as_bytes())
            .document
            .expect("loads");
        a.related.push(crate::model::Related {
            notice: Some(crate::model::Located::new(
                "example-schol-register".into(),
                0..0,
            )),
            ..Default::default()
        });
        let d = check_project(&[a]);
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].label.as_deref(),
            Some("did you mean `example-school-register`?")
        );
    }
}
