//! Phrase lists: the words that tell the wording rules what a text says, in
//! each language, kept as data in `lint/phrases/*.toml` and compiled in.
//!
//! A phrase is a pattern of words (see [`Pattern`]) with its language, what
//! it means, a note on its intent and an example sentence that uses it; the
//! tests match every phrase against its example. Texts are split into words
//! ([`words`]): runs of letters and digits, compared in lower case, each
//! knowing its sentence so that no phrase reaches from one sentence into
//! the next.

use std::ops::Range;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::model::{Duration, SpecialCategory};

/// A word of a text: its bytes in the text, in lower case, and the
/// sentence it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct Word<'t> {
    pub text: &'t str,
    pub lower: String,
    pub range: Range<usize>,
    pub sentence: usize,
}

/// The words of `text`. A sentence ends at `.`, `!`, `?` or `;` before
/// white space (so `1.1.2020` and `v1.2` stay whole), at a blank line and
/// before a Markdown list item.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut sentence = 0;
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(word(text, s..i, sentence));
        }
        let next = chars.peek().map(|(_, n)| *n);
        let ends = match c {
            '.' | '!' | '?' | ';' => next.is_none_or(char::is_whitespace),
            '\n' => {
                let rest = text[i + 1..].trim_start_matches([' ', '\t']);
                rest.starts_with(['\n', '-', '*', '+']) || rest.starts_with("\r\n")
            }
            _ => false,
        };
        if ends
            && out
                .last()
                .is_some_and(|w: &Word<'_>| w.sentence == sentence)
        {
            sentence += 1;
        }
    }
    if let Some(s) = start {
        out.push(word(text, s..text.len(), sentence));
    }
    out
}

/// A text as the phrases see it: which pairs of letters it holds (for a
/// quick test of whether a phrase can occur in it at all), and, made when
/// a phrase may occur, its lower-case form and its words.
pub struct Scanned<'t> {
    pub text: &'t str,
    pairs: Pairs,
    lower: std::cell::OnceCell<String>,
    words: std::cell::OnceCell<Vec<Word<'t>>>,
}

impl<'t> Scanned<'t> {
    /// The text in lower case.
    pub fn lower(&self) -> &str {
        self.lower.get_or_init(|| self.text.to_lowercase())
    }

    /// The words of the text (see [`words`]).
    pub fn words(&self) -> &[Word<'t>] {
        self.words.get_or_init(|| words(self.text))
    }
}

/// `text` ready for the phrases: its pairs of letters now, the rest when
/// asked for.
pub fn scan(text: &str) -> Scanned<'_> {
    let mut pairs = Pairs::default();
    let mut prev = 0u8;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        // Lower case on the bytes: ASCII and the Latin-1 capitals À-Þ
        // (Ä, Ö, Å: C3 84 -> C3 A4), all the capitals of the letters the
        // phrases are written in. The match itself compares the Unicode
        // lower case of the words.
        let b = match b {
            b'A'..=b'Z' => b + 32,
            0x80..=0x9E if b != 0x97 && prev == 0xC3 => b + 0x20,
            _ => b,
        };
        if i > 0 {
            pairs.insert(prev, b);
        }
        prev = b;
    }
    Scanned {
        text,
        pairs,
        lower: std::cell::OnceCell::new(),
        words: std::cell::OnceCell::new(),
    }
}

/// A set of byte pairs, hashed into 2,048 bits: a text holds every pair of
/// each word of a phrase it contains, so a phrase with a pair the text
/// lacks cannot occur in it.
#[derive(Debug, Clone, Default, PartialEq)]
struct Pairs([u64; 32]);

impl Pairs {
    fn bit(a: u8, b: u8) -> usize {
        let h = (u32::from(a) << 8 | u32::from(b)).wrapping_mul(0x9E37_79B1);
        (h >> 21) as usize
    }

    fn insert(&mut self, a: u8, b: u8) {
        let i = Self::bit(a, b);
        self.0[i / 64] |= 1 << (i % 64);
    }

    fn of(s: &str) -> Pairs {
        let mut p = Pairs::default();
        for w in s.as_bytes().windows(2) {
            p.insert(w[0], w[1]);
        }
        p
    }
}

fn word(text: &str, range: Range<usize>, sentence: usize) -> Word<'_> {
    let t = &text[range.clone()];
    Word {
        text: t,
        lower: t.to_lowercase(),
        range,
        sentence,
    }
}

