//! Plain language (Art. 12(1): "in a concise, transparent, intelligible and
//! easily accessible form, using clear and plain language"): rules Q020
//! hedging-word, Q021 long-sentence and Q022 hard-to-read, on the prose of
//! a notice, language by language.
//!
//! What each language needs is data: `plain/<lang>.toml` holds its
//! thresholds, the abbreviations that end with a dot without ending a
//! sentence, and its hedging words with an example and near misses each;
//! `build.rs` embeds the files, and a language without a file is not
//! checked. `[readability.<lang>]` of `seloste.toml` changes the
//! thresholds.
//!
//! Readability is LIX (Björnsson 1968): the mean number of words per
//! sentence plus the percentage of words of more than six letters. Only the
//! text an author writes is measured: prose fields (not names, labels or
//! the texts seloste adds itself), with Markdown read as text (a list item
//! or a paragraph ends a sentence; link targets are not words) and web and
//! e-mail addresses left out.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::Deserialize;

use super::facts::{is_letter, is_letter_or_digit, lower, matches_word};
use super::laws::span_in;
use super::{Annotate, Ctx};
use crate::diagnostic::rule;
use crate::load::config::Readability;
use crate::model::format::{self, FieldPath, Kind, TextKind};
use crate::model::{Lang, Located, Notice, Text};
use crate::source::Span;

rule! {
    Q020 "hedging-word" Info "Art. 12(1)",
    "A text hedges (\"voidaan\", \"vid behov\", \"may be\") instead of saying what is done.",
    "A notice must tell people what is done with their data in clear and plain language (Art. \
12(1)); the guidelines on transparency (WP260, endorsed by the European Data Protection \
Board) ask writers to avoid qualifiers such as \"may\", \"might\", \"some\", \"often\" and \
\"possible\", which leave the reader to guess. In Finland the duty is also national: an authority must use factual, clear and comprehensible \
language (Hallintolaki 434/2003, 9 §), as must a Swedish one (Språklag 2009:600, 11 §). A \
hedge such as \"tietoja voidaan luovuttaa\", \"tarvittaessa\", \"uppgifterna kan komma att \
lämnas ut\", \"vid behov\", \"the data may be disclosed\" or \"as needed\" hides whether, when \
and to whom something is done; \"muun muassa\", \"bland annat\" and \"among others\" hide the \
rest of a list.\n\nThe words of each language, with the uses that are not hedges (\"ei voida\", \
\"jotta ne voidaan palauttaa\", \"kan komma åt\", \"you may withdraw\"), are data: \
src/lint/plain/<lang>.toml. The rule is a note: a hedge is sometimes the honest answer, and then \
the text can say so (\"only when a court orders it\").\n\nFix: say what is done, by whom and \
when; list everything, or say where the full list is.";

    Q021 "long-sentence" Info "Art. 12(1)",
    "A sentence is longer than readers follow easily.",
    "Long sentences are the first thing plain-language guides ask writers to cut (Art. 12(1); \
Hallintolaki 434/2003, 9 §; Språklag 2009:600, 11 §): a reader has to hold the whole sentence \
in mind to understand it. The rule counts the words of each sentence of a prose text (a list \
item or a paragraph ends a sentence) and notes the longest one over the limit of its language: \
25 words in Finnish, 30 in Swedish and 35 in English. The limits are about three times the \
median sentence of the notices in notices/ (8 words in Finnish, 10 in Swedish, 11 in English: \
Finnish writes as endings what the others write as words, \"tietojärjestelmästämme\", \"from \
our information system\"), so that they note only sentences a reader would stumble on; in \
notices/ that is one sentence, in all three languages. Change them with \
`[readability.<lang>]` in seloste.toml (`sentence_words`); the defaults are in \
src/lint/plain/<lang>.toml.\n\nFix: split the sentence: one thing per sentence, and a list \
where it enumerates.";

    Q022 "hard-to-read" Info "Art. 12(1)",
    "A text, or the notice as a whole, is hard to read (LIX above the limit of its language).",
    "LIX (läsbarhetsindex, Björnsson 1968) is the mean number of words per sentence plus the \
percentage of words of more than six letters. On its Swedish scale 40-50 is an ordinary \
newspaper text, 50-60 a hard one (the usual level of official texts) and over 60 very hard \
(\"byråkratsvenska\"); Anderson (1983) applied it to English. The rule measures the sentences \
of each prose text of at least 40 words (a shorter one has too few words for a figure), and all \
the sentences of the notice in each language, and notes those over the limit (Art. 12(1): clear \
and plain language; Hallintolaki 434/2003, 9 §; Språklag 2009:600, 11 §). Only sentences count: \
text that ends with a full stop, `!` or `?`; a list of names or a heading is not running text.\n\n\
The Swedish limit is 60, Björnsson's \"very hard\", for a text and for the whole notice: the \
notices in notices/ measure 49-55, the level of ordinary official texts, which the rule leaves \
alone. Finnish words are long, because cases, possessive suffixes and compounds are written as \
one word, so the same text scores higher in Finnish and the Swedish scale does not fit it. \
Readability formulas were made for Finnish too (Wiio's), and they measure the same two things, \
sentence length and word length (Kotimaisten kielten keskus, \"Ymmärrettävyyttä etsimässä\"; \
Virtaluoto and Väyrynen, \"Voidaanko tekstin luettavuutta mitata matemaattisilla \
indekseillä?\", Informaatiotutkimus 19(4), 2000). seloste keeps LIX for Finnish and English and \
moves the Swedish limit by the difference measured between the versions of the same texts: the \
notices in notices/ are translations of each other, so the difference of their LIX is the \
language's, not the text's. Finnish measured 20 higher than Swedish (17-23 by notice) and English \
7 lower (4-11); rounded to 5, the limits are 80 in Finnish and 55 in English. The notices in \
notices/ pass (fi 69-75, sv 49-55, en 43-49 over all their sentences). Change the limits with \
`[readability.<lang>]` in seloste.toml (`text_lix`, `notice_lix`, `min_words`); the defaults \
are in src/lint/plain/<lang>.toml.\n\nA formula only counts: a text with short words can still \
be unclear. Read a noted text again as someone who does not know the register.\n\nFix: shorter \
sentences (one thing each), everyday words for long official ones, lists for enumerations.";
}

