//! `seloste rules` and `seloste explain`: the registry, for people and tools.

use std::io::Write;
use std::process::ExitCode;

use super::ReportFormat as Format;
use crate::lint::registry;
use crate::report;
use crate::source::SourceMap;

pub fn explain(key: &str) -> anyhow::Result<ExitCode> {
    let Some(rule) = registry::lookup(key) else {
        let names: Vec<&str> = registry::RULES
            .iter()
            .flat_map(|r| [r.code, r.name])
            .collect();
        let hint = crate::load::decode::did_you_mean(key, &names)
            .map(|s| format!(" (did you mean `{s}`?)"))
            .unwrap_or_default();
        anyhow::bail!("no rule `{key}`{hint}; `seloste rules` lists them all");
    };
    let mut out = anstream::stdout().lock();
    writeln!(out, "{} ({})", rule.code, rule.name)?;
    writeln!(out)?;
    writeln!(out, "{}", rule.summary)?;
    writeln!(out)?;
    if rule.article != "-" {
        writeln!(out, "Article:  GDPR {}", rule.article)?;
    }
    writeln!(out, "Severity: {} by default", rule.severity)?;
    writeln!(out)?;
    writeln!(out, "{}", rule.explanation)?;
    Ok(ExitCode::SUCCESS)
}

pub fn list(format: Format) -> anyhow::Result<ExitCode> {
    let mut out = anstream::stdout().lock();
    match format {
        Format::Human | Format::Json => {}
        Format::Sarif => {
            report::print_sarif(&mut out, &[], &SourceMap::default())?;
            return Ok(ExitCode::SUCCESS);
        }
        Format::Github => {
            anyhow::bail!(
                "`--format github` is only for `check`; `rules` prints human, json or sarif"
            )
        }
    }
    for r in registry::RULES {
        match format {
            Format::Human => writeln!(
                out,
                "{:<5} {:<38} {:<8} {}",
                r.code,
                r.name,
                r.severity,
                if r.article == "-" { "" } else { r.article }
            )?,
            Format::Json => writeln!(
                out,
                "{}",
                serde_json::json!({
                    "code": r.code, "name": r.name, "severity": r.severity.as_str(),
                    "article": (r.article != "-").then_some(r.article), "summary": r.summary,
                })
            )?,
            Format::Sarif | Format::Github => unreachable!("handled above"),
        }
    }
    Ok(ExitCode::SUCCESS)
}
