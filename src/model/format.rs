//! The source format, declared once.
//!
//! Each table of the format (a notice's root, `[controller]`,
//! `[[purposes]]`...) is one [`format_table!`] declaration in `model/`: its
//! keys in order, each with its Rust type, its [`Kind`] where the type alone
//! does not say it, and its documentation. From that one declaration come
//!
//! - the model struct itself, with a `span` and any fields that are not keys;
//! - its [`Layout`]: the keys, kinds and docs as data, which the JSON Schema
//!   (`schema.rs`) is generated from and the reader (`load/`) walks;
//! - [`Record::slots`]: a handle on each field that the reader fills, and
//!   [`Record::values`]: a view of each field that the tools walking a notice
//!   read (every localised text for the text rules, every e-mail address,
//!   the fields `diff` compares);
//! - `take_missing`: fragment inheritance (`extends`), key by key.
//!
//! So adding a key to a table is one line here: the reader accepts it, the
//! schema documents it, the text rules check it, `diff` compares it and a
//! fragment passes it on. The model stays plain data: this module knows
//! nothing of TOML, and `load` knows nothing of the tables it reads.

use std::borrow::Cow;
use std::fmt;

use super::{Country, Date, Duration, Id, Located, Text};
use crate::source::Span;

/// How a text may be written and how a change to it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// A proper name or an address: one plain string may serve every
    /// language, and a change is shown from and to.
    Name,
    /// A short label (a role, a group's name): written in every language,
    /// a change shown from and to.
    Label,
    /// Prose: written in every language; a change names the languages that
    /// changed, not the text.
    Prose,
}

/// A closed list as the reader and the schema see it.
#[derive(Debug, Clone, Copy)]
pub struct CodeList {
    /// What a value is called in a message: "legal basis".
    pub what: &'static str,
    pub codes: fn() -> Vec<&'static str>,
}

/// What a key holds.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    String,
    /// The item's own id (kebab-case); what references point at.
    Id,
    /// The id of another item of the notice.
    Ref,
    /// The id of another notice.
    NoticeRef,
    Email,
    Url,
    Bool,
    /// ISO 8601 date, as a TOML date or a string.
    Date,
    /// ISO 8601 duration of years, months, weeks and days.
    Duration,
    Country,
    /// One code of a closed list.
    Code(CodeList),
    /// A list of codes, each at most once (languages).
    Codes(CodeList),
    /// Exactly one code; an array is read so that the linter can say it must
    /// be one (a transfer's mechanism).
    OneCode(CodeList),
    /// Localised text.
    Text(TextKind),
    /// An array of ids of other items.
    Refs,
    /// An array of ids of other notices, each at most once (a customer's
    /// services).
    UniqueRefs,
    /// A table.
    Table(fn() -> &'static Layout),
    /// An array of tables.
    ArrayOf(fn() -> &'static Layout),
    /// A `[controller]` table, or the string "customer" in a service notice
    /// whose controller each customer supplies.
    Controller(fn() -> &'static Layout),
}

impl Kind {
    /// The layout of the table(s) this key holds.
    pub fn layout(self) -> Option<&'static Layout> {
        match self {
            Kind::Table(l) | Kind::ArrayOf(l) | Kind::Controller(l) => Some(l()),
            _ => None,
        }
    }
}

/// One key of a table.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub key: &'static str,
    pub kind: Kind,
    /// What the key means, for the schema and `docs/format.md`.
    pub doc: &'static str,
    /// Whether a notice takes this key from the fragment it `extends`.
    pub inherited: bool,
}

/// The keys of one table, in the order they are declared.
#[derive(Debug)]
pub struct Layout {
    /// The model type, for messages about the declaration itself.
    pub name: &'static str,
    pub fields: &'static [Field],
}

impl Layout {
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.fields.iter().map(|f| f.key)
    }

    pub fn field(&self, key: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.key == key)
    }
}

/// A closed list the format takes codes from.
pub trait Code: Sized + Clone + 'static {
    const LIST: CodeList;
    fn parse(code: &str) -> Option<Self>;
    fn code_str(&self) -> &str;
    /// The Fluent message that names the value.
    fn label(&self) -> Cow<'static, str>;
}

