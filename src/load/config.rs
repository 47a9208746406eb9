//! Project configuration: `seloste.toml`.
//!
//! Read with the same strict reader as notices, so an unknown or misspelt
//! key is an error with a suggestion rather than a silently ignored setting.

use std::path::{Path, PathBuf};

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Severity};
use crate::load::decode::Decoder;
use crate::load::decode::L007;
use crate::model::{Lang, Located, SupervisoryAuthority};
use crate::source::{FileId, SourceMap};

/// Severity overrides by rule code.
pub type Overrides = BTreeMap<&'static str, Severity>;

/// One line of `[rules]` as written: a rule's code or name and a level.
/// Which rules exist is the lint stage's business: it resolves these into
/// [`Config::rules`] (`lint::configure`).
#[derive(Debug, Clone)]
pub struct RuleSetting {
    pub key: Located<String>,
    pub level: Located<Severity>,
}

/// `[readability.<lang>]` as written: thresholds of the plain-language
/// rules (Q021, Q022) that replace the defaults of the language's data file
/// (`src/lint/plain/<lang>.toml`).
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct ReadabilitySetting {
    /// LIX above which a prose text is hard to read.
    pub text_lix: Option<f64>,
    /// LIX above which the notice as a whole is hard to read.
    pub notice_lix: Option<f64>,
    /// Words above which a sentence is long.
    pub sentence_words: Option<usize>,
    /// Words from which a text gets a LIX of its own.
    pub min_words: Option<usize>,
}

/// `[readability]` by language code.
pub type Readability = BTreeMap<String, ReadabilitySetting>;

pub const FILE_NAME: &str = "seloste.toml";

#[derive(Debug, Default, Clone)]
pub struct Config {
    /// Languages for notices that do not list their own.
    pub languages: Vec<Lang>,
    /// Rule severities, by code, once `lint::configure` has resolved
    /// [`Config::rule_settings`].
    pub rules: Overrides,
    /// `[rules]` as written.
    pub rule_settings: Vec<RuleSetting>,
    /// `[readability]`: thresholds of the plain-language rules, by language.
    pub readability: Readability,
    /// The supervisory authority for notices that name none (`build` and
    /// `bundle`; a notice's or customer's own `supervisory_authority` wins).
    pub supervisory_authority: Option<SupervisoryAuthority>,
    /// The notice (or, for `bundle`, service) sources when a command is
    /// given no paths.
    pub notices: Option<PathBuf>,
    /// Output folder of `build` when `--out` is not given.
    pub out: Option<PathBuf>,
    /// Template folder when `--templates` is not given.
    pub templates: Option<PathBuf>,
    /// Customer folder of `bundle` when `--customers` is not given.
    pub customers: Option<PathBuf>,
    /// Output folder of `bundle` when `--out` is not given.
    pub bundles: Option<PathBuf>,
    /// `[branding]`: the organisation's logo and colour on the pages
    /// `build` writes (a customer's own branding serves `bundle`). The logo
    /// is read, and both are checked, by `project::check`.
    pub branding: Option<crate::model::Branding>,
}

impl Config {
    /// The folders as they are written in the file are relative to the file's
    /// own folder; `dir` is that folder.
    fn resolve_paths(&mut self, dir: &Path) {
        if dir.as_os_str().is_empty() {
            return;
        }
        for p in [
            &mut self.notices,
            &mut self.out,
            &mut self.templates,
            &mut self.customers,
            &mut self.bundles,
        ]
        .into_iter()
        .flatten()
        {
            if p.is_relative() {
                *p = dir.join(&*p);
            }
        }
    }
}

/// Loads the project configuration: `config_path`, or `./seloste.toml`
/// when it exists. Its diagnostics go to `diagnostics`; a broken or
/// unreadable configuration is also recorded in `fatal` (exit code 2).
pub fn load_project(
    config_path: Option<std::path::PathBuf>,
    sources: &mut SourceMap,
    diagnostics: &mut Vec<Diagnostic>,
    fatal: &mut Vec<String>,
) -> Config {
    let required = config_path.is_some();
    let path = config_path.unwrap_or_else(|| std::path::PathBuf::from(FILE_NAME));
    match load(&path, sources, required) {
        Ok((config, diags)) => {
            if !diags.is_empty() {
                fatal.push(format!("{} has errors", path.display()));
            }
            diagnostics.extend(diags);
            config
        }
        Err(e) => {
            fatal.push(e);
            Config::default()
        }
    }
}

