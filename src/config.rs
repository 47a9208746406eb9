//! Project configuration: `seloste.toml`.
//!
//! Read with the same strict reader as notices, so an unknown or misspelt
//! key is an error with a suggestion rather than a silently ignored setting.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::Overrides;
use crate::lint::registry;
use crate::load::decode::Decoder;
use crate::model::Lang;
use crate::source::{FileId, SourceMap};

pub const FILE_NAME: &str = "seloste.toml";

#[derive(Debug, Default, Clone)]
pub struct Config {
    /// Languages for notices that do not list their own.
    pub languages: Vec<Lang>,
    /// Rule severities, by code.
    pub rules: Overrides,
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

/// Reads `path` if it exists. Problems are diagnostics against the file.
pub fn load(
    path: &Path,
    sources: &mut SourceMap,
    required: bool,
) -> Result<(Config, Vec<Diagnostic>), String> {
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
    Ok(parse(file, source.start, &source.text))
}

/// Parses a configuration whose text starts at global offset `base`.
pub fn parse(file: FileId, base: usize, text: &str) -> (Config, Vec<Diagnostic>) {
    let mut config = Config::default();
    let (root, errors) = toml::de::DeTable::parse_recoverable(text.trim_start_matches('\u{feff}'));
    if !errors.is_empty() {
        let offset = text.len() - text.trim_start_matches('\u{feff}').len();
        let diags = errors
            .into_iter()
            .map(|e| {
                let span = e.span().map_or(base..base, |s| {
                    base + s.start + offset..base + s.end + offset
                });
                Diagnostic::new("L001", span, format!("TOML syntax error: {}", e.message()))
            })
            .collect();
        return (config, diags);
    }
    let root = toml::Spanned::new(0..0, toml::de::DeValue::Table(root.into_inner()));
    let mut d = Decoder::new(file, base);
    if let Some(mut t) = d.table(&root, "seloste.toml") {
        if let Some(v) = t.get("languages")
            && let Some(langs) = d.array(v, "languages", |d, i| {
                d.code(i, "language", Lang::parse, Lang::SUPPORTED)
            })
        {
            config.languages = langs.value.into_iter().map(|l| l.value).collect();
        }
        if let Some(v) = t.get("rules")
            && d.table(v, "rules").is_some()
        {
            read_rules(&mut d, v, &mut config);
        }
        t.finish(&mut d, "seloste.toml");
    }
    (config, d.diagnostics)
}

fn read_rules(d: &mut Decoder, v: &crate::load::decode::Value<'_>, config: &mut Config) {
    let Some(entries) = v.get_ref().as_table() else {
        return;
    };
    let mut entries: Vec<_> = entries.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    let names: Vec<&str> = registry::RULES
        .iter()
        .flat_map(|r| [r.code, r.name])
        .collect();
    for (key, value) in entries {
        let Some(rule) = registry::lookup(key.get_ref()) else {
            let mut diag = Diagnostic::new(
                "L006",
                d.span(key.span()),
                format!("`{}` is not a rule", key.get_ref()),
            )
            .help("`seloste rules` lists every rule's code and name");
            if let Some(s) = crate::load::decode::did_you_mean(key.get_ref(), &names) {
                diag = diag.label(format!("did you mean `{s}`?"));
            }
            d.diagnostics.push(diag);
            continue;
        };
        let Some(level) = d.code(value, "severity", Severity::parse, Severity::NAMES) else {
            continue;
        };
        if !rule.configurable() {
            d.diagnostics.push(
                Diagnostic::new("L007", d.span(key.span()), format!("{} ({}) cannot be reconfigured", rule.code, rule.name))
                    .help("a file that cannot be read cannot be checked; loader errors always stay errors"),
            );
            continue;
        }
        config.rules.insert(rule.code, level.value);
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
        assert_eq!(c.rules.get("G007"), Some(&Severity::Allow));
        assert_eq!(c.rules.get("Q003"), Some(&Severity::Error));
    }

    #[test]
    fn unknown_keys_rules_and_levels_are_errors() {
        let (_, d) = parse(
            FileId(0),
            0,
            "langauges = []\n[rules]\nG999 = \"allow\"\nG007 = \"off\"\nL001 = \"allow\"\n",
        );
        let codes: Vec<_> = d.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["L006", "L007", "L007", "L006"]);
    }
}