/// A code as the tools walking a notice see it, whatever its list.
pub trait CodeValue {
    fn code_str(&self) -> &str;
    fn label(&self) -> Cow<'static, str>;
    fn span(&self) -> &Span;
}

impl<C: Code> CodeValue for Located<C> {
    fn code_str(&self) -> &str {
        self.value.code_str()
    }
    fn label(&self) -> Cow<'static, str> {
        self.value.label()
    }
    fn span(&self) -> &Span {
        &self.span
    }
}

/// A table of the format: a struct declared with [`format_table!`].
pub trait Record {
    fn layout(&self) -> &'static Layout;
    fn span(&self) -> &Span;
    fn set_span(&mut self, span: Span);
    /// A view of each field, in the order of [`Layout::fields`].
    fn values(&self) -> Vec<Value<'_>>;
    /// A handle on each field, in the order of [`Layout::fields`].
    fn slots(&mut self) -> Vec<Slot<'_>>;
}

/// A field as the tools that walk a notice read it.
pub enum Value<'a> {
    Text(Option<&'a Text>),
    String(Option<&'a Located<String>>),
    Bool(Option<&'a Located<bool>>),
    Date(Option<&'a Located<Date>>),
    Duration(Option<&'a Located<Duration>>),
    Country(Option<&'a Located<Country>>),
    Code(Option<&'a dyn CodeValue>),
    /// `None` when the key is absent.
    Codes(Option<Vec<&'a dyn CodeValue>>),
    Ids(&'a [Id]),
    Table(Option<&'a dyn Record>),
    /// `None` when the key is absent (for the lists where that differs
    /// from empty).
    List(Option<Vec<&'a dyn Record>>),
}

/// A field as the reader fills it.
pub enum Slot<'a> {
    Text(&'a mut Option<Text>),
    String(&'a mut Option<Located<String>>),
    Bool(&'a mut Option<Located<bool>>),
    Date(&'a mut Option<Located<Date>>),
    Duration(&'a mut Option<Located<Duration>>),
    Country(&'a mut Option<Located<Country>>),
    Code(&'a mut dyn CodeSlot),
    Codes(&'a mut dyn CodesSlot),
    Ids(&'a mut Vec<Id>),
    UniqueIds(&'a mut Option<Located<Vec<Id>>>),
    Table(&'a mut dyn TableSlot),
    List(&'a mut dyn ListSlot),
}

/// A field holding one code.
pub trait CodeSlot {
    /// Sets the value when `code` is one of the list; false otherwise.
    fn set(&mut self, code: &str, span: Span) -> bool;
}

/// A field holding a list of codes.
pub trait CodesSlot {
    /// Starts the list, present and empty, at `span`.
    fn start(&mut self, span: Span);
    /// Adds `code` when it is one of the list; false otherwise.
    fn push(&mut self, code: &str, span: Span) -> bool;
}

/// A field holding one table.
pub trait TableSlot {
    /// Sets the field to an empty table and hands it out to be filled.
    fn fill(&mut self) -> &mut dyn Record;
}

/// A field holding an array of tables.
pub trait ListSlot {
    /// Starts the list, present and empty, at `span`.
    fn start(&mut self, span: Span);
    /// Adds an empty item and hands it out to be filled.
    fn push(&mut self) -> &mut dyn Record;
}

/// A Rust type a key of the format can have. Implemented for the few
/// shapes the model uses; a declaration with any other type does not
/// compile.
pub trait FieldType {
    /// The kind a key of this type has unless the declaration says more
    /// (an e-mail address is a string, a name is text...).
    const KIND: Kind;
    fn value(&self) -> Value<'_>;
    fn slot(&mut self) -> Slot<'_>;
    /// Takes `base`'s value when this one is not set (`extends`).
    fn take_missing(&mut self, base: &Self);
}

fn take<T: Clone>(own: &mut Option<T>, base: &Option<T>) {
    if own.is_none() {
        own.clone_from(base);
    }
}

macro_rules! located_field {
    ($ty:ty, $variant:ident, $kind:expr) => {
        impl FieldType for Option<Located<$ty>> {
            const KIND: Kind = $kind;
            fn value(&self) -> Value<'_> {
                Value::$variant(self.as_ref())
            }
            fn slot(&mut self) -> Slot<'_> {
                Slot::$variant(self)
            }
            fn take_missing(&mut self, base: &Self) {
                take(self, base)
            }
        }
    };
}

located_field!(String, String, Kind::String);
located_field!(bool, Bool, Kind::Bool);
located_field!(Date, Date, Kind::Date);
located_field!(Duration, Duration, Kind::Duration);
located_field!(Country, Country, Kind::Country);

impl FieldType for Option<Text> {
    const KIND: Kind = Kind::Text(TextKind::Prose);
    fn value(&self) -> Value<'_> {
        Value::Text(self.as_ref())
    }
    fn slot(&mut self) -> Slot<'_> {
        Slot::Text(self)
    }
    fn take_missing(&mut self, base: &Self) {
        take(self, base)
    }
}

impl<C: Code> CodeSlot for Option<Located<C>> {
    fn set(&mut self, code: &str, span: Span) -> bool {
        *self = C::parse(code).map(|c| Located::new(c, span));
        self.is_some()
    }
}

impl<C: Code> FieldType for Option<Located<C>> {
    const KIND: Kind = Kind::Code(C::LIST);
    fn value(&self) -> Value<'_> {
        Value::Code(self.as_ref().map(|c| c as &dyn CodeValue))
    }
    fn slot(&mut self) -> Slot<'_> {
        Slot::Code(self)
    }
    fn take_missing(&mut self, base: &Self) {
        take(self, base)
    }
}

impl<C: Code> CodesSlot for Option<Located<Vec<Located<C>>>> {
    fn start(&mut self, span: Span) {
        *self = Some(Located::new(Vec::new(), span));
    }
    fn push(&mut self, code: &str, span: Span) -> bool {
        match (C::parse(code), self.as_mut()) {
            (Some(c), Some(list)) => {
                list.value.push(Located::new(c, span));
                true
            }
            _ => false,
        }
    }
}

impl<C: Code> FieldType for Option<Located<Vec<Located<C>>>> {
    const KIND: Kind = Kind::Codes(C::LIST);
    fn value(&self) -> Value<'_> {
        Value::Codes(
            self.as_ref()
                .map(|l| l.value.iter().map(|c| c as &dyn CodeValue).collect()),
        )
    }
    fn slot(&mut self) -> Slot<'_> {
        Slot::Codes(self)
    }
    fn take_missing(&mut self, base: &Self) {
        take(self, base)
    }
}

impl FieldType for Vec<Id> {
    const KIND: Kind = Kind::Refs;
    fn value(&self) -> Value<'_> {
        Value::Ids(self)
    }
    fn slot(&mut self) -> Slot<'_> {
        Slot::Ids(self)
    }
    fn take_missing(&mut self, base: &Self) {
        if self.is_empty() {
            self.extend_from_slice(base);
        }
    }
}

impl FieldType for Option<Located<Vec<Id>>> {
    const KIND: Kind = Kind::UniqueRefs;
    fn value(&self) -> Value<'_> {
        Value::Ids(self.as_ref().map_or(&[], |l| l.value.as_slice()))
    }
    fn slot(&mut self) -> Slot<'_> {
        Slot::UniqueIds(self)
    }
    fn take_missing(&mut self, base: &Self) {
        take(self, base)
    }
}

/// The layout of a table type.
pub trait Table: Record + Default + Clone + 'static {
    fn layout_of() -> &'static Layout;
}

impl<T: Table> TableSlot for Option<T> {
    fn fill(&mut self) -> &mut dyn Record {
        self.insert(T::default())
    }
}

impl<T: Table> FieldType for Option<T> {
    const KIND: Kind = Kind::Table(T::layout_of);
    fn value(&self) -> Value<'_> {
        Value::Table(self.as_ref().map(|t| t as &dyn Record))
    }
    fn slot(&mut self) -> Slot<'_> {
        Slot::Table(self)
    }
    fn take_missing(&mut self, base: &Self) {
        take(self, base)
    }
}

impl<T: Table> ListSlot for Option<Located<Vec<T>>> {
    fn start(&mut self, span: Span) {
        *self = Some(Located::new(Vec::new(), span));
    }
    fn push(&mut self) -> &mut dyn Record {
        let list = &mut self
            .get_or_insert_with(|| Located::new(Vec::new(), 0..0))
            .value;
        let i = list.len();
        list.push(T::default());
        &mut list[i]
    }
}

impl<T: Table> FieldType for Option<Located<Vec<T>>> {
    const KIND: Kind = Kind::ArrayOf(T::layout_of);
    fn value(&self) -> Value<'_> {
        Value::List(
            self.as_ref()
                .map(|l| l.value.iter().map(|t| t as &dyn Record).collect()),
        )
    }
    fn slot(&mut self) -> Slot<'_> {
        Slot::List(self)
    }
    fn take_missing(&mut self, base: &Self) {
        take(self, base)
    }
}

/// A list whose absence and emptiness mean the same.
impl<T: Table> ListSlot for Vec<T> {
    fn start(&mut self, _span: Span) {
        self.clear();
    }
    fn push(&mut self) -> &mut dyn Record {
        let i = self.len();
        Vec::push(self, T::default());
        &mut self[i]
    }
}

impl<T: Table> FieldType for Vec<T> {
    const KIND: Kind = Kind::ArrayOf(T::layout_of);
    fn value(&self) -> Value<'_> {
        Value::List(Some(self.iter().map(|t| t as &dyn Record).collect()))
    }
    fn slot(&mut self) -> Slot<'_> {
        Slot::List(self)
    }
    fn take_missing(&mut self, base: &Self) {
        if self.is_empty() {
            self.extend_from_slice(base);
        }
    }
}

/// Where a text is in a notice, as rules name it: `title`,
/// `controller.name`, `purposes.description`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldPath {
    pub table: Option<&'static str>,
    pub key: &'static str,
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.table {
            Some(t) => write!(f, "{t}.{}", self.key),
            None => f.write_str(self.key),
        }
    }
}