/// Applies the project's defaults to notices that do not set their own:
/// the supervisory authority. (Languages are applied where rules and
/// renderers ask for them.)
pub fn apply_defaults(notices: &mut [crate::model::Notice], config: &Config) {
    let Some(authority) = config.supervisory_authority else {
        return;
    };
    for n in notices {
        if n.supervisory_authority.is_none()
            && !n.was_invalid(n.span.start, "supervisory_authority")
        {
            n.supervisory_authority = Some(crate::model::Located::new(authority, n.span.clone()));
        }
    }
}

/// Reads `path` if it exists. Problems are diagnostics against the file.
pub fn load(
    path: &Path,
    sources: &mut SourceMap,
    required: bool,
) -> Result<(Config, Vec<Diagnostic>), String> {
    // Only a regular file: a FIFO named seloste.toml would block forever.
    if let Ok(m) = std::fs::metadata(path)
        && !m.is_file()
    {
        return Err(format!("{}: not a regular file", path.display()));
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => {
            return Ok((Config::default(), Vec::new()));
        }
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let file = sources.add(path.to_path_buf(), text);
    let source = sources.get(file);
    let (mut config, diags) = parse(file, source.start, &source.text);
    config.resolve_paths(path.parent().unwrap_or(Path::new("")));
    Ok((config, diags))
}

/// The configuration without its diagnostics, for `watch`, which needs the
/// folders to watch before each build. A broken configuration is reported
/// by the build itself; here it counts as empty.
pub fn peek(config_path: Option<&Path>) -> Config {
    let path = config_path.unwrap_or(Path::new(FILE_NAME));
    match load(path, &mut SourceMap::default(), false) {
        Ok((config, diags)) if diags.is_empty() => config,
        _ => Config::default(),
    }
}

/// Parses a configuration whose text starts at global offset `base`.
pub fn parse(file: FileId, base: usize, text: &str) -> (Config, Vec<Diagnostic>) {
    let mut config = Config::default();
    let (root, errors) = toml::de::DeTable::parse_recoverable(text.trim_start_matches('\u{feff}'));
    if !errors.is_empty() {
        let trimmed = text.trim_start_matches('\u{feff}');
        let skipped = text.len() - trimmed.len();
        return (
            config,
            crate::load::syntax::diagnostics(trimmed, base, skipped, errors),
        );
    }
    let root = toml::Spanned::new(0..0, toml::de::DeValue::Table(root.into_inner()));
    let mut d = Decoder::new(file, base);
    if let Some(mut t) = d.table(&root, "seloste.toml") {
        if let Some(v) = t.get("languages")
            && let Some(langs) = d.unique_array(v, "languages", Lang::as_str, |d, i| {
                d.code(i, "language", Lang::parse, Lang::SUPPORTED)
            })
        {
            config.languages = langs.value.into_iter().map(|l| l.value).collect();
        }
        if let Some(v) = t.get("supervisory_authority")
            && let Some(a) = d.code(
                v,
                "supervisory authority",
                SupervisoryAuthority::from_code,
                &SupervisoryAuthority::codes(),
            )
        {
            config.supervisory_authority = Some(a.value);
        }
        let mut folder = |d: &mut Decoder, key: &'static str| {
            let v = t.get(key)?;
            let s = d.string(v)?;
            if s.value.trim().is_empty() {
                d.diagnostics.push(
                    Diagnostic::new(L007, s.span, format!("`{key}` is empty"))
                        .help("name a folder, e.g. `out = \"public\"`, or leave the key out"),
                );
                return None;
            }
            Some(PathBuf::from(s.value))
        };
        config.notices = folder(&mut d, "notices");
        config.out = folder(&mut d, "out");
        config.templates = folder(&mut d, "templates");
        config.customers = folder(&mut d, "customers");
        config.bundles = folder(&mut d, "bundles");
        if let Some(v) = t.get("rules")
            && d.table(v, "rules").is_some()
        {
            read_rules(&mut d, v, &mut config);
        }
        if let Some(v) = t.get("readability") {
            config.readability = read_readability(&mut d, v);
        }
        if let Some(v) = t.get("branding") {
            config.branding = read_branding(&mut d, v);
        }
        t.finish(&mut d, "seloste.toml");
    }
    (config, d.diagnostics)
}

/// `[branding]`: `logo` (a path relative to seloste.toml) and `colour`
/// (`#rrggbb`), as written; checked where customers' are.
fn read_branding(
    d: &mut Decoder,
    v: &crate::load::decode::Value<'_>,
) -> Option<crate::model::Branding> {
    let mut t = d.table(v, "branding")?;
    let mut b = crate::model::Branding {
        span: d.span(v.span()),
        ..Default::default()
    };
    if let Some(v) = t.get("logo") {
        b.logo = d.string(v);
    }
    if let Some(v) = t.get("colour") {
        b.colour = d.string(v);
    }
    t.finish(d, "branding");
    Some(b)
}