/// The most words a gap (`~`) in a pattern stands for.
pub const MAX_GAP: usize = 3;

/// One word of a pattern.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// `word`: the word itself.
    Exact(String),
    /// `stem*`: a word that starts with the stem (Finnish and Swedish
    /// inflect by adding endings: `kuukau*` is kuukausi, kuukauden...).
    Prefix(String),
    /// `*head`: a compound that ends with the head after at least three
    /// letters of its own (`*laki` is arkistolaki, not laki).
    Suffix(String),
    /// `*part*`: a word that holds the part anywhere, for compounds
    /// (`*tervey*` is kouluterveydenhuolto).
    Contains(String),
    /// `~`: up to [`MAX_GAP`] words of any kind.
    Gap,
}

impl Token {
    fn parse(s: &str) -> Option<Token> {
        let body = s.trim_matches('*');
        if s == "~" {
            return Some(Token::Gap);
        }
        if body.is_empty() || !body.chars().all(|c| c.is_alphanumeric()) {
            return None;
        }
        let body = body.to_string();
        Some(match (s.starts_with('*'), s.ends_with('*')) {
            (true, true) => Token::Contains(body),
            (true, false) => Token::Suffix(body),
            (false, true) => Token::Prefix(body),
            (false, false) => Token::Exact(body),
        })
    }

    fn matches(&self, word: &str) -> bool {
        match self {
            Token::Exact(s) => word == s,
            Token::Prefix(s) => word.starts_with(s.as_str()),
            Token::Suffix(s) => {
                word.ends_with(s.as_str()) && word.chars().count() >= s.chars().count() + 3
            }
            Token::Contains(s) => word.contains(s.as_str()),
            Token::Gap => true,
        }
    }
}

/// A sequence of words to look for: words separated by spaces, each
/// `word`, `stem*`, `*head` or `*part*`, and `~` for a gap of up to
/// [`MAX_GAP`] words (`niin kauan kuin ~ tarvi*`). Case-insensitive unless
/// the phrase says `match_case = true`.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    tokens: Vec<Token>,
    match_case: bool,
    /// The pairs of letters of its words, as the words of a [`Pairs`]
    /// that hold any: (index, bits).
    pairs: Vec<(usize, u64)>,
}

impl Pattern {
    pub fn parse(s: &str, match_case: bool) -> Option<Pattern> {
        let tokens: Vec<Token> = s
            .split_whitespace()
            .map(Token::parse)
            .collect::<Option<_>>()?;
        let first_last_words = tokens.first().is_some_and(|t| *t != Token::Gap)
            && tokens.last().is_some_and(|t| *t != Token::Gap);
        // Lower-case patterns only, unless the case is the point.
        let lower = match_case || s.to_lowercase() == s;
        let mut pairs = Pairs::default();
        if !match_case {
            for t in &tokens {
                if let Token::Exact(b) | Token::Prefix(b) | Token::Suffix(b) | Token::Contains(b) =
                    t
                {
                    let of = Pairs::of(b);
                    for (a, o) in pairs.0.iter_mut().zip(of.0) {
                        *a |= o;
                    }
                }
            }
        }
        let pairs = pairs
            .0
            .iter()
            .enumerate()
            .filter(|(_, w)| **w != 0)
            .map(|(i, w)| (i, *w))
            .collect();
        (first_last_words && lower).then_some(Pattern {
            tokens,
            match_case,
            pairs,
        })
    }

    /// Whether each word of the pattern is somewhere in the text: the
    /// pairs of letters first, then a substring search; this rules out
    /// most patterns before the word by word match.
    fn may_occur(&self, t: &Scanned<'_>) -> bool {
        if !self.pairs.iter().all(|&(i, w)| t.pairs.0[i] & w == w) {
            return false;
        }
        let hay = if self.match_case { t.text } else { t.lower() };
        self.tokens.iter().all(|t| match t {
            Token::Gap => true,
            Token::Exact(s) | Token::Prefix(s) | Token::Suffix(s) | Token::Contains(s) => {
                hay.contains(s.as_str())
            }
        })
    }

