//! The context a page is rendered with: a view's top-level fields as
//! template values, each with a fingerprint of its contents.
//!
//! In a vendor's fleet, most fields of a bound notice's view (its purposes,
//! its data categories, its rights...) are the same for every customer.
//! Turning each field into template values again for every document, and
//! hashing those values again for `memo()`, was a fifth of a fleet's time
//! (issue: fleet performance). Here a field is fingerprinted straight from
//! its serde stream, which allocates nothing; a field seen before is taken
//! from [`SharedFields`] as the same value, and its fingerprint is what
//! `memo()` compares (see [`super::memo::PageGuard::with_fields`]).
//!
//! Sound because a value converted by minijinja is a function of the serde
//! stream alone, and the fingerprint covers the whole stream: every call,
//! its type and variant names, lengths and bytes. Equal fingerprints mean
//! equal values; unequal ones at worst cost a reuse.

use std::hash::Hash;
use std::sync::Arc;

use minijinja::value::{Enumerator, Object, Value};
use serde::ser::{self, Serialize};

use xxhash_rust::xxh3::xxh3_128;

use crate::fingerprint::{Gathered, SeenTwice};

/// The template values of fields seen on more than one page of a run.
/// Kept from their second sight, so that what one page alone has does not
/// fill the memory.
#[derive(Default)]
pub struct SharedFields {
    values: SeenTwice<Value>,
}

/// A page's context: the root value and each field's fingerprint.
pub struct PageContext {
    pub root: Value,
    pub fingerprints: Vec<(Arc<str>, u128)>,
}

/// The fields of a view, converted and fingerprinted once for the pages of
/// every notice that shares them ([`SharedFields::context_parts`]).
pub struct KnownFields(Vec<Field>);

impl SharedFields {
    /// The context for `view`, which serializes as a struct or a map (a
    /// view with a flattened field).
    pub fn context<T: Serialize>(&self, view: &T) -> anyhow::Result<PageContext> {
        Ok(page(self.fields_of(view)?))
    }

    /// Every field of `view`, for [`SharedFields::context_parts`].
    pub fn known<T: Serialize>(&self, view: &T) -> anyhow::Result<KnownFields> {
        Ok(KnownFields(self.fields_of(view)?))
    }

    /// The context for the view made of `known`'s fields with `own`'s set
    /// over them: the fields of `own` are converted, the others taken as
    /// they are.
    pub fn context_parts<T: Serialize>(
        &self,
        known: &KnownFields,
        own: &T,
    ) -> anyhow::Result<PageContext> {
        let mut fields = self.fields_of(own)?;
        let set: Vec<Arc<str>> = fields.iter().map(|f| f.name.clone()).collect();
        fields.extend(known.0.iter().filter(|f| !set.contains(&f.name)).cloned());
        Ok(page(fields))
    }

    fn fields_of<T: Serialize>(&self, view: &T) -> anyhow::Result<Vec<Field>> {
        let mut fields = Vec::new();
        view.serialize(TopLevel {
            shared: self,
            fields: &mut fields,
            stream: &mut Gathered(Vec::with_capacity(4096)),
        })
        .map_err(|e| anyhow::anyhow!("cannot convert the view for its template: {e}"))?;
        Ok(fields)
    }

    fn value<T: Serialize + ?Sized>(
        &self,
        name: &str,
        field: &T,
        stream: &mut Gathered,
    ) -> Result<Field, Error> {
        // The stream is gathered and hashed at once: a field is many small
        // writes, each costly on its own in a streaming hasher.
        stream.0.clear();
        name.hash(stream);
        field.serialize(Stream(stream))?;
        let fingerprint = xxh3_128(&stream.0);
        let value = self.values.get(fingerprint).unwrap_or_else(|| {
            let value = Value::from(minijinja::value::Serde(field));
            self.values.offer(fingerprint, &value);
            value
        });
        Ok(Field {
            name: Arc::from(name),
            value,
            fingerprint,
        })
    }
}

/// A page's context from its fields, in the order they were serialized.
fn page(mut fields: Vec<Field>) -> PageContext {
    let fingerprints = fields
        .iter()
        .map(|f| (f.name.clone(), f.fingerprint))
        .collect();
    // The last of two equal names wins, as in minijinja's own map of a
    // serialized struct.
    fields.reverse();
    fields.sort_by(|a, b| by_length(&a.name).cmp(&by_length(&b.name)));
    fields.dedup_by(|later, earlier| later.name == earlier.name);
    let root = Value::from_object(Fields(
        fields.into_iter().map(|f| (f.name, f.value)).collect(),
    ));
    PageContext { root, fingerprints }
}

