//! A small typed reader over the spanned TOML tree.
//!
//! serde's derive stops at the first error and loses spans inside flattened
//! or untagged types. A notice author wants every problem of a file at once,
//! each pointing at its key or value, with "did you mean" for typos in keys
//! and in closed-list codes. So the notice is read by hand through this
//! reader: each table hands out its keys on request and, when finished,
//! reports every key nobody asked for, with the nearest known key as a hint.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::Diagnostic;
use crate::diagnostic::rule;
use crate::model::format::{Layout, TextKind};
use crate::model::{Country, Date, Duration, Lang, Located, Text};
use crate::source::{FileId, Span};

// The rules this module reports first; `seloste explain CODE` prints
// their explanations.
rule! {
    L005 "wrong-type" Error "-",
    "A value has the wrong type.",
    "Each key of the source format takes one kind of value: a string, a boolean, a date, a table \
of translations `{ fi = \"...\", sv = \"...\", en = \"...\" }`, or an array of tables. The \
diagnostic says what was expected and what was found. Free-text fields are always tables of \
translations, so that every language is written; only names and addresses may be a single \
string that reads the same in every language.";

    L006 "unknown-key" Error "-",
    "A key is not part of the source format.",
    "seloste refuses keys it does not know instead of ignoring them: a misspelt `legal_bases` \
would otherwise silently leave a purpose without a legal basis. The diagnostic suggests the \
nearest known key and lists the keys of that table. In translation tables the keys are \
language codes (`fi`, `sv`, `en`).";

    L007 "unknown-value" Error "-",
    "A code is not one of the values the law allows.",
    "Where the GDPR gives a closed list (the legal bases of Art. 6(1), the conditions of \
Art. 9(2), the transfer mechanisms of Art. 45-49) the source takes a code from that list, so \
that seloste can check the conditional requirements and write the official wording in each \
language. The diagnostic suggests the nearest code and lists them all; `docs/format.md` \
explains each.";

    Q006 "invalid-country" Error "Art. 13(1)(f)",
    "A country code is not ISO 3166-1.",
    "Countries are written as two-letter ISO 3166-1 codes (`FI`, `SE`, `US`), so that seloste \
knows which are outside the EEA and can write the country's name in each language.";

    Q007 "invalid-date" Error "-",
    "A date is not a valid calendar date.",
    "Dates are written in ISO 8601 form, `2026-11-21`, as a TOML date or a string. seloste \
renders them as 21.11.2026 in Finnish and Swedish and as 21 November 2026 in English.";

    Q008 "invalid-duration" Error "Art. 13(2)(a)",
    "A storage period is not an ISO 8601 duration.",
    "Storage periods are written as ISO 8601 durations of years, months, weeks and days: \
`P2Y`, `P6M`, `P1Y6M`, `P30D`. seloste renders them with the right plural in each language \
(\"2 vuotta\", \"2 år\", \"2 years\"). A period that is an event rather than a length goes in \
`rule`.";

    Q010 "duplicate-id" Error "-",
    "Two items of a notice have the same id.",
    "Ids of purposes, data categories, sources, recipients, transfers, retention entries and \
the like are used for references (`applies_to`, `categories`...) and as anchors in the \
rendered page, so each must be unique within the notice.";
}

pub type Value<'i> = Spanned<DeValue<'i>>;

