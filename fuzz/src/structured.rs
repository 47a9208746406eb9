//! Structure-aware inputs: an `arbitrary` description of a notice (and
//! optionally a shared fragment and a customer) written out as TOML text in
//! the source format of `docs/format.md`.
//!
//! The generator aims at notices that pass `check`, so that the renderers
//! get most of the executions: references point at items that exist, ids
//! are unique, every text is written in every language, and the rules'
//! conditions (a DPO for public authorities, a law for public-task
//! purposes, a transfer for a recipient outside the EEA...) are met by a
//! fix-up step. Deviations need a chaotic input (one in 16, see [`CHAOS`]):
//! then a code, date, address or country is invalid when its selector
//! byte is 0xF0 or more, and so may a text hold an unsafe link or a
//! placeholder, and one mutation of the text (an unknown key, a wrong
//! type, a truncation...) apply. A selector of 0, which is
//! what an exhausted input reads, always means the valid choice.
//!
//! The texts are where the hostile content goes: Markdown of every kind,
//! raw HTML and script, template syntax (`{{ 7*7 }}`, `{% if %}`, the
//! probes of [`crate::PROBES`]), entities, and arbitrary Unicode, written
//! with every TOML string form (basic, multi-line, literal; inline tables,
//! dotted keys, tables of their own).

use std::fmt::Write;

use arbitrary::Arbitrary;

use crate::Kind;

const LANGS: [&str; 3] = ["fi", "sv", "en"];

const WORDS: &[&str] = &[
    "Oppilaat",
    "huoltajat",
    "tietosuoja",
    "rekisteri",
    "käyttäjätunnus",
    "Åbo",
    "förvaltning",
    "elevregister",
    "pupils",
    "guardians",
    "log data",
    "school",
    "ja",
    "och",
    "and",
    "Perusopetuslaki (628/1998)",
    "§ 6",
    "Art. 6(1)(e)",
    "2 %",
    "100 €",
    "naïve café",
    "日本語",
    "🙂",
    "Ελληνικά",
    "עברית",
    "\u{202e}reversed",
    "zero\u{200b}width",
    "tab\there",
    "crlf\r\nline",
    "a\u{0301}",
];

/// Markdown that `check` accepts.
const MARKDOWN: &[&str] = &[
    "**bold**",
    "*emphasis*",
    "_under_",
    "~~struck~~",
    "`code`",
    "``co`de``",
    "\n\n- one\n- two\n",
    "\n\n1. first\n2. second\n",
    "\n\n3) third\n",
    "\n\n* star\n  * nested\n",
    "\n\n# Heading\n",
    "\n\n###### Six\n",
    "\nSetext\n===\n",
    "\n\n> quoted\n> text\n",
    "\n\n```\nfenced <code>\n```\n",
    "\n\n```js onclick=x\nlet a = 1;\n```\n",
    "\n\n    indented code\n",
    "\n\n| a | b |\n|---|:-:|\n| 1 | <b>2</b> |\n",
    "\n\n---\n",
    "[the law](https://finlex.fi)",
    "[mail](mailto:tietosuoja@kunta.fi)",
    "[call](tel:+358295666700)",
    "[relative](../other.html)",
    "[anchor](#section)",
    "[titled](https://a.fi \"a \\\"title\\\" <x>\")",
    "<https://www.novia.fi>",
    "<tietosuoja@kunta.fi>",
    "![logo](https://example.fi/logo.png)",
    "![](x.png)",
    "[ref][r]\n\n[r]: https://example.fi",
    "[broken](",
    "[x](<https://a.fi/with space>)",
    "\\*not emphasis\\*",
    "line  \nbreak",
    "hard\\\nbreak",
    "&amp; &lt; &gt; &quot; &#39; &#60;script&#62; &copy; &nbsp;",
    "&#x3C;img src=x onerror=alert(1)&#x3E;",
    "* * *",
    "- ",
    "+ ",
    "1.",
    "#",
    "|",
    "\\",
    "`",
    "[",
    "]",
    "***",
    "<",
    ">",
];

/// Raw HTML: `check` accepts it, the renderers must show it as text.
const HTML: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">click</a>",
    "<a href='data:text/html,<script>alert(1)</script>'>x</a>",
    "<div onclick=\"alert(1)\">div</div>",
    "<svg/onload=alert(1)>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<style>body{display:none}</style>",
    "<!-- comment -->",
    "<![CDATA[x]]>",
    "<?php echo 1; ?>",
    "</textarea></title></style><script>x</script>",
    "\"><script>alert(1)</script>",
    "' onmouseover='alert(1)",
    "\" onfocus=\"alert(1)\" autofocus=\"",
    "<b>bold</b>",
    "<br>",
    "<p>para</p>",
    "<details open ontoggle=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<object data=x>",
    "<embed src=x>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    "<input autofocus onfocus=alert(1)>",
    "<meta http-equiv=refresh content=0;url=javascript:alert(1)>",
    "<base href=//evil.example/>",
    "<link rel=stylesheet href=//evil.example/x.css>",
    "javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
];

/// Template syntax of minijinja (and of other engines), never to be
/// evaluated.
const TEMPLATE: &[&str] = &[
    "{{ 7*7 }}",
    "{% if true %}yes{% endif %}",
    "{% if %}",
    "{# comment #}",
    "{{ lang }}",
    "{{ t('lang-fi') }}",
    "{{ self }}",
    "{{ range(99999999)|list }}",
    "{% raw %}",
    "{% endraw %}",
    "{%- set x = 1 -%}",
    "{% include 'notice.html' %}",
    "{% extends 'notice.html' %}",
    "{{",
    "}}",
    "{%",
    "%}",
    "{{ x|safe }}",
    "${7*7}",
    "#{7*7}",
    "<%= 7*7 %>",
];

/// Link targets `check` rejects (Q009).
const UNSAFE: &[&str] = &[
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](java\tscript:alert(1))",
    "[x](data:text/html,hi)",
    "![x](data:image/png;base64,AAAA)",
    "<javascript:alert(1)>",
    "[x](vbscript:msgbox)",
    "[x](file:///etc/passwd)",
];