    /// Whether the pattern is the one word `w` (for single-word patterns:
    /// units of time).
    pub fn is_word(&self, w: &Word<'_>) -> bool {
        let text = if self.match_case {
            w.text
        } else {
            w.lower.as_str()
        };
        matches!(self.tokens.as_slice(), [t] if t.matches(text))
    }

    /// Every place the pattern occurs in `words`, as ranges of word
    /// indices, each within one sentence; the shortest match from each
    /// start.
    pub fn find(&self, words: &[Word<'_>]) -> Vec<Range<usize>> {
        (0..words.len())
            .filter_map(|i| self.match_at(words, i, 0).map(|end| i..end))
            .collect()
    }

    /// The end of a match of `tokens[t..]` starting at word `i`.
    fn match_at(&self, words: &[Word<'_>], i: usize, t: usize) -> Option<usize> {
        let Some(token) = self.tokens.get(t) else {
            return Some(i);
        };
        if *token == Token::Gap {
            for skip in 0..=MAX_GAP {
                let j = i + skip;
                if j > words.len() || (skip > 0 && words[j - 1].sentence != words[i - 1].sentence) {
                    break;
                }
                if let Some(end) = self.match_at(words, j, t + 1) {
                    return Some(end);
                }
            }
            return None;
        }
        let w = words.get(i)?;
        if t > 0 && w.sentence != words[i - 1].sentence {
            return None;
        }
        let text = if self.match_case {
            w.text
        } else {
            w.lower.as_str()
        };
        if token.matches(text) {
            self.match_at(words, i + 1, t + 1)
        } else {
            None
        }
    }
}

/// One entry of a phrase list, with what it means (`M`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phrase<M> {
    pub lang: String,
    /// The pattern as written (see [`Pattern`]).
    #[serde(rename = "pattern")]
    pub source: String,
    pub means: M,
    #[serde(default)]
    pub match_case: bool,
    /// Why the phrase is there and what its stems are meant to catch.
    pub note: String,
    /// A sentence that uses the phrase; a test finds the phrase in it.
    pub example: String,
    #[serde(skip)]
    pub pattern: Option<Pattern>,
}

/// Sorts `phrases` by language (keeping their order within it) and parses
/// their patterns; returns where each language's phrases are.
fn prepare<M>(phrases: &mut [Phrase<M>]) -> Vec<(String, Range<usize>)> {
    phrases.sort_by(|a, b| a.lang.cmp(&b.lang));
    let mut groups: Vec<(String, Range<usize>)> = Vec::new();
    for (i, e) in phrases.iter_mut().enumerate() {
        e.pattern = Pattern::parse(&e.source, e.match_case);
        match groups.last_mut() {
            Some((lang, range)) if *lang == e.lang => range.end = i + 1,
            _ => groups.push((e.lang.clone(), i..i + 1)),
        }
    }
    groups
}

/// The phrases of `lang` (all of them for a text in no particular
/// language).
fn of_lang<'a, M>(
    phrases: &'a [Phrase<M>],
    groups: &[(String, Range<usize>)],
    lang: Option<&str>,
) -> &'a [Phrase<M>] {
    match lang {
        None => phrases,
        Some(l) => groups
            .iter()
            .find(|(g, _)| g == l)
            .map_or(&[], |(_, r)| &phrases[r.clone()]),
    }
}

impl<M> Phrase<M> {
    pub fn find(&self, words: &[Word<'_>]) -> Vec<Range<usize>> {
        self.pattern.as_ref().map_or(Vec::new(), |p| p.find(words))
    }

    /// [`Phrase::find`] in a scanned text, skipping the match when a word
    /// of the phrase is nowhere in it.
    pub fn find_in(&self, t: &Scanned<'_>) -> Vec<Range<usize>> {
        match &self.pattern {
            Some(p) if p.may_occur(t) => p.find(t.words()),
            _ => Vec::new(),
        }
    }
}

/// What a phrase of a storage period means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Retention {
    /// No end at all: "toistaiseksi", "tills vidare", "indefinitely".
    Indefinite,
    /// As long as the data are needed: an end no reader can tell.
    WhileNeeded,
    /// A minimum: "vähintään", "minst", "at least".
    Minimum,
    /// An upper limit: "viimeistään", "högst", "at most".
    UpperBound,
    /// "The laws in force", no law named.
    UnnamedLaw,
    /// A named act: "arkistolaki", "arkivlagen", "Act".
    NamedLaw,
    /// Kept until moved to an archive.
    UntilArchived,
    /// The rule that governs the archive: an archives act, an archive plan.
    ArchiveRule,
    /// Kept permanently.
    Permanent,
    /// "Until" an event, which completes a minimum ("at least until...").
    Until,
    /// How often, not how long ("kerran", "välein", "every", "varje"): a
    /// minimum or a duration beside it is a frequency.
    Frequency,
    /// An open-ended phrase that describes something else: a contract
    /// "toistaiseksi voimassa oleva" (open-ended), employment "tills
    /// vidare". The open phrase inside it says nothing about the storage.
    Descriptive,
}