/// One language's plain-language data: `plain/<lang>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Plain {
    pub readability: Thresholds,
    abbreviations: Vec<String>,
    #[serde(default)]
    pub hedges: Vec<Hedge>,
    /// The hedges by their first word, and the first bytes of those words
    /// (filled in when the file is read).
    #[serde(skip)]
    by_first_word: HashMap<String, Vec<usize>>,
    #[serde(skip)]
    initials: Vec<bool>,
}

/// The thresholds of one language.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// Q022: a prose text above this LIX.
    pub text_lix: f64,
    /// Q022: all the prose of the notice above this LIX.
    pub notice_lix: f64,
    /// Q021: a sentence of more words.
    pub sentence_words: usize,
    /// Q022: a text of fewer words gets no LIX of its own.
    pub min_words: usize,
}

/// A hedging word or phrase and when it is not one.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Hedge {
    /// The words, in order, in lower case.
    pub words: String,
    /// `words`, split (filled in when the file is read).
    #[serde(skip)]
    phrase: Vec<String>,
    /// Not after these words (`#`: a figure).
    #[serde(default)]
    not_after: Vec<String>,
    /// Not before these words.
    #[serde(default)]
    not_before: Vec<String>,
    /// Not when one of these words comes earlier in the clause.
    #[serde(default)]
    not_in_clause: Vec<String>,
    pub suggestion: String,
    /// A sentence that uses it (tested: reported).
    #[cfg_attr(not(test), allow(dead_code))]
    pub example: String,
    /// Sentences that must not be reported (tested).
    #[serde(default)]
    #[cfg_attr(not(test), allow(dead_code))]
    pub near_misses: Vec<String>,
}

/// Every language's data, by language code.
pub(crate) fn languages() -> &'static HashMap<String, Plain> {
    static TABLE: LazyLock<HashMap<String, Plain>> = LazyLock::new(|| {
        super::data::PLAIN
            .iter()
            .filter_map(|(name, text)| {
                let lang = name.strip_suffix(".toml")?;
                let mut plain: Plain = toml::from_str(text)
                    .unwrap_or_else(|e| panic!("src/lint/plain/{name} is valid (tested): {e}"));
                plain.initials = vec![false; 256];
                for (i, h) in plain.hedges.iter_mut().enumerate() {
                    h.phrase = h.words.split_whitespace().map(String::from).collect();
                    if let Some(first) = h.phrase.first() {
                        plain
                            .by_first_word
                            .entry(first.clone())
                            .or_default()
                            .push(i);
                        if let Some(b) = first.bytes().next() {
                            plain.initials[usize::from(b)] = true;
                        }
                    }
                }
                Some((lang.to_string(), plain))
            })
            .collect()
    });
    &TABLE
}

