//! Acts of law as dated data, the citations of them in a notice's texts,
//! and the rules on repealed acts (G033, G034).
//!
//! The table is `laws.toml`, compiled in and read at first use: each act
//! with its number, names, the date it entered into force and, for a
//! repealed act, the date of the repeal and the act that replaced it. A
//! change of the law is a change of that file; a repeal that takes effect
//! in the future is written with its date and reported from that date on.
//!
//! A citation is an act number (Finnish `628/1998` or `628/98`, Swedish
//! `SFS 1998:204` or `1998:204`), or a name of an act of the table in
//! Finnish or Swedish, inflected or not (`henkilötietolain`,
//! `personuppgiftslagen`). A name just before a number (`Perusopetuslaki
//! (628/1998)`) is one citation with it, and the number says which act it
//! is. A number the table does not hold is a citation of an unknown act:
//! the table cannot hold every law, and nothing is reported about it.
//!
//! The date the rules compare with is the notice's `updated` date, so that a
//! check gives the same result on any day; a notice without one (Q001
//! reports it) is compared with today's date.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::sync::{Arc, LazyLock};

use serde::Deserialize;

use super::{Annotate, Ctx, texts};
use crate::diagnostic::{Code, rule};
use crate::model::{Date, Lang, Located, Notice, SupervisoryAuthority};
use crate::source::Span;

rule! {
    G033 "repealed-act" Error "Art. 6(3), 13(1)(c), 14(1)(c)",
    "A `law` cites an act that has been repealed.",
    "Processing under Art. 6(1)(c) or (e) rests on a law in force (Art. 6(3)), and the notice \
names it with the legal basis (Art. 13(1)(c), 14(1)(c)). An act that has been repealed cannot be \
that basis: a notice that still cites Henkilötietolaki (523/1999), repealed on 1.1.2019 by \
Tietosuojalaki (1050/2018), or the Swedish Personuppgiftslagen (1998:204), repealed on \
2018-05-25 by Dataskyddslagen (2018:218), was not updated when the law changed.\n\nseloste holds \
the acts Finnish and Swedish education and municipal notices cite as data, with the dates they \
entered into force and were repealed and the acts that replaced them (src/lint/laws.toml). It \
finds them in every `law` text by number (`523/1999`, `523/99`, `SFS 1998:204`, `1998:204`) or by \
their Finnish or Swedish name without a number (`henkilötietolain`), and compares the date of \
the repeal with the notice's `updated` date (today's date when the notice has none): a repeal \
that takes effect later is reported from that date on. An act it does not know is not \
reported.\n\nFix: cite the act in force, usually the one that replaced the repealed act, and \
check that the processing still rests on it.";

    G034 "repealed-act-in-prose" Warning "Art. 12(1)",
    "A text other than `law` refers to an act that has been repealed.",
    "The same check as G033 (`repealed-act`), on every other text of the notice: a description \
that says the data are processed \"henkilötietolain mukaisesti\" or a retention rule that \
follows the Personal Data Act (523/1999) tells the reader about a law that no longer applies, \
which is neither accurate nor transparent (Art. 12(1)). It is a warning, not an error, because \
prose may rightly speak of the past: records kept under the old act, or what changed when the \
new act came into force.\n\nFix: refer to the act in force, or make clear that the text is \
about the time before the repeal.";
}

/// G033: the `law` texts.
pub fn repealed_act(cx: &mut Ctx<'_>) {
    report(cx, G033, true);
}

/// G034: every other text.
pub fn repealed_act_in_prose(cx: &mut Ctx<'_>) {
    report(cx, G034, false);
}

fn report(cx: &mut Ctx<'_>, code: Code, law: bool) {
    let date = cx
        .notice
        .updated
        .as_ref()
        .map_or_else(Date::today, |u| u.value);
    for f in findings(table(), cx.notice, law, date) {
        let act = f.act;
        let (_, first) = &f.at[0];
        let repealed = act.repealed.map(|d| act.number.date(d)).unwrap_or_default();
        let mut message = if law {
            format!("{} was repealed on {repealed}", act.cited())
        } else {
            format!(
                "`{}` refers to {}, which was repealed on {repealed}",
                f.field,
                act.cited()
            )
        };
        let successor = act.replaced_by.and_then(|n| table().get(n));
        if let Some(s) = successor {
            message.push_str(&format!("; {} replaced it", s.cited()));
        }
        let langs: Vec<&Lang> = f.at.iter().filter_map(|(l, _)| l.as_ref()).collect();
        let help = match (successor, law) {
            (Some(s), true) => format!("cite the act in force: {}", s.cited_in(&langs)),
            (Some(s), false) => format!(
                "refer to the act in force, {}, unless the text is about the time before {repealed}",
                s.cited()
            ),
            (None, true) => "cite the act in force that lays down the processing".to_string(),
            (None, false) => format!(
                "refer to the act in force, unless the text is about the time before {repealed}"
            ),
        };
        let d = cx.report(code, first.clone(), message);
        d.label(format!("not in force since {repealed}")).help(help);
        for (lang, span) in &f.at[1..] {
            d.also(
                span.clone(),
                match lang {
                    Some(l) => format!("also here ({})", l.as_str()),
                    None => "also here".to_string(),
                },
            );
        }
    }
}