/// Collects the diagnostics of one file while its tree is read.
pub struct Decoder {
    pub file: FileId,
    /// Global offset of the file (see [`crate::source`]); added to every
    /// span toml reports, which are file-local.
    pub base: usize,
    pub diagnostics: Vec<Diagnostic>,
    /// The document's root table. A root key found inside a table was
    /// almost always written below a `[table]` header by mistake.
    pub root_keys: Option<&'static Layout>,
    /// Set when a notice says `controller = "customer"`, where.
    pub open_controller: Option<Span>,
    /// Keys that were present but whose value could not be read, as
    /// (start of the table's span, key): already diagnosed, so rules must
    /// not also call them missing.
    pub invalid: Vec<(usize, &'static str)>,
    /// When set, each finished table records the keys its reader asked
    /// for; the schema tests use this to hold the schema to the reader.
    pub record_known: bool,
    pub known_keys: Vec<(String, Vec<&'static str>)>,
    /// The file's table headers (`[security]`), as (file-local offset,
    /// header), in file order: to name the table a key fell into.
    pub headers: Vec<(usize, String)>,
}

/// A table being read. Keys are taken with [`Table::get`]; [`Table::finish`]
/// reports the keys that were never taken.
pub struct Table<'v, 'i> {
    pub span: Span,
    /// Set for the document's root table.
    pub is_root: bool,
    entries: &'v DeTable<'i>,
    known: Vec<&'static str>,
}

impl<'v, 'i> Table<'v, 'i> {
    pub fn get(&mut self, key: &'static str) -> Option<&'v Value<'i>> {
        self.known.push(key);
        self.entries.get(key)
    }

    /// Reads `key` with `f`; a value that is present but unreadable is
    /// remembered in [`Decoder::invalid`].
    pub fn read<T>(
        &mut self,
        d: &mut Decoder,
        key: &'static str,
        f: impl FnOnce(&mut Decoder, &'v Value<'i>) -> Option<T>,
    ) -> Option<T> {
        let v = self.get(key)?;
        let value = f(d, v);
        if value.is_none() {
            d.invalid.push((self.span.start, key));
        }
        value
    }

    /// Reports unknown keys, in source order, each with a suggestion.
    pub fn finish(self, d: &mut Decoder, what: &str) {
        if d.record_known {
            d.known_keys.push((what.to_string(), self.known.clone()));
        }
        let mut unknown: Vec<_> = self
            .entries
            .iter()
            .filter(|(k, _)| !self.known.contains(&k.get_ref().as_ref()))
            .collect();
        unknown.sort_by_key(|(k, _)| k.span().start);
        for (key, _) in unknown {
            let name = key.get_ref().as_ref();
            let mut diag = Diagnostic::new(
                L006,
                d.span(key.span()),
                format!("unknown key `{name}` in {what}"),
            );
            let misplaced = !self.is_root && d.root_keys.is_some_and(|l| l.field(name).is_some());
            diag = match did_you_mean(name, &self.known) {
                _ if misplaced => diag.label(format!("`{name}` belongs at the top level, not in {what}")).help(format!(
                    "TOML puts every key that follows a table header into that table: move `{name}` above the first `[...]` header of the file"
                )),
                Some(s) => diag.label(format!("did you mean `{s}`?")).help(format!(
                    "rename it to `{s}`; the keys of {what} are: {}",
                    self.known.join(", ")
                )),
                None => diag
                    .label("not a key seloste knows")
                    .help(format!("the keys of {what} are: {}", self.known.join(", "))),
            };
            d.diagnostics.push(diag);
        }
    }
}

fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

impl Decoder {
    /// A file-local span from toml, as a global span.
    pub fn span(&self, local: std::ops::Range<usize>) -> Span {
        local.start + self.base..local.end + self.base
    }

    pub fn new(file: FileId, base: usize) -> Self {
        Decoder {
            file,
            base,
            diagnostics: Vec::new(),
            root_keys: None,
            open_controller: None,
            invalid: Vec::new(),
            record_known: false,
            known_keys: Vec::new(),
            headers: Vec::new(),
        }
    }

    /// The last table header above the file-local offset `at`.
    fn header_above(&self, at: usize) -> Option<&str> {
        self.headers
            .iter()
            .take_while(|(start, _)| *start < at)
            .last()
            .map(|(_, h)| h.as_str())
    }

    fn wrong_type(&mut self, v: &Value<'_>, expected: &str, help: &str) {
        let found = type_name(v.get_ref());
        self.diagnostics.push(
            Diagnostic::new(
                L005,
                self.span(v.span()),
                format!("expected {expected}, found {found}"),
            )
            .label(format!("this is {found}"))
            .help(help.to_string()),
        );
    }

    pub fn table<'v, 'i>(&mut self, v: &'v Value<'i>, what: &str) -> Option<Table<'v, 'i>> {
        match v.get_ref() {
            DeValue::Table(entries) => Some(Table {
                span: self.span(v.span()),
                is_root: false,
                entries,
                known: Vec::new(),
            }),
            _ => {
                self.wrong_type(
                    v,
                    "a table",
                    &format!("write {what} as a table: `[{what}]` on a line of its own, followed by its keys"),
                );
                None
            }
        }
    }

    pub fn string(&mut self, v: &Value<'_>) -> Option<Located<String>> {
        match v.get_ref() {
            DeValue::String(s) => Some(Located::new(s.to_string(), self.span(v.span()))),
            _ => {
                self.wrong_type(v, "a string", "put the value in double quotes: \"...\"");
                None
            }
        }
    }

    pub fn bool(&mut self, v: &Value<'_>) -> Option<Located<bool>> {
        match v.get_ref() {
            DeValue::Boolean(b) => Some(Located::new(*b, self.span(v.span()))),
            _ => {
                self.wrong_type(v, "a boolean", "write `true` or `false`, without quotes");
                None
            }
        }
    }

    /// An array whose items are read with `item`; an item that fails is left out.
    pub fn array<'v, 'i, T>(
        &mut self,
        v: &'v Value<'i>,
        what: &str,
        mut item: impl FnMut(&mut Self, &'v Value<'i>) -> Option<T>,
    ) -> Option<Located<Vec<T>>> {
        match v.get_ref() {
            DeValue::Array(items) => {
                let values = items.iter().filter_map(|i| item(self, i)).collect();
                Some(Located::new(values, self.span(v.span())))
            }
            _ => {
                self.wrong_type(
                    v,
                    "an array",
                    &format!("write each entry as a `[[{what}]]` table, or `{what} = [...]`"),
                );
                None
            }
        }
    }

    /// [`Decoder::array`] for a list that names each thing once (languages,
    /// services): a second entry is reported at itself, with the first, and
    /// dropped, so that later stages never see it twice (a language listed
    /// twice would be rendered twice into one file name).
    pub fn unique_array<'v, 'i, T>(
        &mut self,
        v: &'v Value<'i>,
        what: &str,
        key: impl Fn(&T) -> &str,
        item: impl FnMut(&mut Self, &'v Value<'i>) -> Option<Located<T>>,
    ) -> Option<Located<Vec<Located<T>>>> {
        let mut list = self.array(v, what, item)?;
        let mut first: std::collections::HashMap<String, Span> = Default::default();
        let mut kept = Vec::with_capacity(list.value.len());
        for entry in std::mem::take(&mut list.value) {
            let name = key(&entry.value);
            match first.get(name) {
                Some(earlier) => self.diagnostics.push(
                    Diagnostic::new(
                        Q010,
                        entry.span.clone(),
                        format!("`{name}` is listed twice in `{what}`"),
                    )
                    .label("second entry")
                    .secondary(earlier.clone(), "first listed here")
                    .help("remove the second entry: each is used once"),
                ),
                None => {
                    first.insert(name.to_string(), entry.span.clone());
                    kept.push(entry);
                }
            }
        }
        list.value = kept;
        Some(list)
    }

    /// An array of ids referring to other items of the notice.
    pub fn ids(&mut self, v: &Value<'_>, what: &str) -> Vec<Located<String>> {
        self.array(v, what, |d, i| d.string(i))
            .map(|a| a.value)
            .unwrap_or_default()
    }

    /// A value from a closed list, with the nearest code suggested on a typo.
    pub fn code<T>(
        &mut self,
        v: &Value<'_>,
        what: &str,
        parse: impl Fn(&str) -> Option<T>,
        codes: &[&str],
    ) -> Option<Located<T>> {
        let s = self.string(v)?;
        if let Some(value) = parse(&s.value) {
            return Some(Located::new(value, s.span));
        }
        let mut diag = Diagnostic::new(
            L007,
            s.span.clone(),
            format!("`{}` is not a known {what}", s.value),
        );
        let list = codes.join(", ");
        diag = match did_you_mean(&s.value, codes) {
            Some(best) => diag
                .label(format!("did you mean `{best}`?"))
                .help(format!("use one of: {list}")),
            None => diag
                .label(format!("unknown {what}"))
                .help(format!("use one of: {list}")),
        };
        self.diagnostics.push(diag);
        None
    }

    /// Localised text. A table of language codes to strings; for names, a
    /// plain string is also accepted.
    pub fn text(&mut self, v: &Value<'_>, kind: TextKind) -> Option<Text> {
        match v.get_ref() {
            DeValue::String(s) if kind == TextKind::Name => Some(Text {
                span: self.span(v.span()),
                neutral: Some(Located::new(s.to_string(), self.span(v.span()))),
                translations: Vec::new(),
                reviewed: None,
            }),
            DeValue::Table(entries) => {
                let mut translations = Vec::new();
                let mut keys: Vec<_> = entries.iter().collect();
                keys.sort_by_key(|(k, _)| k.span().start);
                let mut reviewed = None;
                for (key, value) in keys {
                    let code = key.get_ref().as_ref();
                    if code == "reviewed" {
                        reviewed = self.date(value);
                        continue;
                    }
                    match Lang::parse(code) {
                        Some(lang) => {
                            if let Some(s) = self.string(value) {
                                translations.push((lang, s));
                            }
                        }
                        // A top-level key written below a table header
                        // (`cookies.fi = ...` after `[security]`) lands in
                        // that table: say so, not "not a language".
                        None if matches!(value.get_ref(), DeValue::Table(_))
                            && self.root_keys.is_some_and(|l| l.field(code).is_some()) =>
                        {
                            let header = self
                                .header_above(key.span().start)
                                .unwrap_or("[...]")
                                .to_string();
                            self.diagnostics.push(
                                Diagnostic::new(
                                    L006,
                                    self.span(key.span()),
                                    format!(
                                        "`{code}` is read as part of the table `{header}`, because it comes below that header"
                                    ),
                                )
                                .label(format!("`{code}` belongs at the top level"))
                                .help(format!(
                                    "TOML puts every line below a `[table]` header into that table: move the `{code}.` lines above the first `[...]` header of the file, or give them a table of their own, `[{code}]`, with `fi = ...` below it"
                                )),
                            );
                        }
                        None => {
                            let mut diag = Diagnostic::new(
                                L006,
                                self.span(key.span()),
                                format!("`{code}` is not a language seloste supports"),
                            )
                            .help(format!(
                                "translations are keyed by language code: {}",
                                Lang::SUPPORTED.join(", ")
                            ));
                            if let Some(s) = did_you_mean(code, Lang::SUPPORTED) {
                                diag = diag.label(format!("did you mean `{s}`?"));
                            }
                            self.diagnostics.push(diag);
                        }
                    }
                }
                translations.sort_by(|a, b| a.0.cmp(&b.0));
                Some(Text {
                    span: self.span(v.span()),
                    neutral: None,
                    translations,
                    reviewed,
                })
            }
            _ => {
                let help = if kind == TextKind::Name {
                    "write a name as \"...\", or per language as { fi = \"...\", sv = \"...\", en = \"...\" }"
                } else {
                    "write the text in each language: { fi = \"...\", sv = \"...\", en = \"...\" }, or use dotted keys like `key.fi = \"...\"`"
                };
                self.wrong_type(v, "a table of translations", help);
                None
            }
        }
    }

    /// A date: a TOML local date (`2026-11-21`) or the same in a string.
    pub fn date(&mut self, v: &Value<'_>) -> Option<Located<Date>> {
        let parsed = match v.get_ref() {
            DeValue::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => Date::new(d.year, d.month, d.day),
                _ => None,
            },
            DeValue::String(s) => Date::parse(s),
            _ => {
                self.wrong_type(v, "a date", "write the date as 2026-11-21");
                return None;
            }
        };
        if parsed.is_none() {
            self.diagnostics.push(
                Diagnostic::new(Q007, self.span(v.span()), "not a valid calendar date")
                    .label("expected YYYY-MM-DD")
                    .help("write the date in ISO 8601 form, e.g. 2026-11-21"),
            );
        }
        parsed.map(|d| Located::new(d, self.span(v.span())))
    }

    /// An ISO 8601 duration such as `P2Y`.
    pub fn duration(&mut self, v: &Value<'_>) -> Option<Located<Duration>> {
        let s = self.string(v)?;
        match Duration::parse(&s.value) {
            Some(d) => Some(Located::new(d, s.span)),
            None => {
                self.diagnostics.push(
                    Diagnostic::new(Q008, s.span,
                        format!("`{}` is not an ISO 8601 duration", s.value),
                    )
                    .label("expected e.g. P2Y, P6M, P1Y6M, P30D")
                    .help("write the period as P<n>Y (years), P<n>M (months), P<n>W (weeks) or P<n>D (days), combined in that order; use `rule` for a period described in words"),
                );
                None
            }
        }
    }

    /// An ISO 3166-1 alpha-2 country code.
    pub fn country(&mut self, v: &Value<'_>) -> Option<Located<Country>> {
        let s = self.string(v)?;
        match Country::parse(&s.value) {
            Some(c) => Some(Located::new(c, s.span)),
            None => {
                let upper = s.value.to_ascii_uppercase();
                let mut diag = Diagnostic::new(
                    Q006,
                    s.span,
                    format!("`{}` is not an ISO 3166-1 country code", s.value),
                );
                diag = if Country::parse(&upper).is_some() {
                    diag.label(format!("did you mean `{upper}`?"))
                        .help("country codes are two upper-case letters")
                } else {
                    diag.label("unknown country code").help(
                        "use the two-letter ISO 3166-1 code, e.g. FI, SE, DE, US; for the EU/EEA as a whole name the country where the data is actually processed",
                    )
                };
                self.diagnostics.push(diag);
                None
            }
        }
    }
}

/// Levenshtein edit distance, counting characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    distance(&a, &b, &mut Vec::new(), &mut Vec::new())
}

