//! What changed between two versions of a notice: the [`Differ`] walks both
//! in the order of [`Section`], matches the items of each list (by `id`,
//! else by position), compares every field and records one [`Change`] per
//! difference. It decides *what* changed and whether it is material; each
//! finding is worded through `words.rs` when a language is given, and left
//! unworded for [`unbumped`] (`check --since`, which needs only the yes or
//! no). It reads two notices and nothing else: no files, no git, no
//! output format.

use fluent::FluentValue;

use super::words::Words;
use crate::model::codes::Section;
use crate::model::format::{CodeValue, Field, Kind, Record, TextKind, Value, change_label};
use crate::model::text::normalised;
use crate::model::{
    Country, Id, Lang, LegalBasis, Located, Notice, SupervisoryAuthority, Text, TransferMechanism,
};
use crate::render::locale::Locales;

/// One change between two versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub section: Section,
    /// False for a new version number or date: they say that something
    /// changed, not what.
    pub material: bool,
    /// The change in words (empty when compared without wording).
    pub line: String,
}

/// Every change from `old` to `new`, worded in `lang`, section by section.
pub fn changes(old: &Notice, new: &Notice, locales: &Locales, lang: &Lang) -> Vec<Change> {
    let mut d = Differ::new(old, new, Some(Words { locales, lang }));
    d.run();
    let mut out = d.out;
    // Stable: within a section, changes keep the order they were found in.
    out.sort_by_key(|c| c.section);
    out
}

/// Whether the content of a notice changed while its version and date did
/// not: readers could not tell the two texts apart (Art. 13(3), 12(1)).
/// For `seloste check --since REV`.
pub fn unbumped(old: &Notice, new: &Notice) -> bool {
    let version = |n: &Notice| n.version.as_ref().map(|v| v.value.trim().to_string());
    let updated = |n: &Notice| n.updated.as_ref().map(|u| u.value);
    if version(old) != version(new) || updated(old) != updated(new) {
        return false;
    }
    let mut d = Differ::new(old, new, None);
    d.run();
    d.out.iter().any(|c| c.material)
}

/// Compares two notices and collects the changes, worded when `words` is
/// given.
pub(super) struct Differ<'a> {
    pub(super) old: &'a Notice,
    pub(super) new: &'a Notice,
    pub(super) words: Option<Words<'a>>,
    section: Section,
    out: Vec<Change>,
}

/// An item of a list matched between the versions.
enum Pair<'t, T> {
    Both(&'t T, &'t T, usize),
    Added(&'t T, usize),
    Removed(&'t T, usize),
}

/// Matches the items of two lists by id, or by position for items without
/// one. Items of the new list come first, in its order; removed items
/// follow in the old order.
fn pair<'t, T>(old: &'t [T], new: &'t [T], id: fn(&T) -> Option<&Id>) -> Vec<Pair<'t, T>> {
    let key = |t: &T, i: usize| id(t).map_or_else(|| format!("#{i}"), |id| id.value.clone());
    let old_keys: Vec<String> = old.iter().enumerate().map(|(i, t)| key(t, i)).collect();
    let mut used = vec![false; old.len()];
    let mut out = Vec::new();
    for (i, b) in new.iter().enumerate() {
        let k = key(b, i);
        match (0..old.len()).find(|&j| !used[j] && old_keys[j] == k) {
            Some(j) => {
                used[j] = true;
                out.push(Pair::Both(&old[j], b, i));
            }
            None => out.push(Pair::Added(b, i)),
        }
    }
    for (j, a) in old.iter().enumerate() {
        if !used[j] {
            out.push(Pair::Removed(a, j));
        }
    }
    out
}

/// The languages in which a text differs between two versions.
fn changed_langs(a: Option<&Text>, b: Option<&Text>) -> Vec<&'static str> {
    Lang::SUPPORTED
        .iter()
        .filter(|code| {
            let Some(lang) = Lang::parse(code) else {
                return false;
            };
            let get = |t: Option<&Text>| t.and_then(|t| t.get(&lang)).map(normalised);
            get(a) != get(b)
        })
        .copied()
        .collect()
}

fn located<T: Clone>(l: Option<&Located<T>>) -> Option<T> {
    l.map(|l| l.value.clone())
}

fn flag(l: &Option<Located<bool>>) -> bool {
    l.as_ref().is_some_and(|l| l.value)
}

/// No field is worded apart.
fn plain<D>(_: &mut D, _: &'static Field, _: &Value<'_>, _: &Value<'_>) -> bool {
    false
}