/// A unit of time in a storage period, per language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub lang: String,
    #[serde(rename = "pattern")]
    pub source: String,
    /// `Y`, `M`, `W` or `D`, as in an ISO 8601 duration.
    pub unit: char,
    pub note: String,
    /// A duration written with the unit, e.g. "6 kuukauden ajan".
    pub example: String,
    #[serde(skip)]
    pub pattern: Option<Pattern>,
}

/// A number written as a word, in each of its forms.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Number {
    pub lang: String,
    pub value: u32,
    pub words: Vec<String>,
}

/// `lint/phrases/retention.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetentionPhrases {
    pub phrase: Vec<Phrase<Retention>>,
    pub unit: Vec<Unit>,
    pub number: Vec<Number>,
    #[serde(skip)]
    by_lang: Vec<(String, Range<usize>)>,
    /// Each number word with its languages and values.
    #[serde(skip)]
    number_words: std::collections::HashMap<String, Vec<(String, u32)>>,
}

impl RetentionPhrases {
    /// The phrases of `lang` (all of them for a text in no language).
    pub fn of(&self, lang: Option<&str>) -> &[Phrase<Retention>] {
        of_lang(&self.phrase, &self.by_lang, lang)
    }
}

/// A special category, read from its code in the phrase list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Art9(pub SpecialCategory);

impl<'de> Deserialize<'de> for Art9 {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        SpecialCategory::from_code(&code)
            .map(Art9)
            .ok_or_else(|| serde::de::Error::custom(format!("`{code}` is not a special category")))
    }
}

/// `lint/phrases/special_categories.toml`: words that suggest an Art. 9(1)
/// special category, by its code.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecialCategoryPhrases {
    pub phrase: Vec<Phrase<Art9>>,
    #[serde(skip)]
    by_lang: Vec<(String, Range<usize>)>,
}

impl SpecialCategoryPhrases {
    /// The phrases of `lang` (all of them for a text in no language).
    pub fn of(&self, lang: Option<&str>) -> &[Phrase<Art9>] {
        of_lang(&self.phrase, &self.by_lang, lang)
    }
}

pub const RETENTION_SOURCE: &str = include_str!("phrases/retention.toml");
pub const SPECIAL_CATEGORIES_SOURCE: &str = include_str!("phrases/special_categories.toml");

/// The storage-period phrases. The file is part of the program; a test
/// reads it, so a broken entry cannot reach a release.
pub static RETENTION: LazyLock<RetentionPhrases> = LazyLock::new(|| {
    let mut p: RetentionPhrases =
        toml::from_str(RETENTION_SOURCE).expect("lint/phrases/retention.toml is valid");
    p.by_lang = prepare(&mut p.phrase);
    for n in &p.number {
        for w in &n.words {
            let entry = p.number_words.entry(w.clone()).or_default();
            entry.push((n.lang.clone(), n.value));
        }
    }
    for u in &mut p.unit {
        u.pattern = Pattern::parse(&u.source, false);
    }
    p
});

/// The special-category phrases (see [`RETENTION`]).
pub static SPECIAL_CATEGORIES: LazyLock<SpecialCategoryPhrases> = LazyLock::new(|| {
    let mut p: SpecialCategoryPhrases = toml::from_str(SPECIAL_CATEGORIES_SOURCE)
        .expect("lint/phrases/special_categories.toml is valid");
    p.by_lang = prepare(&mut p.phrase);
    p
});

/// A duration written in a text ("6 kuukauden", "två år", "30 days").
#[derive(Debug, Clone, PartialEq)]
pub struct Stated {
    pub duration: Duration,
    /// The words it takes: the number and the unit.
    pub words: Range<usize>,
}