#[derive(Clone)]
struct Field {
    /// Shared, not copied, by the pages whose known fields it is among.
    name: Arc<str>,
    value: Value,
    fingerprint: u128,
}

/// The root of a page's context: fields sorted by the length of their
/// name, then by name. Every variable a template names is looked up here
/// first (globals and macros too, which are not found): ordered so, most
/// comparisons are of two lengths, not of two strings.
#[derive(Debug)]
struct Fields(Vec<(Arc<str>, Value)>);

fn by_length(name: &str) -> (usize, &str) {
    (name.len(), name)
}

impl Object for Fields {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        self.get_value_by_str(key.as_str()?)
    }

    fn get_value_by_str(self: &Arc<Self>, key: &str) -> Option<Value> {
        self.0
            .binary_search_by(|(name, _)| by_length(name).cmp(&by_length(key)))
            .ok()
            .map(|i| self.0[i].1.clone())
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        // By name, as minijinja's own map of a serialized struct.
        let mut names: Vec<&str> = self.0.iter().map(|(name, _)| &**name).collect();
        names.sort_unstable();
        Enumerator::Values(names.into_iter().map(Value::from).collect())
    }

    fn enumerator_len(self: &Arc<Self>) -> Option<usize> {
        Some(self.0.len())
    }
}

#[derive(Debug)]
struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<M: std::fmt::Display>(msg: M) -> Self {
        Error(msg.to_string())
    }
}

/// Splits a view into its fields.
struct TopLevel<'a> {
    shared: &'a SharedFields,
    fields: &'a mut Vec<Field>,
    stream: &'a mut Gathered,
}

fn not_a_view() -> Error {
    Error("a page's view must serialize as a struct or a map".to_string())
}

/// The serializer of a map key at the top level: the key's text.
struct KeyText;

macro_rules! refuse {
    ($($name:ident($($arg:ty),*) -> $ret:ty;)*) => {
        $(fn $name(self, $(_: $arg),*) -> Result<$ret, Error> { Err(not_a_view()) })*
    };
}

impl ser::Serializer for KeyText {
    type Ok = String;
    type Error = Error;
    type SerializeSeq = ser::Impossible<String, Error>;
    type SerializeTuple = ser::Impossible<String, Error>;
    type SerializeTupleStruct = ser::Impossible<String, Error>;
    type SerializeTupleVariant = ser::Impossible<String, Error>;
    type SerializeMap = ser::Impossible<String, Error>;
    type SerializeStruct = ser::Impossible<String, Error>;
    type SerializeStructVariant = ser::Impossible<String, Error>;

