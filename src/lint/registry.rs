//! The rule registry: every diagnostic seloste can emit, in one list.
//!
//! Like clippy's and ruff's, each rule is one declaration (a stable code that
//! never changes meaning, a kebab-case name, a default severity, the article
//! it enforces, a one-line summary and the full explanation printed by
//! `seloste explain`), written with [`rule!`](crate::diagnostic::rule) next to
//! the code that reports it: the loader's rules in `load`, composition's in
//! `bind`, the GDPR rules in `gdpr.rs` above their checks, the quality rules
//! in `quality.rs`. This list gathers them for `rules`, `explain`, SARIF and
//! configuration, and pairs each rule that runs on a notice with its check.
//! A test holds it to the declarations: every `rule!` is listed once.
//!
//! Codes: `L` loading and structure, `G` GDPR Art. 13/14 content, `R` the record of
//! processing activities (Art. 30), `Q` quality.

use super::{Ctx, content, facts, gdpr, laws, plain, quality, restrictions, retention, special};
use crate::diagnostic::Code;
pub use crate::diagnostic::Rule;

pub type Check = fn(&mut Ctx<'_>);

/// One rule of the registry: the rule (declared next to the code that
/// reports it) and, for the rules that run on a notice, its check.
pub struct Entry {
    pub rule: Code,
    pub check: Option<Check>,
}

impl std::ops::Deref for Entry {
    type Target = Rule;

    fn deref(&self) -> &Rule {
        self.rule
    }
}

/// Every rule, in code order.
pub static RULES: &[Entry] = &[
    Entry {
        rule: crate::load::document::L001,
        check: None,
    },
    Entry {
        rule: crate::load::document::L002,
        check: None,
    },
    Entry {
        rule: crate::load::document::L003,
        check: None,
    },
    Entry {
        rule: crate::load::document::L004,
        check: None,
    },
    Entry {
        rule: crate::load::decode::L005,
        check: None,
    },
    Entry {
        rule: crate::load::decode::L006,
        check: None,
    },
    Entry {
        rule: crate::load::decode::L007,
        check: None,
    },
    Entry {
        rule: crate::load::L008,
        check: None,
    },
    Entry {
        rule: crate::bind::L009,
        check: None,
    },
    Entry {
        rule: crate::load::L010,
        check: None,
    },
    Entry {
        rule: crate::bind::L011,
        check: None,
    },
    Entry {
        rule: crate::lint::gdpr::G001,
        check: Some(gdpr::controller_identity),
    },
    Entry {
        rule: crate::lint::gdpr::G002,
        check: Some(gdpr::eu_representative),
    },
    Entry {
        rule: crate::lint::gdpr::G003,
        check: Some(gdpr::dpo_contact),
    },
    Entry {
        rule: crate::lint::gdpr::G004,
        check: Some(gdpr::purpose_legal_basis),
    },
    Entry {
        rule: crate::lint::gdpr::G005,
        check: Some(gdpr::legitimate_interests_stated),
    },
    Entry {
        rule: crate::lint::gdpr::G006,
        check: Some(gdpr::public_authority_legitimate_interests),
    },
    Entry {
        rule: crate::lint::gdpr::G007,
        check: Some(gdpr::legal_basis_law),
    },
    Entry {
        rule: crate::lint::gdpr::G008,
        check: Some(gdpr::special_category_condition),
    },
    Entry {
        rule: crate::lint::gdpr::G009,
        check: Some(gdpr::criminal_offence_data),
    },
    Entry {
        rule: crate::lint::gdpr::G010,
        check: Some(gdpr::data_categories),
    },
    Entry {
        rule: crate::lint::gdpr::G011,
        check: Some(gdpr::recipients_stated),
    },
    Entry {
        rule: crate::lint::gdpr::G012,
        check: Some(gdpr::third_country_recipient),
    },
    Entry {
        rule: crate::lint::gdpr::G013,
        check: Some(gdpr::transfer_mechanism),
    },
    Entry {
        rule: crate::lint::gdpr::G014,
        check: Some(gdpr::transfer_safeguard_copy),
    },
    Entry {
        rule: crate::lint::gdpr::G015,
        check: Some(gdpr::adequacy_decision),
    },
    Entry {
        rule: crate::lint::gdpr::G016,
        check: Some(gdpr::public_authority_derogation),
    },
    Entry {
        rule: crate::lint::gdpr::G017,
        check: Some(gdpr::storage_period),
    },
    Entry {
        rule: crate::lint::gdpr::G018,
        check: Some(gdpr::rights_exercise),
    },
    Entry {
        rule: crate::lint::gdpr::G019,
        check: Some(gdpr::consent_withdrawal),
    },
    Entry {
        rule: crate::lint::gdpr::G020,
        check: Some(gdpr::supervisory_authority),
    },
    Entry {
        rule: crate::lint::gdpr::G021,
        check: Some(gdpr::provision_requirement),
    },
    Entry {
        rule: crate::lint::gdpr::G022,
        check: Some(gdpr::automated_decisions_stated),
    },
    Entry {
        rule: crate::lint::gdpr::G023,
        check: Some(gdpr::automated_decisions_logic),
    },
    Entry {
        rule: crate::lint::gdpr::G024,
        check: Some(gdpr::data_sources),
    },
    Entry {
        rule: crate::lint::gdpr::G025,
        check: Some(gdpr::data_origin),
    },
    Entry {
        rule: crate::lint::gdpr::G026,
        check: Some(gdpr::open_controller),
    },
    Entry {
        rule: crate::lint::retention::G027,
        // Reported with Q003 by `retention::storage_period_wording`.
        check: None,
    },
    Entry {
        rule: crate::lint::retention::G028,
        // Reported with Q003 by `retention::storage_period_wording`.
        check: None,
    },
    Entry {
        rule: crate::lint::retention::G029,
        // Reported with Q003 by `retention::storage_period_wording`.
        check: None,
    },
    Entry {
        rule: crate::lint::retention::G030,
        // Reported with Q003 by `retention::storage_period_wording`.
        check: None,
    },
    Entry {
        rule: crate::lint::special::G031,
        check: Some(special::special_category_hint),
    },
    Entry {
        rule: crate::lint::laws::G033,
        check: Some(laws::repealed_act),
    },
    Entry {
        rule: crate::lint::laws::G034,
        check: Some(laws::repealed_act_in_prose),
    },
    Entry {
        rule: crate::lint::content::G035,
        check: Some(content::empty_item),
    },
    Entry {
        rule: crate::lint::content::G036,
        check: Some(content::public_authority_stated),
    },
    Entry {
        rule: crate::lint::content::G037,
        check: Some(content::service_dpo),
    },
    Entry {
        rule: crate::lint::content::G038,
        check: Some(content::transfer_country),
    },
    Entry {
        rule: crate::lint::content::G039,
        check: None,
    },
    Entry {
        rule: crate::lint::restrictions::G040,
        check: Some(restrictions::restrictions),
    },
    Entry {
        rule: crate::lint::restrictions::G041,
        check: None,
    },
    Entry {
        rule: crate::lint::records::R001,
        // The record rules run where a record is written (`records`,
        // `bundle`): `records::check`.
        check: None,
    },
    Entry {
        rule: crate::lint::records::R002,
        check: None,
    },
    Entry {
        rule: crate::lint::records::R003,
        check: None,
    },
    Entry {
        rule: crate::lint::quality::Q001,
        check: Some(quality::notice_metadata),
    },
    Entry {
        rule: crate::lint::quality::Q002,
        check: Some(quality::missing_translation),
    },
    Entry {
        rule: crate::lint::retention::Q003,
        // Also reports G027-G030: one reading of the storage periods.
        check: Some(retention::storage_period_wording),
    },
    Entry {
        rule: crate::lint::quality::Q004,
        check: Some(quality::invalid_email),
    },
    Entry {
        rule: crate::lint::quality::Q005,
        check: Some(quality::invalid_url),
    },
    Entry {
        rule: crate::load::decode::Q006,
        check: None,
    },
    Entry {
        rule: crate::load::decode::Q007,
        check: None,
    },
    Entry {
        rule: crate::load::decode::Q008,
        check: None,
    },
    Entry {
        rule: crate::lint::quality::Q009,
        check: Some(quality::unsafe_link),
    },
    Entry {
        rule: crate::load::decode::Q010,
        check: Some(quality::duplicate_id),
    },
    Entry {
        rule: crate::bind::Q011,
        check: Some(quality::unknown_reference),
    },
    Entry {
        rule: crate::lint::quality::Q012,
        check: Some(quality::invalid_id),
    },
    Entry {
        rule: crate::lint::quality::Q013,
        check: Some(quality::placeholder),
    },
    Entry {
        rule: crate::lint::since::Q014,
        check: None,
    },
    Entry {
        rule: crate::lint::customer::Q015,
        check: None,
    },
    Entry {
        rule: crate::lint::quality::Q016,
        check: Some(quality::control_characters),
    },
    Entry {
        rule: crate::lint::quality::Q017,
        check: Some(quality::markdown_nesting),
    },
    Entry {
        rule: crate::lint::quality::Q018,
        check: Some(quality::notice_version),
    },
    Entry {
        rule: crate::lint::facts::Q019,
        check: Some(facts::facts_agree),
    },
    Entry {
        rule: crate::lint::plain::Q020,
        check: Some(plain::plain_language),
    },
    Entry {
        rule: crate::lint::plain::Q021,
        check: None,
    },
    Entry {
        rule: crate::lint::plain::Q022,
        check: None,
    },
    Entry {
        rule: crate::lint::since::Q024,
        check: None,
    },
];

/// A rule by code (`G003`) or name (`dpo-contact`), case-insensitively.
pub fn lookup(key: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .find(|r| r.code.eq_ignore_ascii_case(key) || r.name.eq_ignore_ascii_case(key))
        .map(|e| e.rule)
}

/// A rule by its exact code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code).map(|e| e.rule)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every rule declared with `rule!` anywhere in `src/`, by code.
    fn declared() -> Vec<String> {
        let mut codes = Vec::new();
        let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        for e in walkdir::WalkDir::new(src) {
            let e = e.expect("walk src");
            if e.path().extension().is_none_or(|x| x != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(e.path()).expect("read");
            // Inside `rule! { ... }`, each rule starts with `    CODE "name"`.
            let mut inside = false;
            for line in text.lines() {
                if line.starts_with("rule! {") {
                    inside = true;
                } else if line == "}" {
                    inside = false;
                } else if inside
                    && let Some((code, rest)) = line.trim_start().split_once(' ')
                    && line.starts_with("    ")
                    && !line.starts_with("     ")
                    && rest.starts_with('"')
                    && code.len() == 4
                {
                    codes.push(code.to_string());
                }
            }
        }
        codes.sort();
        codes
    }

    #[test]
    fn every_declared_rule_is_listed_once_in_code_order() {
        // Loading first, then the law, the record, then quality: the order
        // of `rules`.
        let order = |c: &String| ("LGRQ".find(&c[..1]), c.clone());
        let listed: Vec<String> = RULES.iter().map(|r| r.code.to_string()).collect();
        let mut sorted = listed.clone();
        sorted.sort_by_key(order);
        sorted.dedup();
        assert_eq!(listed, sorted, "RULES is in code order, each once");
        let mut declared = declared();
        declared.sort_by_key(order);
        assert_eq!(listed, declared, "every `rule!` is in RULES");
    }

    #[test]
    fn names_are_unique_kebab_case() {
        let mut names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
        assert!(
            names
                .iter()
                .all(|n| n.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
        );
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(names.len(), before, "duplicate rule names");
    }
}