/// The thresholds of `lang`: its data file's, changed by `[readability]`.
pub fn thresholds(lang: &Lang, config: &Readability) -> Option<Thresholds> {
    let mut t = languages().get(lang.as_str())?.readability;
    if let Some(c) = config.get(lang.as_str()) {
        t.text_lix = c.text_lix.unwrap_or(t.text_lix);
        t.notice_lix = c.notice_lix.unwrap_or(t.notice_lix);
        t.sentence_words = c.sentence_words.unwrap_or(t.sentence_words);
        t.min_words = c.min_words.unwrap_or(t.min_words);
    }
    Some(t)
}

/// A word of a block of text.
#[derive(Debug)]
struct Word<'b> {
    /// In lower case, without the punctuation around it.
    lower: Cow<'b, str>,
    /// Where it is in the text (the whole Markdown piece when the piece is
    /// not written as it reads, e.g. with an escape).
    range: Range<usize>,
    letters: usize,
    starts_upper: bool,
    /// The mark right after it: `.`, `!`, `?`, `:`, `,`, `;` or none.
    mark: Option<char>,
}

/// A sentence, as the rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Sentence {
    words: usize,
    /// Words of more than six letters.
    long_words: usize,
    /// From its first word to its last, in the text.
    range: Range<usize>,
    /// Whether it ends with a full stop, `!` or `?` (or a colon before a
    /// capital): a list item or a phrase without one is not a sentence
    /// LIX counts.
    ends: bool,
}

/// What the rules read in one text: its sentences and its hedges.
#[derive(Debug, Default)]
struct Reading<'p> {
    sentences: Vec<Sentence>,
    /// In the order they are written.
    hedges: Vec<Found<'p>>,
}

/// Counts of a text, for LIX.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub words: usize,
    pub sentences: usize,
    /// Words of more than six letters.
    pub long_words: usize,
}

impl Counts {
    /// LIX: words per sentence plus the percentage of long words.
    pub fn lix(&self) -> f64 {
        if self.words == 0 || self.sentences == 0 {
            return 0.0;
        }
        let words = self.words as f64;
        words / self.sentences as f64 + 100.0 * self.long_words as f64 / words
    }

    fn add(&mut self, other: Counts) {
        self.words += other.words;
        self.sentences += other.sentences;
        self.long_words += other.long_words;
    }
}

/// The counts of the sentences that end as sentences do: LIX measures
/// running text, and a list of names or a heading is not.
fn counts(sentences: &[Sentence]) -> Counts {
    let mut c = Counts::default();
    for s in sentences.iter().filter(|s| s.words > 0 && s.ends) {
        c.sentences += 1;
        c.words += s.words;
        c.long_words += s.long_words;
    }
    c
}

/// A piece of text as Markdown shows it, and where it is in the source.
struct Piece {
    /// Offset in the block's text.
    at: usize,
    source: Range<usize>,
    /// Whether the source is the text as shown (no escapes or entities).
    exact: bool,
}

/// [`read`], once per text and language in a process: a vendor's bound
/// notices repeat the service's texts for every customer.
fn read_once(markdown: &str, lang: &Lang, p: &'static Plain) -> std::sync::Arc<Reading<'static>> {
    static READINGS: crate::fingerprint::TextCache<std::sync::Arc<Reading<'static>>> =
        crate::fingerprint::TextCache::new();
    READINGS.get_or(crate::fingerprint::of(&(lang.as_str(), markdown)), || {
        std::sync::Arc::new(read(markdown, p))
    })
}

/// The sentences and hedges of a Markdown text written in a language that
/// `p` describes.
fn read<'p>(markdown: &str, p: &'p Plain) -> Reading<'p> {
    let mut out = Reading::default();
    // Most texts are one line without Markdown: one block as written.
    if !markdown.contains([
        '*', '_', '`', '[', ']', '<', '>', '#', '\\', '&', '|', '~', '\n', '\r',
    ]) {
        let whole = Piece {
            at: 0,
            source: 0..markdown.len(),
            exact: true,
        };
        split(markdown, &[whole], p, &mut out);
        return out;
    }
    let mut block = String::new();
    let mut pieces: Vec<Piece> = Vec::new();
    let mut flush = |block: &mut String, pieces: &mut Vec<Piece>| {
        split(block, pieces, p, &mut out);
        block.clear();
        pieces.clear();
    };
    for (event, range) in Parser::new(markdown).into_offset_iter() {
        match event {
            Event::Text(t) | Event::Code(t) => {
                let source = &markdown[range.clone()];
                let (source, exact) = match source.find(t.as_ref()) {
                    Some(k) => (range.start + k..range.start + k + t.len(), true),
                    None => (range, false),
                };
                pieces.push(Piece {
                    at: block.len(),
                    source,
                    exact,
                });
                block.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => block.push(' '),
            Event::Start(Tag::Paragraph | Tag::Item | Tag::Heading { .. } | Tag::TableCell)
            | Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_) | TagEnd::TableCell,
            ) => flush(&mut block, &mut pieces),
            _ => {}
        }
    }
    flush(&mut block, &mut pieces);
    out.hedges.sort_by_key(|f| f.range.start);
    out
}