    fn serialize_str(self, v: &str) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<String, Error> {
        Ok(variant.to_string())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<String, Error> {
        v.serialize(self)
    }
    refuse! {
        serialize_bool(bool) -> String;
        serialize_i8(i8) -> String;
        serialize_i16(i16) -> String;
        serialize_i32(i32) -> String;
        serialize_i64(i64) -> String;
        serialize_u8(u8) -> String;
        serialize_u16(u16) -> String;
        serialize_u32(u32) -> String;
        serialize_u64(u64) -> String;
        serialize_f32(f32) -> String;
        serialize_f64(f64) -> String;
        serialize_char(char) -> String;
        serialize_bytes(&[u8]) -> String;
        serialize_none() -> String;
        serialize_unit() -> String;
        serialize_unit_struct(&'static str) -> String;
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct(&'static str, usize) -> Self::SerializeStruct;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<String, Error> {
        Err(not_a_view())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String, Error> {
        Err(not_a_view())
    }
}

impl<'a> ser::Serializer for TopLevel<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = TopLevelMap<'a>;
    type SerializeStruct = Self;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Error> {
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<TopLevelMap<'a>, Error> {
        Ok(TopLevelMap {
            top: self,
            key: None,
        })
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        v.serialize(self)
    }
    refuse! {
        serialize_bool(bool) -> ();
        serialize_i8(i8) -> ();
        serialize_i16(i16) -> ();
        serialize_i32(i32) -> ();
        serialize_i64(i64) -> ();
        serialize_u8(u8) -> ();
        serialize_u16(u16) -> ();
        serialize_u32(u32) -> ();
        serialize_u64(u64) -> ();
        serialize_f32(f32) -> ();
        serialize_f64(f64) -> ();
        serialize_char(char) -> ();
        serialize_str(&str) -> ();
        serialize_bytes(&[u8]) -> ();
        serialize_none() -> ();
        serialize_unit() -> ();
        serialize_unit_struct(&'static str) -> ();
        serialize_unit_variant(&'static str, u32, &'static str) -> ();
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Error> {
        Err(not_a_view())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(not_a_view())
    }
}

impl ser::SerializeStruct for TopLevel<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let field = self.shared.value(key, value, self.stream)?;
        self.fields.push(field);
        Ok(())
    }
    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

struct TopLevelMap<'a> {
    top: TopLevel<'a>,
    key: Option<String>,
}

impl ser::SerializeMap for TopLevelMap<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(key.serialize(KeyText)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = self.key.take().ok_or_else(not_a_view)?;
        let field = self.top.shared.value(&key, value, self.top.stream)?;
        self.top.fields.push(field);
        Ok(())
    }
    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

/// The bytes a field's fingerprint is taken of: a `Hasher` that keeps
/// what it is given.
/// Writes a value's whole serde stream: each call with a tag, lengths
/// before contents, names of types, fields and variants.
struct Stream<'a>(&'a mut Gathered);

impl Stream<'_> {
    fn tag(&mut self, t: u8) {
        t.hash(self.0);
    }
}

macro_rules! primitive {
    ($($name:ident($ty:ty) = $tag:expr;)*) => {
        $(fn $name(mut self, v: $ty) -> Result<(), Error> {
            self.tag($tag);
            v.hash(self.0);
            Ok(())
        })*
    };
}

impl<'a> ser::Serializer for Stream<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    primitive! {
        serialize_bool(bool) = 1;
        serialize_i8(i8) = 2;
        serialize_i16(i16) = 3;
        serialize_i32(i32) = 4;
        serialize_i64(i64) = 5;
        serialize_i128(i128) = 6;
        serialize_u8(u8) = 7;
        serialize_u16(u16) = 8;
        serialize_u32(u32) = 9;
        serialize_u64(u64) = 10;
        serialize_u128(u128) = 11;
        serialize_char(char) = 12;
        serialize_str(&str) = 13;
        serialize_bytes(&[u8]) = 14;
        serialize_unit_struct(&'static str) = 17;
    }
    fn serialize_f32(mut self, v: f32) -> Result<(), Error> {
        self.tag(15);
        v.to_bits().hash(self.0);
        Ok(())
    }
    fn serialize_f64(mut self, v: f64) -> Result<(), Error> {
        self.tag(16);
        v.to_bits().hash(self.0);
        Ok(())
    }
    fn serialize_none(mut self) -> Result<(), Error> {
        self.tag(18);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(mut self, v: &T) -> Result<(), Error> {
        self.tag(19);
        v.serialize(self)
    }
    fn serialize_unit(mut self) -> Result<(), Error> {
        self.tag(20);
        Ok(())
    }
    fn serialize_unit_variant(
        mut self,
        name: &'static str,
        index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.tag(21);
        (name, index, variant).hash(self.0);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        mut self,
        name: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.tag(22);
        name.hash(self.0);
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        mut self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.tag(23);
        (name, index, variant).hash(self.0);
        v.serialize(self)
    }
    fn serialize_seq(mut self, len: Option<usize>) -> Result<Self, Error> {
        self.tag(24);
        len.hash(self.0);
        Ok(self)
    }
    fn serialize_tuple(mut self, len: usize) -> Result<Self, Error> {
        self.tag(25);
        len.hash(self.0);
        Ok(self)
    }
    fn serialize_tuple_struct(mut self, name: &'static str, len: usize) -> Result<Self, Error> {
        self.tag(26);
        (name, len).hash(self.0);
        Ok(self)
    }
    fn serialize_tuple_variant(
        mut self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self, Error> {
        self.tag(27);
        (name, index, variant, len).hash(self.0);
        Ok(self)
    }
    fn serialize_map(mut self, len: Option<usize>) -> Result<Self, Error> {
        self.tag(28);
        len.hash(self.0);
        Ok(self)
    }
    fn serialize_struct(mut self, name: &'static str, len: usize) -> Result<Self, Error> {
        self.tag(29);
        (name, len).hash(self.0);
        Ok(self)
    }
    fn serialize_struct_variant(
        mut self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self, Error> {
        self.tag(30);
        (name, index, variant, len).hash(self.0);
        Ok(self)
    }
}

/// Every compound's element, field or entry is tagged, and each compound
/// ends with its own tag, so that where one ends is never ambiguous (a
/// sequence of unknown length, a struct that skips a field).
impl Stream<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.tag(31);
        v.serialize(Stream(self.0))
    }
    fn named<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> Result<(), Error> {
        self.tag(32);
        key.hash(self.0);
        v.serialize(Stream(self.0))
    }
    fn close(mut self) -> Result<(), Error> {
        self.tag(33);
        Ok(())
    }
}

macro_rules! elements {
    ($($trait:ident :: $method:ident;)*) => {
        $(impl ser::$trait for Stream<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
                self.element(v)
            }
            fn end(self) -> Result<(), Error> {
                self.close()
            }
        })*
    };
}