/// `[readability]`: a table per language (`[readability.fi]`), each with
/// any of the thresholds; a number that is not positive is an error.
fn read_readability(d: &mut Decoder, v: &crate::load::decode::Value<'_>) -> Readability {
    let mut out = Readability::new();
    let Some(mut t) = d.table(v, "readability") else {
        return out;
    };
    for &lang in Lang::SUPPORTED {
        let Some(v) = t.get(lang) else { continue };
        let what = format!("readability.{lang}");
        let Some(mut l) = d.table(v, &what) else {
            continue;
        };
        let mut number = |d: &mut Decoder, key: &'static str| -> Option<f64> {
            let v = l.get(key)?;
            let n = match v.get_ref() {
                toml::de::DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                    .ok()
                    .map(|n| n as f64),
                toml::de::DeValue::Float(f) => f.as_str().parse::<f64>().ok(),
                _ => None,
            };
            match n {
                Some(n) if n > 0.0 && n.is_finite() => Some(n),
                Some(_) => {
                    d.diagnostics.push(
                        Diagnostic::new(
                            L007,
                            d.span(v.span()),
                            format!("`{key}` must be more than 0"),
                        )
                        .help(format!("e.g. `{key} = {}`", example(key))),
                    );
                    None
                }
                None => {
                    d.diagnostics.push(
                        Diagnostic::new(
                            crate::load::decode::L005,
                            d.span(v.span()),
                            format!("expected a number, found {}", value_kind(v.get_ref())),
                        )
                        .label("not a number")
                        .help(format!(
                            "write a number without quotes, e.g. `{key} = {}`",
                            example(key)
                        )),
                    );
                    None
                }
            }
        };
        // Counts of words are whole numbers.
        let whole = |n: Option<f64>| n.map(|n| n.round().max(1.0) as usize);
        let setting = ReadabilitySetting {
            text_lix: number(d, "text_lix"),
            notice_lix: number(d, "notice_lix"),
            sentence_words: whole(number(d, "sentence_words")),
            min_words: whole(number(d, "min_words")),
        };
        l.finish(d, &what);
        out.insert(lang.to_string(), setting);
    }
    t.finish(d, "readability");
    out
}

/// An example value of a readability threshold, for help texts.
fn example(key: &str) -> &'static str {
    match key {
        "sentence_words" => "25",
        "min_words" => "40",
        _ => "55",
    }
}

