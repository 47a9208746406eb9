//! How changes are worded: one language's messages (`locales/<lang>/diff.ftl`
//! and `notice.ftl`), and the names the [`Differ`] gives the things a change
//! is about: quoted texts, items by name, id or position, references,
//! countries, legal bases, mechanisms, periods. The comparison decides what
//! changed; this file decides how it reads. The keys of closed lists come
//! from the lists themselves (`model::codes`), as for the renderer.

use fluent::FluentValue;

use crate::model::{Lang, Text};
use crate::render::locale::Locales;
use crate::render::resolve::{Format, Resolver, first_sentence};

/// How changes are worded: one language's messages.
#[derive(Clone, Copy)]
pub(super) struct Words<'a> {
    pub(super) locales: &'a Locales,
    pub(super) lang: &'a Lang,
}

impl<'a> Words<'a> {
    /// The message `key` with `args`.
    pub(super) fn m(&self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        // Every key is in every locale (tested); the key itself is a
        // visible fallback rather than a lost change.
        self.locales
            .message(self.lang.as_str(), key, args)
            .unwrap_or_else(|_| key.to_string())
    }

    /// The renderer's wording of dates and storage periods.
    pub(super) fn resolver(&self) -> Resolver<'a> {
        Resolver {
            locales: self.locales,
            lang: self.lang,
            format: Format::Md,
        }
    }

    /// A text in the chosen language, else in any language it has, as
    /// plain text.
    pub(super) fn show(&self, t: Option<&Text>) -> Option<String> {
        let t = t?;
        let s = t
            .get(self.lang)
            .or_else(|| t.translations.first().map(|(_, s)| s.value.as_str()))?;
        let plain = first_sentence(s);
        (!plain.is_empty()).then_some(plain)
    }
}