/// Edit distance with caller-owned row buffers, so that comparing one word
/// with many candidates allocates nothing per candidate.
fn distance(a: &[char], b: &[char], prev: &mut Vec<usize>, cur: &mut Vec<usize>) -> usize {
    prev.clear();
    prev.extend(0..=b.len());
    for (i, ca) in a.iter().enumerate() {
        cur.clear();
        cur.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        std::mem::swap(prev, cur);
    }
    prev[b.len()]
}

/// Lower case, with `_` and `-` treated alike (keys use `_`, codes `-`).
fn normalise(s: &str) -> Vec<char> {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '_' { '-' } else { c })
        .collect()
}

/// The closest candidate, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let word = normalise(word);
    let (mut prev, mut cur) = (Vec::new(), Vec::new());
    let mut best: Option<(usize, &'a str)> = None;
    for c in candidates {
        let cand = normalise(c);
        let limit = (cand.len() / 3).max(2);
        // The distance is at least the difference in length.
        if word.len().abs_diff(cand.len()) > limit {
            continue;
        }
        let d = distance(&word, &cand, &mut prev, &mut cur);
        if d <= limit && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keys_only() {
        let keys = ["legal_basis", "law", "legitimate_interests", "description"];
        assert_eq!(did_you_mean("legal_bases", &keys), Some("legal_basis"));
        assert_eq!(did_you_mean("legal-basis", &keys), Some("legal_basis"));
        assert_eq!(did_you_mean("descripton", &keys), Some("description"));
        assert_eq!(did_you_mean("colour", &keys), None);
        assert_eq!(
            did_you_mean("legitimate-interest", &["consent", "legitimate-interests"]),
            Some("legitimate-interests")
        );
    }

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("ää", "ä"), 1);
    }
}
