//! What a storage period says (Art. 13(2)(a), 14(2)(a)): the rules that read
//! the `rule` of each `[[retention]]` entry, in its language, together with
//! its `period`.
//!
//! A storage period is the length of time, or the criteria that set it: an
//! event and a period, a named law (with its section) that sets the period,
//! or archiving under a named rule with what happens then. The phrases that
//! say otherwise are data (`phrases/retention.toml`); [`assess`] finds them
//! in one text and decides what each rule makes of it. An upper limit
//! ("enintään", "högst", "at most") is modelled as such, so a text with an
//! open phrase and a limit passes, and a figure alone (a statute number, a
//! date) changes nothing.

use super::phrases::{self, RETENTION, Retention as Means, Stated, Word};
use super::{Annotate, Ctx};
use crate::diagnostic::{Code, rule};
use crate::model::{Duration, Located};

/// A phrase found in a text: what it means, the words it takes, and the
/// text it matched as written.
#[derive(Debug, Clone, PartialEq)]
struct Hit {
    means: Means,
    words: std::ops::Range<usize>,
    found: String,
}

/// What one text of a storage period fails to say.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// No end, or "as long as needed", with no upper limit and no `period`
    /// (Q003).
    OpenEnded { found: String },
    /// A minimum with no upper limit and no `period` (G027).
    MinimumOnly { found: String },
    /// "The laws in force", none named, and no period stated (G028).
    UnnamedLaw { found: String },
    /// The `period` says one thing and the text another (G029).
    Contradiction { found: String, why: Why },
    /// Kept until archived, with nothing on what governs the archive or
    /// what happens there (G030).
    UnclearArchiving { found: String },
}

/// How a `period` contradicts its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// The text gives another length.
    OtherLength,
    /// The text makes the length only a minimum.
    Minimum,
    /// The text says there is no end.
    NoEnd,
}

impl Problem {
    pub fn code(&self) -> Code {
        match self {
            Problem::OpenEnded { .. } => Q003,
            Problem::MinimumOnly { .. } => G027,
            Problem::UnnamedLaw { .. } => G028,
            Problem::Contradiction { .. } => G029,
            Problem::UnclearArchiving { .. } => G030,
        }
    }
}

/// The words a minimum looks ahead for its duration, unit or "until".
const MINIMUM_REACH: usize = 4;
/// The words a marker ("at least", "at most") may stand before the
/// duration it qualifies.
const QUALIFIER_REACH: usize = 3;