fn ids(list: &[Id]) -> Vec<String> {
    let mut v: Vec<String> = list.iter().map(|i| i.value.clone()).collect();
    v.sort();
    v.dedup();
    v
}

impl<'a> Differ<'a> {
    fn new(old: &'a Notice, new: &'a Notice, words: Option<Words<'a>>) -> Self {
        Differ {
            old,
            new,
            words,
            section: Section::Notice,
            out: Vec::new(),
        }
    }

    fn push(&mut self, line: String) {
        self.push_as(line, true);
    }

    fn push_as(&mut self, line: String, material: bool) {
        let mut chars = line.chars();
        let line = match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => line,
        };
        self.out.push(Change {
            section: self.section,
            material,
            line,
        });
    }

    /// A value changed from `old` to `new` (each already worded; `None`
    /// when not stated). `item` is `None` for the notice's own fields.
    fn value(&mut self, item: Option<&str>, field: &str, old: Option<String>, new: Option<String>) {
        self.value_as(item, field, old, new, true);
    }

    fn value_as(
        &mut self,
        item: Option<&str>,
        field: &str,
        old: Option<String>,
        new: Option<String>,
        material: bool,
    ) {
        let field = self.m(field, &[]);
        let (old, new) = (
            old.unwrap_or_else(|| self.none()),
            new.unwrap_or_else(|| self.none()),
        );
        let mut args = vec![
            ("field", field.into()),
            ("old", old.into()),
            ("new", new.into()),
        ];
        let line = match item {
            Some(item) => {
                args.push(("item", item.to_string().into()));
                self.m("diff-value", &args)
            }
            None => self.m("diff-top-value", &args),
        };
        self.push_as(line, material);
    }

    /// Compares two values, worded by `show` when they differ.
    fn scalar<T: PartialEq>(
        &mut self,
        item: Option<&str>,
        field: &str,
        a: Option<T>,
        b: Option<T>,
        show: impl Fn(&Self, &T) -> String,
    ) {
        if a != b {
            let (old, new) = (a.map(|a| show(self, &a)), b.map(|b| show(self, &b)));
            self.value(item, field, old, new);
        }
    }

    fn string(
        &mut self,
        item: Option<&str>,
        field: &str,
        a: Option<&Located<String>>,
        b: Option<&Located<String>>,
    ) {
        let trim = |l: Option<&Located<String>>| l.map(|l| l.value.trim().to_string());
        self.scalar(item, field, trim(a), trim(b), |_, s| s.clone());
    }

    /// Prose: says which field changed and in which languages, not the
    /// text itself.
    fn prose(&mut self, item: Option<&str>, field: &str, a: Option<&Text>, b: Option<&Text>) {
        let langs = changed_langs(a, b);
        if langs.is_empty() {
            return;
        }
        let field = self.m(field, &[]);
        let mut args = vec![("field", field.into()), ("langs", langs.join(", ").into())];
        let line = match item {
            Some(item) => {
                args.push(("item", item.to_string().into()));
                self.m("diff-text", &args)
            }
            None => self.m("diff-top-text", &args),
        };
        self.push(line);
    }

    /// A short text (a name, an address): shown from and to when it
    /// changed in the chosen language, otherwise like prose.
    fn name(&mut self, item: Option<&str>, field: &str, a: Option<&Text>, b: Option<&Text>) {
        if changed_langs(a, b).is_empty() {
            return;
        }
        let (old, new) = (self.shown(a), self.shown(b));
        if self.words.is_some() && old != new {
            self.value(item, field, old, new);
        } else {
            self.prose(item, field, a, b);
        }
    }

    fn flag(
        &mut self,
        item: Option<&str>,
        field: &str,
        a: Option<&Located<bool>>,
        b: Option<&Located<bool>>,
    ) {
        let (a, b) = (a.is_some_and(|a| a.value), b.is_some_and(|b| b.value));
        if a != b {
            let (old, new) = (self.yes_no(a), self.yes_no(b));
            self.value(item, field, Some(old), Some(new));
        }
    }

    /// A singleton table added or removed; `Some` when both versions have it.
    fn presence<'t, T>(
        &mut self,
        item: &str,
        a: &'t Option<T>,
        b: &'t Option<T>,
    ) -> Option<(&'t T, &'t T)> {
        match (a, b) {
            (Some(a), Some(b)) => Some((a, b)),
            (None, Some(_)) => {
                self.added(item);
                None
            }
            (Some(_), None) => {
                self.removed(item);
                None
            }
            (None, None) => None,
        }
    }

    fn added(&mut self, item: &str) {
        let line = self.m("diff-added", &[("item", item.to_string().into())]);
        self.push(line);
    }

    fn removed(&mut self, item: &str) {
        let line = self.m("diff-removed", &[("item", item.to_string().into())]);
        self.push(line);
    }

    /// Compares every field of two versions of a table, in the order the
    /// format declares them (`model/format.rs`), each worded by its kind
    /// and named by the message `diff-field-<key>`. `special` words the
    /// fields whose change is said apart; it returns true for those.
    fn fields(
        &mut self,
        item: Option<&str>,
        a: &dyn Record,
        b: &dyn Record,
        special: &mut dyn FnMut(&mut Self, &'static Field, &Value<'_>, &Value<'_>) -> bool,
    ) {
        for ((field, va), vb) in a.layout().fields.iter().zip(a.values()).zip(b.values()) {
            if special(self, field, &va, &vb) {
                continue;
            }
            let label = change_label(field.key);
            let label = label.as_str();
            match (va, vb) {
                (Value::Text(x), Value::Text(y)) => match field.kind {
                    Kind::Text(TextKind::Prose) => self.prose(item, label, x, y),
                    _ => self.name(item, label, x, y),
                },
                // An item's own id is what matched the two versions.
                (Value::String(_), Value::String(_)) if matches!(field.kind, Kind::Id) => {}
                (Value::String(x), Value::String(y)) if matches!(field.kind, Kind::Ref) => {
                    let (x, y) = (x.map(|r| r.value.clone()), y.map(|r| r.value.clone()));
                    if x != y {
                        let old = x.map(|r| self.ref_name(self.old, &r));
                        let new = y.map(|r| self.ref_name(self.new, &r));
                        self.value(item, label, old, new);
                    }
                }
                (Value::String(x), Value::String(y)) if matches!(field.kind, Kind::NoticeRef) => {
                    let id = |r: Option<&Located<String>>| r.map(|r| r.value.clone());
                    self.scalar(item, label, id(x), id(y), |d, id| d.quote(id));
                }
                (Value::String(x), Value::String(y)) => self.string(item, label, x, y),
                (Value::Bool(x), Value::Bool(y)) => self.flag(item, label, x, y),
                (Value::Code(x), Value::Code(y)) => {
                    let code = |c: Option<&dyn CodeValue>| {
                        c.map(|c| (c.code_str().to_string(), c.label()))
                    };
                    self.scalar(item, label, code(x), code(y), |d, c| d.m(&c.1, &[]));
                }
                (Value::Country(x), Value::Country(y)) => {
                    self.scalar(item, label, located(x), located(y), |d, c| d.country(c))
                }
                (Value::Date(x), Value::Date(y)) => {
                    self.scalar(item, label, located(x), located(y), |d, v| d.date(*v))
                }
                (Value::Duration(x), Value::Duration(y)) => {
                    self.scalar(item, label, located(x), located(y), |d, v| d.duration(v))
                }
                (Value::Codes(x), Value::Codes(y)) => {
                    let codes = |c: Option<Vec<&dyn CodeValue>>| {
                        c.map(|c| {
                            c.iter()
                                .map(|c| (c.code_str().to_string(), c.label()))
                                .collect::<Vec<_>>()
                        })
                    };
                    self.scalar(item, label, codes(x), codes(y), |d, list| {
                        list.iter()
                            .map(|c| d.m(&c.1, &[]))
                            .collect::<Vec<_>>()
                            .join(", ")
                    });
                }
                (Value::Ids(x), Value::Ids(y)) => self.id_list(item, label, x, y),
                // Tables inside items are compared by the section that
                // shows them.
                _ => {}
            }
        }
    }

    /// Compares every section, in the order of [`Section`].
    fn run(&mut self) {
        let (o, n) = (self.old, self.new);
        self.section = Section::Notice;
        let version = |x: &Notice| x.version.as_ref().map(|v| v.value.trim().to_string());
        if version(o) != version(n) {
            self.value_as(None, "diff-field-version", version(o), version(n), false);
        }
        let (a, b) = (located(o.updated.as_ref()), located(n.updated.as_ref()));
        if a != b {
            let (old, new) = (a.map(|d| self.date(d)), b.map(|d| self.date(d)));
            self.value_as(None, "diff-field-updated", old, new, false);
        }
        self.scalar(
            None,
            "diff-field-languages",
            Some(o.language_list()),
            Some(n.language_list()),
            |d, list| {
                if list.is_empty() {
                    return d.none();
                }
                list.iter()
                    .map(|l| d.m(&l.label_key(), &[]))
                    .collect::<Vec<_>>()
                    .join(", ")
            },
        );

        self.section = Section::Controller;
        let item = self.m("diff-item-controller", &[]);
        if let Some((a, b)) = self.presence(&item, &o.controller, &n.controller) {
            self.fields(Some(&item), a, b, &mut plain);
        }

        self.section = Section::Representative;
        self.table(
            "diff-item-representative",
            &o.representative,
            &n.representative,
        );
        self.section = Section::Contact;
        self.table("diff-item-contact", &o.contact, &n.contact);
        self.section = Section::Dpo;
        self.table("diff-item-dpo", &o.dpo, &n.dpo);
        self.section = Section::Processor;
        self.table("diff-item-processor", &o.processor, &n.processor);

        self.section = Section::Register;
        self.name(None, "diff-field-title", o.title.as_ref(), n.title.as_ref());
        self.prose(
            None,
            "diff-field-description",
            o.description.as_ref(),
            n.description.as_ref(),
        );

        self.purposes();
        self.subjects();
        self.categories();
        self.sources();
        self.recipients();
        self.transfers();
        self.retention();

        self.section = Section::Security;
        self.prose(
            None,
            "diff-field-security",
            o.security.as_ref(),
            n.security.as_ref(),
        );
        // Internal, but a DPO keeps the record under version control with
        // the notice: a change to it is worth a line in the change log. It
        // changes nothing the reader is told, so it is not material (and
        // needs no new version of the notice, `check --since`).
        let before = self.out.len();
        self.table("diff-item-records", &o.records, &n.records);
        for change in &mut self.out[before..] {
            change.material = false;
        }

        self.automated();
        self.provision();
        self.access();

        self.section = Section::Cookies;
        self.prose(
            None,
            "diff-field-cookies",
            o.cookies.as_ref(),
            n.cookies.as_ref(),
        );

        self.section = Section::Rights;
        let item = self.m("diff-item-rights", &[]);
        if let Some((a, b)) = self.presence(&item, &o.rights, &n.rights) {
            self.fields(Some(&item), a, b, &mut plain);
        }

        self.restrictions();

        self.section = Section::Complaint;
        let authority = |x: &Notice| {
            x.supervisory_authority
                .as_ref()
                .map_or(SupervisoryAuthority::Finland, |a| a.value)
        };
        self.scalar(
            None,
            "diff-field-authority",
            Some(authority(o)),
            Some(authority(n)),
            |d, a| d.m(a.label_key(), &[]),
        );

        self.related();
    }

    /// A singleton table: added, removed or changed field by field.
    fn table<T: Record>(&mut self, key: &str, a: &Option<T>, b: &Option<T>) {
        let item = self.m(key, &[]);
        if let Some((a, b)) = self.presence(&item, a, b) {
            self.fields(Some(&item), a, b, &mut plain);
        }
    }

    fn purposes(&mut self) {
        let (o, n) = (self.old, self.new);
        self.section = Section::Purposes;
        for p in pair(o.purposes(), n.purposes(), |p| p.id.as_ref()) {
            match p {
                Pair::Added(b, i) => {
                    let item = self.item("diff-item-purpose", self.purpose_label(b, i));
                    let line = match &b.legal_basis {
                        Some(basis) => self.m(
                            "diff-purpose-added",
                            &[
                                ("item", item.into()),
                                ("basis", self.basis(&basis.value).into()),
                            ],
                        ),
                        None => self.m("diff-added", &[("item", item.into())]),
                    };
                    self.push(line);
                }
                Pair::Removed(a, i) => {
                    let item = self.item("diff-item-purpose", self.purpose_label(a, i));
                    self.removed(&item);
                }
                Pair::Both(a, b, i) => {
                    let item = self.item("diff-item-purpose", self.purpose_label(b, i));
                    self.fields(Some(&item), a, b, &mut |d, field, x, y| {
                        let (Value::Code(x), Value::Code(y)) = (x, y) else {
                            return false;
                        };
                        if field.key != "legal_basis" {
                            return false;
                        }
                        let basis = |c: &Option<&dyn CodeValue>| {
                            c.and_then(|c| LegalBasis::from_code(c.code_str()))
                        };
                        d.scalar(
                            Some(&item),
                            "diff-field-legal-basis",
                            basis(x),
                            basis(y),
                            |d, b| d.basis(b),
                        );
                        true
                    });
                }
            }
        }
    }

    /// A list whose items are added, removed or changed field by field.
    /// `item` words an item of the given version as the subject of a line;
    /// `special` words the fields said apart (see [`Differ::fields`]).
    #[allow(clippy::type_complexity)]
    fn list<T: Record>(
        &mut self,
        old: &'a [T],
        new: &'a [T],
        id: fn(&T) -> Option<&Id>,
        item: impl Fn(&Self, &'a Notice, &T, usize) -> String,
        special: &mut dyn FnMut(&mut Self, &str, &'static Field, &Value<'_>, &Value<'_>) -> bool,
    ) {
        let (o, n) = (self.old, self.new);
        for p in pair(old, new, id) {
            match p {
                Pair::Added(b, i) => {
                    let it = item(self, n, b, i);
                    self.added(&it);
                }
                Pair::Removed(a, i) => {
                    let it = item(self, o, a, i);
                    self.removed(&it);
                }
                Pair::Both(a, b, i) => {
                    let it = item(self, n, b, i);
                    self.fields(Some(&it), a, b, &mut |d, f, x, y| special(d, &it, f, x, y));
                }
            }
        }
    }

    fn subjects(&mut self) {
        let (o, n) = (self.old, self.new);
        self.section = Section::Subjects;
        self.list(
            &o.data_subjects,
            &n.data_subjects,
            |s| s.id.as_ref(),
            |d, _, s, i| {
                d.item(
                    "diff-item-subject",
                    d.label(s.name.as_ref(), s.id.as_ref(), i),
                )
            },
            &mut |_, _, _, _, _| false,
        );
    }

    fn categories(&mut self) {
        let (o, n) = (self.old, self.new);
        self.section = Section::Data;
        self.list(
            o.data_categories(),
            n.data_categories(),
            |c| c.id.as_ref(),
            |d, _, c, i| {
                d.item(
                    "diff-item-category",
                    d.label(c.name.as_ref(), c.id.as_ref(), i),
                )
            },
            &mut |_, _, _, _, _| false,
        );
    }

    /// A list of references, compared as a set and shown by name.
    fn id_list(&mut self, item: Option<&str>, field: &str, a: &[Id], b: &[Id]) {
        let (a, b) = (ids(a), ids(b));
        if a != b {
            let (old, new) = (self.refs(self.old, &a), self.refs(self.new, &b));
            self.value(item, field, Some(old), Some(new));
        }
    }

    fn sources(&mut self) {
        let (o, n) = (self.old, self.new);
        self.section = Section::Sources;
        self.scalar(
            None,
            "diff-field-collected",
            located(o.collected_from.as_ref()),
            located(n.collected_from.as_ref()),
            |d, c| d.m(c.label_key(), &[]),
        );
        self.list(
            o.sources(),
            n.sources(),
            |s| s.id.as_ref(),
            |d, _, s, i| {
                d.item(
                    "diff-item-source",
                    d.label(s.name.as_ref(), s.id.as_ref(), i),
                )
            },
            &mut |_, _, _, _, _| false,
        );
    }

    fn recipients(&mut self) {
        let (o, n) = (self.old, self.new);
        self.section = Section::Recipients;
        match (&o.recipients, &n.recipients) {
            (None, Some(r)) if r.value.is_empty() => {
                let line = self.m("diff-recipients-none", &[]);
                self.push(line);
            }
            (Some(_), None) => {
                let line = self.m("diff-recipients-unstated", &[]);
                self.push(line);
            }
            _ => {}
        }
        let third = |r: &crate::model::Recipient| {
            r.country.as_ref().map(|c| c.value).filter(|c| !c.in_eea())
        };
        for p in pair(o.recipients(), n.recipients(), |r| r.id.as_ref()) {
            match p {
                Pair::Added(b, i) => {
                    let item = self.recipient_item(b, i, true);
                    let line = match third(b) {
                        Some(c) => self.m(
                            "diff-recipient-added-third",
                            &[("item", item.into()), ("country", self.country(&c).into())],
                        ),
                        None => self.m("diff-added", &[("item", item.into())]),
                    };
                    self.push(line);
                }
                Pair::Removed(a, i) => {
                    let item = self.recipient_item(a, i, true);
                    let line = match third(a) {
                        Some(c) => self.m(
                            "diff-recipient-removed-third",
                            &[("item", item.into()), ("country", self.country(&c).into())],
                        ),
                        None => self.m("diff-removed", &[("item", item.into())]),
                    };
                    self.push(line);
                }
                Pair::Both(a, b, i) => {
                    let item = self.recipient_item(b, i, false);
                    self.fields(Some(&item), a, b, &mut |d, field, x, y| {
                        let (Value::Country(x), Value::Country(y)) = (x, y) else {
                            return false;
                        };
                        if field.key != "country" {
                            return false;
                        }
                        d.recipient_country(&item, located(*x), located(*y));
                        true
                    });
                }
            }
        }
    }

    /// A recipient's country changed: a move out of the EEA is said as
    /// such, and no country reads as the EEA.
    fn recipient_country(&mut self, item: &str, a: Option<Country>, b: Option<Country>) {
        if a == b {
            return;
        }
        let third = |c: Option<Country>| c.is_some_and(|c| !c.in_eea());
        let show = |c: Option<Country>| match c {
            Some(c) => self.country(&c),
            None => self.m("diff-eea", &[]),
        };
        let (old, new) = (show(a), show(b));
        if third(b) && !third(a) {
            let line = self.m(
                "diff-recipient-to-third",
                &[
                    ("item", item.to_string().into()),
                    ("old", old.into()),
                    ("new", new.into()),
                ],
            );
            self.push(line);
        } else {
            self.value(Some(item), "diff-field-country", Some(old), Some(new));
        }
    }

    fn transfers(&mut self) {
        let (o, n) = (self.old, self.new);
        self.section = Section::Transfers;
        let mechanisms = |t: &crate::model::Transfer| {
            t.mechanism
                .as_ref()
                .map(|m| m.value.iter().map(|m| m.value).collect::<Vec<_>>())
                .filter(|m| !m.is_empty())
        };
        for p in pair(&o.transfers, &n.transfers, |t| t.id.as_ref()) {
            match p {
                Pair::Added(b, i) => {
                    let item = self.transfer_item(n, b, i);
                    let line = match mechanisms(b) {
                        Some(m) => self.m(
                            "diff-transfer-added",
                            &[
                                ("item", item.into()),
                                ("mechanism", self.mechanisms(&m).into()),
                            ],
                        ),
                        None => self.m("diff-added", &[("item", item.into())]),
                    };
                    self.push(line);
                }
                Pair::Removed(a, i) => {
                    let item = self.transfer_item(o, a, i);
                    self.removed(&item);
                }
                Pair::Both(a, b, i) => {
                    let item = self.transfer_item(n, b, i);
                    self.fields(Some(&item), a, b, &mut |d, field, _, _| {
                        if field.key != "mechanism" {
                            return false;
                        }
                        d.scalar(
                            Some(&item),
                            "diff-field-mechanism",
                            mechanisms(a),
                            mechanisms(b),
                            |d, m| d.mechanisms(m),
                        );
                        true
                    });
                }
            }
        }
    }

    fn retention(&mut self) {
        let (o, n) = (self.old, self.new);
        self.section = Section::Retention;
        self.list(
            o.retention(),
            n.retention(),
            |r| r.id.as_ref(),
            |d, notice, r, i| d.retention_item(notice, r, i),
            // A new period is the change readers look for: said first, as
            // a sentence of its own.
            &mut |d, item, _, x, y| {
                let (Value::Duration(x), Value::Duration(y)) = (x, y) else {
                    return false;
                };
                let (pa, pb) = (located(*x), located(*y));
                if pa != pb {
                    let old = pa.map_or_else(|| d.none(), |p| d.duration(&p));
                    let new = pb.map_or_else(|| d.none(), |p| d.duration(&p));
                    let line = d.m(
                        "diff-period",
                        &[
                            ("item", item.to_string().into()),
                            ("old", old.into()),
                            ("new", new.into()),
                        ],
                    );
                    d.push(line);
                }
                true
            },
        );
    }

    fn automated(&mut self) {
        let (o, n) = (self.old, self.new);
        self.section = Section::Automated;
        let item = self.m("diff-item-automated", &[]);
        let both = self.presence(&item, &o.automated_decisions, &n.automated_decisions);
        let used = |x: &Notice| {
            x.automated_decisions
                .as_ref()
                .is_some_and(|a| flag(&a.used))
        };
        let profiling = |x: &Notice| {
            x.automated_decisions
                .as_ref()
                .is_some_and(|a| flag(&a.profiling))
        };
        if used(o) != used(n) {
            let line = self.m(
                if used(n) {
                    "diff-automated-on"
                } else {
                    "diff-automated-off"
                },
                &[],
            );
            self.push(line);
        }
        if profiling(o) != profiling(n) {
            let line = self.m(
                if profiling(n) {
                    "diff-profiling-on"
                } else {
                    "diff-profiling-off"
                },
                &[],
            );
            self.push(line);
        }
        if let Some((a, b)) = both {
            // Whether decisions and profiling are used is said above.
            self.fields(Some(&item), a, b, &mut |_, field, _, _| {
                matches!(field.key, "used" | "profiling")
            });
        }
    }

    fn provision(&mut self) {
        let (o, n) = (self.old, self.new);
        self.section = Section::Provision;
        let item = self.m("diff-item-provision", &[]);
        if let Some((a, b)) = self.presence(&item, &o.provision, &n.provision) {
            self.fields(Some(&item), a, b, &mut plain);
        }
    }

    fn access(&mut self) {
        let (o, n) = (self.old, self.new);
        self.section = Section::Access;
        self.list(
            &o.access_roles,
            &n.access_roles,
            |r| r.id.as_ref(),
            |d, _, r, i| d.item("diff-item-role", d.label(r.role.as_ref(), r.id.as_ref(), i)),
            &mut |_, _, _, _, _| false,
        );
    }

    fn restrictions(&mut self) {
        let (o, n) = (self.old, self.new);
        self.section = Section::Rights;
        // Restrictions have no id: they are matched by position.
        self.list(
            &o.restrictions,
            &n.restrictions,
            |_| None,
            |d, _, r, i| {
                let name = r
                    .right
                    .as_ref()
                    .map(|x| d.quote(&d.m(x.value.label_key(), &[])))
                    .unwrap_or_else(|| d.m("diff-entry", &[("n", (i + 1).into())]));
                d.item("diff-item-restriction", name)
            },
            &mut |_, _, _, _, _| false,
        );
    }

    fn related(&mut self) {
        let (o, n) = (self.old, self.new);
        self.section = Section::Related;
        // Related entries have no id: they are matched by position.
        self.list(
            &o.related,
            &n.related,
            |_| None,
            |d, _, r, i| {
                let name = d
                    .shown(r.title.as_ref())
                    .or_else(|| r.url.as_ref().map(|u| d.quote(&u.value)))
                    .or_else(|| r.notice.as_ref().map(|id| d.quote(&id.value)))
                    .unwrap_or_else(|| d.m("diff-entry", &[("n", (i + 1).into())]));
                d.item("diff-item-related", name)
            },
            &mut |_, _, _, _, _| false,
        );
    }
}

/// The names a change gives what it is about.
impl<'a> Differ<'a> {
    /// The message `key` with `args`; nothing when compared without words.
    pub(super) fn m(&self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.words.map(|w| w.m(key, args)).unwrap_or_default()
    }

    pub(super) fn quote(&self, s: &str) -> String {
        self.m("diff-quote", &[("text", s.into())])
    }

    pub(super) fn none(&self) -> String {
        self.m("diff-none", &[])
    }

    /// A text shown as a value: quoted, in the chosen language.
    pub(super) fn shown(&self, t: Option<&Text>) -> Option<String> {
        let w = self.words?;
        w.show(t).map(|s| self.quote(&s))
    }

    /// The quoted name of an item, from its text, else its id, else its
    /// position.
    pub(super) fn label(&self, text: Option<&Text>, id: Option<&Id>, index: usize) -> String {
        self.shown(text)
            .or_else(|| id.map(|i| self.quote(&i.value)))
            .unwrap_or_else(|| self.m("diff-entry", &[("n", (index + 1).into())]))
    }

    /// A purpose's name: the first sentence of its description, without
    /// its full stop.
    pub(super) fn purpose_label(&self, p: &crate::model::Purpose, index: usize) -> String {
        match self
            .words
            .and_then(|w| w.show(p.description.as_ref()))
            .map(|s| s.trim_end_matches('.').to_string())
            .filter(|s| !s.is_empty())
        {
            Some(s) => self.quote(&s),
            None => self.label(None, p.id.as_ref(), index),
        }
    }

    pub(super) fn item(&self, key: &str, name: String) -> String {
        self.m(key, &[("name", name.into())])
    }

    /// The name of whatever `id` refers to in `n`.
    pub(super) fn ref_name(&self, n: &Notice, id: &str) -> String {
        let is = |i: &Option<Id>| i.as_ref().is_some_and(|i| i.value == id);
        let found = n
            .purposes()
            .iter()
            .enumerate()
            .find(|(_, p)| is(&p.id))
            .map(|(i, p)| self.purpose_label(p, i))
            .or_else(|| {
                let text = n
                    .data_categories()
                    .iter()
                    .find(|c| is(&c.id))
                    .and_then(|c| c.name.as_ref())
                    .or_else(|| {
                        n.data_subjects
                            .iter()
                            .find(|s| is(&s.id))
                            .and_then(|s| s.name.as_ref())
                    })
                    .or_else(|| {
                        n.recipients()
                            .iter()
                            .find(|r| is(&r.id))
                            .and_then(|r| r.name.as_ref())
                    });
                self.shown(text)
            });
        found.unwrap_or_else(|| self.quote(id))
    }

    pub(super) fn refs(&self, n: &Notice, list: &[String]) -> String {
        if list.is_empty() {
            return self.none();
        }
        list.iter()
            .map(|id| self.ref_name(n, id))
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub(super) fn country(&self, c: &Country) -> String {
        self.m(c.label_key(), &[])
    }

    pub(super) fn yes_no(&self, b: bool) -> String {
        self.m(if b { "diff-yes" } else { "diff-no" }, &[])
    }

    pub(super) fn basis(&self, b: &crate::model::LegalBasis) -> String {
        self.m(
            "diff-paren",
            &[
                ("text", self.m(b.label_key(), &[]).into()),
                ("detail", self.m(b.reference_key(), &[]).into()),
            ],
        )
    }

    /// A recipient as the subject of a line, with its role when `role`.
    pub(super) fn recipient_item(
        &self,
        r: &crate::model::Recipient,
        i: usize,
        role: bool,
    ) -> String {
        let name = self.label(r.name.as_ref(), r.id.as_ref(), i);
        let name = match (&r.role, role) {
            (Some(role), true) => self.m(
                "diff-paren",
                &[
                    ("text", name.into()),
                    ("detail", self.m(role.value.label_key(), &[]).into()),
                ],
            ),
            _ => name,
        };
        self.item("diff-item-recipient", name)
    }

    pub(super) fn mechanisms(&self, list: &[TransferMechanism]) -> String {
        list.iter()
            .map(|m| {
                self.m(
                    "diff-paren",
                    &[
                        ("text", self.m(m.label_key(), &[]).into()),
                        ("detail", self.m(m.reference_key(), &[]).into()),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub(super) fn transfer_item(&self, n: &Notice, t: &crate::model::Transfer, i: usize) -> String {
        let country = t
            .country
            .as_ref()
            .map_or_else(|| self.none(), |c| self.country(&c.value));
        let recipient = match (&t.recipient, &t.id) {
            (Some(r), _) => self.ref_name(n, &r.value),
            (None, Some(id)) => self.quote(&id.value),
            (None, None) => self.m("diff-entry", &[("n", (i + 1).into())]),
        };
        self.m(
            "diff-item-transfer",
            &[("country", country.into()), ("recipient", recipient.into())],
        )
    }

    /// A storage period as the subject of a line: named after what it
    /// applies to.
    pub(super) fn retention_item(
        &self,
        n: &Notice,
        r: &crate::model::Retention,
        i: usize,
    ) -> String {
        let name = if r.applies_to.is_empty() {
            self.label(None, r.id.as_ref(), i)
        } else {
            let list: Vec<String> = r.applies_to.iter().map(|a| a.value.clone()).collect();
            self.refs(n, &list)
        };
        self.item("diff-item-retention", name)
    }

    /// A date as the notice writes it ("5 March 2026").
    pub(super) fn date(&self, d: crate::model::Date) -> String {
        match self.words {
            Some(w) => w.resolver().date(d).unwrap_or_else(|_| d.to_string()),
            None => String::new(),
        }
    }

    /// A storage period as the notice writes it ("1 year 6 months").
    pub(super) fn duration(&self, d: &crate::model::Duration) -> String {
        match self.words {
            Some(w) => w.resolver().duration(*d).unwrap_or_else(|_| d.to_string()),
            None => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_matched_by_id_then_position() {
        #[derive(Debug)]
        struct T(Option<Id>);
        let id = |s: &str| Some(Located::new(s.to_string(), 0..0));
        let old = [T(id("a")), T(None), T(id("b"))];
        let new = [T(id("b")), T(None), T(id("c"))];
        let kinds: Vec<String> = pair(&old, &new, |t| t.0.as_ref())
            .into_iter()
            .map(|p| match p {
                Pair::Both(_, _, i) => format!("both {i}"),
                Pair::Added(_, i) => format!("added {i}"),
                Pair::Removed(_, i) => format!("removed {i}"),
            })
            .collect();
        assert_eq!(kinds, ["both 0", "both 1", "added 2", "removed 0"]);
    }
}
