//! Special categories of data the notice does not declare: a data category
//! whose name or items speak of health, pupil welfare, religion, ethnic
//! origin, trade unions, biometrics, genetic data, sex life or politics
//! (the words, per language, are data: `phrases/special_categories.toml`).

use std::collections::BTreeMap;

use super::phrases::{self, SPECIAL_CATEGORIES};
use super::{Annotate, Ctx};
use crate::diagnostic::rule;
use crate::model::{DataCategory, Located, Notice, SpecialCategory, Text};

/// A word of a category's text that suggests a special category.
#[derive(Debug, Clone, PartialEq)]
pub struct Hint {
    pub category: SpecialCategory,
    /// The words as written in the text.
    pub found: String,
}

/// The special categories the words of `text` in `lang` (or in no
/// particular language) suggest, each once, with the first words found.
pub fn hints(text: &str, lang: Option<&str>) -> Vec<Hint> {
    let scanned = phrases::scan(text);
    let mut found: Vec<(std::ops::Range<usize>, SpecialCategory)> = Vec::new();
    for p in SPECIAL_CATEGORIES.of(lang) {
        found.extend(p.find_in(&scanned).into_iter().map(|r| (r, p.means.0)));
    }
    if found.is_empty() {
        return Vec::new();
    }
    let words = scanned.words();
    // The longer phrase says what the words are about: "poliittinen
    // vakaumus" is a political opinion, though "vakaumus" alone would be a
    // belief.
    let within = |a: &std::ops::Range<usize>, b: &std::ops::Range<usize>| {
        b.start <= a.start && a.end <= b.end && b.len() > a.len()
    };
    let mut kept: Vec<(usize, Hint)> = found
        .iter()
        .filter(|(r, _)| !found.iter().any(|(o, _)| within(r, o)))
        .map(|(r, category)| {
            let at = words[r.start].range.start;
            let end = words[r.end - 1].range.end;
            let found = text[at..end].to_string();
            (
                at,
                Hint {
                    category: *category,
                    found,
                },
            )
        })
        .collect();
    kept.sort_by_key(|(at, _)| *at);
    let mut out: Vec<Hint> = Vec::new();
    for (_, h) in kept {
        if !out.iter().any(|o| o.category == h.category) {
            out.push(h);
        }
    }
    out
}

/// The texts of a category that are searched: its name and its items, in
/// each language.
fn texts(c: &DataCategory) -> Vec<(Option<&str>, &Located<String>)> {
    let fields: [&Option<Text>; 2] = [&c.name, &c.items];
    let mut out: Vec<(Option<&str>, &Located<String>)> = Vec::new();
    for t in fields.into_iter().flatten() {
        out.extend(t.neutral.iter().map(|n| (None, n)));
        out.extend(t.translations.iter().map(|(l, s)| (Some(l.as_str()), s)));
    }
    out.sort_by_key(|(_, s)| s.span.start);
    out
}

/// Whether the purposes that process `c` give an Art. 9(2) condition (all
/// of its `purposes`; with none listed, any purpose of the notice).
fn has_condition(n: &Notice, c: &DataCategory) -> bool {
    let purposes = n.purposes();
    if c.purposes.is_empty() {
        return purposes
            .iter()
            .any(|p| p.special_category_condition.is_some());
    }
    c.purposes.iter().all(|id| {
        purposes.iter().any(|p| {
            p.id.as_ref().is_some_and(|i| i.value == id.value)
                && p.special_category_condition.is_some()
        })
    })
}

rule! {
    G031 "special-category-hint" Warning "Art. 9(1), 9(2), 13(1)(c), 14(1)(d)",
    "A data category's words suggest a special category it does not declare.",
    "Data concerning health (pupil and student welfare included), religious or philosophical \
beliefs, racial or ethnic origin, trade union membership, biometric data for identification, \
genetic data, sex life or sexual orientation, and political opinions are special categories \
(Art. 9(1)): processing them is prohibited unless an Art. 9(2) condition applies, and the \
notice must say which (G008). The rule reads the `name` and `items` of each data category in \
each language for words that speak of these (terveystiedot, oppilashuolto, elevhälsa, \
uskonto, religion, ammattiliitto, fingerprints...) and warns when the category has no \
`special_category`, or declares another one. It is a hint: the words are a list, and a \
category may mention a word without holding such data.\n\nFix: if the category holds such data, \
set `special_category` (one per category; split the category if it holds two) and give each \
purpose that processes it a `special_category_condition`; if it does not, reword the items so \
that a reader is not misled.";
}

