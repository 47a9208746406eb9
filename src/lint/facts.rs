//! Rule Q019 facts-agree: the facts that do not depend on language (figures
//! with their units, dates, e-mail and web addresses, phone numbers, act
//! numbers, business ids, country codes) are the same in every language of
//! a field.
//!
//! How each language writes them (its decimal mark, month names, unit words
//! and number words) is data: `facts/<lang>.toml`, one file per language,
//! embedded by `build.rs`. A language without a file is not compared.
//!
//! The notice's first language is the reference: every other language is
//! compared with it, and a difference is reported at the other language's
//! text. To keep false alarms rare, a figure that one language writes as a
//! word ("kaksi viikkoa", "two weeks") is not missing; the figure 1, a
//! figure without a unit, an act number, a web address and a country code
//! are only reported when they stand where the reference has another one
//! ("a year" is "1 year"); a
//! figure without a unit word agrees with the same figure with one; and web
//! addresses are compared by their host (a page may have an address of its
//! own in each language).

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

use serde::Deserialize;

use super::laws::span_in;
use super::{Annotate, Ctx};
use crate::diagnostic::rule;
use crate::model::{Country, Lang, Located};

rule! {
    Q019 "facts-agree" Warning "Art. 12(1)",
    "A figure, date, address or number differs between the languages of a text.",
    "Every language of a notice must say the same thing (Art. 12(1)): a reader of the Swedish \
text is told how long their data are kept as surely as a reader of the Finnish one. Translations \
drift when one language is edited and the others are not, and the facts that do not depend on \
language show it: in each text, the figures (with their units: \"2 vuotta\", \"2 år\" and \"2 \
years\" agree), dates in any usual form (\"1.8.2026\", \"1 augusti 2026\", \"1 August 2026\", \
\"2026-08-01\"), e-mail addresses, web addresses (by host: a page may have its own address in \
each language), phone numbers (\"+358 9 123 4567\" is \"09 123 4567\"), act numbers \
(\"628/1998\", \"SFS 2018:218\"), business ids and country codes must be the same in every \
language.\n\nThe notice's first language (the first of `languages`) is the reference: each other \
language is compared with it, and a difference is reported at the other language's text, naming \
what the reference says. When every other language disagrees with the reference in the same \
way, the reference may be the one that is wrong; the help says so. A figure may be written in \
digits or in words (\"kaksi viikkoa\" is \"2 weeks\"), and the figure 1 is reported only \
where the reference has another figure, since \"a year\" is \"1 year\"; so are a figure \
without a unit (\"grades 7–9\" may explain a word of another language), an act number and a \
country code (the other language may name the act or the country) and a web address (a page in \
one language only may be left out of the others). How each language writes dates, units and \
number words is data (src/lint/facts/<lang>.toml).\n\nFix: correct the \
text that is wrong, so that every language says the same.";
}

/// How one language writes facts: `facts/<lang>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Words {
    decimal: char,
    thousands: Vec<char>,
    #[serde(default)]
    ordinal_suffixes: Vec<String>,
    #[serde(default)]
    am: Vec<String>,
    #[serde(default)]
    pm: Vec<String>,
    months: Vec<Vec<String>>,
    #[serde(default)]
    not_countries: Vec<String>,
    units: BTreeMap<Unit, Vec<String>>,
    numbers: BTreeMap<u32, Vec<String>>,
    /// `months`, `units` and `numbers` for look-up (filled in when the
    /// file is read).
    #[serde(skip)]
    month_words: Lexicon<u8>,
    #[serde(skip)]
    unit_words: Lexicon<Unit>,
    #[serde(skip)]
    number_words: Lexicon<u32>,
}

/// Words to what they mean: whole words, and stems (`*` patterns), of
/// which the longest that starts a word wins ("kahdeksa*" before
/// "kahde*"). A whole word wins over a stem.
#[derive(Debug)]
struct Lexicon<K> {
    exact: HashMap<String, K>,
    /// Longest first.
    stems: Vec<(String, K)>,
    /// The first bytes of its words and stems: most words of a text start
    /// otherwise and need no look-up.
    initials: [bool; 256],
}

impl<K> Default for Lexicon<K> {
    fn default() -> Self {
        Lexicon {
            exact: HashMap::new(),
            stems: Vec::new(),
            initials: [false; 256],
        }
    }
}

impl<K: Copy> Lexicon<K> {
    fn new<'a>(entries: impl IntoIterator<Item = (K, &'a String)>) -> Self {
        let mut lexicon = Lexicon::default();
        for (k, pattern) in entries {
            if let Some(b) = pattern.bytes().next() {
                lexicon.initials[usize::from(b)] = true;
            }
            match pattern.strip_suffix('*') {
                Some(stem) => lexicon.stems.push((stem.to_string(), k)),
                None => {
                    lexicon.exact.entry(pattern.clone()).or_insert(k);
                }
            }
        }
        lexicon
            .stems
            .sort_by_key(|(stem, _)| std::cmp::Reverse(stem.len()));
        lexicon
    }

    /// What a word means, as it is written (in any case).
    fn find(&self, written: &str) -> Option<K> {
        let first = written.chars().next()?;
        let mut buf = [0; 4];
        let initial = first
            .to_lowercase()
            .next()
            .unwrap_or(first)
            .encode_utf8(&mut buf);
        if !self.initials[usize::from(initial.as_bytes()[0])] {
            return None;
        }
        self.get(&lower(written))
    }

    /// What a word in lower case means.
    fn get(&self, word: &str) -> Option<K> {
        if !word
            .bytes()
            .next()
            .is_some_and(|b| self.initials[usize::from(b)])
        {
            return None;
        }
        self.exact.get(word).copied().or_else(|| {
            self.stems
                .iter()
                .find(|(stem, _)| word.starts_with(stem.as_str()))
                .map(|(_, k)| *k)
        })
    }
}

/// Every language's words, by language code.
pub(crate) fn languages() -> &'static HashMap<String, Words> {
    static TABLE: LazyLock<HashMap<String, Words>> = LazyLock::new(|| {
        super::data::FACTS
            .iter()
            .filter_map(|(name, text)| {
                let lang = name.strip_suffix(".toml")?;
                let mut w: Words = toml::from_str(text)
                    .unwrap_or_else(|e| panic!("src/lint/facts/{name} is valid (tested): {e}"));
                w.month_words = Lexicon::new(w.months.iter().enumerate().flat_map(|(m, forms)| {
                    let m = u8::try_from(m + 1).unwrap_or(u8::MAX);
                    forms.iter().map(move |f| (m, f))
                }));
                w.unit_words = Lexicon::new(
                    w.units
                        .iter()
                        .flat_map(|(u, forms)| forms.iter().map(move |f| (*u, f))),
                );
                w.number_words = Lexicon::new(
                    w.numbers
                        .iter()
                        .flat_map(|(n, forms)| forms.iter().map(move |f| (*n, f))),
                );
                Some((lang.to_string(), w))
            })
            .collect()
    });
    &TABLE
}