fn value_kind(v: &toml::de::DeValue<'_>) -> &'static str {
    match v {
        toml::de::DeValue::String(_) => "a string",
        toml::de::DeValue::Boolean(_) => "a boolean",
        toml::de::DeValue::Datetime(_) => "a date-time",
        toml::de::DeValue::Array(_) => "an array",
        toml::de::DeValue::Table(_) => "a table",
        toml::de::DeValue::Integer(_) | toml::de::DeValue::Float(_) => "a number",
    }
}

fn read_rules(d: &mut Decoder, v: &crate::load::decode::Value<'_>, config: &mut Config) {
    let Some(entries) = v.get_ref().as_table() else {
        return;
    };
    let mut entries: Vec<_> = entries.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    for (key, value) in entries {
        let Some(level) = d.code(value, "severity", Severity::parse, Severity::NAMES) else {
            continue;
        };
        config.rule_settings.push(RuleSetting {
            key: Located::new(key.get_ref().to_string(), d.span(key.span())),
            level,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_languages_and_rule_overrides_by_code_or_name() {
        let (c, d) = parse(
            FileId(0),
            0,
            "languages = [\"fi\", \"sv\"]\n[rules]\nG007 = \"allow\"\nvague-retention = \"error\"\n",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(c.languages.len(), 2);
        let rules: Vec<(&str, Severity)> = c
            .rule_settings
            .iter()
            .map(|r| (r.key.value.as_str(), r.level.value))
            .collect();
        assert_eq!(
            rules,
            [
                ("G007", Severity::Allow),
                ("vague-retention", Severity::Error)
            ]
        );
    }

    #[test]
    fn unknown_keys_and_levels_are_errors() {
        // Unknown rules (G999) and rules that cannot be reconfigured
        // (L001) are the lint stage's to report: see `lint::configure`.
        let (c, d) = parse(
            FileId(0),
            0,
            "langauges = []\n[rules]\nG999 = \"allow\"\nG007 = \"off\"\nL001 = \"allow\"\n",
        );
        let codes: Vec<_> = d.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["L007", "L006"]);
        assert_eq!(c.rule_settings.len(), 2);
    }

    #[test]
    fn a_language_listed_twice_is_an_error_and_kept_once() {
        let (c, d) = parse(FileId(0), 0, "languages = [\"fi\", \"sv\", \"fi\"]\n");
        let found: Vec<_> = d.iter().map(|d| (d.code.code, d.span.clone())).collect();
        assert_eq!(found, [("Q010", 25..29)]);
        assert_eq!(c.languages.len(), 2);
    }

    #[test]
    fn reads_folders_and_the_default_authority() {
        let (c, d) = parse(
            FileId(0),
            0,
            "out = \"public\"\ntemplates = \"layout\"\ncustomers = \"asiakkaat\"\n\
             bundles = \"dist/bundles\"\nsupervisory_authority = \"SE\"\nnotices = \"services\"\n",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(c.out.as_deref(), Some(Path::new("public")));
        assert_eq!(c.templates.as_deref(), Some(Path::new("layout")));
        assert_eq!(c.customers.as_deref(), Some(Path::new("asiakkaat")));
        assert_eq!(c.bundles.as_deref(), Some(Path::new("dist/bundles")));
        assert_eq!(c.notices.as_deref(), Some(Path::new("services")));
        assert_eq!(c.supervisory_authority, Some(SupervisoryAuthority::Sweden));
    }

    #[test]
    fn absent_keys_leave_the_defaults_to_the_commands() {
        let (c, d) = parse(FileId(0), 0, "languages = [\"fi\"]\n");
        assert!(d.is_empty(), "{d:?}");
        assert!(c.out.is_none() && c.templates.is_none() && c.notices.is_none());
        assert!(c.customers.is_none() && c.bundles.is_none());
        assert!(c.supervisory_authority.is_none());
    }

    #[test]
    fn wrong_folders_and_authorities_are_errors_with_suggestions() {
        let (_, d) = parse(
            FileId(0),
            0,
            "bundle = \"dist\"\nout = 3\ntemplates = \"\"\nsupervisory_authority = \"FIN\"\n",
        );
        let codes: Vec<_> = d.iter().map(|d| d.code).collect();
        // In the order the keys are read; unknown keys last.
        assert_eq!(codes, ["L007", "L005", "L007", "L006"], "{d:?}");
        assert_eq!(d[0].label.as_deref(), Some("did you mean `FI`?"));
        assert_eq!(d[3].label.as_deref(), Some("did you mean `bundles`?"));
    }

    #[test]
    fn folders_are_relative_to_the_configuration_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(FILE_NAME);
        std::fs::write(
            &path,
            "out = \"public\"\ncustomers = \"/abs/customers\"\nnotices = \"services\"\n",
        )
        .expect("write");
        let (c, d) = load(&path, &mut SourceMap::default(), true).expect("reads");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(c.out, Some(dir.path().join("public")));
        assert_eq!(c.customers, Some(PathBuf::from("/abs/customers")));
        assert_eq!(c.notices, Some(dir.path().join("services")));
        assert_eq!(peek(Some(&path)).out, Some(dir.path().join("public")));
        // The default file in the working directory keeps relative paths.
        let (mut c, _) = parse(FileId(0), 0, "out = \"public\"\n");
        c.resolve_paths(Path::new(""));
        assert_eq!(c.out.as_deref(), Some(Path::new("public")));
    }

    #[test]
    fn reads_readability_thresholds_by_language() {
        let (c, d) = parse(
            FileId(0),
            0,
            "[readability.fi]\ntext_lix = 62\nsentence_words = 20.4\n[readability.en]\nnotice_lix = 50.5\n",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(
            c.readability.get("fi"),
            Some(&ReadabilitySetting {
                text_lix: Some(62.0),
                sentence_words: Some(20),
                ..Default::default()
            })
        );
        assert_eq!(
            c.readability.get("en"),
            Some(&ReadabilitySetting {
                notice_lix: Some(50.5),
                ..Default::default()
            })
        );
        assert_eq!(c.readability.len(), 2);
    }

    #[test]
    fn wrong_readability_thresholds_are_errors() {
        let (c, d) = parse(
            FileId(0),
            0,
            "[readability]\nfi = { text_lix = 0, sentence_words = \"25\", min_word = 3 }\nde = {}\n",
        );
        let found: Vec<(&str, &str)> = d
            .iter()
            .map(|d| (d.code.code, d.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("L007", "`text_lix` must be more than 0"),
                ("L005", "expected a number, found a string"),
                ("L006", "unknown key `min_word` in readability.fi"),
                ("L006", "unknown key `de` in readability"),
            ]
        );
        assert_eq!(d[2].label.as_deref(), Some("did you mean `min_words`?"));
        assert_eq!(
            c.readability.get("fi"),
            Some(&ReadabilitySetting::default())
        );
    }

    #[test]
    fn a_broken_configuration_peeks_as_empty() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "out = 1\n").expect("write");
        assert!(peek(Some(&path)).out.is_none());
        assert!(peek(Some(&dir.path().join("missing.toml"))).out.is_none());
    }
}