/// Every field of `record` and of the tables inside it, depth first in
/// declaration order, with where it is.
pub fn walk<'a>(
    record: &'a dyn Record,
    visit: &mut dyn FnMut(FieldPath, &'static Field, &Value<'a>),
) {
    walk_in(record, None, visit);
}

fn walk_in<'a>(
    record: &'a dyn Record,
    table: Option<&'static str>,
    visit: &mut dyn FnMut(FieldPath, &'static Field, &Value<'a>),
) {
    let layout = record.layout();
    for (field, value) in layout.fields.iter().zip(record.values()) {
        let path = FieldPath {
            table,
            key: field.key,
        };
        visit(path, field, &value);
        // Rules name a nested key by its table's key at the top level.
        let inner = table.or(Some(field.key));
        match value {
            Value::Table(Some(t)) => walk_in(t, inner, visit),
            Value::List(Some(items)) => {
                for t in items {
                    walk_in(t, inner, visit);
                }
            }
            _ => {}
        }
    }
}

/// Every localised text of `record`, with where it is.
pub fn texts(record: &dyn Record) -> Vec<(FieldPath, &Text)> {
    let mut out = Vec::new();
    walk(record, &mut |path, _, value| {
        if let Value::Text(Some(t)) = value {
            out.push((path, *t));
        }
    });
    out
}