/// The durations written in `words`: a number (in digits, or a number word
/// of the language) followed by a unit of time.
pub fn durations(words: &[Word<'_>], lang: Option<&str>) -> Vec<Stated> {
    let p = &*RETENTION;
    let mut out = Vec::new();
    for (i, pair) in words.windows(2).enumerate() {
        let [n, u] = pair else { continue };
        if n.sentence != u.sentence {
            continue;
        }
        let number = if n.lower.bytes().all(|b| b.is_ascii_digit()) {
            n.lower.parse::<u32>().ok()
        } else {
            p.number_words.get(n.lower.as_str()).and_then(|all| {
                all.iter()
                    .find(|(l, _)| lang.is_none_or(|lang| lang == l))
                    .map(|(_, v)| *v)
            })
        };
        let Some(number) = number else { continue };
        let Some(unit) = unit_of(u, lang) else {
            continue;
        };
        let mut d = Duration::default();
        match unit {
            'Y' => d.years = number,
            'M' => d.months = number,
            'W' => d.weeks = number,
            _ => d.days = number,
        }
        out.push(Stated {
            duration: d,
            words: i..i + 2,
        });
    }
    out
}

/// The unit of time `w` is a form of, in `lang`.
pub fn unit_of(w: &Word<'_>, lang: Option<&str>) -> Option<char> {
    RETENTION
        .unit
        .iter()
        .filter(|u| lang.is_none_or(|l| l == u.lang))
        .find(|u| u.pattern.as_ref().is_some_and(|p| p.is_word(w)))
        .map(|u| u.unit)
}

/// Whether two durations are the same length: equal in months and in
/// days, or, across the two, within a few per cent (P1Y is 12 months or
/// 365 days, P3M is 90 days).
pub fn same_length(a: &Duration, b: &Duration) -> bool {
    let months = |d: &Duration| d.years * 12 + d.months;
    let days = |d: &Duration| d.weeks * 7 + d.days;
    if months(a) == months(b) && days(a) == days(b) {
        return true;
    }
    let approx =
        |d: &Duration| f64::from(d.years) * 365.0 + f64::from(d.months) * 30.4 + f64::from(days(d));
    let (x, y) = (approx(a), approx(b));
    (x - y).abs() <= x.max(y) * 0.03 + 1.0
}

/// Whether `text` cites a statute by number or section: a Finnish or EU
/// number (`831/1994`, `2016/679`), a Swedish SFS number (`1994:1383`) or
/// a `§`.
pub fn cites_statute(text: &str) -> bool {
    if text.contains('§') {
        return true;
    }
    let b = text.as_bytes();
    let digits_before = |i: usize| {
        b[..i]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let digits_after = |i: usize| b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
    b.iter().enumerate().any(|(i, c)| match c {
        b'/' => {
            let (before, after) = (digits_before(i), digits_after(i));
            (before >= 1 && after == 4) || (before == 4 && after >= 1)
        }
        b':' => digits_before(i) == 4 && digits_after(i) >= 1,
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lowered(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.lower).collect()
    }

    #[test]
    fn words_are_runs_of_letters_and_digits_in_sentences() {
        let w =
            words("Säilytetään 6 kk. Sen jälkeen: Arkistolaki (831/1994) 8 §;\n- v1.2 ja 1.1.2020");
        let got: Vec<(&str, usize)> = w.iter().map(|w| (w.text, w.sentence)).collect();
        assert_eq!(
            got,
            [
                ("Säilytetään", 0),
                ("6", 0),
                ("kk", 0),
                ("Sen", 1),
                ("jälkeen", 1),
                ("Arkistolaki", 1),
                ("831", 1),
                ("1994", 1),
                ("8", 1),
                ("v1", 2),
                ("2", 2),
                ("ja", 2),
                ("1", 2),
                ("1", 2),
                ("2020", 2),
            ]
        );
        assert_eq!(lowered("ÅR Året"), ["år", "året"]);
    }

    #[test]
    fn patterns_match_words_stems_heads_parts_and_gaps() {
        // Each match as (first word, end), for comparison.
        let find = |pattern: &str, text: &[Word<'_>]| -> Vec<(usize, usize)> {
            let case = pattern.chars().any(char::is_uppercase);
            let p = Pattern::parse(pattern, case).expect(pattern);
            p.find(text).into_iter().map(|r| (r.start, r.end)).collect()
        };
        let none = Vec::<(usize, usize)>::new();
        let text =
            words("Tiedot säilytetään niin kauan kuin niitä tarvitaan kouluterveydenhuollossa.");
        assert_eq!(find("niin kauan kuin ~ tarvi*", &text), [(2, 7)]);
        assert_eq!(find("*tervey*", &text), [(7, 8)]);
        assert_eq!(find("tiedot", &text), [(0, 1)]);
        assert_eq!(find("tiedo", &text), none);
        // A gap is at most MAX_GAP words and stays in its sentence.
        let far = words("niin kauan kuin henkilö on koulun oppilas ja tarvitaan");
        assert_eq!(find("niin kauan kuin ~ tarvi*", &far), none);
        let split = words("niin kauan kuin hän on. Tarvitaan");
        assert_eq!(find("niin kauan kuin ~ tarvi*", &split), none);
        // A head needs a compound: three letters before it.
        let laws = words("lain mukaan arkistolain mukaan");
        assert_eq!(find("*lain", &laws), [(2, 3)]);
        // Case, when it matters.
        let act = words("the Archives Act and the act");
        assert_eq!(find("Act", &act), [(2, 3)]);
    }

    #[test]
    fn a_pattern_whose_letters_are_not_in_the_text_is_ruled_out_first() {
        let p = |s: &str| Pattern::parse(s, false).expect(s);
        let t = scan("Tiedot säilytetään TOISTAISEKSI ÄIDINKIELEN mukaan.");
        assert!(p("toistaiseksi").may_occur(&t));
        assert!(p("äidinkiel*").may_occur(&t));
        assert!(p("*kiel*").may_occur(&t));
        assert!(!p("tills vidare").may_occur(&t));
        assert!(!p("*tervey*").may_occur(&t));
        // Pairs of the pattern across its words are not required.
        assert!(p("tiedot säilytetään").may_occur(&t));
    }

    #[test]
    fn patterns_that_cannot_work_are_refused() {
        for bad in ["", "~ tarvi*", "tarvi* ~", "Iso", "a-b", "**", "x?"] {
            assert_eq!(Pattern::parse(bad, false), None, "{bad:?}");
        }
    }

    #[test]
    fn durations_are_numbers_with_units() {
        let d = |text: &str, lang: &str| -> Vec<String> {
            let w = words(text);
            durations(&w, Some(lang))
                .into_iter()
                .map(|s| s.duration.to_string())
                .collect()
        };
        assert_eq!(
            d("vähintään 6 kuukauden ajan, enintään kahden vuoden", "fi"),
            ["P6M", "P2Y"]
        );
        assert_eq!(d("Arkistolaki (831/1994) 8 §, 6 kk", "fi"), ["P6M"]);
        assert_eq!(d("minst sex månader, högst ett år", "sv"), ["P6M", "P1Y"]);
        assert_eq!(
            d("for at least 30 days or two weeks", "en"),
            ["P30D", "P2W"]
        );
        // Number words are the language's own: "sex" is not a number in English.
        assert_eq!(d("sex years", "en"), Vec::<String>::new());
        assert_eq!(d("vuoden kuluttua", "fi"), Vec::<String>::new());
    }

    #[test]
    fn lengths_compare_across_units() {
        let p = |s: &str| Duration::parse(s).expect(s);
        assert!(same_length(&p("P1Y"), &p("P12M")));
        assert!(same_length(&p("P1Y"), &p("P365D")));
        assert!(same_length(&p("P3M"), &p("P90D")));
        assert!(same_length(&p("P2W"), &p("P14D")));
        assert!(!same_length(&p("P2Y"), &p("P5Y")));
        assert!(!same_length(&p("P6M"), &p("P1Y")));
        assert!(!same_length(&p("P30D"), &p("P90D")));
    }

    #[test]
    fn statutes_are_cited_by_number_or_section() {
        for yes in [
            "Arkistolaki (831/1994)",
            "arkivlagen (1994:1383)",
            "Basic Education Act (628/1998)",
            "8 §",
            "Regulation (EU) 2016/679",
        ] {
            assert!(cites_statute(yes), "{yes}");
        }
        for no in ["6 kuukautta", "kello 10:30", "1.1.2020", "24/7", "osa 2/3"] {
            assert!(!cites_statute(no), "{no}");
        }
    }
}