/// Reads one block of text: its sentences, and the hedges in each.
fn split<'p>(block: &str, pieces: &[Piece], p: &'p Plain, out: &mut Reading<'p>) {
    let source_of = |r: Range<usize>| -> Range<usize> {
        let Some(piece) = pieces.iter().rev().find(|x| x.at <= r.start) else {
            return 0..0;
        };
        if piece.exact {
            let start = piece.source.start + (r.start - piece.at);
            let end = (piece.source.start + (r.end - piece.at)).min(piece.source.end);
            start..end.max(start)
        } else {
            piece.source.clone()
        }
    };
    let chars: Vec<(usize, char)> = block.char_indices().collect();
    let byte = |k: usize| chars.get(k).map_or(block.len(), |x| x.0);
    let mut found = Vec::with_capacity(chars.len() / 4);
    let mut k = 0;
    while k < chars.len() {
        if chars[k].1.is_whitespace() {
            k += 1;
            continue;
        }
        let end = chars[k..]
            .iter()
            .position(|x| x.1.is_whitespace())
            .map_or(chars.len(), |n| k + n);
        // Web and e-mail addresses are not words.
        let chunk = &block[byte(k)..byte(end)];
        let address = (chunk.contains(':') && chunk.contains("://"))
            || chunk.contains('@')
            || chunk.starts_with("www.");
        if !address {
            words_of(&chars[k..end], byte(end), &mut found);
        }
        k = end;
    }
    // The block in lower case, once: a word's lower case is a slice of it
    // when lower case keeps the length of every character (it does for
    // ASCII and Latin-1), else a string of its own.
    let lowered = lower(block);
    let aligned = lowered.len() == block.len()
        && block.char_indices().all(|(i, c)| {
            lowered.is_char_boundary(i)
                && lowered[i..].starts_with(|l: char| l.len_utf8() == c.len_utf8())
        });
    let words: Vec<Word<'_>> = found
        .into_iter()
        .map(|(r, mark)| {
            let text = &block[r.clone()];
            Word {
                lower: if aligned {
                    Cow::Borrowed(&lowered[r.clone()])
                } else {
                    Cow::Owned(lower(text))
                },
                range: source_of(r),
                letters: text.chars().filter(|c| is_letter(*c)).count(),
                starts_upper: text.chars().next().is_some_and(char::is_uppercase),
                mark,
            }
        })
        .collect();
    // Where sentences end: after a word followed by `!` or `?`, or by `.`
    // or `:` before a capital (not after an abbreviation or an initial).
    let ends: Vec<bool> = (0..words.len())
        .map(|k| {
            let w = &words[k];
            let next = words.get(k + 1);
            let next_upper = next.is_none_or(|n| n.starts_upper);
            match w.mark {
                Some('!' | '?') => true,
                Some(':') => next_upper && next.is_some(),
                Some('.') => {
                    next_upper
                        && !p.abbreviations.iter().any(|a| a == w.lower.as_ref())
                        && !(w.letters == 1 && w.lower.chars().all(is_letter))
                }
                _ => false,
            }
        })
        .collect();
    let mut start = 0;
    for (k, end) in ends.iter().enumerate() {
        if *end || k + 1 == words.len() {
            let sentence = &words[start..=k];
            let (first, last) = (&sentence[0], &sentence[sentence.len() - 1]);
            out.sentences.push(Sentence {
                words: sentence.len(),
                long_words: sentence.iter().filter(|w| w.letters > 6).count(),
                range: first.range.start..last.range.end.max(first.range.start),
                ends: matches!(last.mark, Some('.' | '!' | '?')) || *end,
            });
            hedges(sentence, p, &mut out.hedges);
            start = k + 1;
        }
    }
}