/// One repealed act cited in one field: where, in each language, in the
/// order the texts are written.
struct Finding<'t> {
    field: crate::model::format::FieldPath,
    act: &'t Act,
    at: Vec<(Option<Lang>, Span)>,
}

/// The citations of acts repealed on or before `date` in the `law` texts of
/// `n` (`law` true) or in its other texts, by field and act.
fn findings<'t>(laws: &'t Laws, n: &Notice, law: bool, date: Date) -> Vec<Finding<'t>> {
    let within = match n.supervisory_authority.as_ref().map(|a| a.value) {
        Some(SupervisoryAuthority::Sweden) => Jurisdiction::Sweden,
        _ => Jurisdiction::Finland,
    };
    let mut out: Vec<Finding<'t>> = Vec::new();
    for (field, text) in texts(n) {
        if (field.key == "law") != law {
            continue;
        }
        let mut strings: Vec<(Option<&Lang>, &Located<String>)> = text
            .neutral
            .iter()
            .map(|s| (None, s))
            .chain(text.translations.iter().map(|(l, s)| (Some(l), s)))
            .collect();
        strings.sort_by_key(|(_, s)| s.span.start);
        let first = out.len();
        for (lang, s) in strings {
            let cited = if std::ptr::eq(laws, table()) {
                cite_once(&s.value, within, date.year).as_ref().clone()
            } else {
                laws.cite(&s.value, within, date.year)
            };
            for c in cited {
                let Some(act) = c.act.filter(|a| a.repealed_at(date)) else {
                    continue;
                };
                let at = (lang.cloned(), span_in(s, c.range));
                match out[first..].iter_mut().find(|f| f.act.number == act.number) {
                    Some(f) => f.at.push(at),
                    None => out.push(Finding {
                        field,
                        act,
                        at: vec![at],
                    }),
                }
            }
        }
    }
    out
}

/// [`Laws::cite`] with the acts of laws.toml, once per text in a process:
/// a vendor's bound notices repeat the service's texts for every customer.
fn cite_once(text: &str, within: Jurisdiction, year: u16) -> Arc<Vec<Citation<'static>>> {
    static CITED: crate::fingerprint::TextCache<Arc<Vec<Citation<'static>>>> =
        crate::fingerprint::TextCache::new();
    CITED.get_or(crate::fingerprint::of(&(text, within, year)), || {
        Arc::new(table().cite(text, within, year))
    })
}

/// The span of `range` of a string's value in the source: exact when the
/// string is written on one line without escapes (its span is then the
/// value between two quotes), else the whole string.
pub(super) fn span_in(s: &Located<String>, range: Range<usize>) -> Span {
    // An escape is always longer than the character it stands for, and
    // every other form of string has longer delimiters: only a one-line
    // string without escapes is its value plus two quotes.
    if s.span.len() == s.value.len() + 2 {
        let start = s.span.start + 1;
        start + range.start..start + range.end
    } else {
        s.span.clone()
    }
}

/// Whose statute book an act is in: the form of its number, the language
/// of its name and the way its dates are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Jurisdiction {
    Finland,
    Sweden,
}

/// An act's number: Finnish `628/1998` (number, then year) or Swedish SFS
/// `1998:204` (year, then number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ActNumber {
    pub jurisdiction: Jurisdiction,
    pub year: u16,
    pub number: u32,
}

impl ActNumber {
    /// `628/1998` or `1998:204`, with a four-digit year.
    pub fn parse(s: &str) -> Option<ActNumber> {
        fn digits(t: &str, len: Range<usize>) -> Option<&str> {
            (len.contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())).then_some(t)
        }
        if let Some((n, y)) = s.split_once('/') {
            Some(ActNumber {
                jurisdiction: Jurisdiction::Finland,
                year: digits(y, 4..5)?.parse().ok()?,
                number: digits(n, 1..5)?.parse().ok()?,
            })
        } else {
            let (y, n) = s.split_once(':')?;
            Some(ActNumber {
                jurisdiction: Jurisdiction::Sweden,
                year: digits(y, 4..5)?.parse().ok()?,
                number: digits(n, 1..5)?.parse().ok()?,
            })
        }
    }

    /// A date as this act's jurisdiction writes it: 1.1.2019 in Finland,
    /// 2018-05-25 in Sweden.
    fn date(&self, d: Date) -> String {
        match self.jurisdiction {
            Jurisdiction::Finland => format!("{}.{}.{}", d.day, d.month, d.year),
            Jurisdiction::Sweden => d.to_string(),
        }
    }
}