const EMAILS: &[&str] = &[
    "tietosuoja@kunta.fi",
    "kirjaamo@esimerkkila.example",
    "dpo@opinsys.fi",
    "first.last+tag@sub.example.org",
    "o'brien@example.ie",
    "a&b@example.com",
];

const URLS: &[&str] = &[
    "https://www.novia.fi",
    "https://example.fi/tietosuoja?lang=fi&x=1#top",
    "http://kunta.fi/",
    "https://xn--esimerkkil-x2a.fi/a\"b",
    "https://example.fi/<script>",
];

const PHONES: &[&str] = &[
    "+358 29 566 6700",
    "09 123 4567",
    "+46 8 657 61 00",
    "(0)9-1234",
];

/// Countries in the EEA, with an adequacy decision, and neither.
const COUNTRIES: &[&str] = &[
    "FI", "SE", "NO", "IS", "LI", "DE", "FR", "IE", "EE", "DK", "GB", "CH", "JP", "CA", "NZ", "US",
    "IN", "CN", "BR", "AU", "SG",
];
const EEA: &[&str] = &["FI", "SE", "NO", "IS", "LI", "DE", "FR", "IE", "EE", "DK"];

const COLLECTED_FROM: &[&str] = &["both", "data-subject", "other-sources"];
const AUTHORITIES: &[&str] = &["FI", "SE"];
const LEGAL_BASES: &[&str] = &[
    "public-task",
    "legal-obligation",
    "contract",
    "consent",
    "vital-interests",
    "legitimate-interests",
];
const SPECIAL_CATEGORIES: &[&str] = &[
    "health",
    "racial-or-ethnic-origin",
    "political-opinions",
    "religious-or-philosophical-beliefs",
    "trade-union-membership",
    "genetic",
    "biometric",
    "sex-life-or-orientation",
];
const CONDITIONS: &[&str] = &[
    "substantial-public-interest",
    "explicit-consent",
    "employment-and-social-security",
    "vital-interests",
    "non-profit-body",
    "made-public",
    "legal-claims",
    "health-or-social-care",
    "public-health",
    "archiving-research-statistics",
];
const SOURCE_KINDS: &[&str] = &[
    "register",
    "data-subject",
    "authority",
    "public",
    "organisation",
];
const ROLES: &[&str] = &["processor", "controller", "joint-controller", "authority"];
const MECHANISMS: &[&str] = &[
    "standard-contractual-clauses",
    "adequacy",
    "public-authority-instrument",
    "binding-corporate-rules",
    "authority-clauses",
    "code-of-conduct",
    "certification",
    "ad-hoc-clauses",
    "derogation-public-interest",
    "derogation-legal-claims",
    "derogation-vital-interests",
    "derogation-public-register",
    "derogation-consent",
    "derogation-contract",
    "derogation-contract-in-interest",
];
/// Mechanisms that need `safeguard_copy` (G014).
const NEEDS_COPY: &[&str] = &[
    "standard-contractual-clauses",
    "public-authority-instrument",
    "binding-corporate-rules",
    "authority-clauses",
    "code-of-conduct",
    "certification",
    "ad-hoc-clauses",
];
/// Mechanisms public authorities cannot use (G016).
const BARRED: &[&str] = &[
    "derogation-consent",
    "derogation-contract",
    "derogation-contract-in-interest",
];
const REQUIREMENTS: &[&str] = &[
    "statutory",
    "contractual",
    "contract-prerequisite",
    "voluntary",
    "mixed",
];
const ID_WORDS: &[&str] = &[
    "teaching",
    "logs",
    "contact",
    "health",
    "photos",
    "a1",
    "x",
    "long-id-with-parts",
    "2026",
];

/// The low four bits of the sum of an input's bytes that let its
/// selectors pick invalid values: one input in 16, whatever byte a
/// mutation changed. Any other sum keeps every choice valid: a fuzzer's
/// inputs are full of 0xFF bytes, and without this gate few inputs would
/// pass `check`. The chaotic ones exercise the diagnostics on otherwise
/// realistic notices.
pub const CHAOS: u8 = 0x05;

/// Whether the input `data` is chaotic (see [`CHAOS`]).
pub fn chaotic(data: &[u8]) -> bool {
    data.iter().fold(0u8, |a, &b| a.wrapping_add(b)) & 0x0F == CHAOS
}

/// The files of the structured input `data`: the notice, then the
/// fragment and the customer when there are any.
pub fn files(data: &[u8]) -> arbitrary::Result<Vec<(Kind, String)>> {
    let spec = Spec::arbitrary_take_rest(arbitrary::Unstructured::new(data))?;
    Ok(spec.files(chaotic(data)))
}

/// In a chaotic input, a selector at or above this picks an invalid value
/// (one in 16).
const INVALID: u8 = 0xF0;

thread_local! {
    static CHAOTIC: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn chaos() -> bool {
    CHAOTIC.with(|c| c.get())
}

fn pick(pool: &'static [&'static str], b: u8) -> &'static str {
    pool[usize::from(b) % pool.len()]
}

/// A value from a closed list: valid unless the input is chaotic (see
/// [`CHAOS`]) and the selector 0xF0 or more, then any string (mostly an
/// unknown code, L007).
#[derive(Arbitrary, Debug, Clone)]
pub struct Code {
    pub pick: u8,
    pub raw: String,
}

impl Code {
    fn get(&self, pool: &'static [&'static str]) -> String {
        if self.pick >= INVALID && chaos() {
            self.raw.clone()
        } else {
            pick(pool, self.pick).to_string()
        }
    }
}

/// One piece of a text.
#[derive(Arbitrary, Debug, Clone)]
pub enum Piece {
    Word(u8),
    Markdown(u8),
    Html(u8),
    Template(u8),
    Probe(u8),
    Raw(String),
    Newline,
    Paragraph,
    /// An unsafe link when the input is chaotic and the selector 0xF0 or more
    /// (then `check` fails with Q009),
    /// else a safe one.
    Link(u8, u8),
    /// A placeholder of `seloste new` when the input is chaotic and the
    /// selector 0xF0 or more (Q013).
    Todo(u8),
}