/// The words of a chunk of text without spaces (its characters with their
/// offsets, and the offset where it ends): runs of letters and digits,
/// joined by `.`, `-`, `'`, `’`, `:` or `/` between two of them (`t.ex`,
/// `Oy:n`, `Wilma-järjestelmän`, `628/1998`); each with the mark that
/// follows it (`.`, `!`, `?`, `:`, `,`, `;`), after any closing brackets or
/// quotes.
fn words_of(
    chars: &[(usize, char)],
    end_of_chunk: usize,
    out: &mut Vec<(Range<usize>, Option<char>)>,
) {
    let mut k = 0;
    while k < chars.len() {
        if !is_letter_or_digit(chars[k].1) {
            k += 1;
            continue;
        }
        let start = chars[k].0;
        let mut j = k;
        while j + 1 < chars.len() {
            let c = chars[j + 1].1;
            if is_letter_or_digit(c) {
                j += 1;
            } else if ".-'’:/".contains(c)
                && chars.get(j + 2).is_some_and(|x| is_letter_or_digit(x.1))
            {
                j += 2;
            } else {
                break;
            }
        }
        let end = chars.get(j + 1).map_or(end_of_chunk, |x| x.0);
        let mark = chars[j + 1..]
            .iter()
            .map(|x| x.1)
            .take_while(|c| !is_letter_or_digit(*c))
            .find(|c| ".!?:,;".contains(*c));
        out.push((start..end, mark));
        k = j + 1;
    }
}

/// A hedge found: which, and the range of its words.
#[derive(Debug)]
struct Found<'p> {
    hedge: &'p Hedge,
    range: Range<usize>,
}

/// The hedges of one sentence.
fn hedges<'p>(words: &[Word<'_>], p: &'p Plain, out: &mut Vec<Found<'p>>) {
    let is_figure = |w: &Word<'_>| w.lower.starts_with(|c: char| c.is_ascii_digit());
    let any = |list: &[String], w: Option<&Word<'_>>| {
        w.is_some_and(|w| {
            (list.iter().any(|x| x == "#") && is_figure(w)) || matches_word(list, &w.lower)
        })
    };
    for k in 0..words.len() {
        // Only the hedges whose first word this is.
        let starts = words[k].lower.bytes().next();
        if !starts.is_some_and(|b| p.initials[usize::from(b)]) {
            continue;
        }
        let Some(candidates) = p.by_first_word.get(words[k].lower.as_ref()) else {
            continue;
        };
        for h in candidates.iter().map(|i| &p.hedges[*i]) {
            let phrase = &h.phrase;
            let Some(rest) = words.get(k..k + phrase.len()) else {
                continue;
            };
            let hit = phrase.iter().zip(rest).enumerate().all(|(j, (x, w))| {
                // A phrase does not run over a comma.
                *x == w.lower && (j + 1 == phrase.len() || !matches!(w.mark, Some(',' | ';')))
            });
            if !hit {
                continue;
            }
            let before = k.checked_sub(1).map(|b| &words[b]);
            let after = words.get(k + phrase.len());
            let last = &rest[rest.len() - 1];
            // A word after a mark is not "before" the phrase.
            let runs_on = last.mark.is_none();
            if any(&h.not_after, before) || (runs_on && any(&h.not_before, after)) {
                continue;
            }
            // The clause: back to the last comma or semicolon.
            let clause_start = words[..k]
                .iter()
                .rposition(|w| matches!(w.mark, Some(',' | ';' | ':')))
                .map_or(0, |c| c + 1);
            if words[clause_start..k]
                .iter()
                .any(|w| matches_word(&h.not_in_clause, &w.lower))
            {
                continue;
            }
            out.push(Found {
                hedge: h,
                range: words[k].range.start..last.range.end.max(words[k].range.start),
            });
        }
    }
}

/// The prose texts of a notice, with where they are.
fn prose(n: &Notice) -> Vec<(FieldPath, &Text)> {
    let mut out = Vec::new();
    format::walk(n, &mut |path, field, value| {
        if let (Kind::Text(TextKind::Prose), format::Value::Text(Some(t))) = (field.kind, value) {
            out.push((path, *t));
        }
    });
    out
}

/// The texts of one language, by field.
type Texts<'n> = Vec<(FieldPath, &'n Located<String>)>;

/// The languages of the notice that have plain-language data, each with
/// its text of every prose field.
fn written<'n>(cx: &Ctx<'n>) -> Vec<(Lang, Texts<'n>)> {
    let table = languages();
    let prose = prose(cx.notice);
    cx.languages
        .iter()
        .filter(|l| table.contains_key(l.as_str()))
        .map(|l| {
            let texts = prose
                .iter()
                .filter_map(|(f, t)| {
                    let s = t.translations.iter().find(|(x, _)| x == l)?;
                    (!s.1.value.trim().is_empty()).then_some((*f, &s.1))
                })
                .collect();
            (l.clone(), texts)
        })
        .collect()
}