impl fmt::Display for ActNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.jurisdiction {
            Jurisdiction::Finland => write!(f, "{}/{}", self.number, self.year),
            Jurisdiction::Sweden => write!(f, "{}:{}", self.year, self.number),
        }
    }
}

/// One act of the table.
#[derive(Debug)]
pub struct Act {
    pub number: ActNumber,
    pub fi: Option<String>,
    pub sv: Option<String>,
    /// A description in English, not an official title.
    pub en: String,
    pub in_force: Option<Date>,
    pub repealed: Option<Date>,
    pub replaced_by: Option<ActNumber>,
    names: Vec<Vec<Word>>,
}

impl Act {
    /// The name in the act's own language: Finnish for a Finnish act,
    /// Swedish for a Swedish one.
    pub fn name(&self) -> &str {
        let own = match self.number.jurisdiction {
            Jurisdiction::Finland => &self.fi,
            Jurisdiction::Sweden => &self.sv,
        };
        own.as_deref().unwrap_or(&self.en)
    }

    /// The name in `lang`, where the table has it.
    pub fn name_in(&self, lang: &str) -> Option<&str> {
        match lang {
            "fi" => self.fi.as_deref(),
            "sv" => self.sv.as_deref(),
            "en" => Some(&self.en),
            _ => None,
        }
    }

    /// `Henkilötietolaki (523/1999)`.
    pub fn cited(&self) -> String {
        format!("{} ({})", self.name(), self.number)
    }

    /// [`cited`](Act::cited), with its names in the other languages of
    /// `langs`: `Tietosuojalaki (1050/2018); sv: Dataskyddslag; en: Data
    /// Protection Act`.
    fn cited_in(&self, langs: &[&Lang]) -> String {
        let mut out = self.cited();
        let mut seen: Vec<&str> = Vec::new();
        for l in langs {
            if seen.contains(&l.as_str()) {
                continue;
            }
            seen.push(l.as_str());
            if let Some(name) = self.name_in(l.as_str())
                && name != self.name()
            {
                out.push_str(&format!("; {}: {name}", l.as_str()));
            }
        }
        out
    }

    /// Whether the act was repealed on or before `date`.
    pub fn repealed_at(&self, date: Date) -> bool {
        self.repealed.is_some_and(|r| r <= date)
    }
}

/// One word of a name to match, lower case.
#[derive(Debug, Clone, PartialEq)]
enum Word {
    /// As written.
    Exact(String),
    /// A Finnish word ending in "laki", held without "ki": any case of it.
    Laki(String),
    /// A Swedish word ending in "lag": also its definite forms.
    Lag(String),
    /// Any word that starts with this.
    Prefix(String),
}

/// The endings after "la" of the Finnish cases of "laki" a citation takes.
const LAKI: &[&str] = &[
    "ki", "kia", "kiin", "kina", "in", "issa", "ista", "illa", "ilta", "ille", "iksi", "itta",
];

/// The endings of a Swedish word ending in "lag".
const LAG: &[&str] = &["", "en", "ens"];

impl Word {
    /// The first letter the word can start with.
    fn initial(&self) -> Option<char> {
        match self {
            Word::Exact(w) | Word::Laki(w) | Word::Lag(w) | Word::Prefix(w) => w.chars().next(),
        }
    }

    fn parse(w: &str) -> Word {
        if let Some(p) = w.strip_suffix('*') {
            Word::Prefix(p.to_string())
        } else if let Some(stem) = w.strip_suffix("ki").filter(|_| w.ends_with("laki")) {
            Word::Laki(stem.to_string())
        } else if w.ends_with("lag") {
            Word::Lag(w.to_string())
        } else {
            Word::Exact(w.to_string())
        }
    }

    /// The offsets in `text` where this word, starting at `at`, may end.
    fn ends(&self, text: &str, at: usize) -> Vec<usize> {
        let with = |stem: &str, endings: &[&str]| -> Vec<usize> {
            let Some(end) = eat(text, at, stem) else {
                return Vec::new();
            };
            endings.iter().filter_map(|e| eat(text, end, e)).collect()
        };
        match self {
            Word::Exact(w) => eat(text, at, w).into_iter().collect(),
            Word::Laki(stem) => with(stem, LAKI),
            Word::Lag(w) => with(w, LAG),
            Word::Prefix(p) => match eat(text, at, p) {
                Some(end) => {
                    let rest = text[end..]
                        .find(|c: char| !c.is_alphabetic())
                        .unwrap_or(text.len() - end);
                    vec![end + rest]
                }
                None => Vec::new(),
            },
        }
    }
}