impl Piece {
    fn write(&self, out: &mut String) {
        match self {
            Piece::Word(b) => out.push_str(pick(WORDS, *b)),
            Piece::Markdown(b) => out.push_str(pick(MARKDOWN, *b)),
            Piece::Html(b) => out.push_str(pick(HTML, *b)),
            Piece::Template(b) => out.push_str(pick(TEMPLATE, *b)),
            Piece::Probe(b) => out.push_str(crate::PROBES[usize::from(*b) % crate::PROBES.len()].0),
            Piece::Raw(s) => out.push_str(&allowed(s)),
            Piece::Newline => out.push('\n'),
            Piece::Paragraph => out.push_str("\n\n"),
            Piece::Link(s, b) if *s >= INVALID && chaos() => out.push_str(pick(UNSAFE, *b)),
            Piece::Link(_, b) => {
                let _ = write!(out, "[{}]({})", pick(WORDS, *b), pick(URLS, *b));
            }
            Piece::Todo(s) if *s >= INVALID && chaos() => out.push_str("TODO: fill in"),
            Piece::Todo(_) => out.push_str("todo"),
        }
    }
}

/// A text written in every language of the notice.
#[derive(Arbitrary, Debug, Clone)]
pub struct Prose {
    pub pieces: Vec<Piece>,
    /// How the TOML is written: inline table, dotted keys, literal strings,
    /// multi-line strings.
    pub form: u8,
    /// Whether the languages' texts differ (a language word in front).
    pub per_language: bool,
}

impl Prose {
    fn text(&self, lang: usize) -> String {
        let mut s = String::new();
        if self.per_language {
            s.push_str(["Suomeksi: ", "På svenska: ", "In English: "][lang]);
        }
        for (i, p) in self.pieces.iter().take(12).enumerate() {
            if i > 0 {
                s.push(' ');
            }
            p.write(&mut s);
        }
        if s.trim().is_empty() {
            // A blank text is a missing translation (Q002).
            s.push_str(WORDS[lang]);
        }
        s
    }
}

/// A name: one string for every language, or a text per language.
#[derive(Arbitrary, Debug, Clone)]
pub enum Name {
    Plain(Prose),
    PerLanguage(Prose),
}

/// A plain string: from a pool, or any string.
#[derive(Arbitrary, Debug, Clone)]
pub struct Plain {
    pub pick: u8,
    pub raw: String,
}

impl Plain {
    fn get(&self, pool: &'static [&'static str]) -> String {
        if self.pick < 128 || self.raw.is_empty() {
            pick(pool, self.pick).to_string()
        } else {
            allowed(&self.raw)
        }
    }
}

/// `s` without the characters `check` rejects in any text (Q016): control
/// characters other than tab and line breaks, and noncharacters. Those are
/// left to pipeline_bytes; here they would only fail the check.
fn allowed(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            let u = u32::from(c);
            (matches!(c, '\t' | '\n' | '\r') || !c.is_control())
                && (u & 0xFFFE) != 0xFFFE
                && !(0xFDD0..=0xFDEF).contains(&u)
        })
        .collect()
}