pub fn special_category_hint(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    let mut found = Vec::new();
    for c in n.data_categories() {
        // The first words found for each special category, in source order.
        let mut by_category: BTreeMap<SpecialCategory, (Hint, Located<String>)> = BTreeMap::new();
        for (lang, t) in texts(c) {
            for h in hints(&t.value, lang) {
                by_category.entry(h.category).or_insert((h, t.clone()));
            }
        }
        let mut hints: Vec<(Hint, Located<String>)> = by_category.into_values().collect();
        hints.sort_by_key(|(_, t)| t.span.start);
        for (hint, at) in hints {
            if c.special_category
                .as_ref()
                .is_some_and(|s| s.value == hint.category)
            {
                continue;
            }
            found.push((c, hint, at));
        }
    }
    for (c, hint, at) in found {
        let code = hint.category.code();
        let name = c.id.as_ref().map_or("a data category".to_string(), |i| {
            format!("data category `{}`", i.value)
        });
        let message = format!(
            "{name} mentions \"{}\", which suggests the special category `{code}` (Art. 9(1))",
            hint.found
        );
        match &c.special_category {
            Some(declared) => {
                let declared_span = declared.span.clone();
                let declared = declared.value.code();
                cx.report(G031, at.span.clone(), message)
                    .label(format!("the category declares `{declared}`"))
                    .also(declared_span, "declared here")
                    .help(format!(
                        "a category holds one special category at most: move these items into a category of their own with `special_category = \"{code}\"` and an Art. 9(2) condition on its purposes, or reword them"
                    ));
            }
            None if has_condition(n, c) => {
                cx.report(G031, at.span.clone(), message)
                    .label("no `special_category` on this category")
                    .help(format!(
                        "its purposes give an Art. 9(2) condition: add `special_category = \"{code}\"` to the category, or reword the items if they hold no such data"
                    ));
            }
            None => {
                cx.report(G031, at.span.clone(), message)
                    .label("no `special_category`, and its purposes give no Art. 9(2) condition")
                    .help(format!(
                        "if the category holds such data, add `special_category = \"{code}\"` and give each purpose processing it a `special_category_condition`; if not, reword the items"
                    ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, lang: &str) -> Vec<(&'static str, String)> {
        hints(text, Some(lang))
            .into_iter()
            .map(|h| (h.category.code(), h.found))
            .collect()
    }

    #[test]
    fn every_phrase_is_found_in_its_example_and_suggests_its_category() {
        let mut problems = Vec::new();
        for p in &SPECIAL_CATEGORIES.phrase {
            if p.pattern.is_none() || p.note.trim().is_empty() {
                problems.push(format!(
                    "{} `{}`: not a pattern, or no note",
                    p.lang, p.source
                ));
                continue;
            }
            if !crate::model::Lang::SUPPORTED.contains(&p.lang.as_str()) {
                problems.push(format!("`{}`: unknown language {}", p.source, p.lang));
            }
            let words = phrases::words(&p.example);
            let n = p.find(&words).len();
            let got: Vec<&str> = found(&p.example, &p.lang)
                .into_iter()
                .map(|(c, _)| c)
                .collect();
            if n != 1 || got != [p.means.0.code()] {
                problems.push(format!(
                    "{} `{}` in {:?}: found {n} times, suggests {got:?}; expected once, [{:?}]",
                    p.lang,
                    p.source,
                    p.example,
                    p.means.0.code()
                ));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn the_words_found_are_named_as_written() {
        assert_eq!(
            found("Oppilashuollon kertomukset ja uskonnon opetus", "fi"),
            [
                ("health", "Oppilashuollon".to_string()),
                ("religious-or-philosophical-beliefs", "uskonnon".to_string()),
            ]
        );
        assert_eq!(
            found("Elevhälsans journaler", "sv"),
            [("health", "Elevhälsans".to_string())]
        );
        assert_eq!(
            found("Student welfare records", "en"),
            [("health", "Student welfare".to_string())]
        );
        assert_eq!(
            found("Studerandevårdens uppgifter", "sv"),
            [("health", "Studerandevårdens".to_string())]
        );
        assert_eq!(
            found("Opiskeluhuolto", "fi"),
            [("health", "Opiskeluhuolto".to_string())]
        );
    }

    /// Items that must not be flagged: they look alike, or are about other
    /// things than Art. 9(1) data.
    #[test]
    fn near_misses_are_not_flagged() {
        let cases: &[(&str, &str)] = &[
            (
                "fi",
                "nimi, henkilötunnus, äidinkieli, kansalaisuus ja kotikunta",
            ),
            ("fi", "valokuva ja käyttöliittymän kieli"),
            ("fi", "tervehdys ja terveisin-allekirjoitus"),
            ("fi", "tietoturvapolitiikka ja poliisin pyynnöt"),
            ("fi", "sairaanhoitopiirin yhteystiedot"),
            ("fi", "Opinsys-käyttäjähallinnan tunnisteet"),
            ("fi", "maksujen perintä"),
            ("fi", "luottamukselliset tiedot"),
            ("fi", "uskottavuus"),
            ("sv", "namn, modersmål och nationalitet"),
            ("sv", "fotografi"),
            ("sv", "hälsning från skolan"),
            ("sv", "genom skolans system, sex månader"),
            ("sv", "rasten och facklitteratur"),
            ("en", "name, nationality and mother tongue"),
            ("en", "photograph"),
            ("en", "third party and the school's privacy policy"),
            ("en", "wealth management"),
            (
                "fi",
                "koulutusohjelma: psykologia, lääketiede tai valtio-oppi",
            ),
            (
                "sv",
                "utbildningsprogram: psykologi, sjuksköterskeutbildning, läkarutbildning",
            ),
            (
                "en",
                "degree programme: psychology, medical studies or political science",
            ),
            ("en", "student union membership"),
        ];
        for (lang, text) in cases {
            assert_eq!(
                found(text, lang),
                Vec::<(&str, String)>::new(),
                "{lang} {text:?}"
            );
        }
    }
}