/// Whether `c` is a letter: `char::is_alphabetic`, with the letters of
/// Finnish and Swedish (Latin-1) answered without a table look-up.
pub(crate) fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{0}'..='\u{7f}' | '×' | '÷' => false,
        'À'..='ÿ' => true,
        _ => c.is_alphabetic(),
    }
}

/// Whether `c` is a letter or a digit (see [`is_letter`]).
pub(crate) fn is_letter_or_digit(c: char) -> bool {
    c.is_ascii_digit() || is_letter(c) || (!c.is_ascii() && c.is_numeric())
}

/// `s` in lower case: `str::to_lowercase`, with Latin-1 letters mapped
/// without a table look-up (most words of a notice are ASCII or Latin-1).
pub(crate) fn lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            '\u{0}'..='\u{7f}' | 'ß'..='ÿ' => out.push(c),
            'À'..='Þ' if c != '×' => out.push(char::from_u32(u32::from(c) + 32).unwrap_or(c)),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Whether a word (in lower case) is one of `patterns`: the same word, or,
/// for a pattern ending in `*`, a word that starts with the rest.
pub(crate) fn matches_word(patterns: &[String], word: &str) -> bool {
    patterns.iter().any(|p| match p.strip_suffix('*') {
        Some(stem) => word.starts_with(stem),
        None => word == p,
    })
}

/// What a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Unit {
    Year,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Percent,
    Euro,
}

impl Unit {
    fn name(self, one: bool) -> &'static str {
        match (self, one) {
            (Unit::Year, true) => "year",
            (Unit::Year, false) => "years",
            (Unit::Month, true) => "month",
            (Unit::Month, false) => "months",
            (Unit::Week, true) => "week",
            (Unit::Week, false) => "weeks",
            (Unit::Day, true) => "day",
            (Unit::Day, false) => "days",
            (Unit::Hour, true) => "hour",
            (Unit::Hour, false) => "hours",
            (Unit::Minute, true) => "minute",
            (Unit::Minute, false) => "minutes",
            (Unit::Percent, _) => "%",
            (Unit::Euro, _) => "€",
        }
    }
}

/// A fact as it is compared.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    /// A figure: digits, with `.` before any decimals and no leading or
    /// trailing zeros ("8.00" is "8", "2,50" is "2.5").
    Number {
        value: String,
        unit: Option<Unit>,
    },
    Date {
        year: Option<u16>,
        month: Option<u8>,
        day: Option<u8>,
    },
    Email(String),
    /// By host, without `www.`.
    Url(String),
    /// Digits, after a `+` when written with a country code.
    Phone(String),
    /// `628/1998` or `2018:218`.
    Statute(String),
    /// A business id: `0123456-7`, `556677-8899`.
    BusinessId(String),
    Country(String),
}

impl Value {
    fn kind(&self) -> &'static str {
        match self {
            Value::Number { .. } => "figure",
            Value::Date { .. } => "date",
            Value::Email(_) => "e-mail address",
            Value::Url(_) => "web address",
            Value::Phone(_) => "phone number",
            Value::Statute(_) => "act number",
            Value::BusinessId(_) => "business id",
            Value::Country(_) => "country code",
        }
    }

    /// Whether `self` and `other` say the same.
    fn same(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Number { value: a, unit: ua }, Value::Number { value: b, unit: ub }) => {
                a == b && (ua.is_none() || ub.is_none() || ua == ub)
            }
            (
                Value::Date {
                    year: ya,
                    month: ma,
                    day: da,
                },
                Value::Date {
                    year: yb,
                    month: mb,
                    day: db,
                },
            ) => {
                fn agree<T: PartialEq>(a: &Option<T>, b: &Option<T>) -> bool {
                    a.is_none() || b.is_none() || a == b
                }
                agree(ya, yb) && agree(ma, mb) && agree(da, db)
            }
            (Value::Phone(a), Value::Phone(b)) => same_phone(a, b),
            _ => self == other,
        }
    }
}

/// `+358 9 123 4567` is `09 123 4567`: a number with a country code is the
/// same as one with a leading 0 when the rest is the same.
fn same_phone(a: &str, b: &str) -> bool {
    let national = |s: &str| s.trim_start_matches('0').to_string();
    match (a.strip_prefix('+'), b.strip_prefix('+')) {
        (Some(x), Some(y)) => x == y,
        (None, None) => national(a) == national(b),
        (Some(intl), None) | (None, Some(intl)) => {
            let rest = national(if a.starts_with('+') { b } else { a });
            intl.len() > rest.len()
                && intl.len() - rest.len() <= 3
                && intl.ends_with(&rest)
                && !rest.is_empty()
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        match self {
            Value::Number { value, unit: None } => f.write_str(value),
            Value::Number {
                value,
                unit: Some(u),
            } => write!(f, "{value} {}", u.name(value == "1")),
            Value::Date { year, month, day } => {
                let mut parts = Vec::new();
                if let Some(d) = day {
                    parts.push(d.to_string());
                }
                if let Some(m) = month {
                    parts.push(MONTHS[usize::from(*m) - 1].to_string());
                }
                if let Some(y) = year {
                    parts.push(y.to_string());
                }
                f.write_str(&parts.join(" "))
            }
            Value::Email(s)
            | Value::Url(s)
            | Value::Phone(s)
            | Value::Statute(s)
            | Value::BusinessId(s)
            | Value::Country(s) => f.write_str(s),
        }
    }
}

/// One fact of a text: what it says and where it is written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Fact {
    pub value: Value,
    /// Byte range in the text.
    pub range: Range<usize>,
    /// A figure written as a word: it excuses a missing figure but is not
    /// compared.
    pub word: bool,
}

/// [`extract`] with a language's words of `languages()`, once per text in
/// a process: a vendor's bound notices repeat the service's texts for
/// every customer.
fn extract_once(text: &str, lang: &Lang, w: &'static Words) -> Vec<Fact> {
    static FACTS: crate::fingerprint::TextCache<std::sync::Arc<Vec<Fact>>> =
        crate::fingerprint::TextCache::new();
    FACTS
        .get_or(crate::fingerprint::of(&(lang.as_str(), text)), || {
            std::sync::Arc::new(extract(text, w))
        })
        .as_ref()
        .clone()
}

/// Every fact of `text`, written in a language that writes facts as `w`
/// does, in the order they are written.
pub(crate) fn extract(text: &str, w: &Words) -> Vec<Fact> {
    let mut x = Extractor {
        s: text,
        w,
        taken: vec![false; text.len()],
        facts: Vec::new(),
    };
    x.urls();
    x.emails();
    x.at_digits(|x, i| x.business_id(i));
    x.at_digits(|x, i| x.numeric_date(i));
    x.at_digits(|x, i| x.statute(i));
    x.phones();
    x.words();
    x.facts.sort_by_key(|f| f.range.start);
    x.facts
}