#[derive(Arbitrary, Debug, Clone)]
pub struct DateSpec {
    pub year: u8,
    pub month: u8,
    pub day: u8,
    /// 0..=127: a TOML date; else a string: any string when 0xF0 or more
    /// in a chaotic input.
    pub form: u8,
    pub raw: String,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct ControllerSpec {
    pub name: Name,
    pub address: Option<Name>,
    pub email: Code,
    pub phone: Option<Plain>,
    pub web: Option<Code>,
    pub business_id: Option<Plain>,
    pub country: Option<Code>,
    /// `controller = "customer"` when there is a customer and this is odd.
    pub open: bool,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct PartySpec {
    pub name: Name,
    pub address: Option<Name>,
    pub email: Option<Code>,
    pub phone: Option<Plain>,
    pub web: Option<Code>,
    pub country: Option<Code>,
    pub description: Option<Prose>,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct ContactSpec {
    pub name: Option<Name>,
    pub role: Option<Prose>,
    pub address: Option<Name>,
    pub email: Code,
    pub phone: Option<Plain>,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct PurposeSpec {
    pub id: u8,
    pub description: Prose,
    pub basis: Code,
    pub law: Option<Prose>,
    pub interests: Prose,
    pub condition: Code,
    pub withdrawal: Prose,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct SubjectSpec {
    pub id: u8,
    pub name: Prose,
    pub description: Option<Prose>,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct CategorySpec {
    pub id: u8,
    pub name: Prose,
    pub items: Option<Prose>,
    /// A special category when this is 224 or more.
    pub special: u8,
    pub special_code: Code,
    pub criminal: u8,
    pub editable: Option<bool>,
    pub subjects: Vec<u8>,
    pub purposes: Vec<u8>,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct SourceSpec {
    pub id: u8,
    pub name: Name,
    pub kind: Code,
    pub description: Option<Prose>,
    pub categories: Vec<u8>,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct RecipientSpec {
    pub id: u8,
    pub name: Name,
    pub role: Option<Code>,
    pub country: Option<Code>,
    pub purpose: Option<Prose>,
    pub law: Option<Prose>,
    pub categories: Vec<u8>,
}

#[derive(Arbitrary, Debug, Clone)]
pub enum Recipients {
    List(Vec<RecipientSpec>),
    /// `recipients = []`
    None,
    /// No key at all (G011, a warning).
    Silent,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct TransferSpec {
    pub mechanism: Code,
    /// The mechanism as an array of one code, as the loader accepts.
    pub as_array: bool,
    pub copy: Prose,
    pub description: Option<Prose>,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct RetentionSpec {
    pub id: Option<u8>,
    pub applies_to: Vec<u8>,
    /// Years, months, weeks, days; `None` for a rule only.
    pub period: Option<(u8, u8, u8, u8)>,
    pub period_raw: Code,
    pub rule: Option<Prose>,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct ProvisionSpec {
    pub requirement: Code,
    pub consequences: Option<Prose>,
    pub description: Option<Prose>,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct AutomatedSpec {
    pub used: bool,
    pub profiling: Option<bool>,
    pub logic: Prose,
    pub consequences: Prose,
    pub description: Option<Prose>,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct RightsSpec {
    pub how: Option<Prose>,
    pub email: Option<Code>,
    pub phone: Option<Plain>,
    pub web: Option<Code>,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct AccessRoleSpec {
    pub id: u8,
    pub role: Prose,
    pub sees: Prose,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct RelatedSpec {
    pub title: Prose,
    /// A URL, or this notice itself by id.
    pub url: Option<Code>,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct CustomerSpec {
    pub id: u8,
    pub controller: ControllerSpec,
    pub dpo: ContactSpec,
    pub contact: Option<ContactSpec>,
    pub colour: Option<(u8, u8, u8, u8)>,
    pub recipients: Vec<RecipientSpec>,
    pub access_roles: Vec<AccessRoleSpec>,
    pub retention: Vec<RetentionSpec>,
    /// Reorders or narrows the notice's languages.
    pub languages: u8,
}

/// A change to the finished text that makes it wrong in one place.
#[derive(Arbitrary, Debug, Clone)]
pub enum Mutation {
    UnknownKey,
    WrongType,
    DuplicateKey,
    Truncate(u16),
    InsertByte(u16, u8),
    DuplicateId,
    Bom,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct Spec {
    /// Which languages (bits 0-2; none = all three) and which comes first.
    pub languages: u8,
    pub public_authority: bool,
    pub collected_from: Code,
    pub authority: Option<Code>,
    pub id: u8,
    pub title: Prose,
    pub description: Option<Prose>,
    pub version: Plain,
    pub updated: DateSpec,
    pub controller: ControllerSpec,
    pub representative: Option<PartySpec>,
    pub processor: Option<PartySpec>,
    pub contact: Option<ContactSpec>,
    pub dpo: Option<ContactSpec>,
    pub purposes: Vec<PurposeSpec>,
    pub subjects: Vec<SubjectSpec>,
    pub categories: Vec<CategorySpec>,
    pub sources: Vec<SourceSpec>,
    pub recipients: Recipients,
    pub transfers: Vec<TransferSpec>,
    pub retention: Vec<RetentionSpec>,
    pub provision: Option<ProvisionSpec>,
    pub automated: Option<AutomatedSpec>,
    pub rights: Option<RightsSpec>,
    pub security: Option<Prose>,
    pub cookies: Option<Prose>,
    pub access_roles: Vec<AccessRoleSpec>,
    pub related: Vec<RelatedSpec>,
    /// Moves the processor, security and cookies into a shared fragment.
    pub fragment: bool,
    pub customer: Option<CustomerSpec>,
    /// Applied when the selector is 0xF0 or more in a chaotic input.
    pub mutation: (u8, Mutation),
}

/// TOML text being written: top-level keys first, then tables.
struct Doc {
    langs: Vec<usize>,
}

/// A TOML basic string.
fn basic(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push('\t'),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML multi-line basic string.
fn multiline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 6);
    out.push_str("\"\"\"");
    for (i, c) in s.chars().enumerate() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            // A newline right after the opening quotes is not part of the
            // string.
            '\n' if i == 0 => out.push_str("\\n"),
            '\n' => out.push('\n'),
            '\t' => out.push('\t'),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push_str("\"\"\"");
    out
}

/// A TOML string in the form `form` asks for, where that form can hold it.
fn string(s: &str, form: u8) -> String {
    let literal_ok = !s.contains('\'') && !s.chars().any(|c| c.is_control() && c != '\t');
    let multi_literal_ok = !s.contains("'''")
        && !s.ends_with('\'')
        && !s.starts_with('\n')
        && !s.chars().any(|c| c.is_control() && c != '\t' && c != '\n');
    match form % 4 {
        1 if literal_ok => format!("'{s}'"),
        2 => multiline(s),
        3 if multi_literal_ok => format!("'''{s}'''"),
        _ => basic(s),
    }
}

fn id(prefix: &str, word: u8, index: usize) -> String {
    format!("{prefix}-{}-{index}", pick(ID_WORDS, word))
}

impl Doc {
    fn key(out: &mut String, key: &str, value: &str) {
        let _ = writeln!(out, "{key} = {value}");
    }

    fn prose(&self, out: &mut String, key: &str, p: &Prose) {
        match p.form % 3 {
            0 => {
                let parts: Vec<String> = self
                    .langs
                    .iter()
                    .map(|&l| format!("{} = {}", LANGS[l], basic(&p.text(l))))
                    .collect();
                let _ = writeln!(out, "{key} = {{ {} }}", parts.join(", "));
            }
            _ => {
                for &l in &self.langs {
                    let _ = writeln!(
                        out,
                        "{key}.{} = {}",
                        LANGS[l],
                        string(&p.text(l), p.form / 3)
                    );
                }
            }
        }
    }

    fn name(&self, out: &mut String, key: &str, n: &Name) {
        match n {
            Name::Plain(p) => Self::key(out, key, &string(&p.text(2), p.form)),
            Name::PerLanguage(p) => self.prose(out, key, p),
        }
    }

    fn opt_prose(&self, out: &mut String, key: &str, p: &Option<Prose>) {
        if let Some(p) = p {
            self.prose(out, key, p);
        }
    }

    fn opt_name(&self, out: &mut String, key: &str, n: &Option<Name>) {
        if let Some(n) = n {
            self.name(out, key, n);
        }
    }

    fn ids(out: &mut String, key: &str, ids: &[String]) {
        if ids.is_empty() {
            return;
        }
        let quoted: Vec<String> = ids.iter().map(|i| basic(i)).collect();
        Self::key(out, key, &format!("[{}]", quoted.join(", ")));
    }

    fn controller(&self, out: &mut String, c: &ControllerSpec, public_authority: bool) {
        out.push_str("\n[controller]\n");
        self.name(out, "name", &c.name);
        Self::key(out, "public_authority", &public_authority.to_string());
        self.opt_name(out, "address", &c.address);
        Self::key(out, "email", &basic(&c.email.get(EMAILS)));
        if let Some(p) = &c.phone {
            Self::key(out, "phone", &basic(&p.get(PHONES)));
        }
        if let Some(w) = &c.web {
            Self::key(out, "web", &basic(&w.get(URLS)));
        }
        if let Some(b) = &c.business_id {
            Self::key(
                out,
                "business_id",
                &basic(&b.get(&["1234567-8", "FI12345678"])),
            );
        }
        if let Some(country) = &c.country {
            Self::key(out, "country", &basic(&country.get(COUNTRIES)));
        }
    }

    fn party(&self, out: &mut String, table: &str, p: &PartySpec, country: Option<String>) {
        let _ = writeln!(out, "\n[{table}]");
        self.name(out, "name", &p.name);
        self.opt_name(out, "address", &p.address);
        if let Some(e) = &p.email {
            Self::key(out, "email", &basic(&e.get(EMAILS)));
        }
        if let Some(ph) = &p.phone {
            Self::key(out, "phone", &basic(&ph.get(PHONES)));
        }
        if let Some(w) = &p.web {
            Self::key(out, "web", &basic(&w.get(URLS)));
        }
        if let Some(c) = country {
            Self::key(out, "country", &basic(&c));
        }
        self.opt_prose(out, "description", &p.description);
    }

    fn contact(&self, out: &mut String, table: &str, c: &ContactSpec) {
        let _ = writeln!(out, "\n[{table}]");
        self.opt_name(out, "name", &c.name);
        self.opt_prose(out, "role", &c.role);
        self.opt_name(out, "address", &c.address);
        Self::key(out, "email", &basic(&c.email.get(EMAILS)));
        if let Some(p) = &c.phone {
            Self::key(out, "phone", &basic(&p.get(PHONES)));
        }
    }

    fn retention(
        &self,
        out: &mut String,
        header: &str,
        r: &RetentionSpec,
        id: &str,
        targets: &[String],
    ) {
        let _ = writeln!(out, "\n[[{header}]]");
        if r.id.is_some() {
            Self::key(out, "id", &basic(id));
        }
        let applies: Vec<String> = if targets.is_empty() {
            Vec::new()
        } else {
            r.applies_to
                .iter()
                .take(4)
                .map(|&i| targets[usize::from(i) % targets.len()].clone())
                .collect()
        };
        Self::ids(out, "applies_to", &dedup(applies));
        let period = r.period.map(|(y, m, w, d)| {
            if r.period_raw.pick >= INVALID && chaos() {
                return r.period_raw.raw.clone();
            }
            let mut s = String::from("P");
            for (n, unit) in [(y, 'Y'), (m, 'M'), (w, 'W'), (d, 'D')] {
                if n % 4 != 0 {
                    let _ = write!(s, "{}{unit}", n / 4 % 40 + 1);
                }
            }
            if s == "P" {
                s.push_str("2Y");
            }
            s
        });
        if let Some(p) = &period {
            Self::key(out, "period", &basic(p));
        }
        match (&r.rule, &period) {
            (Some(rule), _) => self.prose(out, "rule", rule),
            // A retention entry needs a period or a rule (G017).
            (None, None) => self.prose(
                out,
                "rule",
                &Prose {
                    pieces: vec![Piece::Word(8)],
                    form: 0,
                    per_language: true,
                },
            ),
            (None, Some(_)) => {}
        }
    }

    fn recipient(
        &self,
        out: &mut String,
        header: &str,
        r: &RecipientSpec,
        id: &str,
        categories: &[String],
    ) {
        let _ = writeln!(out, "\n[[{header}]]");
        Self::key(out, "id", &basic(id));
        self.name(out, "name", &r.name);
        if let Some(role) = &r.role {
            Self::key(out, "role", &basic(&role.get(ROLES)));
        }
        if let Some(c) = &r.country {
            Self::key(out, "country", &basic(&c.get(COUNTRIES)));
        }
        self.opt_prose(out, "purpose", &r.purpose);
        self.opt_prose(out, "law", &r.law);
        Self::ids(out, "categories", &refs(&r.categories, categories));
    }
}

fn dedup(mut v: Vec<String>) -> Vec<String> {
    let mut seen = Vec::new();
    v.retain(|x| {
        if seen.contains(x) {
            false
        } else {
            seen.push(x.clone());
            true
        }
    });
    v
}

fn refs(picks: &[u8], targets: &[String]) -> Vec<String> {
    if targets.is_empty() {
        return Vec::new();
    }
    dedup(
        picks
            .iter()
            .take(4)
            .map(|&i| targets[usize::from(i) % targets.len()].clone())
            .collect(),
    )
}

fn outside_eea(country: &str) -> bool {
    !EEA.contains(&country)
}

impl Spec {
    fn languages(bits: u8) -> Vec<usize> {
        let mut langs: Vec<usize> = (0..3).filter(|i| bits & (1 << i) != 0).collect();
        if langs.is_empty() {
            langs = vec![0, 1, 2];
        }
        let rotate = usize::from(bits >> 3) % langs.len();
        langs.rotate_left(rotate);
        langs
    }

    /// The files of this input: the notice, then the fragment and the
    /// customer when there are any. Invalid values only when `chaotic`.
    pub fn files(&self, chaotic: bool) -> Vec<(Kind, String)> {
        CHAOTIC.with(|c| c.set(chaotic));
        let langs = Self::languages(self.languages);
        let doc = Doc {
            langs: langs.clone(),
        };
        let notice_id = format!("notice-{}", pick(ID_WORDS, self.id));
        let open = self.customer.is_some() && self.controller.open;
        let pa = self.public_authority;
        let collected = self.collected_from.get(COLLECTED_FROM);
        let art14 = collected != "data-subject";
        let art13 = collected != "other-sources";

        let mut top = String::new();
        let mut tables = String::new();
        let mut fragment = String::new();
        let mut fragment_top = String::new();
        Doc::key(&mut top, "id", &basic(&notice_id));
        doc.prose(&mut top, "title", &self.title);
        doc.opt_prose(&mut top, "description", &self.description);
        Doc::key(
            &mut top,
            "version",
            &string(
                &self.version.get(&["1.0", "2", "2026-1"]),
                self.version.pick,
            ),
        );
        let d = &self.updated;
        let date = format!(
            "{:04}-{:02}-{:02}",
            2000 + u16::from(d.year % 30),
            d.month % 12 + 1,
            d.day % 28 + 1
        );
        let date = match d.form {
            0..=127 => date,
            INVALID.. if chaos() => basic(&d.raw),
            _ => basic(&date),
        };
        Doc::key(&mut top, "updated", &date);
        let quoted: Vec<String> = langs.iter().map(|&l| basic(LANGS[l])).collect();
        Doc::key(&mut top, "languages", &format!("[{}]", quoted.join(", ")));
        Doc::key(&mut top, "collected_from", &basic(&collected));
        if let Some(a) = &self.authority {
            Doc::key(
                &mut top,
                "supervisory_authority",
                &basic(&a.get(AUTHORITIES)),
            );
        }
        if self.fragment {
            Doc::key(&mut top, "extends", &basic("shared-parts"));
        }

        // Controller, and a representative when it is outside the EEA (G002).
        let controller_country = self.controller.country.as_ref().map(|c| c.get(COUNTRIES));
        if open {
            Doc::key(&mut top, "controller", &basic("customer"));
        } else {
            doc.controller(&mut tables, &self.controller, pa);
        }
        let needs_representative = !open && controller_country.as_deref().is_some_and(outside_eea);
        let representative = self.representative.clone().or_else(|| {
            needs_representative.then(|| PartySpec {
                name: self.controller.name.clone(),
                address: None,
                email: Some(Code {
                    pick: 0,
                    raw: String::new(),
                }),
                phone: None,
                web: None,
                country: None,
                description: None,
            })
        });
        let representative = representative.map(|mut r| {
            // It needs a way to be contacted (G002).
            if r.address.is_none() && r.email.is_none() && r.phone.is_none() {
                r.email = Some(Code {
                    pick: 0,
                    raw: String::new(),
                });
            }
            r
        });
        if let Some(r) = &representative {
            // The representative is in the Union.
            let country = r.country.as_ref().map(|c| {
                let c = c.get(COUNTRIES);
                if needs_representative && outside_eea(&c) {
                    "FI".to_string()
                } else {
                    c
                }
            });
            doc.party(&mut tables, "representative", r, country);
        }
        if let Some(p) = &self.processor {
            let country = p.country.as_ref().map(|c| c.get(COUNTRIES));
            let target = if self.fragment {
                &mut fragment
            } else {
                &mut tables
            };
            doc.party(target, "processor", p, country);
        }
        if let Some(c) = &self.contact {
            doc.contact(&mut tables, "contact", c);
        }
        // A public authority needs a DPO (G003); a service's DPO is each
        // customer's (G037).
        let dpo = self.dpo.clone().filter(|_| !open).or_else(|| {
            (pa && !open).then(|| ContactSpec {
                name: None,
                role: Some(self.title.clone()),
                address: None,
                email: Code {
                    pick: 0,
                    raw: String::new(),
                },
                phone: None,
            })
        });
        if let Some(c) = &dpo {
            doc.contact(&mut tables, "dpo", c);
        }

        // Purposes: at least one (G004).
        let mut purposes = self.purposes.clone();
        purposes.truncate(6);
        if purposes.is_empty() {
            purposes.push(PurposeSpec {
                id: 0,
                description: self.title.clone(),
                basis: Code {
                    pick: 0,
                    raw: String::new(),
                },
                law: None,
                interests: self.title.clone(),
                condition: Code {
                    pick: 0,
                    raw: String::new(),
                },
                withdrawal: self.title.clone(),
            });
        }
        let mut categories = self.categories.clone();
        categories.truncate(6);
        // Art. 14 needs data categories (G010) and sources (G024).
        if art14 && categories.is_empty() {
            categories.push(CategorySpec {
                id: 1,
                name: self.title.clone(),
                items: None,
                special: 0,
                special_code: Code {
                    pick: 0,
                    raw: String::new(),
                },
                criminal: 0,
                editable: None,
                subjects: Vec::new(),
                purposes: Vec::new(),
            });
        }
        let special = categories.iter().any(|c| c.special >= 224);
        let criminal = categories.iter().any(|c| c.criminal >= 240);
        let purpose_ids: Vec<String> = purposes
            .iter()
            .enumerate()
            .map(|(i, p)| id("p", p.id, i))
            .collect();
        for (p, pid) in purposes.iter().zip(&purpose_ids) {
            tables.push_str("\n[[purposes]]\n");
            Doc::key(&mut tables, "id", &basic(pid));
            doc.prose(&mut tables, "description", &p.description);
            let mut basis = p.basis.get(LEGAL_BASES);
            // Public authorities cannot rest on legitimate interests (G006);
            // with a customer as the controller, nor can the service.
            if (pa || open) && basis == "legitimate-interests" {
                basis = "public-task".into();
            }
            Doc::key(&mut tables, "legal_basis", &basic(&basis));
            // A law for public-task and legal-obligation (G007), and for
            // criminal-offence data (G009).
            match &p.law {
                Some(law) => doc.prose(&mut tables, "law", law),
                None if criminal || basis == "public-task" || basis == "legal-obligation" => {
                    doc.prose(&mut tables, "law", &p.description)
                }
                None => {}
            }
            if basis == "legitimate-interests" {
                doc.prose(&mut tables, "legitimate_interests", &p.interests);
            }
            let condition = special.then(|| p.condition.get(CONDITIONS));
            if let Some(c) = &condition {
                Doc::key(&mut tables, "special_category_condition", &basic(c));
            }
            if basis == "consent" || condition.as_deref() == Some("explicit-consent") {
                doc.prose(&mut tables, "withdrawal", &p.withdrawal);
            }
        }

        let mut subjects = self.subjects.clone();
        subjects.truncate(4);
        let subject_ids: Vec<String> = subjects
            .iter()
            .enumerate()
            .map(|(i, s)| id("s", s.id, i))
            .collect();
        for (s, sid) in subjects.iter().zip(&subject_ids) {
            tables.push_str("\n[[data_subjects]]\n");
            Doc::key(&mut tables, "id", &basic(sid));
            doc.prose(&mut tables, "name", &s.name);
            doc.opt_prose(&mut tables, "description", &s.description);
        }

        let category_ids: Vec<String> = categories
            .iter()
            .enumerate()
            .map(|(i, c)| id("c", c.id, i))
            .collect();
        for (c, cid) in categories.iter().zip(&category_ids) {
            tables.push_str("\n[[data_categories]]\n");
            Doc::key(&mut tables, "id", &basic(cid));
            doc.prose(&mut tables, "name", &c.name);
            // A category lists its items (G035).
            doc.prose(&mut tables, "items", c.items.as_ref().unwrap_or(&c.name));
            if c.special >= 224 {
                Doc::key(
                    &mut tables,
                    "special_category",
                    &basic(&c.special_code.get(SPECIAL_CATEGORIES)),
                );
            }
            if c.criminal >= 240 {
                Doc::key(&mut tables, "criminal_offences", "true");
            }
            if let Some(e) = c.editable {
                Doc::key(&mut tables, "editable_by_subject", &e.to_string());
            }
            Doc::ids(&mut tables, "subjects", &refs(&c.subjects, &subject_ids));
            Doc::ids(&mut tables, "purposes", &refs(&c.purposes, &purpose_ids));
        }

        let mut sources = self.sources.clone();
        sources.truncate(4);
        if art14 && sources.is_empty() {
            sources.push(SourceSpec {
                id: 2,
                name: Name::Plain(self.title.clone()),
                kind: Code {
                    pick: 0,
                    raw: String::new(),
                },
                description: None,
                categories: vec![0],
            });
        }
        for (i, s) in sources.iter().enumerate() {
            tables.push_str("\n[[sources]]\n");
            Doc::key(&mut tables, "id", &basic(&id("src", s.id, i)));
            doc.name(&mut tables, "name", &s.name);
            Doc::key(&mut tables, "kind", &basic(&s.kind.get(SOURCE_KINDS)));
            doc.opt_prose(&mut tables, "description", &s.description);
            Doc::ids(
                &mut tables,
                "categories",
                &refs(&s.categories, &category_ids),
            );
        }

        // Recipients, and a transfer for each outside the EEA (G012).
        let mut transfers: Vec<(String, String, usize)> = Vec::new();
        match &self.recipients {
            Recipients::None => Doc::key(&mut top, "recipients", "[]"),
            Recipients::Silent => {}
            Recipients::List(list) => {
                for (i, r) in list.iter().take(5).enumerate() {
                    let rid = id("r", r.id, i);
                    doc.recipient(&mut tables, "recipients", r, &rid, &category_ids);
                    if let Some(country) = r.country.as_ref().map(|c| c.get(COUNTRIES))
                        && outside_eea(&country)
                    {
                        transfers.push((rid, country, i));
                    }
                }
            }
        }
        for (i, (rid, country, n)) in transfers.iter().enumerate() {
            let t = self.transfers.get(n % self.transfers.len().max(1));
            tables.push_str("\n[[transfers]]\n");
            Doc::key(&mut tables, "id", &basic(&format!("t-{i}")));
            Doc::key(&mut tables, "recipient", &basic(rid));
            Doc::key(&mut tables, "country", &basic(country));
            let mut mechanism = t.map_or_else(
                || MECHANISMS[0].to_string(),
                |t| t.mechanism.get(MECHANISMS),
            );
            if pa && BARRED.contains(&mechanism.as_str()) {
                mechanism = MECHANISMS[0].to_string();
            }
            if t.is_some_and(|t| t.as_array) {
                Doc::key(
                    &mut tables,
                    "mechanism",
                    &format!("[{}]", basic(&mechanism)),
                );
            } else {
                Doc::key(&mut tables, "mechanism", &basic(&mechanism));
            }
            if NEEDS_COPY.contains(&mechanism.as_str()) {
                let copy = t.map_or_else(|| self.title.clone(), |t| t.copy.clone());
                doc.prose(&mut tables, "safeguard_copy", &copy);
            }
            if let Some(t) = t {
                doc.opt_prose(&mut tables, "description", &t.description);
            }
        }

        // Storage periods: at least one (G017).
        let mut retention = self.retention.clone();
        retention.truncate(4);
        if retention.is_empty() {
            retention.push(RetentionSpec {
                id: None,
                applies_to: vec![0],
                period: Some((4, 0, 0, 0)),
                period_raw: Code {
                    pick: 0,
                    raw: String::new(),
                },
                rule: None,
            });
        }
        let mut targets = category_ids.clone();
        targets.extend(purpose_ids.iter().cloned());
        for (i, r) in retention.iter().enumerate() {
            let rid = id("keep", r.id.unwrap_or(0), i);
            doc.retention(&mut tables, "retention", r, &rid, &targets);
        }

        // Art. 13 needs [provision] (G021).
        let provision = self.provision.clone().or_else(|| {
            art13.then(|| ProvisionSpec {
                requirement: Code {
                    pick: 0,
                    raw: String::new(),
                },
                consequences: None,
                description: None,
            })
        });
        if let Some(p) = &provision {
            tables.push_str("\n[provision]\n");
            Doc::key(
                &mut tables,
                "requirement",
                &basic(&p.requirement.get(REQUIREMENTS)),
            );
            // What happens without the data (G021).
            let consequences = p.consequences.as_ref().unwrap_or(&self.title);
            doc.prose(&mut tables, "consequences", consequences);
            doc.opt_prose(&mut tables, "description", &p.description);
        }
        if let Some(a) = &self.automated {
            tables.push_str("\n[automated_decisions]\n");
            Doc::key(&mut tables, "used", &a.used.to_string());
            if let Some(p) = a.profiling {
                Doc::key(&mut tables, "profiling", &p.to_string());
            }
            // Decisions that are made need their logic and consequences (G023).
            if a.used {
                doc.prose(&mut tables, "logic", &a.logic);
                doc.prose(&mut tables, "consequences", &a.consequences);
            }
            doc.opt_prose(&mut tables, "description", &a.description);
        }
        if let Some(r) = &self.rights {
            tables.push_str("\n[rights]\n");
            doc.opt_prose(&mut tables, "how", &r.how);
            if let Some(e) = &r.email {
                Doc::key(&mut tables, "email", &basic(&e.get(EMAILS)));
            }
            if let Some(p) = &r.phone {
                Doc::key(&mut tables, "phone", &basic(&p.get(PHONES)));
            }
            if let Some(w) = &r.web {
                Doc::key(&mut tables, "web", &basic(&w.get(URLS)));
            }
            if r.how.is_none() && r.email.is_none() && r.phone.is_none() && r.web.is_none() {
                Doc::key(&mut tables, "email", &basic(EMAILS[0]));
            }
        }
        for (key, text) in [("security", &self.security), ("cookies", &self.cookies)] {
            let Some(p) = text else { continue };
            if self.fragment {
                doc.prose(&mut fragment_top, key, p);
            } else if p.form % 5 == 4 {
                // A table of its own.
                let _ = writeln!(tables, "\n[{key}]");
                for &l in &langs {
                    Doc::key(&mut tables, LANGS[l], &string(&p.text(l), p.form));
                }
            } else {
                doc.prose(&mut top, key, p);
            }
        }
        for (i, a) in self.access_roles.iter().take(4).enumerate() {
            tables.push_str("\n[[access_roles]]\n");
            Doc::key(&mut tables, "id", &basic(&id("role", a.id, i)));
            doc.prose(&mut tables, "role", &a.role);
            doc.prose(&mut tables, "sees", &a.sees);
        }
        for r in self.related.iter().take(3) {
            tables.push_str("\n[[related]]\n");
            doc.prose(&mut tables, "title", &r.title);
            match &r.url {
                Some(u) => Doc::key(&mut tables, "url", &basic(&u.get(URLS))),
                None => Doc::key(&mut tables, "notice", &basic(&notice_id)),
            }
        }

        let mut notice = format!("# generated\n{top}{tables}");
        if self.mutation.0 >= INVALID && chaos() {
            notice = mutate(notice, &self.mutation.1, &purpose_ids);
        }
        let mut files = vec![(Kind::Notice, notice)];
        if self.fragment {
            files.push((
                Kind::Notice,
                format!("id = \"shared-parts\"\nfragment = true\n{fragment_top}{fragment}"),
            ));
        }
        if let Some(c) = &self.customer {
            files.push((
                Kind::Customer,
                self.customer_file(c, &doc, &notice_id, &category_ids),
            ));
        }
        files
    }

    fn customer_file(
        &self,
        c: &CustomerSpec,
        doc: &Doc,
        service: &str,
        categories: &[String],
    ) -> String {
        let mut out = String::new();
        Doc::key(
            &mut out,
            "id",
            &basic(&format!("customer-{}", pick(ID_WORDS, c.id))),
        );
        // The customer's languages must be among those the service is written in.
        let mut langs = doc.langs.clone();
        let rotate = usize::from(c.languages) % langs.len();
        langs.rotate_left(rotate);
        if c.languages & 0x80 != 0 && langs.len() > 1 {
            langs.pop();
        }
        let quoted: Vec<String> = langs.iter().map(|&l| basic(LANGS[l])).collect();
        Doc::key(&mut out, "languages", &format!("[{}]", quoted.join(", ")));
        Doc::key(&mut out, "services", &format!("[{}]", basic(service)));
        let doc = Doc { langs };
        let mut controller = c.controller.clone();
        // A customer outside the EEA would need a representative (G002).
        controller.country = None;
        doc.controller(&mut out, &controller, self.public_authority);
        doc.contact(&mut out, "dpo", &c.dpo);
        if let Some(contact) = &c.contact {
            doc.contact(&mut out, "contact", contact);
        }
        if let Some((pick_, r, g, b)) = c.colour {
            out.push_str("\n[branding]\n");
            // Dark enough for white text (Q015), unless chaos says otherwise.
            let colour = match pick_ {
                0xF0..=0xF7 if chaos() => format!("#{r:02x}{g:02x}"),
                0xF8.. if chaos() => format!("#{r:02x}{g:02x}{b:02X}"),
                _ => format!("#{:02x}{:02x}{:02X}", r % 0x70, g % 0x70, b % 0x70),
            };
            Doc::key(&mut out, "colour", &basic(&colour));
        }
        let has_additions =
            !c.recipients.is_empty() || !c.access_roles.is_empty() || !c.retention.is_empty();
        if has_additions {
            out.push_str("\n[[additions]]\n");
            Doc::key(&mut out, "service", &basic(service));
            for (i, r) in c.recipients.iter().take(3).enumerate() {
                let mut r = r.clone();
                // Additions' recipients stay in the EEA: no transfer to add.
                if r.country
                    .as_ref()
                    .is_some_and(|c| outside_eea(&c.get(COUNTRIES)))
                {
                    r.country = None;
                }
                doc.recipient(
                    &mut out,
                    "additions.recipients",
                    &r,
                    &id("xr", r.id, i),
                    categories,
                );
            }
            for (i, a) in c.access_roles.iter().take(3).enumerate() {
                out.push_str("\n[[additions.access_roles]]\n");
                Doc::key(&mut out, "id", &basic(&id("xrole", a.id, i)));
                doc.prose(&mut out, "role", &a.role);
                doc.prose(&mut out, "sees", &a.sees);
            }
            for (i, r) in c.retention.iter().take(3).enumerate() {
                let rid = id("xkeep", r.id.unwrap_or(0), i);
                doc.retention(&mut out, "additions.retention", r, &rid, categories);
            }
        }
        out
    }
}

fn mutate(mut text: String, m: &Mutation, purpose_ids: &[String]) -> String {
    match m {
        Mutation::UnknownKey => text.replace("# generated\n", "# generated\nlanguage = \"fi\"\n"),
        Mutation::WrongType => text.replacen("version = ", "version = 1.0 # ", 1),
        Mutation::DuplicateKey => text.replacen("\nid = ", "\nid = \"dup\"\nid = ", 1),
        Mutation::Truncate(at) => {
            let mut at = usize::from(*at) % (text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            text.truncate(at);
            text
        }
        Mutation::InsertByte(at, b) => {
            let mut at = usize::from(*at) % (text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            text.insert(at, char::from(*b));
            text
        }
        Mutation::DuplicateId => match purpose_ids.first() {
            Some(p) => text.replacen(
                "\n[[data_categories]]\nid = ",
                &format!("\n[[data_categories]]\nid = {} # ", basic(p)),
                1,
            ),
            None => text,
        },
        Mutation::Bom => format!("\u{feff}{text}"),
    }
}