/// Every localised text of `record` under a key that names its place in
/// the notice whatever else changed: `purposes[teaching].description`, an
/// item named by its id, or by its position when it has none. Two
/// versions of a notice are compared text by text with it.
pub fn texts_by_place(record: &dyn Record) -> Vec<(String, FieldPath, &Text)> {
    fn walk_in<'a>(
        record: &'a dyn Record,
        prefix: &str,
        table: Option<&'static str>,
        out: &mut Vec<(String, FieldPath, &'a Text)>,
    ) {
        for (field, value) in record.layout().fields.iter().zip(record.values()) {
            let place = if prefix.is_empty() {
                field.key.to_string()
            } else {
                format!("{prefix}.{}", field.key)
            };
            let inner = table.or(Some(field.key));
            match value {
                Value::Text(Some(t)) => out.push((
                    place,
                    FieldPath {
                        table,
                        key: field.key,
                    },
                    t,
                )),
                Value::Table(Some(t)) => walk_in(t, &place, inner, out),
                Value::List(Some(items)) => {
                    for (i, item) in items.into_iter().enumerate() {
                        let id = item
                            .layout()
                            .fields
                            .iter()
                            .zip(item.values())
                            .find_map(|(f, v)| match (f.kind, v) {
                                (Kind::Id, Value::String(Some(id))) => Some(id.value.clone()),
                                _ => None,
                            })
                            .unwrap_or_else(|| format!("#{i}"));
                        walk_in(item, &format!("{place}[{id}]"), inner, out);
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk_in(record, "", None, &mut out);
    out
}

/// Every string of `record` whose kind `want` accepts (e-mail addresses,
/// web addresses...), with where it is.
pub fn strings_of(
    record: &dyn Record,
    want: fn(Kind) -> bool,
) -> Vec<(FieldPath, &Located<String>)> {
    let mut out = Vec::new();
    walk(record, &mut |path, field, value| {
        if let (true, Value::String(Some(s))) = (want(field.kind), value) {
            out.push((path, *s));
        }
    });
    out
}

/// The message that names a key in a change list: `diff-field-<key>`.
pub fn change_label(key: &str) -> String {
    format!("diff-field-{}", key.replace('_', "-"))
}

/// Every table below `root`, each once, in declaration order.
pub fn tables_below(root: &'static Layout) -> Vec<&'static Layout> {
    let mut out: Vec<&'static Layout> = Vec::new();
    let mut todo = vec![root];
    while let Some(layout) = todo.pop() {
        for inner in layout.fields.iter().filter_map(|f| f.kind.layout()) {
            if !out.iter().any(|l| std::ptr::eq(*l, inner)) {
                out.push(inner);
                todo.push(inner);
            }
        }
    }
    out
}

/// `pick!(default)` or `pick!(default, given)`: the kind a declaration
/// gives, else the type's.
#[doc(hidden)]
#[macro_export]
macro_rules! __format_pick {
    ($default:expr) => {
        $default
    };
    ($default:expr, $given:expr) => {
        $given
    };
}

/// `own`: not taken from a fragment.
#[doc(hidden)]
#[macro_export]
macro_rules! __format_inherited {
    () => {
        true
    };
    (own) => {
        false
    };
}

/// Declares a table of the source format; see the module docs.
///
/// ```text
/// format_table! {
///     /// The type's docs.
///     pub struct Contact {
///         /// The key's docs, also the schema's description.
///         name: Option<Text> as Kind::Text(TextKind::Name),
///         email: Option<Located<String>> as Kind::Email,
///         id: Option<Id> as Kind::Id; own,
///     }
///     extra {
///         /// Fields that are not keys of the format.
///         pub logo_file: Option<(String, Vec<u8>)>,
///     }
/// }
/// ```
///
/// `as KIND` refines the kind the type implies; `; own` marks a key a
/// notice does not take from the fragment it extends.
#[macro_export]
macro_rules! format_table {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[doc = $doc:literal])*
                $field:ident : $ty:ty $(as $kind:expr)? $(; $flag:ident)?,
            )*
        }
        $(extra {
            $(
                $(#[$xmeta:meta])*
                pub $xfield:ident : $xty:ty,
            )*
        })?
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default)]
        pub struct $name {
            /// Where the table is in its file.
            pub span: $crate::source::Span,
            $(
                $(#[doc = $doc])*
                pub $field: $ty,
            )*
            $($(
                $(#[$xmeta])*
                pub $xfield: $xty,
            )*)?
        }

        impl $name {
            /// The keys of this table.
            pub const FIELDS: &'static [$crate::model::format::Field] = &[
                $($crate::model::format::Field {
                    key: stringify!($field),
                    kind: $crate::__format_pick!(
                        <$ty as $crate::model::format::FieldType>::KIND $(, $kind)?
                    ),
                    doc: concat!($($doc),*),
                    inherited: $crate::__format_inherited!($($flag)?),
                },)*
            ];

            /// Takes every inherited key this table does not set from `base`.
            pub fn take_missing(&mut self, base: &Self) {
                $(
                    if $crate::__format_inherited!($($flag)?) {
                        $crate::model::format::FieldType::take_missing(&mut self.$field, &base.$field);
                    }
                )*
            }
        }

        impl $crate::model::format::Table for $name {
            fn layout_of() -> &'static $crate::model::format::Layout {
                static LAYOUT: $crate::model::format::Layout = $crate::model::format::Layout {
                    name: stringify!($name),
                    fields: $name::FIELDS,
                };
                &LAYOUT
            }
        }

        impl $crate::model::format::Record for $name {
            fn layout(&self) -> &'static $crate::model::format::Layout {
                <$name as $crate::model::format::Table>::layout_of()
            }
            fn span(&self) -> &$crate::source::Span {
                &self.span
            }
            fn set_span(&mut self, span: $crate::source::Span) {
                self.span = span;
            }
            fn values(&self) -> Vec<$crate::model::format::Value<'_>> {
                vec![$($crate::model::format::FieldType::value(&self.$field)),*]
            }
            fn slots(&mut self) -> Vec<$crate::model::format::Slot<'_>> {
                vec![$($crate::model::format::FieldType::slot(&mut self.$field)),*]
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Customer, Notice, Purpose};

    /// The kind a declaration gives a key must fit its type: the reader
    /// reads by the type's slot and the schema describes by the kind.
    #[test]
    fn every_declared_kind_fits_its_type() {
        fn fits(kind: Kind, value: &Value<'_>) -> bool {
            matches!(
                (kind, value),
                (Kind::Text(_), Value::Text(_))
                    | (
                        Kind::String
                            | Kind::Id
                            | Kind::Ref
                            | Kind::NoticeRef
                            | Kind::Email
                            | Kind::Url,
                        Value::String(_)
                    )
                    | (Kind::Bool, Value::Bool(_))
                    | (Kind::Date, Value::Date(_))
                    | (Kind::Duration, Value::Duration(_))
                    | (Kind::Country, Value::Country(_))
                    | (Kind::Code(_), Value::Code(_))
                    | (Kind::Codes(_) | Kind::OneCode(_), Value::Codes(_))
                    | (Kind::Refs | Kind::UniqueRefs, Value::Ids(_))
                    | (Kind::Table(_) | Kind::Controller(_), Value::Table(_))
                    | (Kind::ArrayOf(_), Value::List(_))
            )
        }
        let roots: [&dyn Record; 2] = [&Notice::default(), &Customer::default()];
        let mut wrong = Vec::new();
        let mut seen = 0;
        for root in roots {
            let mut check = |record: &dyn Record| {
                for (f, v) in record.layout().fields.iter().zip(record.values()) {
                    seen += 1;
                    if !fits(f.kind, &v) {
                        wrong.push(format!("{}.{}", record.layout().name, f.key));
                    }
                }
            };
            check(root);
        }
        // Every nested table too, through a filled-in value of each.
        for layout in tables_below(Notice::layout_of())
            .into_iter()
            .chain(tables_below(Customer::layout_of()))
        {
            assert!(!layout.fields.is_empty(), "{}", layout.name);
        }
        assert_eq!(wrong, Vec::<String>::new());
        assert!(seen > 30);
    }

    #[test]
    fn texts_are_named_by_their_table() {
        let text = |s: &str| Text {
            neutral: Some(Located::new(s.to_string(), 0..0)),
            ..Text::default()
        };
        let mut n = Notice {
            title: Some(text("t")),
            ..Notice::default()
        };
        n.purposes = Some(Located::new(
            vec![Purpose {
                description: Some(text("p")),
                ..Purpose::default()
            }],
            0..0,
        ));
        n.dpo = Some(crate::model::Contact {
            role: Some(text("r")),
            ..Default::default()
        });
        let found: Vec<(String, String)> = texts(&n)
            .into_iter()
            .map(|(p, t)| (p.to_string(), t.all().map(|s| s.value.clone()).collect()))
            .collect();
        assert_eq!(
            found,
            [
                ("title".to_string(), "t".to_string()),
                ("dpo.role".to_string(), "r".to_string()),
                ("purposes.description".to_string(), "p".to_string()),
            ]
        );
    }

    #[test]
    fn every_table_of_a_notice_is_found() {
        let names: Vec<&str> = tables_below(Notice::layout_of())
            .iter()
            .map(|l| l.name)
            .collect();
        for table in [
            "Controller",
            "Party",
            "Contact",
            "Purpose",
            "Transfer",
            "Related",
        ] {
            assert!(names.contains(&table), "{table} in {names:?}");
        }
        assert!(!names.contains(&"Notice"));
    }
}
