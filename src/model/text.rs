//! Localised text: every free-text field of a notice, in each language.

use std::fmt;

use super::Located;
use crate::source::Span;

/// A language a notice can be written and rendered in.
///
/// Kept as a validated code rather than an enum so that adding a language
/// means adding its locale folder and one entry in [`Lang::SUPPORTED`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Lang(String);

impl Lang {
    /// Languages seloste has locales for, in the order they are offered.
    pub const SUPPORTED: &'static [&'static str] = &["fi", "sv", "en"];

    /// A supported language by its code (`fi`, `sv`, `en`).
    pub fn parse(code: &str) -> Option<Lang> {
        Self::SUPPORTED
            .contains(&code)
            .then(|| Lang(code.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// [`Lang::parse`] for command-line arguments: an error names the
    /// supported languages.
    pub fn parse_arg(code: &str) -> Result<Lang, String> {
        Lang::parse(code).ok_or_else(|| {
            format!(
                "`{code}` is not a supported language ({})",
                Self::SUPPORTED.join(", ")
            )
        })
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A text field in several languages, `{ fi = "...", sv = "...", en = "..." }`.
///
/// Proper names may instead be one plain string that reads the same in every
/// language (`name = "Opinsys Oy"`); that is kept as `neutral`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Text {
    pub span: Span,
    pub neutral: Option<Located<String>>,
    pub translations: Vec<(Lang, Located<String>)>,
    /// `reviewed = 2026-12-02` in the table of translations: the author
    /// checked the languages against each other on that day. Changing it
    /// in a change that edits one language says the others were checked
    /// and are still right (`check --since`, rule Q024).
    pub reviewed: Option<Located<super::Date>>,
}

impl Text {
    /// The text in `lang`, or the language-neutral text.
    pub fn get(&self, lang: &Lang) -> Option<&str> {
        self.translations
            .iter()
            .find(|(l, _)| l == lang)
            .map(|(_, t)| t.value.as_str())
            .or_else(|| self.neutral.as_ref().map(|n| n.value.as_str()))
    }

    /// The string of `lang` itself (not the language-neutral text), with
    /// its location.
    pub fn translation(&self, lang: &Lang) -> Option<&Located<String>> {
        self.translations
            .iter()
            .find(|(l, _)| l == lang)
            .map(|(_, t)| t)
    }

    /// Every string in the field with its location.
    pub fn all(&self) -> impl Iterator<Item = &Located<String>> {
        self.neutral
            .iter()
            .chain(self.translations.iter().map(|(_, t)| t))
    }
}

/// A text with insignificant whitespace removed: trailing spaces, runs of
/// spaces and of blank lines do not change what a reader sees. Two versions
/// of a text are the same when their normalised forms are.
pub fn normalised(s: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in s.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() && lines.last().is_none_or(|l| l.is_empty()) {
            continue;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}