/// The offset after `lower` (lower case) if `text` has it at `at`, in any
/// case.
fn eat(text: &str, at: usize, lower: &str) -> Option<usize> {
    let mut rest = text[at..].char_indices();
    for want in lower.chars() {
        let (_, c) = rest.next()?;
        if c != want && !c.to_lowercase().eq(std::iter::once(want)) {
            return None;
        }
    }
    Some(rest.next().map_or(text.len(), |(i, _)| at + i))
}

/// Whether a word may end at `at`: the next character is not part of it.
fn word_ends(text: &str, at: usize) -> bool {
    !text[at..].starts_with(char::is_alphanumeric)
}

/// Whether a word may start at `at`.
fn word_starts(text: &str, at: usize) -> bool {
    !text[..at].ends_with(char::is_alphanumeric)
}

/// Where `words` end when they start at `at`, separated by white space.
fn match_words(text: &str, at: usize, words: &[Word]) -> Option<usize> {
    let (first, rest) = words.split_first()?;
    for end in first.ends(text, at) {
        let ended = word_ends(text, end) || !text[..end].ends_with(char::is_alphanumeric);
        if !ended {
            continue;
        }
        if rest.is_empty() {
            return Some(end);
        }
        let next = text[end..]
            .find(|c: char| !c.is_whitespace())
            .map_or(text.len(), |i| end + i);
        if next > end
            && let Some(e) = match_words(text, next, rest)
        {
            return Some(e);
        }
    }
    None
}

/// A citation of an act in a text.
#[derive(Debug, Clone)]
pub struct Citation<'t> {
    /// Where it is, in bytes of the text: the name and the number when the
    /// name comes just before it (`Perusopetuslaki (628/1998)`), else
    /// either one.
    pub range: Range<usize>,
    /// The number cited, or that of the act a name names.
    pub number: ActNumber,
    /// The act in the table, when it has it.
    pub act: Option<&'t Act>,
}

/// Words just before a number that make it something other than an act of
/// a statute book: an EU act (`(EU) 2018/1725`), a government proposal
/// (`HE 9/2026 vp`, `RP 9/2026 rd`), a record number.
const NOT_AN_ACT: &[&str] = &[
    "EU", "EY", "EC", "ETY", "EEC", "EG", "EEG", "HE", "RP", "dnro", "Dnro", "dnr", "Dnr",
];

/// The act numbers in `text`: `(range, number)`, in order. A two-digit
/// year is of this century up to `year`, else of the last.
fn numbers(text: &str, year: u16) -> Vec<(Range<usize>, ActNumber)> {
    let b = text.as_bytes();
    let run = |from: usize| {
        b[from..]
            .iter()
            .position(|c| !c.is_ascii_digit())
            .map_or(b.len(), |i| from + i)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let first_end = run(i);
        let start = i;
        i = first_end;
        // Not in the middle of a word or of another number: "§ 4.523/1999"
        // or "95/46/EY" are not acts.
        if text[..start].ends_with(|c: char| c.is_alphanumeric() || "/:.,-".contains(c)) {
            continue;
        }
        let Some(&sep) = b.get(first_end).filter(|s| matches!(s, b'/' | b':')) else {
            continue;
        };
        let second = first_end + 1;
        let end = run(second);
        if text[end..].starts_with(|c: char| c.is_alphanumeric() || "/:".contains(c)) {
            continue;
        }
        let (a, z) = (&text[start..first_end], &text[second..end]);
        let found = match (sep, a.len(), z.len()) {
            (b'/', 1..=4, 4) => z.parse().ok().map(|y| (a, y, Jurisdiction::Finland)),
            (b'/', 1..=4, 2) => z.parse::<u16>().ok().map(|yy| {
                let y = if 2000 + yy <= year {
                    2000 + yy
                } else {
                    1900 + yy
                };
                (a, y, Jurisdiction::Finland)
            }),
            (b':', 4, 1..=4) => a.parse().ok().map(|y| (z, y, Jurisdiction::Sweden)),
            _ => None,
        };
        let Some((n, y, jurisdiction)) = found else {
            continue;
        };
        let Ok(number) = n.parse() else { continue };
        let before = text[..start].trim_end_matches(|c: char| c.is_whitespace() || c == '(');
        let before = before.trim_end_matches(')');
        let word = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if NOT_AN_ACT.contains(&word) {
            i = end;
            continue;
        }
        // "SFS 1998:204": the prefix is part of the citation.
        let from = match text[..start].trim_end().strip_suffix("SFS") {
            Some(s) if jurisdiction == Jurisdiction::Sweden && word_starts(text, s.len()) => {
                s.len()
            }
            _ => start,
        };
        out.push((
            from..end,
            ActNumber {
                jurisdiction,
                year: y,
                number,
            },
        ));
        i = end;
    }
    out
}