/// What the text of a storage period in `lang` (or in no particular
/// language) fails to say, given the entry's `period`; at most one problem
/// per rule, the first in the text.
pub fn assess(text: &str, lang: Option<&str>, period: Option<&Duration>) -> Vec<Problem> {
    let scanned = phrases::scan(text);
    let mut hits: Vec<Hit> = Vec::new();
    for p in RETENTION.of(lang) {
        for range in p.find_in(&scanned) {
            hits.push(Hit {
                means: p.means,
                found: written(text, scanned.words(), &range),
                words: range,
            });
        }
    }
    // Without a phrase only the lengths can contradict a `period`.
    if hits.is_empty() && period.is_none() {
        return Vec::new();
    }
    let words = scanned.words();
    hits.sort_by_key(|h| (h.words.start, h.words.end));
    let overlap =
        |a: &std::ops::Range<usize>, b: &std::ops::Range<usize>| a.start < b.end && b.start < a.end;
    // An open phrase inside a description of something else ("toistaiseksi
    // voimassa oleva sopimus", an open-ended contract) does not count.
    let open = |m: Means| matches!(m, Means::Indefinite | Means::WhileNeeded);
    let descriptive: Vec<std::ops::Range<usize>> = hits
        .iter()
        .filter(|h| h.means == Means::Descriptive)
        .map(|h| h.words.clone())
        .collect();
    hits.retain(|h| !open(h.means) || !descriptive.iter().any(|d| overlap(d, &h.words)));
    // "no longer than necessary" is not a limit: a limit that shares
    // words with an open phrase does not count.
    let opens: Vec<std::ops::Range<usize>> = hits
        .iter()
        .filter(|h| open(h.means))
        .map(|h| h.words.clone())
        .collect();
    hits.retain(|h| h.means != Means::UpperBound || !opens.iter().any(|o| overlap(o, &h.words)));
    merge_adjacent(&mut hits, text, words);
    let stated = phrases::durations(words, lang);
    let has = |m: Means| hits.iter().any(|h| h.means == m);
    let first = |f: &dyn Fn(&Hit) -> bool| hits.iter().find(|h| f(h)).cloned();

    // A minimum counts when a duration, a unit of time or "until" follows;
    // it is quoted up to the end of what follows. "At least once a year",
    // "at least every 30 days" are frequencies, not periods.
    let frequency_at = |i: usize| {
        hits.iter()
            .any(|f| f.means == Means::Frequency && f.words.start == i)
    };
    let minimum = hits
        .iter()
        .filter(|h| h.means == Means::Minimum)
        .find_map(|h| {
            let sentence = words[h.words.start].sentence;
            let reach = h.words.end..(h.words.end + MINIMUM_REACH).min(words.len());
            for i in reach.take_while(|&i| words[i].sentence == sentence) {
                if frequency_at(i) {
                    return None;
                }
                let end = if let Some(s) = stated.iter().find(|s| s.words.start == i) {
                    Some(s.words.end)
                } else if phrases::unit_of(&words[i], lang).is_some() {
                    Some(i + 1)
                } else {
                    hits.iter()
                        .find(|u| u.means == Means::Until && u.words.start == i)
                        .map(|u| u.words.end)
                };
                if let Some(end) = end {
                    return (!frequency_at(end))
                        .then(|| written(text, words, &(h.words.start..end)));
                }
            }
            None
        });
    let bounded = has(Means::UpperBound);
    // The lengths the text gives, other than minimums.
    let lengths: Vec<&Stated> = stated
        .iter()
        .filter(|s| !qualified_by(s, &hits, words, Means::Minimum))
        .filter(|s| {
            // "every 6 months", "6 kuukauden välein"
            !hits.iter().any(|f| {
                f.means == Means::Frequency
                    && (f.words.start == s.words.end
                        || (f.words.start < s.words.start && s.words.start - f.words.start <= 2))
            })
        })
        .collect();
    let named = has(Means::NamedLaw) || phrases::cites_statute(text);

    let mut problems = Vec::new();
    let mut contradiction = None;
    if let Some(h) = first(&|h: &Hit| open(h.means))
        && !bounded
    {
        match period {
            None => problems.push(Problem::OpenEnded { found: h.found }),
            // A period is the limit of "as long as needed", but no end at
            // all and a length cannot both be true.
            Some(_) if h.means == Means::Indefinite => {
                contradiction.get_or_insert((h.found, Why::NoEnd));
            }
            Some(_) => {}
        }
    }
    if let Some(found) = minimum
        && !bounded
    {
        match period {
            None => problems.push(Problem::MinimumOnly { found }),
            Some(_) => {
                contradiction.get_or_insert((found, Why::Minimum));
            }
        }
    }
    if let Some(h) = first(&|h: &Hit| h.means == Means::UnnamedLaw) {
        let period_given =
            period.is_some() || bounded || !lengths.is_empty() || has(Means::Permanent);
        if !named && !period_given {
            problems.push(Problem::UnnamedLaw { found: h.found });
        }
    }
    if let Some(p) = period
        && !lengths.is_empty()
        && !lengths.iter().any(|s| phrases::same_length(&s.duration, p))
    {
        contradiction.get_or_insert((written(text, words, &lengths[0].words), Why::OtherLength));
    }
    if let Some((found, why)) = contradiction {
        problems.push(Problem::Contradiction { found, why });
    }
    if let Some(h) = first(&|h: &Hit| h.means == Means::UntilArchived)
        && !(has(Means::ArchiveRule) || named || has(Means::Permanent))
    {
        problems.push(Problem::UnclearArchiving { found: h.found });
    }
    problems.sort_by_key(|p| p.code().code);
    problems
}