/// Q020, Q021 and Q022, from one reading of each prose text in each
/// language (the registry lists this check with Q020 and none with Q021
/// and Q022).
pub fn plain_language(cx: &mut Ctx<'_>) {
    let table = languages();
    let n = cx.notice;
    for (lang, texts) in written(cx) {
        let p = &table[lang.as_str()];
        let Some(t) = thresholds(&lang, cx.readability) else {
            continue;
        };
        let mut total = Counts::default();
        for (field, text) in texts {
            let reading = read_once(&text.value, &lang, p);
            hedging_words(cx, field, &lang, text, &reading.hedges);
            long_sentence(cx, field, &lang, text, &reading.sentences, t.sentence_words);
            let c = counts(&reading.sentences);
            total.add(c);
            if c.words >= t.min_words && c.lix().round() > t.text_lix {
                cx.report(
                    Q022,
                    text.span.clone(),
                    format!(
                        "`{field}` ({}) is hard to read: LIX {:.0}, above {}",
                        lang.as_str(),
                        c.lix(),
                        t.text_lix
                    ),
                )
                .label(format!("LIX {:.0}", c.lix()))
                .help(explain(c));
            }
        }
        if total.words == 0 || total.lix().round() <= t.notice_lix {
            continue;
        }
        let at: Span = n
            .languages
            .as_ref()
            .and_then(|ls| ls.value.iter().find(|x| x.value == lang))
            .map_or_else(|| n.span.clone(), |x| x.span.clone());
        cx.report(
            Q022,
            at,
            format!(
                "the {} text of the notice is hard to read: LIX {:.0}, above {}",
                lang.as_str(),
                total.lix(),
                t.notice_lix
            ),
        )
        .label(format!("LIX {:.0} over all its prose", total.lix()))
        .help(explain(total));
    }
}

