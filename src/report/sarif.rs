//! SARIF 2.1.0: one JSON document with every rule of the registry and one
//! result per diagnostic, for code-scanning services (GitHub code scanning,
//! GitLab, Azure DevOps) and editors. The layout is documented in
//! `docs/diagnostics.md`. Results keep the order of the diagnostics, and
//! object keys are sorted, so the same input gives the same bytes.

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

use serde_json::{Map, Value, json};

use super::json::location;
use crate::diagnostic::Rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::registry;
use crate::source::{SourceMap, Span};

/// The schema every SARIF document names.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The SARIF version written.
pub const VERSION: &str = "2.1.0";

/// SARIF's name for a severity.
pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
        Severity::Allow => "none",
    }
}

/// A path as a URI reference: forward slashes, relative paths kept relative
/// (as given on the command line), absolute paths as `file:` URIs, and
/// every byte that may not appear in a URI percent-encoded.
pub fn uri(path: &str) -> String {
    let slashed = path.replace('\\', "/");
    let absolute = Path::new(path).is_absolute();
    let mut out = String::with_capacity(slashed.len() + 8);
    if absolute {
        out.push_str("file://");
        if !slashed.starts_with('/') {
            out.push('/');
        }
    }
    for b in slashed.bytes() {
        // A `:` in a relative reference would read as a scheme; it is kept
        // only in absolute paths (`file:///C:/...`).
        let safe = b.is_ascii_alphanumeric()
            || b"-._~/!$&'()*+,;=@".contains(&b)
            || (b == b':' && absolute);
        if safe {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// The `reportingDescriptor` of one rule.
fn descriptor(r: &Rule) -> Value {
    let mut properties = Map::new();
    if r.article != "-" {
        properties.insert("article".into(), r.article.into());
    }
    json!({
        "id": r.code,
        "name": r.name,
        "shortDescription": { "text": r.summary },
        "fullDescription": { "text": r.explanation },
        "help": { "text": r.explanation },
        "defaultConfiguration": { "level": level(r.severity) },
        "properties": properties,
    })
}

/// A `physicalLocation` for `span`, with `label` as the region's message.
fn physical_location(sources: &SourceMap, span: &Span, label: Option<&str>) -> Value {
    let (file, line, column, end_line, end_column) = location(sources, span);
    let mut region = json!({
        "startLine": line,
        "startColumn": column,
        "endLine": end_line,
        "endColumn": end_column,
    });
    if let Some(label) = label {
        region["message"] = json!({ "text": label });
    }
    json!({
        "artifactLocation": { "uri": uri(&file) },
        "region": region,
    })
}

/// The `result` of one diagnostic.
pub fn result(d: &Diagnostic, sources: &SourceMap) -> Value {
    let mut r = json!({
        "ruleId": d.code.code,
        "level": level(d.severity),
        "message": { "text": super::message_with_help(d) },
        "locations": [{
            "physicalLocation": physical_location(sources, &d.span, d.label.as_deref()),
        }],
    });
    if let Some(i) = registry::RULES
        .iter()
        .position(|rule| rule.code == d.code.code)
    {
        r["ruleIndex"] = i.into();
    }
    if !d.secondary.is_empty() {
        r["relatedLocations"] = d
            .secondary
            .iter()
            .enumerate()
            .map(|(i, l)| {
                json!({
                    "id": i,
                    "physicalLocation": physical_location(sources, &l.span, None),
                    "message": { "text": l.message },
                })
            })
            .collect();
    }
    r
}

/// The whole SARIF log: one run of seloste with every rule and a result for
/// each diagnostic.
pub fn document(diagnostics: &[Diagnostic], sources: &SourceMap) -> Value {
    let mut driver = json!({
        "name": "seloste",
        "version": env!("CARGO_PKG_VERSION"),
        "rules": registry::RULES.iter().map(|e| descriptor(e.rule)).collect::<Vec<_>>(),
    });
    let information = [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|u| !u.is_empty());
    if let Some(u) = information {
        driver["informationUri"] = u.into();
    }
    json!({
        "$schema": SCHEMA,
        "version": VERSION,
        "runs": [{
            "tool": { "driver": driver },
            // Columns count characters, as in the other formats.
            "columnKind": "unicodeCodePoints",
            "results": diagnostics.iter().map(|d| result(d, sources)).collect::<Vec<_>>(),
        }],
    })
}

/// Writes the SARIF log as one pretty-printed JSON document.
pub fn print_sarif(
    out: &mut impl Write,
    diagnostics: &[Diagnostic],
    sources: &SourceMap,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &document(diagnostics, sources))?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_follow_sarif_names() {
        assert_eq!(level(Severity::Error), "error");
        assert_eq!(level(Severity::Warning), "warning");
        assert_eq!(level(Severity::Info), "note");
    }

    #[test]
    fn uris_use_forward_slashes_and_stay_relative() {
        assert_eq!(uri("./school.toml"), "./school.toml");
        assert_eq!(uri("notices\\school.toml"), "notices/school.toml");
        assert_eq!(uri("my notices/ä.toml"), "my%20notices/%C3%A4.toml");
        assert_eq!(uri("a:b.toml"), "a%3Ab.toml");
        if cfg!(unix) {
            assert_eq!(uri("/srv/n#1.toml"), "file:///srv/n%231.toml");
        }
    }

    #[test]
    fn every_rule_is_described_without_results() {
        let doc = document(&[], &SourceMap::default());
        assert_eq!(doc["version"], VERSION);
        assert_eq!(doc["$schema"], SCHEMA);
        let rules = doc["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .expect("rules");
        assert_eq!(rules.len(), registry::RULES.len());
        assert_eq!(doc["runs"][0]["results"], json!([]));
    }

    #[test]
    fn results_point_at_the_span_and_related_labels() {
        let mut sources = SourceMap::default();
        let id = sources.add("n.toml".into(), "a = 1\nbb = 2\n".into());
        let start = sources.get(id).start;
        let d = Diagnostic::new(crate::lint::gdpr::G003, start + 6..start + 8, "no DPO")
            .label("here")
            .help("add [dpo]")
            .secondary(start..start + 1, "first");
        let r = result(&d, &sources);
        let g003 = registry::RULES.iter().position(|r| r.code == "G003");
        assert_eq!(r["ruleIndex"], json!(g003));
        assert_eq!(r["level"], "error");
        assert_eq!(r["message"]["text"], "no DPO\nhelp: add [dpo]");
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "n.toml");
        assert_eq!(
            loc["region"],
            json!({"startLine": 2, "startColumn": 1, "endLine": 2, "endColumn": 3,
                   "message": {"text": "here"}})
        );
        let related = &r["relatedLocations"][0];
        assert_eq!(related["message"]["text"], "first");
        assert_eq!(related["physicalLocation"]["region"]["startLine"], 1);
    }
}