struct Extractor<'s> {
    s: &'s str,
    w: &'s Words,
    /// Bytes that belong to a fact already found.
    taken: Vec<bool>,
    facts: Vec<Fact>,
}

fn is_digit(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_digit())
}

impl<'s> Extractor<'s> {
    fn before(&self, i: usize) -> Option<char> {
        self.s[..i].chars().next_back()
    }

    fn at(&self, i: usize) -> Option<char> {
        self.s.get(i..).and_then(|r| r.chars().next())
    }

    /// The number of ASCII digits from `i`.
    fn digits(&self, i: usize) -> usize {
        self.s.as_bytes()[i.min(self.s.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    }

    fn free(&self, r: &Range<usize>) -> bool {
        !self.taken[r.clone()].iter().any(|t| *t)
    }

    fn take(&mut self, range: Range<usize>, value: Value) {
        for t in &mut self.taken[range.clone()] {
            *t = true;
        }
        self.facts.push(Fact {
            value,
            range,
            word: false,
        });
    }

    /// Calls `f` at the start of every free run of digits; `f` returns the
    /// end of what it took.
    fn at_digits(&mut self, f: impl Fn(&mut Self, usize) -> Option<usize>) {
        let mut i = 0;
        while i < self.s.len() {
            let b = self.s.as_bytes()[i];
            if b.is_ascii_digit() && !self.taken[i] && !is_digit(self.before(i)) {
                if let Some(end) = f(self, i) {
                    i = end;
                    continue;
                }
                i += self.digits(i);
                continue;
            }
            i += 1;
        }
    }

    fn urls(&mut self) {
        let s = self.s;
        if !s.contains("://") && !s.contains("www.") && !s.contains("WWW.") {
            return;
        }
        let lower = s.to_ascii_lowercase();
        let mut from = 0;
        while let Some(found) = ["https://", "http://", "www."]
            .iter()
            .filter_map(|p| lower[from..].find(p).map(|at| at + from))
            .min()
        {
            let start = found;
            let mut end = self.s[start..]
                .find(|c: char| c.is_whitespace() || "<>\"'()[]`".contains(c))
                .map_or(self.s.len(), |e| start + e);
            while end > start && self.s[..end].ends_with(['.', ',', ';', ':', '!', '?']) {
                end -= 1;
            }
            let before = self.before(start);
            let url = &lower[start..end];
            let rest = url
                .strip_prefix("https://")
                .or_else(|| url.strip_prefix("http://"))
                .unwrap_or(url);
            let host = rest.split(['/', '?', '#', ':']).next().unwrap_or("");
            let host = host.strip_prefix("www.").unwrap_or(host);
            if host.contains('.')
                && !before.is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '/')
                && self.free(&(start..end))
            {
                self.take(start..end, Value::Url(host.to_string()));
            }
            from = end.max(start + 1);
        }
    }

    fn emails(&mut self) {
        let local = |c: char| c.is_alphanumeric() || "._%+-".contains(c);
        let domain = |c: char| c.is_alphanumeric() || ".-".contains(c);
        for (at, _) in self.s.match_indices('@') {
            let start = self.s[..at]
                .char_indices()
                .rev()
                .take_while(|(_, c)| local(*c))
                .last()
                .map_or(at, |(i, _)| i);
            let mut end = self.s[at + 1..]
                .char_indices()
                .take_while(|(_, c)| domain(*c))
                .last()
                .map_or(at + 1, |(i, c)| at + 1 + i + c.len_utf8());
            while self.s[..end].ends_with(['.', '-']) {
                end -= 1;
            }
            let host = &self.s[at + 1..end.max(at + 1)];
            if start < at && host.contains('.') && self.free(&(start..end)) {
                let address = self.s[start..end].to_lowercase();
                self.take(start..end, Value::Email(address));
            }
        }
    }

    /// `0123456-7` (Finnish) or `556677-8899` (Swedish).
    fn business_id(&mut self, i: usize) -> Option<usize> {
        let n = self.digits(i);
        let after = i + n;
        if self.at(after) != Some('-') {
            return None;
        }
        let m = self.digits(after + 1);
        let end = after + 1 + m;
        let fits = matches!((n, m), (7, 1) | (6, 4));
        (fits && !is_digit(self.at(end)) && self.at(end) != Some('-')).then(|| {
            self.take(i..end, Value::BusinessId(self.s[i..end].to_string()));
            end
        })
    }

    /// `2026-08-01`, `1.8.2026`, and a day and month with a final dot
    /// (`31.12.`), as Finnish and Swedish write them.
    fn numeric_date(&mut self, i: usize) -> Option<usize> {
        if self.before(i) == Some('.') {
            return None;
        }
        let num = |x: &Self, from: usize, len: usize| -> Option<u32> {
            x.s.get(from..from + len)?.parse().ok()
        };
        let n = self.digits(i);
        // ISO 8601.
        if n == 4 && self.at(i + 4) == Some('-') && self.digits(i + 5) == 2 {
            if self.at(i + 7) == Some('-') && self.digits(i + 8) == 2 && !is_digit(self.at(i + 10))
            {
                let (y, m, d) = (num(self, i, 4)?, num(self, i + 5, 2)?, num(self, i + 8, 2)?);
                if valid(m, d) {
                    self.take(i..i + 10, date(Some(y), Some(m), Some(d)));
                    return Some(i + 10);
                }
            }
            return None;
        }
        if !(1..=2).contains(&n) || self.at(i + n) != Some('.') {
            return None;
        }
        let j = i + n + 1;
        let m_len = self.digits(j);
        if !(1..=2).contains(&m_len) || self.at(j + m_len) != Some('.') {
            return None;
        }
        let (d, m) = (num(self, i, n)?, num(self, j, m_len)?);
        if !valid(m, d) {
            return None;
        }
        let k = j + m_len + 1;
        let y_len = self.digits(k);
        if y_len == 4 && !is_digit(self.at(k + 4)) && self.at(k + 4) != Some('.') {
            let y = num(self, k, 4)?;
            self.take(i..k + 4, date(Some(y), Some(m), Some(d)));
            return Some(k + 4);
        }
        // "2.5." in English is a figure.
        if y_len == 0 && self.w.decimal != '.' {
            self.take(i..k, date(None, Some(m), Some(d)));
            return Some(k);
        }
        None
    }

    /// Finnish `628/1998` or `628/98`; Swedish `SFS 2018:218` or `2018:218`.
    fn statute(&mut self, i: usize) -> Option<usize> {
        if matches!(self.before(i), Some('/' | ':' | '.' | ',')) {
            return None;
        }
        let n = self.digits(i);
        let sep = self.at(i + n)?;
        let j = i + n + 1;
        let m = self.digits(j);
        let end = j + m;
        if is_digit(self.at(end)) || matches!(self.at(end), Some('/' | ':')) {
            return None;
        }
        let digits = |r: Range<usize>| self.s[r].parse::<u32>().ok();
        let (key, start) = match sep {
            '/' if (1..=4).contains(&n) && (m == 4 || m == 2) => {
                let year = digits(j..end)?;
                let year = match m {
                    2 if year >= 30 => 1900 + year,
                    2 => 2000 + year,
                    _ => year,
                };
                (format!("{}/{year}", digits(i..i + n)?), i)
            }
            ':' if n == 4
                && (1..=4).contains(&m)
                && !self.at(end).is_some_and(char::is_alphanumeric) =>
            {
                let start = match self.s[..i].strip_suffix("SFS ") {
                    Some(rest) => rest.len(),
                    None => i,
                };
                (format!("{}:{}", digits(i..i + 4)?, digits(j..end)?), start)
            }
            _ => return None,
        };
        self.take(start..end, Value::Statute(key));
        Some(end)
    }

    /// `+358 9 123 4567`, `09 123 4567`, `(09) 123 4567`, `040-123 4567`.
    fn phones(&mut self) {
        let b = self.s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let starts = match b[i] {
                b'+' => is_digit(self.at(i + 1)),
                b'(' => self.at(i + 1) == Some('0'),
                b'0' => true,
                _ => false,
            };
            if !starts
                || self.taken[i]
                || self
                    .before(i)
                    .is_some_and(|c| c.is_alphanumeric() || ".,:/-+".contains(c))
            {
                i += 1;
                continue;
            }
            let mut j = i + usize::from(b[i] == b'+');
            let mut digits = String::new();
            let mut separated = false;
            let mut end = j;
            while j < b.len() {
                let c = b[j];
                if c.is_ascii_digit() {
                    digits.push(char::from(c));
                    j += 1;
                    end = j;
                } else if matches!(c, b' ' | b'-' | b'(' | b')') {
                    // One separator (or a parenthesis and a space) between
                    // groups of digits.
                    let mut k = j + 1;
                    if c == b')' && b.get(k) == Some(&b' ') {
                        k += 1;
                    }
                    if c == b'(' || b.get(k).is_some_and(|d| d.is_ascii_digit() || *d == b'(') {
                        separated |= c != b'(' && c != b')';
                        j = k;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            let plus = b[i] == b'+';
            let ok = (7..=15).contains(&digits.len())
                && (plus || separated || digits.len() >= 9)
                && !self.at(end).is_some_and(char::is_alphanumeric)
                && self.free(&(i..end));
            if ok {
                let key = if plus { format!("+{digits}") } else { digits };
                self.take(i..end, Value::Phone(key));
                i = end;
            } else {
                i = j.max(i + 1);
            }
        }
    }

    /// Figures, dates with month names, number words and country codes.
    fn words(&mut self) {
        let (s, w) = (self.s, self.w);
        let tokens = tokens(s, &self.taken, w);
        let mut found = Vec::new();
        let mut used = vec![false; tokens.len()];
        // Dates with a month name: "1. elokuuta 2026", "1 augusti 2026",
        // "August 1, 2026", "August 2026".
        for (k, t) in tokens.iter().enumerate() {
            let Tok::Word = t.tok else { continue };
            // A month is a date only next to a figure.
            let figure = |j: Option<usize>| {
                j.and_then(|j| tokens.get(j))
                    .is_some_and(|x| matches!(x.tok, Tok::Number { .. }))
            };
            if !figure(k.checked_sub(1)) && !figure(Some(k + 1)) {
                continue;
            }
            let Some(month) = w.month_words.find(&s[t.range.clone()]) else {
                continue;
            };
            let gap = |a: &Token, b: &Token, allowed: &str| {
                s[a.range.end..b.range.start]
                    .chars()
                    .all(|c| c.is_whitespace() || allowed.contains(c))
            };
            let int = |t: &Token, r: Range<u32>| match &t.tok {
                Tok::Number { int: Some(n), .. } if r.contains(n) => Some(*n),
                _ => None,
            };
            let mut start = t.range.start;
            let mut end = t.range.end;
            let mut day = None;
            let mut year = None;
            if k > 0
                && !used[k - 1]
                && gap(&tokens[k - 1], t, ".")
                && let Some(d) = int(&tokens[k - 1], 1..32)
            {
                day = Some(d);
                used[k - 1] = true;
                start = tokens[k - 1].range.start;
            }
            let mut next = k + 1;
            if day.is_none()
                && let Some(n) = tokens.get(next)
                && gap(t, n, "")
                && let Some(d) = int(n, 1..32)
            {
                day = Some(d);
                used[next] = true;
                end = n.range.end;
                next += 1;
            }
            if let Some(n) = tokens.get(next)
                && gap(&tokens[next - 1], n, ",")
                && let Some(y) = int(n, 1900..2101)
            {
                year = Some(y);
                used[next] = true;
                end = n.range.end;
            }
            if day.is_none() && year.is_none() {
                continue;
            }
            let month = u32::from(month);
            found.push(Fact {
                value: date(year, Some(month), day),
                range: start..end,
                word: false,
            });
        }
        self.facts.extend(found);
        for (k, t) in tokens.iter().enumerate() {
            if used[k] {
                continue;
            }
            match &t.tok {
                Tok::Number { value, unit, .. } => self.facts.push(Fact {
                    value: Value::Number {
                        value: value.clone(),
                        unit: *unit,
                    },
                    range: t.range.clone(),
                    word: false,
                }),
                Tok::Word => {
                    if let Some(n) = w.number_words.find(&s[t.range.clone()]) {
                        // With a unit word after it ("kaksi vuotta", "two
                        // years") a number word is a figure; alone it only
                        // excuses a figure another language writes in
                        // digits.
                        let unit = tokens.get(k + 1).and_then(|next| match &next.tok {
                            Tok::Word
                                if s[t.range.end..next.range.start]
                                    .chars()
                                    .all(|c| c.is_whitespace() || c == '-') =>
                            {
                                w.unit_words
                                    .find(&s[next.range.clone()])
                                    .map(|u| (u, next.range.end))
                            }
                            _ => None,
                        });
                        self.facts.push(Fact {
                            value: Value::Number {
                                value: n.to_string(),
                                unit: unit.map(|(u, _)| u),
                            },
                            range: t.range.start..unit.map_or(t.range.end, |(_, end)| end),
                            word: unit.is_none(),
                        });
                    }
                    let original = &self.s[t.range.clone()];
                    let around =
                        |c: Option<char>| c.is_some_and(|c| c == '-' || c.is_ascii_digit());
                    if original.len() == 2
                        && original.bytes().all(|b| b.is_ascii_uppercase())
                        && Country::parse(original).is_some()
                        && !w.not_countries.iter().any(|c| c == original)
                        && !around(self.before(t.range.start))
                        && !around(self.at(t.range.end))
                    {
                        self.facts.push(Fact {
                            value: Value::Country(original.to_string()),
                            range: t.range.clone(),
                            word: false,
                        });
                    }
                }
            }
        }
    }
}

fn valid(month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

fn date(year: Option<u32>, month: Option<u32>, day: Option<u32>) -> Value {
    Value::Date {
        year: year.and_then(|y| u16::try_from(y).ok()),
        month: month.and_then(|m| u8::try_from(m).ok()),
        day: day.and_then(|d| u8::try_from(d).ok()),
    }
}

/// A word or a figure of the text, outside the facts already found.
#[derive(Debug)]
struct Token {
    tok: Tok,
    range: Range<usize>,
}

#[derive(Debug)]
enum Tok {
    Word,
    Number {
        value: String,
        /// The figure when it is a whole number, for dates.
        int: Option<u32>,
        unit: Option<Unit>,
    },
}

/// The words and figures of `s` outside `taken`. A figure takes the unit
/// word that follows it ("6 kuukautta", "24h", "50 %", "2-vuotinen") and a
/// currency sign before it; its range covers them.
fn tokens(s: &str, taken: &[bool], w: &Words) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if taken[i] {
            i += 1;
            continue;
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        if c.is_ascii_digit() {
            let before = s[..i].chars().next_back();
            let (end, number) = figure(s, i, w);
            // Digits inside a word ("Office365", "H5P") are part of it.
            if before.is_some_and(is_letter) {
                i = end;
                continue;
            }
            let mut start = i;
            let mut end = end;
            let mut unit = None;
            let mut value = number;
            // A currency sign before the figure.
            let lead = s[..i].trim_end_matches([' ', '\u{a0}']);
            if lead.ends_with('€') {
                unit = Some(Unit::Euro);
                start = lead.len() - '€'.len_utf8();
            }
            // An ordinal ending: "1st", "2:a".
            if let Some(sfx) = w.ordinal_suffixes.iter().find(|x| {
                s.get(end..end + x.len())
                    .is_some_and(|t| t.eq_ignore_ascii_case(x))
            }) && !s[end + sfx.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
            {
                end += sfx.len();
            }
            // The word that follows, after at most one space or hyphen.
            let mut k = end;
            if let Some(sep) = s[k..].chars().next()
                && matches!(sep, ' ' | '\u{a0}' | '\u{202f}' | '-')
            {
                k += sep.len_utf8();
            }
            let word_end = s[k..]
                .char_indices()
                .find(|(_, c)| !(is_letter(*c) || *c == '.' || *c == '\''))
                .map_or(s.len(), |(j, _)| k + j);
            // Its length as written: lower case may be longer or shorter.
            let written = s[k..word_end].trim_end_matches('.');
            let word = lower(written);
            if s[k..].starts_with(['%', '€']) {
                let sign = s[k..].chars().next().unwrap_or('%');
                unit = Some(if sign == '%' {
                    Unit::Percent
                } else {
                    Unit::Euro
                });
                end = k + sign.len_utf8();
            } else if !word.is_empty() && !taken[k] {
                if let Some(u) = w.unit_words.get(&word) {
                    unit = Some(u);
                    end = k + written.len();
                } else if matches_word(&w.pm, &word) || matches_word(&w.am, &word) {
                    if matches_word(&w.pm, &word)
                        && let Some((h, rest)) = split_int(&value)
                        && h < 12
                    {
                        value = format!("{}{rest}", h + 12);
                    }
                    end = k + written.len();
                }
            }
            let int = value.parse().ok();
            out.push(Token {
                tok: Tok::Number { value, int, unit },
                range: start..end,
            });
            i = end.max(i + 1);
            continue;
        }
        if is_letter(c) {
            let end = s[i..]
                .char_indices()
                .find(|(j, c)| !is_letter(*c) || taken[i + j])
                .map_or(s.len(), |(j, _)| i + j);
            out.push(Token {
                tok: Tok::Word,
                range: i..end,
            });
            i = end;
            continue;
        }
        i += c.len_utf8();
    }
    out
}

/// The whole part of a canonical figure and the rest (".5").
fn split_int(value: &str) -> Option<(u32, &str)> {
    let (int, rest) = value.split_at(value.find('.').unwrap_or(value.len()));
    Some((int.parse().ok()?, rest))
}

/// The figure at `i`: where it ends, and its canonical value. Groups of
/// digits joined by the language's thousands separators ("10 000",
/// "1,000" in English) are one figure; a decimal mark, a `.` or a `:`
/// before the last group makes decimals ("2,5", "8.30", "8:30"); any other
/// run ("1.2.3") is read up to its first separator.
fn figure(s: &str, i: usize, w: &Words) -> (usize, String) {
    let b = s.as_bytes();
    let digits_from = |k: usize| b[k..].iter().take_while(|b| b.is_ascii_digit()).count();
    let first = digits_from(i);
    let mut end = i + first;
    let mut int = s[i..end].to_string();
    // Thousands.
    if first <= 3 {
        let mut k = end;
        while let Some(sep) = s[k..].chars().next()
            && w.thousands.contains(&sep)
            && digits_from(k + sep.len_utf8()) == 3
            && !s[k + sep.len_utf8() + 3..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
        {
            let group = k + sep.len_utf8();
            // "1,000.5" or "1 000,5" may follow; a group followed by a
            // decimal mark and digits is still a group.
            int.push_str(&s[group..group + 3]);
            k = group + 3;
            end = k;
        }
    }
    let mut fraction = String::new();
    if let Some(sep) = s[end..].chars().next()
        && (sep == w.decimal || sep == '.' || sep == ':' || sep == ',')
        && !w.thousands.contains(&sep)
    {
        let n = digits_from(end + 1);
        let after = s[end + 1 + n..].chars().next();
        // "1.2.3" is not a decimal.
        if n > 0 && !matches!(after, Some('.' | ':' | ',')) {
            fraction = s[end + 1..end + 1 + n].to_string();
            end += 1 + n;
        }
    }
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let fraction = fraction.trim_end_matches('0');
    let value = if fraction.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{fraction}")
    };
    (end, value)
}

/// One difference between the reference and another language.
enum Finding<'f> {
    /// `other` stands where the reference has `reference`.
    Differs {
        reference: &'f Fact,
        other: &'f Fact,
    },
    /// The reference's fact is not in the other language.
    Missing(&'f Fact),
    /// The other language's fact is not in the reference.
    Extra(&'f Fact),
}

/// The differences of `other` from `reference`, in the order the other
/// language writes them (missing facts last).
fn compare<'f>(reference: &'f [Fact], other: &'f [Fact]) -> Vec<Finding<'f>> {
    let found_in = |f: &Fact, list: &[Fact]| list.iter().any(|g| f.value.same(&g.value));
    let mut missing: Vec<&Fact> = reference
        .iter()
        .filter(|f| !f.word && !found_in(f, other))
        .collect();
    let extra: Vec<&Fact> = other
        .iter()
        .filter(|f| !f.word && !found_in(f, reference))
        .collect();
    let mut out = Vec::new();
    for e in extra {
        // The reference's fact it stands for: of the same kind, the same
        // figure (with another unit) first, then one with the same unit.
        let same_kind =
            |m: &&Fact| std::mem::discriminant(&m.value) == std::mem::discriminant(&e.value);
        let rank = |m: &Fact| match (&m.value, &e.value) {
            (Value::Number { value: a, .. }, Value::Number { value: b, .. }) if a == b => 0,
            (Value::Number { unit: Some(a), .. }, Value::Number { unit: Some(b), .. })
                if a == b =>
            {
                1
            }
            _ => 2,
        };
        let best = missing
            .iter()
            .enumerate()
            .filter(|(_, m)| same_kind(m))
            .min_by_key(|(k, m)| (rank(m), *k))
            .map(|(k, _)| k);
        match best {
            Some(k) => out.push(Finding::Differs {
                reference: missing.remove(k),
                other: e,
            }),
            None if alone(e) => out.push(Finding::Extra(e)),
            None => {}
        }
    }
    out.extend(
        missing
            .into_iter()
            .filter(|m| alone(m))
            .map(Finding::Missing),
    );
    // A figure one language writes as a word is not missing.
    out.retain(|f| match f {
        Finding::Missing(m) => !in_words(m, other),
        Finding::Extra(e) => !in_words(e, reference),
        Finding::Differs { .. } => true,
    });
    out
}

/// Whether a fact that only one language has is a finding on its own,
/// without a fact of the other language in its place. Not for a figure
/// without a unit (an explanation one translation adds: "grades 7–9" for
/// "yläkoulu"), the figure 1 ("a year" is "1 year"), an act number or a
/// country code (another language may name the act or the country:
/// "henkilötietolain", "the US") or a web address (a link to a page in
/// one language only may be left out of the others).
fn alone(f: &Fact) -> bool {
    match &f.value {
        Value::Number { unit: None, .. }
        | Value::Country(_)
        | Value::Statute(_)
        | Value::Url(_) => false,
        Value::Number { value, .. } => value != "1",
        _ => true,
    }
}

/// Whether `list` writes the figure of `f` as a word.
fn in_words(f: &Fact, list: &[Fact]) -> bool {
    let Value::Number { value, .. } = &f.value else {
        return false;
    };
    list.iter()
        .any(|g| g.word && matches!(&g.value, Value::Number { value: v, .. } if v == value))
}

/// Q019: the facts of each text, compared with the notice's first language.
pub fn facts_agree(cx: &mut Ctx<'_>) {
    let table = languages();
    let languages: Vec<&Lang> = cx
        .languages
        .iter()
        .filter(|l| table.contains_key(l.as_str()))
        .collect();
    for (field, text) in cx.texts() {
        let written: Vec<(&Lang, &Located<String>)> = languages
            .iter()
            .filter_map(|l| {
                let t = text.translations.iter().find(|(x, _)| x == *l)?;
                (!t.1.value.trim().is_empty()).then_some((*l, &t.1))
            })
            .collect();
        let Some(((ref_lang, ref_text), others)) = written.split_first() else {
            continue;
        };
        let facts_of =
            |l: &Lang, t: &Located<String>| extract_once(&t.value, l, &table[l.as_str()]);
        let reference = facts_of(ref_lang, ref_text);
        let others: Vec<(&Lang, &Located<String>, Vec<Fact>)> = others
            .iter()
            .map(|(l, t)| (*l, *t, facts_of(l, t)))
            .collect();
        let findings: Vec<(&Lang, &Located<String>, Vec<Finding<'_>>)> = others
            .iter()
            .map(|(l, t, facts)| (*l, *t, compare(&reference, facts)))
            .collect();
        // A fact of the reference that no other language has: the
        // reference may be the text that is wrong.
        let disputed_by_all = |r: &Fact| {
            others.len() > 1
                && findings.iter().all(|(_, _, fs)| {
                    fs.iter().any(|f| match f {
                        Finding::Differs { reference, .. } | Finding::Missing(reference) => {
                            std::ptr::eq(*reference, r)
                        }
                        Finding::Extra(_) => false,
                    })
                })
        };
        let quote = |t: &Located<String>, f: &Fact| t.value[f.range.clone()].to_string();
        let all_others = others
            .iter()
            .map(|(l, ..)| l.as_str())
            .collect::<Vec<_>>()
            .join(" and ");
        let r = ref_lang.as_str();
        for (lang, text, fs) in &findings {
            let l = lang.as_str();
            for f in fs {
                let (span, message, label, reference) = match f {
                    Finding::Differs { reference, other } => (
                        span_in(text, other.range.clone()),
                        format!(
                            "`{field}`: {l} says {} where {r} says {} ({})",
                            other.value,
                            reference.value,
                            quote(ref_text, reference)
                        ),
                        format!("{r}: {}", quote(ref_text, reference)),
                        Some(*reference),
                    ),
                    Finding::Missing(reference) => (
                        text.span.clone(),
                        format!(
                            "`{field}`: {r} says {} ({}), {l} does not",
                            reference.value,
                            quote(ref_text, reference)
                        ),
                        format!(
                            "no {} {} in the {l} text",
                            reference.value.kind(),
                            reference.value
                        ),
                        Some(*reference),
                    ),
                    Finding::Extra(other) => (
                        span_in(text, other.range.clone()),
                        format!("`{field}`: {l} says {}, {r} does not", other.value),
                        format!("not in the {r} text"),
                        None,
                    ),
                };
                let kind = match f {
                    Finding::Differs { other, .. } | Finding::Extra(other) => other.value.kind(),
                    Finding::Missing(reference) => reference.value.kind(),
                };
                let help = match reference {
                    Some(rf) if disputed_by_all(rf) => format!(
                        "every language must say the same (Art. 12(1)); {all_others} agree with each other, so the {r} text may be the one to correct"
                    ),
                    _ => format!(
                        "every language must say the same (Art. 12(1)): correct the {kind} in the {l} text, or in the {r} text if that is the one that is wrong"
                    ),
                };
                cx.report(Q019, span, message).label(label).help(help);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(lang: &str, text: &str) -> Vec<String> {
        extract(text, &languages()[lang])
            .iter()
            .map(|f| {
                let word = if f.word { " (word)" } else { "" };
                format!(
                    "{}: {}{word} = {:?}",
                    f.value.kind(),
                    f.value,
                    &text[f.range.clone()]
                )
            })
            .collect()
    }

    /// The findings of `other` against `reference`, as messages.
    fn diff(reference: (&str, &str), other: (&str, &str)) -> Vec<String> {
        let r = extract(reference.1, &languages()[reference.0]);
        let o = extract(other.1, &languages()[other.0]);
        compare(&r, &o)
            .iter()
            .map(|f| match f {
                Finding::Differs { reference, other } => {
                    format!("{} where {}", other.value, reference.value)
                }
                Finding::Missing(m) => format!("missing {}", m.value),
                Finding::Extra(e) => format!("extra {}", e.value),
            })
            .collect()
    }

    #[test]
    fn every_language_has_words_and_every_file_is_a_language() {
        let table = languages();
        for lang in Lang::SUPPORTED {
            let w = table
                .get(*lang)
                .unwrap_or_else(|| panic!("no src/lint/facts/{lang}.toml"));
            assert_eq!(w.months.len(), 12, "{lang}: twelve months");
        }
        let mut names: Vec<&str> = table.keys().map(String::as_str).collect();
        names.sort_unstable();
        let mut supported = Lang::SUPPORTED.to_vec();
        supported.sort_unstable();
        assert_eq!(names, supported);
    }

    #[test]
    fn figures_with_their_units() {
        assert_eq!(
            facts("fi", "Säilytetään 6 kuukautta, sitten 2-vuotinen arkisto."),
            [
                "figure: 6 months = \"6 kuukautta\"",
                "figure: 2 years = \"2-vuotinen\""
            ]
        );
        assert_eq!(
            facts("sv", "i 6 månader"),
            ["figure: 6 months = \"6 månader\""]
        );
        assert_eq!(
            facts("en", "for 2 years"),
            ["figure: 2 years = \"2 years\""]
        );
        assert_eq!(
            facts("en", "50% of 1,000 pupils, 2.5 hours, €10"),
            [
                "figure: 50 % = \"50%\"",
                "figure: 1000 = \"1,000\"",
                "figure: 2.5 hours = \"2.5 hours\"",
                "figure: 10 € = \"€10\""
            ]
        );
        assert_eq!(
            facts("fi", "10 000 oppilasta, 2,5 tuntia, klo 8.00–16.30"),
            [
                "figure: 10000 = \"10 000\"",
                "figure: 2.5 hours = \"2,5 tuntia\"",
                "figure: 8 = \"8.00\"",
                "figure: 16.3 = \"16.30\""
            ]
        );
        assert_eq!(
            facts("en", "from 8 am to 4.30 pm, the 2nd year"),
            [
                "figure: 8 = \"8 am\"",
                "figure: 16.3 = \"4.30 pm\"",
                "figure: 2 years = \"2nd year\""
            ]
        );
        assert_eq!(facts("sv", "den 2:a"), ["figure: 2 = \"2:a\""]);
        assert_eq!(
            facts(
                "fi",
                "kahden vuoden kuluttua, kolme kertaa, kaksikymmentä päivää"
            ),
            [
                "figure: 2 years = \"kahden vuoden\"",
                "figure: 3 (word) = \"kolme\""
            ]
        );
        assert_eq!(
            facts("en", "two-year period"),
            ["figure: 2 years = \"two-year\""]
        );
        // Digits inside a word are part of it.
        assert_eq!(facts("en", "Office365 and H5P"), Vec::<String>::new());
    }

    #[test]
    fn dates_in_each_language() {
        for (lang, text) in [
            ("fi", "1.8.2026 alkaen"),
            ("fi", "1. elokuuta 2026 alkaen"),
            ("sv", "från och med den 1 augusti 2026"),
            ("sv", "från 2026-08-01"),
            ("en", "from 1 August 2026"),
            ("en", "from August 1, 2026"),
            ("en", "from 1st August 2026"),
        ] {
            let found = facts(lang, text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert!(
                found[0].starts_with("date: 1 August 2026 = "),
                "{text}: {found:?}"
            );
        }
        assert_eq!(
            facts("fi", "31.12. asti"),
            ["date: 31 December = \"31.12.\""]
        );
        assert_eq!(
            facts("sv", "i augusti 2026"),
            ["date: August 2026 = \"augusti 2026\""]
        );
        // A month name alone is no date; "may" is a verb.
        assert_eq!(facts("en", "You may ask in May."), Vec::<String>::new());
    }

    #[test]
    fn addresses_numbers_and_codes() {
        assert_eq!(
            facts(
                "fi",
                "Katso [lomake](https://www.kunta.fi/tietosuoja) tai kirjoita tietosuoja@kunta.fi."
            ),
            [
                "web address: kunta.fi = \"https://www.kunta.fi/tietosuoja\"",
                "e-mail address: tietosuoja@kunta.fi = \"tietosuoja@kunta.fi\""
            ]
        );
        assert_eq!(
            facts(
                "fi",
                "Soita +358 9 123 4567 tai (09) 123 4567 tai 040-123 4567."
            ),
            [
                "phone number: +35891234567 = \"+358 9 123 4567\"",
                "phone number: 091234567 = \"(09) 123 4567\"",
                "phone number: 0401234567 = \"040-123 4567\""
            ]
        );
        assert_eq!(
            facts(
                "sv",
                "Lag (628/1998) och dataskyddslagen (SFS 2018:218), 628/98"
            ),
            [
                "act number: 628/1998 = \"628/1998\"",
                "act number: 2018:218 = \"SFS 2018:218\"",
                "act number: 628/1998 = \"628/98\""
            ]
        );
        assert_eq!(
            facts("fi", "Y-tunnus 0123456-7, PL 10, 00099 Esimerkkilä"),
            [
                "business id: 0123456-7 = \"0123456-7\"",
                "figure: 10 = \"10\"",
                "figure: 99 = \"00099\""
            ]
        );
        assert_eq!(
            facts("en", "servers in the US and SE; IT support; FI-00099"),
            [
                "country code: US = \"US\"",
                "country code: SE = \"SE\"",
                "figure: 99 = \"00099\""
            ]
        );
    }

    #[test]
    fn the_same_facts_in_other_words_agree() {
        let agree = [
            (("fi", "2 vuotta"), ("sv", "2 år")),
            (("fi", "2 vuotta"), ("en", "2 years")),
            (("fi", "6 kuukautta"), ("sv", "6 månader")),
            (("fi", "1.8.2026 alkaen"), ("sv", "från 1 augusti 2026")),
            (("fi", "1.8.2026 alkaen"), ("en", "from 2026-08-01")),
            (("fi", "soita 09 123 4567"), ("en", "call +358 9 123 4567")),
            (("fi", "Laki (1050/2018)"), ("sv", "Lag (1050/2018)")),
            (
                ("sv", "Dataskyddslag (SFS 2018:218)"),
                ("en", "Data Protection Act (2018:218)"),
            ),
            (("fi", "kaksi viikkoa"), ("en", "2 weeks")),
            (("fi", "2 viikkoa"), ("en", "two weeks")),
            (("fi", "vuoden ajan"), ("en", "for 1 year")),
            (("fi", "31 §"), ("en", "section 31")),
            (("fi", "Perusopetuslaki 16–17 §"), ("en", "sections 16–17")),
            (("fi", "klo 8.00–16.00"), ("en", "from 8 am to 4 pm")),
            (("fi", "2,5 tuntia"), ("en", "2.5 hours")),
            (("fi", "10 000 euroa"), ("en", "€10,000")),
            (
                ("fi", "[lomake](https://www.kunta.fi/tietosuoja)"),
                ("sv", "[blankett](https://www.kunta.fi/dataskydd)"),
            ),
            (
                ("fi", "PL 10, 00099 Esimerkkilä"),
                ("en", "P.O. Box 10, FI-00099 Esimerkkilä"),
            ),
        ];
        for (a, b) in agree {
            assert_eq!(diff(a, b), Vec::<String>::new(), "{a:?} {b:?}");
        }
    }

    #[test]
    fn different_facts_are_found() {
        assert_eq!(
            diff(("fi", "6 vuotta"), ("sv", "5 år")),
            ["5 years where 6 years"]
        );
        assert_eq!(
            diff(
                ("fi", "kahden vuoden kuluttua"),
                ("en", "three years later")
            ),
            ["3 years where 2 years"]
        );
        assert_eq!(
            diff(("fi", "kuuden kuukauden ajan"), ("sv", "i sex månader")),
            Vec::<String>::new()
        );
        assert_eq!(
            diff(("fi", "2 vuotta"), ("en", "for two years")),
            Vec::<String>::new()
        );
        assert_eq!(
            diff(("fi", "toisena vuonna"), ("en", "in the second year")),
            Vec::<String>::new()
        );
        assert_eq!(
            diff(("fi", "6 kuukautta"), ("en", "6 years")),
            ["6 years where 6 months"]
        );
        assert_eq!(
            diff(("fi", "6 vuotta"), ("sv", "i ett år")),
            ["missing 6 years"]
        );
        assert_eq!(
            diff(("fi", "1 vuosi"), ("en", "2 years")),
            ["2 years where 1 year"]
        );
        assert_eq!(
            diff(("fi", "1.8.2026 alkaen"), ("en", "from 1 September 2026")),
            ["1 September 2026 where 1 August 2026"]
        );
        assert_eq!(
            diff(
                ("fi", "[lomake](https://www.kunta.fi/x)"),
                ("en", "[form](https://www.kunnta.fi/x)")
            ),
            ["kunnta.fi where kunta.fi"]
        );
        assert_eq!(
            diff(("fi", "tietosuoja@kunta.fi"), ("sv", "dataskydd@kunta.fi")),
            ["dataskydd@kunta.fi where tietosuoja@kunta.fi"]
        );
        assert_eq!(
            diff(("fi", "09 123 4567"), ("sv", "+358 9 123 4568")),
            ["+35891234568 where 091234567"]
        );
        assert_eq!(
            diff(("fi", "Laki (628/1998)"), ("sv", "Lag (629/1998)")),
            ["629/1998 where 628/1998"]
        );
        assert_eq!(
            diff(("fi", "palvelimet: FI"), ("sv", "servrar: SE")),
            ["SE where FI"]
        );
        assert_eq!(
            diff(("fi", "Yhdysvalloissa"), ("en", "in the US")),
            Vec::<String>::new()
        );
        assert_eq!(
            diff(("fi", "3 päivää"), ("en", "within 3 days, 5 at most")),
            Vec::<String>::new()
        );
        assert_eq!(
            diff(("fi", "3 päivää"), ("en", "within 3 days, 5 weeks at most")),
            ["extra 5 weeks"]
        );
        assert_eq!(
            diff(("fi", "Perusopetuslaki 16 §"), ("en", "section 17")),
            ["17 where 16"]
        );
    }

    #[test]
    fn figures_are_canonical() {
        let w = &languages()["en"];
        assert_eq!(figure("1,000.50", 0, w), (8, "1000.5".to_string()));
        assert_eq!(figure("1.2.3", 0, w).1, "1");
        let fi = &languages()["fi"];
        assert_eq!(figure("1 000,50 €", 0, fi), (8, "1000.5".to_string()));
        assert_eq!(figure("007", 0, fi).1, "7");
    }

    /// Nothing in a text makes the extraction panic: odd characters next
    /// to figures, letters whose lower case is longer, lone marks.
    #[test]
    fn any_text_is_read() {
        let texts = [
            "5 İİİ",
            "€",
            "€5€",
            "5%",
            "2 år€",
            "1.",
            "1.8.",
            "31.12.2026.",
            "+",
            "+3",
            "(0",
            "0\u{a0}1",
            "1\u{a0}000",
            "12:",
            "2026-08-",
            "628/",
            "SFS 2018:",
            "@",
            "a@b",
            "a@.fi",
            "https://",
            "www.",
            "http://ä.fi/ö",
            "x@ä.fi",
            "1st",
            "2:a",
            "4 p.m.",
            "ǅ 5 ǅ",
            "5 ﬃ",
            "9 \u{301}",
            "\u{202f}7",
            "١٢٣ 12",
            "0123456-",
            "5-",
            "5 -",
            "kahdeksan",
        ];
        for lang in Lang::SUPPORTED {
            for t in texts {
                let found = extract(t, &languages()[*lang]);
                assert!(
                    found.iter().all(|f| t.get(f.range.clone()).is_some()),
                    "{t}"
                );
            }
        }
        assert_eq!(facts("en", "5 İnches"), ["figure: 5 = \"5\""]);
    }

    #[test]
    fn letters_and_lower_case_agree_with_the_standard_library() {
        let all = (0..0x3000u32).filter_map(char::from_u32);
        for c in all {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
            let s = c.to_string();
            assert_eq!(lower(&s), s.to_lowercase(), "{c:?}");
        }
        assert_eq!(
            lower("ÄÖÅ Wilma-JÄRJESTELMÄ ẞ Σ"),
            "äöå wilma-järjestelmä ß σ"
        );
    }

    #[test]
    fn phones_with_and_without_the_country_code() {
        assert!(same_phone("+35891234567", "091234567"));
        assert!(same_phone("091234567", "+35891234567"));
        assert!(!same_phone("+35891234567", "091234568"));
        assert!(same_phone("+46812345678", "0812345678"));
    }
}