elements! {
    SerializeSeq::serialize_element;
    SerializeTuple::serialize_element;
    SerializeTupleStruct::serialize_field;
    SerializeTupleVariant::serialize_field;
}

impl ser::SerializeMap for Stream<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.element(key)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.element(v)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

macro_rules! named_fields {
    ($($trait:ident;)*) => {
        $(impl ser::$trait for Stream<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                v: &T,
            ) -> Result<(), Error> {
                self.named(key, v)
            }
            fn skip_field(&mut self, key: &'static str) -> Result<(), Error> {
                self.tag(34);
                key.hash(self.0);
                Ok(())
            }
            fn end(self) -> Result<(), Error> {
                self.close()
            }
        })*
    };
}

named_fields! {
    SerializeStruct;
    SerializeStructVariant;
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    #[derive(Serialize)]
    struct Part {
        title: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<String>,
        items: Vec<String>,
    }

    #[derive(Serialize)]
    struct View {
        lang: String,
        part: Part,
        #[serde(flatten)]
        texts: std::collections::BTreeMap<String, String>,
    }

    fn view(title: &str, items: &[&str], note: Option<&str>) -> View {
        View {
            lang: "fi".into(),
            part: Part {
                title: title.into(),
                note: note.map(str::to_string),
                items: items.iter().map(|s| s.to_string()).collect(),
            },
            texts: [("description".to_string(), "D".to_string())].into(),
        }
    }

    fn fingerprint_of(ctx: &PageContext, name: &str) -> u128 {
        ctx.fingerprints
            .iter()
            .find(|(n, _)| &**n == name)
            .map(|(_, f)| *f)
            .expect("field")
    }

    /// The context a template sees is the one minijinja's own conversion
    /// gives, flattened fields included.
    #[test]
    fn a_context_renders_like_the_serialized_view() {
        let shared = SharedFields::default();
        let v = view("T", &["a", "<b>"], Some("n"));
        let ctx = shared.context(&v).expect("context");
        let mut env = minijinja::Environment::new();
        env.add_template(
            "t.html",
            "{{ lang }}|{{ part.title }}|{{ part.items|join(',') }}|{{ part.note }}|{{ description }}|{{ missing is undefined }}",
        )
        .expect("template");
        let t = env.get_template("t.html").expect("template");
        let ours = t.render(ctx.root.clone()).expect("render");
        let theirs = t
            .render(Value::from(minijinja::value::Serde(&v)))
            .expect("render");
        assert_eq!(ours, theirs);
        assert_eq!(ours, "fi|T|a,&lt;b&gt;|n|D|True");
        let keys: Vec<String> = ctx
            .root
            .try_iter()
            .expect("keys")
            .map(|k| k.to_string())
            .collect();
        assert_eq!(keys, ["description", "lang", "part"]);
    }

    /// Regression guard: a field's fingerprint changes with anything that
    /// changes its value, and only then.
    #[test]
    fn a_fingerprint_follows_the_value_of_its_field() {
        let shared = SharedFields::default();
        let part = |v: &View| fingerprint_of(&shared.context(v).expect("context"), "part");
        let base = part(&view("T", &["a", "b"], None));
        assert_eq!(base, part(&view("T", &["a", "b"], None)));
        assert_ne!(base, part(&view("U", &["a", "b"], None)));
        // Where one item ends and the next begins is part of the value.
        assert_ne!(base, part(&view("T", &["ab", ""], None)));
        assert_ne!(base, part(&view("T", &["a", "b", ""], None)));
        // A skipped field and an empty one differ.
        assert_ne!(base, part(&view("T", &["a", "b"], Some(""))));
        // The same contents under another name are another field.
        let ctx = shared.context(&view("fi", &[], None)).expect("context");
        assert_ne!(
            fingerprint_of(&ctx, "lang"),
            fingerprint_of(&ctx, "description")
        );
    }

    /// A field seen on a second page is kept and taken from then on: what
    /// the fleet saves. What one page alone has is not kept.
    #[test]
    fn a_field_is_kept_from_its_second_sight() {
        let shared = SharedFields::default();
        let kept = || shared.values.kept();
        shared.context(&view("T", &["a"], None)).expect("a");
        assert_eq!(kept(), 0);
        shared.context(&view("T", &["a"], None)).expect("b");
        assert_eq!(kept(), 3);
        let c = shared.context(&view("U", &["a"], None)).expect("c");
        // `part` differs, so only `lang` and `description` are reused.
        assert_eq!(kept(), 3);
        assert_eq!(
            c.root
                .get_attr("part")
                .expect("part")
                .get_attr("title")
                .expect("title")
                .as_str(),
            Some("U")
        );
    }
}
