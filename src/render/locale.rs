//! Fluent locales: every fixed string of a rendered notice, per language.
//!
//! The `.ftl` files under `locales/<lang>/` are compiled into the binary.
//! Bundles are built once per run and shared across rendering threads
//! (`fluent`'s concurrent bundle is `Sync`).

use std::collections::{BTreeMap, HashMap};

use anyhow::{Context, anyhow, bail};
use fluent::concurrent::FluentBundle;
use fluent::{FluentArgs, FluentResource, FluentValue};

pub struct Locales {
    bundles: BTreeMap<String, FluentBundle<FluentResource>>,
    /// Messages without arguments, formatted once: templates ask for the
    /// same headings and labels thousands of times in a large build.
    plain: HashMap<String, HashMap<String, String>>,
    /// Message keys per language, sorted.
    keys: BTreeMap<String, Vec<String>>,
    /// Dates and periods as worded ([`Locales::remembered`]).
    worded: crate::fingerprint::TextCache<Result<String, String>>,
}

impl Locales {
    /// The locales compiled into the binary.
    pub fn embedded() -> anyhow::Result<Locales> {
        Self::from_files(super::embedded::LOCALES.iter().copied())
    }

    /// Builds bundles from `(lang/file.ftl, source)` pairs.
    pub fn from_files<'a>(
        files: impl Iterator<Item = (&'a str, &'a str)>,
    ) -> anyhow::Result<Locales> {
        let mut bundles: BTreeMap<String, FluentBundle<FluentResource>> = BTreeMap::new();
        let mut keys: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (path, source) in files {
            let Some((lang, _)) = path.split_once('/') else {
                continue;
            };
            let resource = FluentResource::try_new(source.to_string()).map_err(|(_, errors)| {
                anyhow!(
                    "locales/{path}: {} syntax errors, first: {:?}",
                    errors.len(),
                    errors.first()
                )
            })?;
            keys.entry(lang.to_string())
                .or_default()
                .extend(resource.entries().filter_map(|e| match e {
                    fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                    _ => None,
                }));
            let bundle = match bundles.get_mut(lang) {
                Some(b) => b,
                None => {
                    let id = lang
                        .parse()
                        .with_context(|| format!("locales/{lang}: not a language tag"))?;
                    let mut b = FluentBundle::new_concurrent(vec![id]);
                    // Isolation marks would end up in file names and plain text.
                    b.set_use_isolating(false);
                    bundles.entry(lang.to_string()).or_insert(b)
                }
            };
            if let Err(errors) = bundle.add_resource(resource) {
                bail!(
                    "locales/{path}: {} keys defined twice, first: {:?}",
                    errors.len(),
                    errors.first()
                );
            }
        }
        for k in keys.values_mut() {
            k.sort();
        }
        let mut locales = Locales {
            bundles,
            plain: HashMap::new(),
            keys,
            worded: crate::fingerprint::TextCache::new(),
        };
        // A language per thread: formatting every message took a core
        // 15 ms before any notice could be rendered.
        use rayon::prelude::*;
        let plain: HashMap<String, HashMap<String, String>> = locales
            .keys
            .par_iter()
            .map(|(lang, keys)| {
                let messages = keys
                    .iter()
                    .filter_map(|key| Some((key.clone(), locales.format(lang, key, &[]).ok()?)))
                    .collect();
                (lang.clone(), messages)
            })
            .collect();
        locales.plain = plain;
        Ok(locales)
    }

    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.bundles.keys().map(String::as_str)
    }

    /// What `word()` makes of a value of which `key` is the fingerprint
    /// (with its language), made once: every notice words the same few
    /// dates and storage periods, each through several Fluent messages.
    pub fn remembered(
        &self,
        key: u128,
        word: impl FnOnce() -> anyhow::Result<String>,
    ) -> anyhow::Result<String> {
        self.worded
            .get_or(key, || word().map_err(|e| format!("{e:#}")))
            .map_err(|e| anyhow!(e))
    }

    /// The message `key` in `lang`, with arguments.
    pub fn message(
        &self,
        lang: &str,
        key: &str,
        args: &[(&str, FluentValue<'_>)],
    ) -> anyhow::Result<String> {
        if args.is_empty()
            && let Some(text) = self.plain.get(lang).and_then(|m| m.get(key))
        {
            return Ok(text.clone());
        }
        self.format(lang, key, args)
    }

    /// Formats a message through Fluent.
    fn format(
        &self,
        lang: &str,
        key: &str,
        args: &[(&str, FluentValue<'_>)],
    ) -> anyhow::Result<String> {
        let bundle = self
            .bundles
            .get(lang)
            .ok_or_else(|| anyhow!("no locale for language `{lang}`"))?;
        let pattern = bundle
            .get_message(key)
            .and_then(|m| m.value())
            .ok_or_else(|| anyhow!("locale `{lang}` has no message `{key}`"))?;
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            fargs.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
        if let Some(e) = errors.first() {
            bail!("locale `{lang}`, message `{key}`: {e}");
        }
        Ok(text.into_owned())
    }

    /// A message without arguments.
    pub fn get(&self, lang: &str, key: &str) -> anyhow::Result<String> {
        self.message(lang, key, &[])
    }

    /// Every message key of a language.
    pub fn keys(&self, lang: &str) -> Vec<String> {
        self.keys.get(lang).cloned().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::model::codes::label_keys;

    /// Every one of `keys` is a message of every supported language.
    fn assert_in_every_locale(locales: &Locales, keys: &[String]) {
        for code in Lang::SUPPORTED {
            let present = locales.keys(code);
            let missing: Vec<_> = keys
                .iter()
                .filter(|k| present.binary_search(k).is_err())
                .collect();
            assert!(missing.is_empty(), "{code}: missing {missing:?}");
        }
    }

    /// A value without its message in one language would make its notices
    /// fail to render, or a change list show a key.
    #[test]
    fn every_value_of_every_closed_list_is_worded_in_every_locale() {
        let locales = Locales::embedded().expect("locales");
        let mut keys: Vec<String> = label_keys().into_iter().map(str::to_string).collect();
        assert!(keys.len() > 300, "only {} keys", keys.len());
        for code in Lang::SUPPORTED {
            keys.push(Lang::parse(code).expect("supported").label_key());
        }
        assert_in_every_locale(&locales, &keys);
    }

    /// `seloste diff` names a changed key of a table by the message
    /// `diff-field-<key>`; a key declared without one would show the bare
    /// message id in a change list.
    #[test]
    fn every_key_a_change_list_names_is_worded_in_every_locale() {
        use crate::model::format::{Kind, change_label, tables_below};
        use crate::model::{Notice, Table};
        let locales = Locales::embedded().expect("locales");
        let mut keys: Vec<String> = Vec::new();
        for layout in tables_below(Notice::layout_of()) {
            for f in layout.fields {
                // Ids match items; tables inside are not compared as fields.
                if !matches!(f.kind, Kind::Id | Kind::Table(_) | Kind::ArrayOf(_)) {
                    keys.push(change_label(f.key));
                }
            }
        }
        assert!(keys.len() > 40, "only {} keys", keys.len());
        assert_in_every_locale(&locales, &keys);
    }

    /// A key missing in one language would make its notices fail to render.
    #[test]
    fn every_key_exists_in_every_locale() {
        let locales = Locales::embedded().expect("embedded locales parse");
        let langs: Vec<&str> = locales.languages().collect();
        assert_eq!(langs, ["en", "fi", "sv"]);
        let reference = locales.keys("en");
        assert!(reference.len() > 100, "only {} keys", reference.len());
        for lang in &langs {
            let keys = locales.keys(lang);
            let missing: Vec<_> = reference.iter().filter(|k| !keys.contains(k)).collect();
            let extra: Vec<_> = keys.iter().filter(|k| !reference.contains(k)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{lang}: missing {missing:?}, extra {extra:?}"
            );
        }
    }

    #[test]
    fn durations_have_correct_plurals() {
        let l = Locales::embedded().expect("locales");
        let count = |n: u32| [("count", FluentValue::from(n))];
        assert_eq!(
            l.message("fi", "duration-years", &count(2)).unwrap(),
            "2 vuotta"
        );
        assert_eq!(
            l.message("fi", "duration-years", &count(1)).unwrap(),
            "1 vuosi"
        );
        assert_eq!(
            l.message("sv", "duration-years", &count(1)).unwrap(),
            "1 år"
        );
        assert_eq!(
            l.message("sv", "duration-months", &count(2)).unwrap(),
            "2 månader"
        );
        assert_eq!(
            l.message("en", "duration-months", &count(6)).unwrap(),
            "6 months"
        );
        assert_eq!(
            l.message("en", "duration-days", &count(1)).unwrap(),
            "1 day"
        );
    }
}