/// Joins hits of the same meaning that overlap or follow each other in a
/// sentence, so that a finding quotes the whole phrase ("kulloinkin voimassa
/// olevia" and "lakeja ja määräyksiä" are one reference to the laws).
fn merge_adjacent(hits: &mut Vec<Hit>, text: &str, words: &[Word<'_>]) {
    let mut merged: Vec<Hit> = Vec::new();
    for h in hits.drain(..) {
        let joined = merged.iter_mut().rev().find(|m| {
            m.means == h.means
                && h.words.start <= m.words.end
                && words[h.words.start].sentence == words[m.words.start].sentence
        });
        match joined {
            Some(m) if h.words.end <= m.words.end => {}
            Some(m) => {
                m.words.end = h.words.end;
                m.found = written(text, words, &m.words);
            }
            None => merged.push(h),
        }
    }
    *hits = merged;
}

/// The words `range` of `text` as written.
fn written(text: &str, words: &[Word<'_>], range: &std::ops::Range<usize>) -> String {
    text[words[range.start].range.start..words[range.end - 1].range.end].to_string()
}

/// Whether a marker meaning `m` ("at least") stands just before `s`.
fn qualified_by(s: &Stated, hits: &[Hit], words: &[Word<'_>], m: Means) -> bool {
    hits.iter().any(|h| {
        h.means == m
            && h.words.end <= s.words.start
            && s.words.start - h.words.end <= QUALIFIER_REACH
            && words[h.words.start].sentence == words[s.words.start].sentence
    })
}

/// Every problem of every retention text of the notice, with the text's
/// location and the entry's period.
fn problems(cx: &Ctx<'_>) -> Vec<(Problem, Located<String>, Option<Located<Duration>>)> {
    let mut out = Vec::new();
    for r in cx.notice.retention() {
        let Some(rule) = &r.rule else { continue };
        let period = r.period.as_ref();
        let texts = rule
            .neutral
            .iter()
            .map(|t| (None, t))
            .chain(rule.translations.iter().map(|(l, t)| (Some(l.as_str()), t)));
        for (lang, t) in texts {
            for p in assess(&t.value, lang, period.map(|p| &p.value)) {
                out.push((p, t.clone(), period.cloned()));
            }
        }
    }
    out
}

/// Q003 and G027-G030: every problem [`assess`] finds in the notice's
/// storage periods. The five rules read the same texts, so one check
/// reports them all (the registry lists the other four without a check of
/// their own); severities and `allow` still apply to each code.
pub fn storage_period_wording(cx: &mut Ctx<'_>) {
    for (problem, at, period) in problems(cx) {
        let span = at.span.clone();
        match problem {
            Problem::OpenEnded { found } => {
                cx.report(Q003, span, format!("\"{found}\" is not a storage period"))
                    .label("open-ended: no period and no upper limit")
                    .help("give a `period` (e.g. \"P2Y\"), or the event that ends the storage with an upper limit (\"..., at most 2 years\")");
            }
            Problem::MinimumOnly { found } => {
                cx.report(
                    G027,
                    span,
                    format!("\"{found}\" gives only a minimum storage period"),
                )
                .label("a minimum, with no upper limit")
                .help("say how long the data are kept at most: a `period` (e.g. \"P2Y\"), or an upper limit in the text (\"at least 6 months and at most 2 years\")");
            }
            Problem::UnnamedLaw { found } => {
                cx.report(
                    G028,
                    span,
                    format!("\"{found}\" does not name the law that sets the storage period"),
                )
                .label("which law, and which section?")
                .help("name the act and its section (e.g. \"Arkistolaki (831/1994) 8 §\", \"arkivlagen (1994:1383)\"), or give the period itself in `period`");
            }
            Problem::Contradiction { found, why } => {
                let Some(period) = period else { continue };
                let p = period.value;
                let (message, help) = match why {
                    Why::OtherLength => (
                        format!("`period` is {p} but the text says \"{found}\""),
                        "make `period` and the text say the same length".to_string(),
                    ),
                    Why::Minimum => (
                        format!(
                            "`period` is {p} but the text makes it only a minimum: \"{found}\""
                        ),
                        format!(
                            "if {p} is when the data are deleted, drop the minimum from the text; if it is a minimum, give the maximum as `period` or in the text"
                        ),
                    ),
                    Why::NoEnd => (
                        format!("`period` is {p} but the text says \"{found}\""),
                        format!(
                            "if the data are deleted after {p}, say so in the text; a period with no end is not a storage period"
                        ),
                    ),
                };
                cx.report(G029, span, message)
                    .label("contradicts `period`")
                    .also(period.span.clone(), format!("`period` says {p}"))
                    .help(help);
            }
            Problem::UnclearArchiving { found } => {
                cx.report(
                    G030,
                    span,
                    format!("\"{found}\": the text does not say what governs the archive or what happens there"),
                )
                .label("archived under which rule, and then?")
                .help("name the rule of the archive (e.g. the Archives Act (831/1994) and the archive formation plan) and say what happens to the data there: kept permanently, or destroyed after a period");
            }
        }
    }
}

rule! {
    Q003 "vague-retention" Error "Art. 13(2)(a), 14(2)(a)",
    "A storage period is open-ended: \"as long as necessary\", \"until further notice\".",
    "The notice must say how long the data are kept, or the criteria that set the period \
(Art. 13(2)(a), 14(2)(a)). \"As long as necessary\" (niin kauan kuin niitä tarvitaan, så \
länge det behövs) only repeats the principle of Art. 5(1)(e), and \"until further notice\" \
(toistaiseksi, tills vidare, indefinitely) sets no end at all: a reader cannot tell from \
either when the data are gone. The rule fires when an entry's `rule` uses such a phrase, gives \
no upper limit (\"at most...\", \"viimeistään...\", \"senast...\") and the entry has no \
`period`. Figures elsewhere in the text do not switch it off.\n\nFix: give a `period` (e.g. \
`\"P2Y\"`), or the event that ends the storage with an upper limit (\"...as long as the case \
is open, at most 2 years\").";

    G027 "minimum-retention" Error "Art. 13(2)(a), 14(2)(a)",
    "A storage period gives only a minimum: \"at least 6 months\".",
    "\"At least 6 months\" (vähintään 6 kuukautta, minst 6 månader) says when the data may be \
deleted at the earliest, not how long they are kept: the period the notice must give \
(Art. 13(2)(a), 14(2)(a)) is still missing. The rule fires when an entry's `rule` states a \
minimum (followed by a duration or \"until...\") with no upper limit and the entry has no \
`period`; with a `period` beside it the two contradict each other (G029).\n\nFix: say how long \
the data are kept at most, in `period` or in the text (\"at least 6 months and at most 2 \
years\"), or drop \"at least\" if the data are deleted after that time.";

    G028 "unnamed-retention-law" Error "Art. 13(2)(a), 14(2)(a)",
    "A storage period refers to \"the laws in force\" without naming one.",
    "\"In accordance with applicable laws\" (noudatetaan kulloinkin voimassa olevia lakeja, \
enligt gällande lagstiftning) can be a criterion for the storage period (Art. 13(2)(a), \
14(2)(a)) only if the reader can find the law: the act, and the section that sets the period. \
The rule fires when an entry's `rule` refers to laws in general, names no act (a title such as \
arkistolaki, arkivlagen or the Basic Education Act, a statute number such as 831/1994 or \
1994:1383, or a §) and no period is given (neither `period`, a length in the text, an upper \
limit nor \"permanently\").\n\nFix: name the act and its section (\"Arkistolaki (831/1994) \
8 §\"), or give the period.";

    G029 "contradictory-period" Error "Art. 13(2)(a), 14(2)(a), 12(1)",
    "An entry's `period` contradicts its `rule`.",
    "The `period` of a retention entry is printed beside its `rule`, so the two must agree: a \
reader who sees \"6 months\" next to \"at least 6 months\", \"2 years\" next to \"5 vuotta\", \
or \"2 years\" next to \"indefinitely\" cannot tell how long the data are kept (Art. 13(2)(a), \
and Art. 12(1): information in clear and plain language). The rule compares the lengths the \
text gives (a number in digits or words with a unit of time) with `period`, and fires when none \
matches, when the text makes the length only a minimum, or when it says there is no end.\n\n\
Fix: correct `period` or the text so that both say the same; for a minimum, give the maximum \
as the period.";

    G030 "unclear-archiving" Warning "Art. 13(2)(a), 14(2)(a)",
    "Data are kept \"until archived\" with no word on the archive.",
    "\"Until the data are transferred to the archive\" (kunnes tiedot siirretään arkistoon, \
tills de arkiveras) ends the storage in the register, not the storage: the reader still does \
not know how long the data are kept (Art. 13(2)(a), 14(2)(a)). The criteria are complete when \
the text names what governs the archive (the Archives Act 831/1994, the archive formation plan \
or information steering plan, a decision of the National Archives) or says what happens there \
(kept permanently). A warning, since the archive plan may be published elsewhere.\n\nFix: name \
the archive rule and say whether the data are then kept permanently or destroyed, and when.";
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str, lang: &str, period: Option<&str>) -> Vec<&'static str> {
        let period = period.map(|p| Duration::parse(p).expect(p));
        assess(text, Some(lang), period.as_ref())
            .iter()
            .map(|p| p.code().code)
            .collect()
    }

    /// What each kind of phrase does to its example sentence.
    #[test]
    fn every_phrase_is_found_in_its_example_and_does_what_it_means() {
        let mut problems = Vec::new();
        for p in &RETENTION.phrase {
            let lang = p.lang.as_str();
            let words = phrases::words(&p.example);
            let found = p.find(&words);
            if found.len() != 1 {
                problems.push(format!(
                    "{lang} `{}`: found {} times in {:?}",
                    p.source,
                    found.len(),
                    p.example
                ));
                continue;
            }
            let got = codes(&p.example, lang, None);
            let open_inside = RETENTION.phrase.iter().any(|q| {
                q.lang == p.lang
                    && matches!(q.means, Means::Indefinite | Means::WhileNeeded)
                    && q.find(&words)
                        .iter()
                        .any(|r| found[0].start <= r.start && r.end <= found[0].end)
            });
            if p.means == Means::Descriptive && !open_inside {
                problems.push(format!(
                    "{lang} `{}`: holds no open phrase in {:?}",
                    p.source, p.example
                ));
            }
            let has_minimum = RETENTION.phrase.iter().any(|q| {
                q.lang == p.lang && q.means == Means::Minimum && !q.find(&words).is_empty()
            });
            // The example without the phrase.
            let range = words[found[0].start].range.start..words[found[0].end - 1].range.end;
            let without = format!("{}{}", &p.example[..range.start], &p.example[range.end..]);
            let without = codes(&without, lang, None);
            let (expected, expected_without): (&[&str], &[&str]) = match p.means {
                Means::Indefinite | Means::WhileNeeded => (&["Q003"], &[]),
                Means::Minimum => (&["G027"], &[]),
                Means::UnnamedLaw => (&["G028"], &[]),
                Means::UntilArchived => (&["G030"], &[]),
                Means::Until => (&["G027"], &[]),
                // A frequency is no minimum period.
                Means::Frequency => (&[], &["G027"]),
                // An open phrase inside a description does not count.
                Means::Descriptive => (&[], &[]),
                // A limit ends a minimum where the example has one, an
                // open period otherwise.
                Means::UpperBound if has_minimum => (&[], &["G027"]),
                Means::UpperBound => (&[], &["Q003"]),
                Means::NamedLaw => (&[], &["G028"]),
                Means::ArchiveRule | Means::Permanent => (&[], &["G030"]),
            };
            if got != expected || without != expected_without {
                problems.push(format!(
                    "{lang} `{}` ({:?}) in {:?}: {got:?}, without it {without:?}; expected {expected:?}, without it {expected_without:?}",
                    p.source, p.means, p.example
                ));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn every_unit_and_number_word_makes_a_duration() {
        let mut problems = Vec::new();
        for u in &RETENTION.unit {
            let words = phrases::words(&u.example);
            let found: Vec<Stated> = phrases::durations(&words, Some(&u.lang));
            let own = found.iter().all(|s| {
                u.pattern
                    .as_ref()
                    .is_some_and(|p| p.find(&words[s.words.end - 1..s.words.end]).len() == 1)
            });
            let unit_of = |d: &Duration| match (d.years, d.months, d.weeks) {
                (y, _, _) if y > 0 => 'Y',
                (_, m, _) if m > 0 => 'M',
                (_, _, w) if w > 0 => 'W',
                _ => 'D',
            };
            if found.len() != 1 || !own || unit_of(&found[0].duration) != u.unit {
                problems.push(format!(
                    "{} `{}`: {found:?} in {:?}",
                    u.lang, u.source, u.example
                ));
            }
        }
        for n in &RETENTION.number {
            let unit = RETENTION
                .unit
                .iter()
                .find(|u| u.lang == n.lang && u.unit == 'Y')
                .expect("a unit of years");
            let year = unit.source.trim_end_matches('*');
            let year = if n.lang == "fi" { "vuotta" } else { year };
            for w in &n.words {
                let text = format!("{w} {year}");
                let words = phrases::words(&text);
                let found = phrases::durations(&words, Some(&n.lang));
                if found.len() != 1 || found[0].duration.years != n.value {
                    problems.push(format!("{} {w:?}: {found:?}", n.lang));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn every_phrase_is_well_formed() {
        let mut problems = Vec::new();
        for p in &RETENTION.phrase {
            if p.pattern.is_none() {
                problems.push(format!("{} `{}`: not a pattern", p.lang, p.source));
            }
            if !crate::model::Lang::SUPPORTED.contains(&p.lang.as_str()) {
                problems.push(format!("`{}`: unknown language {}", p.source, p.lang));
            }
            if p.note.trim().is_empty() {
                problems.push(format!("{} `{}`: no note", p.lang, p.source));
            }
        }
        for u in &RETENTION.unit {
            if u.pattern.is_none() || !"YMWD".contains(u.unit) {
                problems.push(format!("{} `{}`: not a unit", u.lang, u.source));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// The examples of the issue.
    #[test]
    fn the_examples_of_the_issue() {
        let cases: &[(&str, &str, Option<&str>, &[&str])] = &[
            (
                "fi",
                "Kunnes tiedot siirretään arkistoon, viimeistään henkilön kuollessa.",
                None,
                &["G030"],
            ),
            (
                "fi",
                "Tiedot säilytetään vähintään 6 kuukauden ajan.",
                None,
                &["G027"],
            ),
            (
                "fi",
                "Säilytyksessä noudatetaan kulloinkin voimassa olevia lakeja ja määräyksiä.",
                None,
                &["G028"],
            ),
            (
                "fi",
                "Tietoja säilytetään niin kauan kuin niitä tarvitaan.",
                None,
                &["Q003"],
            ),
            ("fi", "Toistaiseksi.", None, &["Q003"]),
            (
                "sv",
                "Uppgifterna bevaras så länge det krävs.",
                None,
                &["Q003"],
            ),
            ("sv", "Tills vidare.", None, &["Q003"]),
            ("en", "Kept for at least 6 months.", Some("P6M"), &["G029"]),
            (
                "fi",
                "Säilytetään 5 vuotta oppilaan koulun päättymisestä.",
                Some("P2Y"),
                &["G029"],
            ),
            ("en", "Kept indefinitely.", Some("P2Y"), &["G029"]),
            ("sv", "Bevaras minst 6 månader.", None, &["G027"]),
            (
                "en",
                "Kept in accordance with applicable laws.",
                None,
                &["G028"],
            ),
            (
                "sv",
                "Bevaras enligt gällande lagstiftning.",
                None,
                &["G028"],
            ),
            // Two problems in one text, each with its rule.
            (
                "en",
                "Kept as long as required by law.",
                None,
                &["G028", "Q003"],
            ),
        ];
        for (lang, text, period, expected) in cases {
            assert_eq!(
                codes(text, lang, *period),
                *expected,
                "{lang} {text:?} {period:?}"
            );
        }
    }

    /// Sentences that must not be flagged: events, limits, named laws,
    /// figures that are not periods, and periods that match.
    #[test]
    fn near_misses_are_not_flagged() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "fi",
                "Säilytetään 5 vuotta oppilaan koulun päättymisestä.",
                None,
            ),
            ("fi", "Arkistolaki (831/1994) 8 §", None),
            (
                "fi",
                "Tietoja käsitellään niin kauan kuin henkilö on koulun oppilas.",
                None,
            ),
            (
                "sv",
                "Uppgifterna behandlas så länge personen är elev vid skolan.",
                None,
            ),
            (
                "en",
                "The data are processed while the person is a pupil at the school.",
                None,
            ),
            ("en", "As long as necessary, at most 2 years.", None),
            (
                "fi",
                "Erityisruokavaliot poistetaan, kun tietoa ei enää tarvita, viimeistään oppilaan lähtiessä koulusta.",
                None,
            ),
            (
                "sv",
                "Specialkosten raderas när uppgiften inte längre behövs, senast när eleven lämnar skolan.",
                None,
            ),
            (
                "en",
                "Special diets are deleted when no longer needed, at the latest when the pupil leaves the school.",
                None,
            ),
            ("fi", "Pysyvästi Kansallisarkiston päätöksen mukaan.", None),
            (
                "fi",
                "Noudatetaan kulloinkin voimassa olevia lakeja, kuten Arkistolakia (831/1994).",
                None,
            ),
            (
                "sv",
                "Bevaras enligt gällande lagstiftning, arkivlagen (1994:1383).",
                None,
            ),
            (
                "en",
                "Kept in accordance with applicable laws, namely the Basic Education Act (628/1998).",
                None,
            ),
            (
                "en",
                "Kept under applicable laws (Basic Education Act 628/1998, section 40).",
                None,
            ),
            (
                "fi",
                "Säilytetään kulloinkin voimassa olevan lainsäädännön mukaan 6 vuotta.",
                None,
            ),
            (
                "fi",
                "Kunnes tiedot siirretään arkistoon, jossa ne säilytetään pysyvästi.",
                None,
            ),
            (
                "fi",
                "Kunnes tiedot siirretään arkistoon arkistolain (831/1994) mukaisesti.",
                None,
            ),
            (
                "en",
                "Deleted when at least one guardian asks for it.",
                None,
            ),
            ("fi", "Poistetaan, kun ainakin yksi huoltaja pyytää.", None),
            (
                "fi",
                "Lokit poistetaan viimeistään kahden vuoden kuluttua niiden syntymisestä.",
                Some("P2Y"),
            ),
            (
                "sv",
                "Kontot gäller 30 dagar efter examen, för utomstående högst 1 år.",
                Some("P30D"),
            ),
            (
                "fi",
                "Henkilökunnan tilit poistetaan vuoden kuluttua tilin sulkemisesta.",
                Some("P1Y"),
            ),
            (
                "sv",
                "Personalens konton raderas ett år efter att kontot inaktiverats.",
                Some("P1Y"),
            ),
            ("en", "Kept as long as necessary.", Some("P2Y")),
            (
                "fi",
                "Säilytetään vähintään 6 kuukautta ja enintään 2 vuotta.",
                Some("P2Y"),
            ),
            (
                "en",
                "Deleted 90 days after the account is closed.",
                Some("P3M"),
            ),
            ("fi", "Tiedot tarkistetaan vähintään kerran vuodessa.", None),
            (
                "fi",
                "Tiedot säilytetään toistaiseksi voimassa olevan sopimuksen päättymiseen asti.",
                None,
            ),
            ("en", "Backups are rotated at least every 30 days.", None),
            ("sv", "Uppgifterna granskas minst en gång om året.", None),
            ("fi", "Lokit tarkistetaan 6 kuukauden välein.", Some("P2Y")),
            (
                "en",
                "Logs are deleted after two years and reviewed every 6 months.",
                Some("P2Y"),
            ),
            (
                "fi",
                "Maksutiedot säilytetään kuusi vuotta tilikauden päättymisestä (kirjanpitolaki, 2 luku 10 §).",
                Some("P6Y"),
            ),
        ];
        for (lang, text, period) in cases {
            assert_eq!(
                codes(text, lang, *period),
                Vec::<&str>::new(),
                "{lang} {text:?} {period:?}"
            );
        }
    }

    /// Regression: the old rule skipped any text with a digit.
    #[test]
    fn digits_do_not_switch_the_rules_off() {
        assert_eq!(
            codes("Niin kauan kuin niitä tarvitaan (ks. 2 luku).", "fi", None),
            ["Q003"]
        );
        assert_eq!(
            codes("As long as necessary under the Act 628/1998.", "en", None),
            ["Q003"]
        );
        assert_eq!(
            codes("At least 6 months (Act 628/1998).", "en", None),
            ["G027"]
        );
        // A duration is not an upper limit: "2 years or as long as needed".
        assert_eq!(
            codes("2 vuotta tai niin kauan kuin niitä tarvitaan.", "fi", None),
            ["Q003"]
        );
    }

    /// "no longer than necessary" is the principle, not a limit.
    #[test]
    fn a_limit_inside_an_open_phrase_does_not_count() {
        assert_eq!(
            codes("Kept no longer than necessary.", "en", None),
            ["Q003"]
        );
        assert_eq!(
            codes("Kept no longer than two years.", "en", None),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn the_text_found_is_quoted_as_written() {
        let p = assess(
            "Tiedot säilytetään Niin kauan kuin niitä TARVITAAN.",
            Some("fi"),
            None,
        );
        assert_eq!(
            p,
            [Problem::OpenEnded {
                found: "Niin kauan kuin niitä TARVITAAN".into()
            }]
        );
        let p = assess(
            "Tiedot säilytetään vähintään 6 kuukauden ajan.",
            Some("fi"),
            None,
        );
        assert_eq!(
            p,
            [Problem::MinimumOnly {
                found: "vähintään 6 kuukauden".into()
            }]
        );
        let p = assess(
            "Noudatetaan kulloinkin voimassa olevia lakeja ja määräyksiä.",
            Some("fi"),
            None,
        );
        assert_eq!(
            p,
            [Problem::UnnamedLaw {
                found: "kulloinkin voimassa olevia lakeja ja määräyksiä".into()
            }]
        );
        let p = assess("Kept at least until the pupil leaves.", Some("en"), None);
        assert_eq!(
            p,
            [Problem::MinimumOnly {
                found: "at least until".into()
            }]
        );
        let d = Duration::parse("P6M").expect("P6M");
        let p = assess("Kept for at least 6 months.", Some("en"), Some(&d));
        assert_eq!(
            p,
            [Problem::Contradiction {
                found: "at least 6 months".into(),
                why: Why::Minimum
            }]
        );
    }
}