/// Q020: one note per hedge and text, at its first use.
fn hedging_words(
    cx: &mut Ctx<'_>,
    field: FieldPath,
    lang: &Lang,
    text: &Located<String>,
    found: &[Found<'_>],
) {
    let mut seen: Vec<&str> = Vec::new();
    for f in found {
        if seen.contains(&f.hedge.words.as_str()) {
            continue;
        }
        seen.push(&f.hedge.words);
        let quoted = text.value.get(f.range.clone()).unwrap_or(&f.hedge.words);
        let d = cx.report(
            Q020,
            span_in(text, f.range.clone()),
            format!(
                "`{field}` ({}): \"{quoted}\" leaves the reader to guess what is done",
                lang.as_str()
            ),
        );
        d.label("hedging word").help(f.hedge.suggestion.clone());
        for again in found
            .iter()
            .filter(|g| std::ptr::eq(g.hedge, f.hedge) && g.range != f.range)
        {
            d.also(span_in(text, again.range.clone()), "again here");
        }
    }
}

/// Q021: the longest sentence over `limit` words, with how many more are.
fn long_sentence(
    cx: &mut Ctx<'_>,
    field: FieldPath,
    lang: &Lang,
    text: &Located<String>,
    sentences: &[Sentence],
    limit: usize,
) {
    let long: Vec<&Sentence> = sentences.iter().filter(|s| s.words > limit).collect();
    let Some(longest) = long.iter().max_by_key(|s| s.words) else {
        return;
    };
    let n = longest.words;
    let more = match long.len() - 1 {
        0 => String::new(),
        1 => format!(", and 1 more over {limit}"),
        m => format!(", and {m} more over {limit}"),
    };
    cx.report(
        Q021,
        span_in(text, longest.range.clone()),
        format!(
            "`{field}` ({}): a sentence of {n} words{more}",
            lang.as_str()
        ),
    )
    .label(format!("{n} words; {limit} at most are easy to follow"))
    .help("split it: one thing per sentence, and a list where it enumerates");
}

/// The readability of the prose of `n` in `lang`, or `None` for a
/// language without plain-language data.
pub fn readability(n: &Notice, lang: &Lang) -> Option<Counts> {
    let p = languages().get(lang.as_str())?;
    let mut total = Counts::default();
    for (_, t) in prose(n) {
        if let Some((_, s)) = t.translations.iter().find(|(x, _)| x == lang) {
            total.add(counts(&read(&s.value, p).sentences));
        }
    }
    Some(total)
}

fn explain(c: Counts) -> String {
    format!(
        "LIX is the words per sentence (here {:.0}) plus the percentage of words of more than six letters (here {:.0} %): write shorter sentences, and everyday words for long official ones",
        c.words as f64 / c.sentences.max(1) as f64,
        100.0 * c.long_words as f64 / c.words.max(1) as f64
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lang: &str) -> &'static Plain {
        &languages()[lang]
    }

    /// The sentences of `text` as word counts.
    fn lengths(lang: &str, text: &str) -> Vec<usize> {
        read(text, plain(lang))
            .sentences
            .iter()
            .map(|s| s.words)
            .collect()
    }

    /// The hedges found in `text`, as written.
    fn hedged(lang: &str, text: &str) -> Vec<String> {
        read(text, plain(lang))
            .hedges
            .iter()
            .map(|f| text[f.range.clone()].to_string())
            .collect()
    }

    #[test]
    fn every_language_has_data_and_every_file_is_a_language() {
        let mut names: Vec<&str> = languages().keys().map(String::as_str).collect();
        names.sort_unstable();
        let mut supported = Lang::SUPPORTED.to_vec();
        supported.sort_unstable();
        assert_eq!(names, supported);
        for (lang, p) in languages() {
            let t = p.readability;
            assert!(
                t.text_lix > 0.0 && t.notice_lix > 0.0 && t.sentence_words > 0 && t.min_words > 0,
                "{lang}: thresholds"
            );
        }
    }

    /// Every hedge of every data file is found in its example sentence, and
    /// only there: the example reports exactly that hedge, and no near miss
    /// reports anything.
    #[test]
    fn every_hedge_is_found_in_its_example_and_not_in_its_near_misses() {
        let mut problems = Vec::new();
        let mut langs: Vec<_> = languages().iter().collect();
        langs.sort_by_key(|(l, _)| l.as_str());
        for (lang, p) in langs {
            for h in &p.hedges {
                let found = read(&h.example, p).hedges;
                let words: Vec<&str> = found.iter().map(|f| f.hedge.words.as_str()).collect();
                if words != [h.words.as_str()] {
                    problems.push(format!(
                        "{lang} `{}`: the example {:?} reports {words:?}",
                        h.words, h.example
                    ));
                }
                for miss in &h.near_misses {
                    let found = read(miss, p).hedges;
                    if !found.is_empty() {
                        let words: Vec<&str> =
                            found.iter().map(|f| f.hedge.words.as_str()).collect();
                        problems.push(format!(
                            "{lang} `{}`: the near miss {miss:?} reports {words:?}",
                            h.words
                        ));
                    }
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn hedges_are_found_where_they_are_written() {
        assert_eq!(
            hedged(
                "fi",
                "Tietoja voidaan luovuttaa tarvittaessa poliisille. Ne voidaan myös poistaa."
            ),
            ["voidaan", "tarvittaessa", "voidaan"]
        );
        assert_eq!(
            hedged(
                "fi",
                "Opetusta ei voida järjestää, jotta tiedot voidaan tarkistaa."
            ),
            Vec::<String>::new()
        );
        // A new clause after the comma: "jotta" no longer applies.
        assert_eq!(
            hedged("fi", "Jotta asia hoituu, tietoja voidaan luovuttaa."),
            ["voidaan"]
        );
        assert_eq!(
            hedged("sv", "Uppgifterna kan komma att lämnas ut vid behov."),
            ["kan komma att", "vid behov"]
        );
        assert_eq!(
            hedged("sv", "Vi behandlar bl.a. namn, adress m.m. i registret."),
            ["bl.a", "m.m"]
        );
        assert_eq!(
            hedged(
                "en",
                "Your data may be disclosed. You may object. We may share it."
            ),
            ["may be", "We may"]
        );
        assert_eq!(
            hedged("en", "In **May**, the data [may be](https://x.fi) shared."),
            ["may be"]
        );
    }

    #[test]
    fn sentences_end_at_marks_blocks_and_list_items() {
        assert_eq!(
            lengths("fi", "Tiedot ovat Wilmassa. Ne näkyvät huoltajille!"),
            [3, 3]
        );
        // Abbreviations and ordinals do not end a sentence.
        assert_eq!(
            lengths(
                "fi",
                "Tietoja ovat esim. nimi ja 2. luokan arvosanat klo 8."
            ),
            [10]
        );
        assert_eq!(lengths("sv", "Vi sparar t.ex. namn. Och adress."), [4, 2]);
        assert_eq!(
            lengths("en", "See Art. 13 of the GDPR. It applies."),
            [6, 2]
        );
        // Paragraphs and list items are sentences; link targets and
        // addresses are not words.
        assert_eq!(
            lengths(
                "en",
                "The services:\n\n- Office 365\n- Moodle\n\nWrite to tuki@opinsys.fi or see [the form](https://x.fi/a-very-long-path)."
            ),
            [2, 2, 1, 6]
        );
        // A colon ends a sentence only before a capital.
        assert_eq!(
            lengths("en", "We keep: name. Note: Names are kept."),
            [3, 1, 3]
        );
        // Words joined by hyphens, colons and slashes are one word.
        assert_eq!(lengths("fi", "Wilma-järjestelmän EU:n 628/1998 t.ex"), [4]);
    }

    /// Every word of any Markdown keeps a range of its text.
    #[test]
    fn any_markdown_is_read() {
        let texts = [
            "",
            " ",
            ".",
            "**",
            "[x](",
            "- ",
            "> > -",
            "a\\\nb",
            "&amp; &#x1F600; x",
            "İİ. Voidaan",
            "`code` voidaan",
            "<https://x.fi>",
            "| a | b |\n|---|---|\n| c | d |",
            "x[^1]\n\n[^1]: voidaan",
            "# Otsikko\nvoidaan tarvittaessa",
            "ǅ. ǅ",
            "a.b.c. D",
        ];
        for lang in Lang::SUPPORTED {
            let p = plain(lang);
            for t in texts {
                let r = read(t, p);
                for s in &r.sentences {
                    assert!(t.get(s.range.clone()).is_some(), "{t:?}: {s:?}");
                }
                for f in &r.hedges {
                    assert!(t.get(f.range.clone()).is_some(), "{t:?}: {f:?}");
                }
            }
        }
    }

    #[test]
    fn lix_counts_words_sentences_and_long_words() {
        let c = counts(
            &read(
                "Tämä on lyhyt lause. Tietosuojaselosteessa kerrotaan henkilötietojen käsittelystä.",
                plain("fi"),
            )
            .sentences,
        );
        assert_eq!(
            c,
            Counts {
                words: 8,
                sentences: 2,
                long_words: 4
            }
        );
        assert_eq!(c.lix(), 4.0 + 50.0);
        assert_eq!(Counts::default().lix(), 0.0);
        // A list of names and a heading are not sentences: LIX leaves them
        // out. A list item that is a sentence counts.
        let c = counts(
            &read(
                "Tjänster:\n\n1. Yrkeshögskolans intranät\n2. Lärplattformen Moodle\n3. Inloggningen sker med Haka.",
                plain("sv"),
            )
            .sentences,
        );
        assert_eq!(
            c,
            Counts {
                words: 4,
                sentences: 1,
                long_words: 1
            }
        );
    }

    #[test]
    fn sentences_and_hedges_keep_their_place_in_the_source() {
        let text = "Katso **[lomake](https://x.fi)** ja soita\\! Voidaan.";
        let r = read(text, plain("fi"));
        let sentences: Vec<&str> = r.sentences.iter().map(|s| &text[s.range.clone()]).collect();
        assert_eq!(
            sentences,
            ["Katso **[lomake](https://x.fi)** ja soita", "Voidaan"]
        );
        let hedges: Vec<&str> = r.hedges.iter().map(|f| &text[f.range.clone()]).collect();
        assert_eq!(hedges, ["Voidaan"]);
        // Letters whose lower case is longer: each word has its own.
        let r = read("İİ voidaan. Tietoja voidaan luovuttaa.", plain("fi"));
        assert_eq!(r.hedges.len(), 2);
    }

    /// `[readability]` of seloste.toml reaches the rules through
    /// `lint::check_with`.
    #[test]
    fn the_project_thresholds_reach_the_rules() {
        let valid = include_str!("../../tests/fixtures/cli/valid.toml");
        let loaded = crate::load::load_bytes(crate::source::FileId(0), 0, valid.as_bytes());
        let n = loaded.document.expect("loads");
        let notes = |r: &Readability| -> Vec<String> {
            super::super::check_with(&n, &[], r)
                .iter()
                .filter(|d| d.code == "Q021")
                .map(|d| d.message.clone())
                .collect()
        };
        assert_eq!(notes(&Readability::new()), Vec::<String>::new());
        let mut config = Readability::new();
        config.insert(
            "sv".into(),
            crate::load::config::ReadabilitySetting {
                sentence_words: Some(4),
                ..Default::default()
            },
        );
        assert_eq!(
            notes(&config),
            [
                "`purposes.law` (sv): a sentence of 5 words",
                "`provision.consequences` (sv): a sentence of 5 words"
            ]
        );
    }

    #[test]
    fn configuration_changes_the_thresholds() {
        let fi = Lang::parse("fi").expect("fi");
        let defaults = thresholds(&fi, &Readability::new()).expect("fi has data");
        let mut config = Readability::new();
        config.insert(
            "fi".into(),
            crate::load::config::ReadabilitySetting {
                sentence_words: Some(12),
                ..Default::default()
            },
        );
        let changed = thresholds(&fi, &config).expect("fi has data");
        assert_eq!(changed.sentence_words, 12);
        assert_eq!(changed.text_lix, defaults.text_lix);
    }
}