/// The table of acts.
#[derive(Debug)]
pub struct Laws {
    acts: Vec<Act>,
    /// The names of the acts by their first letter: (act, name) indexes.
    /// A text is scanned word by word, and only the names that can start
    /// with a word's letter are tried there.
    by_initial: HashMap<char, Vec<(usize, usize)>>,
}

/// The acts of `laws.toml`, read at first use.
pub fn table() -> &'static Laws {
    static TABLE: LazyLock<Laws> = LazyLock::new(|| {
        Laws::parse(include_str!("laws.toml")).expect("src/lint/laws.toml is valid (tested)")
    });
    &TABLE
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTable {
    acts: Vec<RawAct>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAct {
    number: String,
    fi: Option<String>,
    sv: Option<String>,
    en: String,
    in_force: Option<toml::value::Datetime>,
    repealed: Option<toml::value::Datetime>,
    replaced_by: Option<String>,
    #[serde(default, rename = "match")]
    names: Vec<String>,
}

impl Laws {
    /// Reads a table written like `laws.toml`.
    pub fn parse(source: &str) -> Result<Laws, String> {
        let raw: RawTable = toml::from_str(source).map_err(|e| e.to_string())?;
        let date = |d: Option<toml::value::Datetime>, number: &str| match d {
            None => Ok(None),
            Some(toml::value::Datetime {
                date: Some(d),
                time: None,
                offset: None,
            }) => Date::new(d.year, d.month, d.day)
                .map(Some)
                .ok_or_else(|| format!("{number}: invalid date")),
            Some(_) => Err(format!("{number}: a date is written 2019-01-01")),
        };
        let mut acts = Vec::new();
        for a in raw.acts {
            let number =
                ActNumber::parse(&a.number).ok_or_else(|| format!("{}: not a number", a.number))?;
            let replaced_by = match &a.replaced_by {
                Some(r) => Some(ActNumber::parse(r).ok_or_else(|| format!("{r}: not a number"))?),
                None => None,
            };
            let names = a
                .names
                .iter()
                .map(|n| n.split_whitespace().map(Word::parse).collect())
                .collect();
            acts.push(Act {
                number,
                in_force: date(a.in_force, &a.number)?,
                repealed: date(a.repealed, &a.number)?,
                fi: a.fi,
                sv: a.sv,
                en: a.en,
                replaced_by,
                names,
            });
        }
        let mut by_initial: HashMap<char, Vec<(usize, usize)>> = HashMap::new();
        for (i, act) in acts.iter().enumerate() {
            for (j, name) in act.names.iter().enumerate() {
                if let Some(c) = name.first().and_then(Word::initial) {
                    by_initial.entry(c).or_default().push((i, j));
                }
            }
        }
        Ok(Laws { acts, by_initial })
    }

    pub fn acts(&self) -> &[Act] {
        &self.acts
    }

    pub fn get(&self, number: ActNumber) -> Option<&Act> {
        self.acts.iter().find(|a| a.number == number)
    }

    /// The citations of acts in `text`, in order. A name several acts
    /// share is the act of `within`; a two-digit year is read as the
    /// latest year up to `year` (`523/99` is 523/1999 in 2026).
    pub fn cite(&self, text: &str, within: Jurisdiction, year: u16) -> Vec<Citation<'_>> {
        // Names: at each start of a word, the longest; of the acts that
        // have it, the one of `within` if any.
        let mut names: Vec<(Range<usize>, &Act)> = Vec::new();
        for (at, _) in text.char_indices() {
            if !word_starts(text, at) || !text[at..].starts_with(char::is_alphabetic) {
                continue;
            }
            if names.last().is_some_and(|(r, _)| at < r.end) {
                continue;
            }
            let mut best: Option<(usize, &Act)> = None;
            let initial = text[at..]
                .chars()
                .next()
                .into_iter()
                .flat_map(char::to_lowercase);
            let candidates = initial
                .filter_map(|c| self.by_initial.get(&c))
                .flatten()
                .map(|&(i, j)| (&self.acts[i], &self.acts[i].names[j]));
            for (act, name) in candidates {
                {
                    let Some(end) = match_words(text, at, name) else {
                        continue;
                    };
                    let better = match best {
                        None => true,
                        Some((e, a)) => {
                            end > e
                                || (end == e
                                    && a.number.jurisdiction != within
                                    && act.number.jurisdiction == within)
                        }
                    };
                    if better {
                        best = Some((end, act));
                    }
                }
            }
            if let Some((end, act)) = best {
                names.push((at..end, act));
            }
        }
        let mut out: Vec<Citation<'_>> = Vec::new();
        let numbers = numbers(text, year);
        for (range, number) in &numbers {
            out.push(Citation {
                range: range.clone(),
                number: *number,
                act: self.get(*number),
            });
        }
        for (range, act) in names {
            // "Perusopetuslaki (628/1998)", "Henkilötietolaki 523/1999".
            let gap = &text[range.end..];
            let spaced = gap.trim_start();
            let (paren, after) = match spaced.strip_prefix('(') {
                Some(a) => (true, a.trim_start()),
                None => (false, spaced),
            };
            let at = text.len() - after.len();
            if let Some(c) = out
                .iter_mut()
                .find(|c| c.range.start == at && (paren || at > range.end))
            {
                c.range.start = range.start;
                if paren && text[c.range.end..].starts_with(')') {
                    c.range.end += 1;
                }
                continue;
            }
            out.push(Citation {
                range,
                number: act.number,
                act: Some(act),
            });
        }
        out.sort_by_key(|c| c.range.start);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VALID: &str = include_str!("../../tests/fixtures/cli/valid.toml");
    const VALID_LAW: &str = "law = { fi = \"Perusopetuslaki (628/1998)\", sv = \"Lagen om grundläggande utbildning (628/1998)\", en = \"Basic Education Act (628/1998)\" }";

    /// The valid notice with the first purpose's `law` and `updated`
    /// replaced, and its source.
    fn with_law_source(updated: &str, law: &str) -> (Notice, String) {
        assert!(VALID.contains(VALID_LAW) && VALID.contains("updated = 2026-11-21"));
        let src = VALID
            .replacen(VALID_LAW, &format!("law = {law}"), 1)
            .replace("updated = 2026-11-21", &format!("updated = {updated}"));
        let loaded = crate::load::load_bytes(crate::source::FileId(0), 0, src.as_bytes());
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        (loaded.document.expect("loads"), src)
    }

    fn with_law(updated: &str, law: &str) -> Notice {
        with_law_source(updated, law).0
    }

    /// Each citation as (the text it covers, the number, whether the table
    /// has the act).
    fn cite(text: &str) -> Vec<(String, String, bool)> {
        cite_in(text, Jurisdiction::Finland)
    }

    fn cite_in(text: &str, within: Jurisdiction) -> Vec<(String, String, bool)> {
        table()
            .cite(text, within, 2026)
            .into_iter()
            .map(|c| {
                let covered = text[c.range].to_string();
                (covered, c.number.to_string(), c.act.is_some())
            })
            .collect()
    }

    /// One citation of an act of the table.
    fn one(covered: &str, number: &str) -> Vec<(String, String, bool)> {
        vec![(covered.to_string(), number.to_string(), true)]
    }

    #[test]
    fn numbers_with_and_without_names() {
        assert_eq!(cite("523/1999"), one("523/1999", "523/1999"));
        assert_eq!(cite("(628/1998)"), one("628/1998", "628/1998"));
        assert_eq!(
            cite("Perusopetuslaki (628/1998)"),
            one("Perusopetuslaki (628/1998)", "628/1998")
        );
        assert_eq!(
            cite("Henkilötietolaki 523/1999"),
            one("Henkilötietolaki 523/1999", "523/1999")
        );
        assert_eq!(
            cite("enligt lagen om grundläggande utbildning (628/1998)."),
            one("lagen om grundläggande utbildning (628/1998)", "628/1998")
        );
        // A section after the number is not part of the citation.
        assert_eq!(
            cite("Tietosuojalaki (1050/2018) 4 §"),
            one("Tietosuojalaki (1050/2018)", "1050/2018")
        );
        assert_eq!(
            cite("tietosuojalaki (1050/2018), 6 § ja 29 §"),
            one("tietosuojalaki (1050/2018)", "1050/2018")
        );
        // The number says which act it is, whatever the name.
        assert_eq!(
            cite("Henkilötietolaki (1050/2018)"),
            one("Henkilötietolaki (1050/2018)", "1050/2018")
        );
        // English names are descriptions: only the number is a citation.
        assert_eq!(
            cite("Basic Education Act (628/1998), section 40"),
            one("628/1998", "628/1998")
        );
        assert_eq!(
            cite("Perusopetuslaki (628/1998) ja lukiolaki (714/2018): opetus"),
            [
                one("Perusopetuslaki (628/1998)", "628/1998"),
                one("lukiolaki (714/2018)", "714/2018"),
            ]
            .concat()
        );
    }

    #[test]
    fn two_digit_years() {
        assert_eq!(cite("523/99"), one("523/99", "523/1999"));
        assert_eq!(
            cite("Henkilötietolaki (523/99)"),
            one("Henkilötietolaki (523/99)", "523/1999")
        );
        assert_eq!(cite("540/18"), one("540/18", "540/2018"));
        // Up to the year of the notice, this century; after it, the last.
        assert_eq!(cite("1/26")[0].1, "1/2026");
        assert_eq!(cite("1/27")[0].1, "1/1927");
    }

    #[test]
    fn swedish_numbers() {
        assert_eq!(cite("SFS 1998:204"), one("SFS 1998:204", "1998:204"));
        assert_eq!(cite("1998:204"), one("1998:204", "1998:204"));
        assert_eq!(
            cite("Personuppgiftslagen (1998:204)"),
            one("Personuppgiftslagen (1998:204)", "1998:204")
        );
        assert_eq!(
            cite("skollagen (SFS 2010:800) 26 kap."),
            one("skollagen (SFS 2010:800)", "2010:800")
        );
    }

    #[test]
    fn unknown_numbers_are_citations_of_no_known_act() {
        assert_eq!(
            cite("Tilastolaki (280/2004)"),
            [("280/2004".to_string(), "280/2004".to_string(), false)]
        );
    }

    #[test]
    fn names_alone_in_any_case_and_form() {
        for (text, covered, number) in [
            ("Henkilötietolaki", "Henkilötietolaki", "523/1999"),
            (
                "Tiedot käsitellään henkilötietolain mukaisesti.",
                "henkilötietolain",
                "523/1999",
            ),
            (
                "henkilötietolakia noudattaen",
                "henkilötietolakia",
                "523/1999",
            ),
            ("HENKILÖTIETOLAISSA", "HENKILÖTIETOLAISSA", "523/1999"),
            (
                "lasten päivähoidosta annetun lain nojalla",
                "lasten päivähoidosta annetun lain",
                "36/1973",
            ),
            (
                "lain lasten päivähoidosta",
                "lain lasten päivähoidosta",
                "36/1973",
            ),
            (
                "enligt lagen om barndagvård",
                "lagen om barndagvård",
                "36/1973",
            ),
            (
                "Oppilas- ja opiskelijahuoltolain 20 §",
                "Oppilas- ja opiskelijahuoltolain",
                "1287/2013",
            ),
        ] {
            assert_eq!(cite(text), one(covered, number), "{text}");
        }
        // The longest name: the Finnish act on data protection in
        // electronic communications, not Tietosuojalaki.
        assert_eq!(
            cite("sähköisen viestinnän tietosuojalain mukaan"),
            one("sähköisen viestinnän tietosuojalain", "516/2004")
        );
        // Not a name: a municipality's resident, the register of students.
        assert!(cite("kuntalainen, kuntalaiset").is_empty());
        assert!(cite("tiedot lasten päivähoidosta").is_empty());
        assert!(cite("lakiasiat, lainsäädäntö").is_empty());
    }

    #[test]
    fn a_name_two_jurisdictions_share_is_the_notices() {
        assert_eq!(
            cite_in("enligt personuppgiftslagen", Jurisdiction::Finland),
            one("personuppgiftslagen", "523/1999")
        );
        assert_eq!(
            cite_in("enligt personuppgiftslagen", Jurisdiction::Sweden),
            one("personuppgiftslagen", "1998:204")
        );
    }

    #[test]
    fn numbers_that_are_not_acts() {
        for text in [
            "asetus (EU) 2018/1725",
            "Regulation (EU) 2016/679",
            "direktiivi 95/46/EY",
            "HE 9/2026 vp",
            "prop. 2017/18:105",
            "1/2 tuntia",
            "klo 12:30",
            "v. 2026",
            "puh. 09 123 4567",
            "dnro 12/2019",
            "ohje 4.523/1999",
        ] {
            assert!(cite(text).is_empty(), "{text}: {:?}", cite(text));
        }
    }

    #[test]
    fn the_table_is_valid() {
        let laws = table();
        assert!(laws.acts().len() >= 29);
        let mut seen = Vec::new();
        for a in laws.acts() {
            let n = a.number;
            assert!(!seen.contains(&n), "{n} twice");
            seen.push(n);
            // The name in its own language, and its number in that form.
            let own = match n.jurisdiction {
                Jurisdiction::Finland => &a.fi,
                Jurisdiction::Sweden => &a.sv,
            };
            assert!(own.is_some(), "{n}: no name in its own language");
            assert!(!a.en.is_empty());
            if let (Some(f), Some(r)) = (a.in_force, a.repealed) {
                assert!(f < r, "{n}: repealed before it was in force");
            }
            assert!(n.year >= 1900, "{n}");
            if let Some(r) = a.replaced_by {
                let s = laws
                    .get(r)
                    .unwrap_or_else(|| panic!("{n}: {r} is not in the table"));
                assert!(a.repealed.is_some(), "{n}: replaced but not repealed");
                assert_eq!(s.number.jurisdiction, n.jurisdiction, "{n}");
                assert!(!s.repealed_at(a.repealed.unwrap()), "{n}: {r} repealed too");
                if let Some(f) = s.in_force {
                    assert!(
                        f <= a.repealed.unwrap(),
                        "{n}: {r} in force after the repeal"
                    );
                }
            }
            // Each name of a match is matched by itself, and cites this act
            // within its own jurisdiction.
            for name in &a.names {
                let written: Vec<String> = name
                    .iter()
                    .map(|w| match w {
                        Word::Exact(s) | Word::Lag(s) | Word::Prefix(s) => s.clone(),
                        Word::Laki(s) => format!("{s}ki"),
                    })
                    .collect();
                let text = written.join(" ");
                let found = laws.cite(&text, n.jurisdiction, 2026);
                assert_eq!(found.len(), 1, "{text}");
                assert_eq!(found[0].number, n, "{text} names another act");
                assert_eq!(found[0].range, 0..text.len(), "{text}");
            }
        }
        // The names of the repealed acts they replaced still find them.
        assert_eq!(cite("Henkilötietolaki")[0].1, "523/1999");
    }

    #[test]
    fn act_numbers_parse_strictly() {
        assert_eq!(
            ActNumber::parse("628/1998").map(|n| n.to_string()),
            Some("628/1998".into())
        );
        assert_eq!(
            ActNumber::parse("1998:204").map(|n| n.to_string()),
            Some("1998:204".into())
        );
        for bad in [
            "628/98",
            "628-1998",
            "98:204",
            "SFS 1998:204",
            "/1998",
            "12345/1998",
        ] {
            assert!(ActNumber::parse(bad).is_none(), "{bad}");
        }
    }

    /// A repeal in the future is data too: nothing before its date, an
    /// error from it on.
    #[test]
    fn a_future_repeal_takes_effect_on_its_date() {
        let laws = Laws::parse(
            r#"
[[acts]]
number = "1/2020"
fi = "Esimerkkilaki"
en = "Example Act"
in_force = 2020-01-01
repealed = 2027-01-01
replaced_by = "2/2026"
match = ["esimerkkilaki"]

[[acts]]
number = "2/2026"
fi = "Uusi esimerkkilaki"
en = "New Example Act"
in_force = 2027-01-01
"#,
        )
        .expect("parses");
        let notice = |updated: &str, law: &str| {
            with_law(
                updated,
                &format!("{{ fi = \"{law}\", en = \"Example Act (1/2020)\" }}"),
            )
        };
        let found = |updated: &str, law: &str| {
            let n = notice(updated, law);
            let date = n.updated.as_ref().unwrap().value;
            findings(&laws, &n, true, date)
                .iter()
                .map(|f| (f.act.number.to_string(), f.at.len()))
                .collect::<Vec<_>>()
        };
        assert_eq!(found("2026-12-31", "Esimerkkilaki (1/2020)"), []);
        assert_eq!(
            found("2027-01-01", "Esimerkkilaki (1/2020)"),
            [("1/2020".to_string(), 2)]
        );
        assert_eq!(
            found("2027-01-01", "esimerkkilain mukaan"),
            [("1/2020".to_string(), 2)]
        );
        // Texts other than `law` are G034's.
        let n = notice("2027-01-01", "Esimerkkilaki (1/2020)");
        assert!(findings(&laws, &n, false, Date::new(2027, 1, 1).unwrap()).is_empty());
    }

    #[test]
    fn messages_and_spans() {
        let law = "{ fi = \"Henkilötietolaki (523/1999) 8 §\", sv = \"\"\"\npersonuppgiftslagen\"\"\", en = \"Personal Data Act (523/99)\" }";
        let (n, src) = with_law_source("2026-11-21", law);
        let d = crate::lint::check(&n, &[]);
        let g: Vec<_> = d.iter().filter(|d| d.code.code == "G033").collect();
        assert_eq!(g.len(), 1, "{d:?}");
        assert_eq!(
            g[0].message,
            "Henkilötietolaki (523/1999) was repealed on 1.1.2019; Tietosuojalaki (1050/2018) replaced it"
        );
        // One line without escapes: the citation itself; a multi-line
        // string: all of it.
        assert_eq!(&src[g[0].span.clone()], "Henkilötietolaki (523/1999)");
        let also: Vec<&str> = g[0]
            .secondary
            .iter()
            .map(|l| &src[l.span.clone()])
            .collect();
        assert_eq!(also, ["\"\"\"\npersonuppgiftslagen\"\"\"", "523/99"]);
        assert_eq!(
            g[0].help.as_deref(),
            Some(
                "cite the act in force: Tietosuojalaki (1050/2018); sv: Dataskyddslag; en: Data Protection Act"
            )
        );
    }
}
