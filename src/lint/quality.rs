//! Quality rules: what makes a notice correct and publishable beyond the
//! items the GDPR names - complete translations, valid addresses, safe
//! links, unique and resolvable ids. (What a storage period says, Q003, is
//! read in `retention.rs`.)

use std::collections::HashMap;
use std::sync::Arc;

use pulldown_cmark::{Event, Parser, Tag};

use super::{Annotate, Ctx, emails, urls};
use crate::bind::Q011;
use crate::diagnostic::rule;
use crate::fingerprint::TextCache;
use crate::load::decode::Q010;
use crate::model::format::{self, FieldPath, Kind};
use crate::model::markdown::{MAX_NESTING, is_safe_link, nesting_depth};
use crate::model::{Id, Located, Notice, RESERVED_NOTICE_IDS, is_valid_id};

// The rules this module reports first; `seloste explain CODE` prints
// their explanations.
rule! {
    Q001 "notice-metadata" Error "Art. 12(1), 13(3), 14(4)",
    "The notice id, title, date or languages are missing.",
    "Every notice needs an `updated` date: the information must be transparent (Art. 12(1)), \
and a controller that adds a purpose must tell people before processing for it (Art. 13(3), \
14(4)), so readers need to see when the text they read last changed. It also needs a `title` \
(the name of the register, so that readers know which processing the notice describes, \
Art. 12(1)), the `languages` it is written in (every text is checked and published in each; \
unless `seloste.toml` sets them for the project), and an `id`, which no article asks for but \
which names the output files and the links between notices. A missing `version` is a warning \
of its own (`Q018`).";
}

/// Q001's items: the key, why the notice needs it, and an example.
const METADATA: [(&str, &str, &str); 4] = [
    (
        "id",
        "it names the output files and the links between notices",
        "id = \"school-pupil-register\"",
    ),
    (
        "title",
        "readers need to know which register the notice describes (Art. 12(1))",
        "title = { fi = \"...\", sv = \"...\", en = \"...\" }",
    ),
    (
        "updated",
        "readers need to see when the text last changed (Art. 12(1)); new purposes must be \
         made known before processing for them (Art. 13(3), 14(4))",
        "updated = 2026-11-21",
    ),
    (
        "languages",
        "every text is checked and published in each language (Art. 12(1))",
        "languages = [\"fi\", \"sv\", \"en\"]",
    ),
];

pub fn notice_metadata(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    let project_languages = cx.project_languages;
    let absent = |key: &str| {
        let none = match key {
            "id" => n.id.is_none(),
            "title" => n.title.is_none(),
            "updated" => n.updated.is_none(),
            _ => n.languages.is_none() && !project_languages,
        };
        none && n.absent(&n.span, key)
    };
    let missing: Vec<_> = METADATA.iter().filter(|(key, ..)| absent(key)).collect();
    for (key, why, example) in missing {
        cx.report(Q001, n.span.clone(), format!("the notice has no `{key}`"))
            .label(format!("add `{key}` at the top of this file"))
            .help(format!("{why}; e.g. `{example}`"));
    }
    if let Some(l) = &n.languages
        && l.value.is_empty()
    {
        cx.report(Q001, l.span.clone(), "the notice lists no languages")
            .help("every text is checked and published in each language (Art. 12(1)); e.g. `languages = [\"fi\", \"sv\", \"en\"]`");
    }
}

rule! {
    Q018 "notice-version" Warning "-",
    "The notice has no version.",
    "The GDPR asks for no version number, so a notice without one can be published. But a \
`version` is how readers, and the people answering their questions, tell one text of a notice \
from the next (\"version 2.1, updated 1 August 2026\"); `seloste diff` names the two versions it \
compares by it, and `seloste check --since REV` (rule `Q014`) looks at it to see whether a \
changed notice says that it changed. Fix: add `version = \"1.0\"` at the top of the file and \
raise it with every change.";
}

pub fn notice_version(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    if n.version.is_none() && n.absent(&n.span, "version") {
        cx.report(Q018, n.span.clone(), "the notice has no `version`")
            .label("add `version` at the top of this file")
            .help("readers, `seloste diff` and `check --since` tell the versions of a notice apart by it; e.g. `version = \"1.0\"`");
    }
}

rule! {
    Q002 "missing-translation" Error "Art. 12(1)",
    "A text is missing in one of the notice's languages.",
    "A notice declares its languages; every text must be written in each of them, or the \
published versions disagree. Bilingual municipalities must serve the public in Finnish and \
Swedish (Language Act 423/2003).\n\nFix: add the missing translation to the field, e.g. \
`sv = \"...\"`.";
}

pub fn missing_translation(cx: &mut Ctx<'_>) {
    let languages = cx.languages.to_vec();
    for (field, text) in cx.texts() {
        let missing: Vec<&str> = languages
            .iter()
            .filter(|l| text.get(l).is_none_or(|s| s.trim().is_empty()))
            .map(|l| l.as_str())
            .collect();
        if missing.is_empty() {
            continue;
        }
        let list = missing.join(", ");
        let example = missing.first().copied().unwrap_or("sv");
        cx.report(
            Q002,
            text.span.clone(),
            format!("`{field}` has no {list} text"),
        )
        .label(format!("missing: {list}"))
        .help(format!(
            "add `{example} = \"...\"` to this field; the notice is published in {}",
            languages
                .iter()
                .map(|l| l.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
}

/// A pragmatic check of `local@domain.tld`: what a reader needs to send mail.
pub fn is_valid_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c))
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..");
    local_ok && is_valid_host(domain) && domain.contains('.')
}

fn is_valid_host(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    !host.is_empty()
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_alphabetic()))
}

/// An absolute http(s) URL with a plausible host.
pub fn is_valid_url(s: &str) -> bool {
    let Some(rest) = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
    else {
        return false;
    };
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let host_port = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host_port.split(':').next().unwrap_or("");
    is_valid_host(host) && host.contains('.')
}

rule! {
    Q004 "invalid-email" Error "-",
    "An e-mail address is not valid.",
    "E-mail addresses are published as links and used by readers to exercise their rights, so \
a typo makes the contact unusable. The rule checks the form `name@domain.tld`.";
}

pub fn invalid_email(cx: &mut Ctx<'_>) {
    for e in emails(cx.notice) {
        if !is_valid_email(&e.value) {
            cx.report(
                Q004,
                e.span.clone(),
                format!("`{}` is not a valid e-mail address", e.value),
            )
            .label("expected name@domain.tld")
            .help("write the address without `mailto:`, spaces or obfuscation such as (at)");
        }
    }
}

rule! {
    Q005 "invalid-url" Error "-",
    "A web address is not valid.",
    "Web addresses in `web` and `url` are published as links, so they must be absolute \
`https://` or `http://` addresses with a host name, e.g. `https://www.kunta.fi/tietosuoja`; a \
bare `www.kunta.fi` would become a broken relative link.";
}

pub fn invalid_url(cx: &mut Ctx<'_>) {
    for u in urls(cx.notice) {
        if !is_valid_url(&u.value) {
            cx.report(
                Q005,
                u.span.clone(),
                format!("`{}` is not a valid web address", u.value),
            )
            .label("expected https://...")
            .help("write the full address, starting with https://");
        }
    }
}

/// Link and image targets in a Markdown text.
pub fn link_targets(markdown: &str) -> Vec<String> {
    Parser::new(markdown)
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => Some(dest_url.to_string()),
            _ => None,
        })
        .collect()
}

rule! {
    Q009 "unsafe-link" Error "-",
    "A Markdown link uses a scheme other than http, https, mailto or tel.",
    "Texts may hold Markdown, and their links are published as they are. A `javascript:`, \
`data:` or `file:` link in a published notice is a security hole or a broken link. Allowed: \
`https:`, `http:`, `mailto:`, `tel:` and relative links.";
}

pub fn unsafe_link(cx: &mut Ctx<'_>) {
    for (field, text) in cx.texts() {
        for t in text.all() {
            // A Markdown link needs `[` or `<`, and can only name a scheme
            // with a colon, written as such or as a character reference
            // (`&#58;`). Most texts have neither, and skipping the parse
            // for them is most of this rule's cost.
            let bytes = t.value.as_bytes();
            if memchr::memchr2(b'[', b'<', bytes).is_none()
                || memchr::memchr2(b':', b'&', bytes).is_none()
            {
                continue;
            }
            // Once per text in a run: a fleet's bound notices repeat their
            // service's texts for every customer.
            static UNSAFE: TextCache<Arc<[String]>> = TextCache::new();
            let unsafe_targets = UNSAFE.get_or(crate::fingerprint::of(t.value.as_str()), || {
                link_targets(&t.value)
                    .into_iter()
                    .filter(|dest| !is_safe_link(dest))
                    .collect()
            });
            for dest in unsafe_targets.iter() {
                cx.report(
                    Q009,
                    t.span.clone(),
                    format!("`{field}` links to `{dest}`, which is not a safe link"),
                )
                .label("unsafe link target")
                .help("use an https:, http:, mailto: or tel: link, or a relative one");
            }
        }
    }
}

rule! {
    Q017 "markdown-nesting" Error "-",
    "A text nests block quotes and lists more than 8 levels deep.",
    "Texts may hold Markdown, with block quotes (`>`) and lists that nest. A notice needs two or \
three levels at most (a list of data items under a list of groups); more than 8 cannot be read, \
and the Markdown output repeats every level's marker on every line inside it, so that deep \
nesting multiplies the size of the output (8,000 nested `>` in 16 KB made 96 MB). seloste \
publishes block quotes and lists only 8 levels deep: what is nested deeper is published as \
paragraphs of the eighth level, not as written. Fix: flatten the text; use headings or separate \
paragraphs instead of deeper levels.";
}

/// Q017: block quotes and lists nested deeper than the renderer keeps
/// (see [`MAX_NESTING`]).
pub fn markdown_nesting(cx: &mut Ctx<'_>) {
    for (field, text) in cx.texts() {
        for t in text.all() {
            // Each level takes a marker of its own where a block starts; a
            // text with few of them, as prose is, needs no parse.
            if block_markers_up_to(&t.value, MAX_NESTING + 1) <= MAX_NESTING {
                continue;
            }
            // Once per text in a run, as in `unsafe_link`.
            static DEPTH: TextCache<usize> = TextCache::new();
            let depth = DEPTH.get_or(crate::fingerprint::of(t.value.as_str()), || {
                nesting_depth(&t.value)
            });
            if depth > MAX_NESTING {
                cx.report(
                    Q017,
                    t.span.clone(),
                    format!(
                        "`{field}` nests block quotes and lists {depth} levels deep, more than {MAX_NESTING}"
                    ),
                )
                .label(format!("levels below the {MAX_NESTING}th are published as plain paragraphs"))
                .help(format!(
                    "flatten the text to at most {MAX_NESTING} levels of `>` and list items; use separate paragraphs or headings instead"
                ));
            }
        }
    }
}

/// How many markers that can open a block quote or a list (`>`, `-`, `*`,
/// `+`, or digits and `.` or `)`) stand where a block can start: first on
/// a line but for spaces and tabs, or after such a marker and spaces; at
/// most `limit`. Every quote and list a text nests opens at a marker of
/// its own in such a place (what comes before it on its line is the
/// indentation and the markers of the blocks around it), so
/// [`nesting_depth`] is never more than this count. Line breaks are `\n`
/// and `\r`, as in CommonMark.
fn block_markers_up_to(text: &str, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut i = 0;
    let mut line_start = true;
    while i < bytes.len() && count < limit {
        let b = bytes[i];
        if matches!(b, b'\n' | b'\r') {
            line_start = true;
            i += 1;
            continue;
        }
        if !line_start {
            // On to the next line.
            i = match memchr::memchr2(b'\n', b'\r', &bytes[i..]) {
                Some(at) => i + at,
                None => bytes.len(),
            };
            continue;
        }
        match b {
            b' ' | b'\t' => i += 1,
            b'>' | b'-' | b'*' | b'+' => {
                count += 1;
                i += 1;
            }
            b'0'..=b'9' => {
                let digits = bytes[i..].iter().take_while(|d| d.is_ascii_digit()).count();
                if matches!(bytes.get(i + digits), Some(b'.' | b')')) {
                    count += 1;
                    i += digits + 1;
                } else {
                    line_start = false;
                }
            }
            _ => line_start = false,
        }
    }
    count.min(limit)
}

/// All item ids of a notice, in document order.
fn item_ids(n: &Notice) -> Vec<&Id> {
    let mut ids = Vec::new();
    ids.extend(n.purposes().iter().filter_map(|p| p.id.as_ref()));
    ids.extend(n.data_subjects.iter().filter_map(|p| p.id.as_ref()));
    ids.extend(n.data_categories().iter().filter_map(|p| p.id.as_ref()));
    ids.extend(n.sources().iter().filter_map(|p| p.id.as_ref()));
    ids.extend(n.recipients().iter().filter_map(|p| p.id.as_ref()));
    ids.extend(n.transfers.iter().filter_map(|p| p.id.as_ref()));
    ids.extend(n.retention().iter().filter_map(|p| p.id.as_ref()));
    ids.extend(n.access_roles.iter().filter_map(|p| p.id.as_ref()));
    ids
}

pub fn duplicate_id(cx: &mut Ctx<'_>) {
    let mut seen: HashMap<&str, &Id> = HashMap::new();
    let mut ids = item_ids(cx.notice);
    ids.sort_by_key(|i| i.span.start);
    for id in ids {
        match seen.get(id.value.as_str()) {
            Some(first) => {
                let first_span = first.span.clone();
                cx.report(
                    Q010,
                    id.span.clone(),
                    format!("the id `{}` is used twice in this notice", id.value),
                )
                .label("second use")
                .also(first_span, "first used here")
                .help("give each item its own id");
            }
            None => {
                seen.insert(&id.value, id);
            }
        }
    }
}

pub fn unknown_reference(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    let ids_of = |items: Vec<Option<&Id>>| -> Vec<String> {
        items
            .into_iter()
            .flatten()
            .map(|i| i.value.clone())
            .collect()
    };
    let purposes = ids_of(n.purposes().iter().map(|p| p.id.as_ref()).collect());
    let subjects = ids_of(n.data_subjects.iter().map(|p| p.id.as_ref()).collect());
    let categories = ids_of(n.data_categories().iter().map(|p| p.id.as_ref()).collect());
    let recipients = ids_of(n.recipients().iter().map(|p| p.id.as_ref()).collect());
    let purposes_and_categories: Vec<String> =
        purposes.iter().chain(&categories).cloned().collect();

    let mut refs: Vec<(&Id, &[String], &str)> = Vec::new();
    for c in n.data_categories() {
        refs.extend(
            c.subjects
                .iter()
                .map(|r| (r, subjects.as_slice(), "data subject")),
        );
        refs.extend(
            c.purposes
                .iter()
                .map(|r| (r, purposes.as_slice(), "purpose")),
        );
    }
    for s in n.sources() {
        refs.extend(
            s.categories
                .iter()
                .map(|r| (r, categories.as_slice(), "data category")),
        );
    }
    for r in n.recipients() {
        refs.extend(
            r.categories
                .iter()
                .map(|x| (x, categories.as_slice(), "data category")),
        );
    }
    for t in &n.transfers {
        refs.extend(
            t.recipient
                .iter()
                .map(|r| (r, recipients.as_slice(), "recipient")),
        );
    }
    for r in n.retention() {
        refs.extend(r.applies_to.iter().map(|x| {
            (
                x,
                purposes_and_categories.as_slice(),
                "purpose or data category",
            )
        }));
    }
    for (r, known, what) in refs {
        if known.contains(&r.value) {
            continue;
        }
        let candidates: Vec<&str> = known.iter().map(String::as_str).collect();
        let d = cx.report(
            Q011,
            r.span.clone(),
            format!("no {what} has the id `{}`", r.value),
        );
        match crate::load::decode::did_you_mean(&r.value, &candidates) {
            Some(s) => d.label(format!("did you mean `{s}`?")),
            None => d.label(format!("unknown {what}")),
        };
        if candidates.is_empty() {
            d.help(format!("define the {what} with `id = \"{}\"`", r.value));
        } else {
            d.help(format!("known ids: {}", candidates.join(", ")));
        }
    }
}

rule! {
    Q012 "invalid-id" Error "-",
    "An id is not lower-case kebab-case.",
    "Ids become file names and page anchors, so they are limited to lower-case ASCII letters, \
digits and single hyphens (`opinsys-user-management`). This also guarantees that no id can \
name a path outside the output folder.";
}

pub fn invalid_id(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    if let Some(id) = &n.id
        && RESERVED_NOTICE_IDS.contains(&id.value.as_str())
    {
        cx.report(
            Q012,
            id.span.clone(),
            format!("`{}` is reserved and cannot be a notice id", id.value),
        )
        .label("names the index page of each language")
        .help(format!("name the register, e.g. `{}-register`", id.value));
    }
    let ids: Vec<&Id> = n.id.iter().chain(item_ids(n)).collect();
    for id in ids {
        if !is_valid_id(&id.value) {
            let suggestion = slug(&id.value);
            cx.report(
                Q012,
                id.span.clone(),
                format!("`{}` is not a valid id", id.value),
            )
            .label("lower-case letters, digits and hyphens only")
            .help(if suggestion.is_empty() {
                "use lower-case ASCII letters, digits and single hyphens, e.g. `pupil-register`"
                    .to_string()
            } else {
                format!("e.g. `{suggestion}`")
            });
        }
    }
}

/// A best-effort kebab-case version of `s`, for suggestions.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'ä' | 'å' => 'a',
            'ö' => 'o',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The markers `seloste new` writes into every value the author must supply.
pub const PLACEHOLDER_MARKERS: &[&str] = &["TODO:", "todo@example.invalid"];

/// Whether `s` still holds a placeholder written by `seloste new`.
pub fn is_placeholder(s: &str) -> bool {
    PLACEHOLDER_MARKERS.iter().any(|m| s.contains(m))
}

rule! {
    Q016 "control-character" Error "Art. 12(1)",
    "A text holds an invisible control character.",
    "Control characters (U+0000-U+001F except tab and line breaks, U+007F-U+009F) and Unicode \
noncharacters cannot be seen in an editor, are not allowed in HTML, and can hide or reorder \
what a reader sees. They usually come from copying text out of another program, or from a \
TOML escape such as `\\u0001`. Fix: delete the character (the diagnostic names it by its code \
point).";
}

/// Q016: control characters and noncharacters in any text or string.
pub fn control_characters(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    let mut found: Vec<(FieldPath, &Located<String>, char)> = Vec::new();
    for (field, text) in cx.texts() {
        for t in text
            .neutral
            .iter()
            .chain(text.translations.iter().map(|(_, t)| t))
        {
            if let Some(c) = forbidden_char(&t.value) {
                found.push((field, t, c));
            }
        }
    }
    for (field, s) in plain_strings(n) {
        if let Some(c) = forbidden_char(&s.value) {
            found.push((field, s, c));
        }
    }
    for (field, at, c) in found {
        cx.report(
            Q016,
            at.span.clone(),
            format!(
                "`{field}` contains the control character U+{:04X}",
                u32::from(c)
            ),
        )
        .label("invisible character in this text")
        .help("delete the character; it cannot be seen in an editor and is not allowed in HTML");
    }
}

/// The first character of `s` that [`is_forbidden_char`] refuses. Most
/// texts have none, and a byte scan, which the compiler vectorises, clears
/// them without decoding a character: the rule ran on every text of every
/// bound notice of a fleet (issue: fleet performance).
fn forbidden_char(s: &str) -> Option<char> {
    // In blocks, each tested whole without stopping early, so that the
    // test is vectorised; a block with a suspect byte is then looked at
    // byte by byte. Finnish texts cite laws by `§` (0xC2 0xA7), so most
    // hold a suspect somewhere, but few in a given block.
    const BLOCK: usize = 64;
    let bytes = s.as_bytes();
    let mut from = 0;
    while from < bytes.len() {
        let end = (from + BLOCK).min(bytes.len());
        let block = &bytes[from..end];
        if block
            .iter()
            .fold(false, |found, &b| found | may_start_forbidden_char(b))
        {
            for (i, &b) in block.iter().enumerate() {
                // A suspect byte starts a character (it is ASCII or a lead
                // byte), so `from + i` is a character boundary.
                if may_start_forbidden_char(b)
                    && let Some(c) = s.get(from + i..).and_then(|rest| rest.chars().next())
                    && is_forbidden_char(c)
                {
                    return Some(c);
                }
            }
        }
        from = end;
    }
    None
}

/// Whether `b` can start a character [`is_forbidden_char`] refuses: a C0
/// control (but tab and line breaks) or DEL; 0xC2, which starts the C1
/// controls; 0xEF, which starts U+FDD0..U+FDEF, U+FFFE and U+FFFF; or a
/// four-byte sequence, which holds the last two code points of the other
/// planes. Written without branches, to be tested many bytes at a time.
fn may_start_forbidden_char(b: u8) -> bool {
    ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r'))
        | (b == 0x7F)
        | (b == 0xC2)
        | (b == 0xEF)
        | (b >= 0xF0)
}

/// Characters HTML does not allow in text, apart from the NUL that no
/// loader passes: C0 controls other than tab and line breaks, DEL, C1
/// controls, and the noncharacters.
fn is_forbidden_char(c: char) -> bool {
    let u = u32::from(c);
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || (0xFDD0..=0xFDEF).contains(&u)
        || (u & 0xFFFE) == 0xFFFE
}

/// Every plain string of a notice that an author writes (not its ids and
/// references, which `Q012` and the reference rules check), with its key.
fn plain_strings(n: &Notice) -> Vec<(FieldPath, &Located<String>)> {
    format::strings_of(n, |k| matches!(k, Kind::String | Kind::Email | Kind::Url))
}

rule! {
    Q013 "placeholder" Error "-",
    "A value is still a placeholder from `seloste new`.",
    "`seloste new` writes every required item of a notice as a placeholder: texts that start \
with `TODO:` and the address `todo@example.invalid`. Each one must be replaced with the real \
content before the notice is published, so any text or string that still contains `TODO:` or \
`todo@example.invalid` is an error. Fix: write the real text in every language, or delete the \
item if it does not apply to the register (the comments above each block say when it is \
needed). In a notice marked `draft = true`, which `build` and `bundle` do not publish, a \
placeholder is a warning instead, so that an unfinished notice does not stop the others.";
}

pub fn placeholder(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    for (field, text) in cx.texts() {
        let mut marked: Vec<(Option<&str>, &Located<String>)> = text
            .neutral
            .iter()
            .map(|t| (None, t))
            .chain(text.translations.iter().map(|(l, t)| (Some(l.as_str()), t)))
            .filter(|(_, t)| is_placeholder(&t.value))
            .collect();
        // In the order they are written, pointing at the first.
        marked.sort_by_key(|(_, t)| t.span.start);
        let Some((_, first)) = marked.first() else {
            continue;
        };
        let languages: Vec<&str> = marked.iter().filter_map(|(l, _)| *l).collect();
        let label = if languages.is_empty() {
            "placeholder".to_string()
        } else {
            format!("placeholder ({})", languages.join(", "))
        };
        cx.report(
            Q013,
            first.span.clone(),
            format!("`{field}` is still a placeholder"),
        )
        .label(label)
        .help("replace the `TODO:` text with the real content in every language, or delete the item if it does not apply");
    }
    for (field, s) in plain_strings(n) {
        if !is_placeholder(&s.value) {
            continue;
        }
        cx.report(
            Q013,
            s.span.clone(),
            format!("`{field}` is still a placeholder: `{}`", s.value),
        )
        .label("placeholder")
        .help(if s.value.contains("todo@example.invalid") {
            "write a real, functional address (a role address such as tietosuoja@... is best)"
        } else {
            "replace the `TODO:` text with the real value, or delete the key if it does not apply"
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards the byte scan before Q016: every character the rule refuses
    /// has a byte the scan stops at, alone and inside a text.
    #[test]
    fn the_byte_scan_misses_no_forbidden_character() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let alone = c.to_string();
            let inside = format!("Tietosuoja{c}seloste");
            assert_eq!(
                forbidden_char(&alone),
                is_forbidden_char(c).then_some(c),
                "U+{:04X}",
                u32::from(c)
            );
            if is_forbidden_char(c) {
                assert_eq!(forbidden_char(&inside), Some(c), "U+{:04X}", u32::from(c));
            }
        }
        assert_eq!(forbidden_char("Äyskäri – ålänning ✓"), None);
    }

    /// Guards the block scan: the first forbidden character is found
    /// wherever it falls against the blocks, after suspect bytes that are
    /// allowed (`§`, a no-break space), and a long text without one has
    /// none.
    #[test]
    fn the_block_scan_finds_the_first_forbidden_character_anywhere() {
        let allowed = "Laki 1 § ja\u{a0}2 § – ";
        for at in 0..200 {
            let text: String = allowed.chars().cycle().take(at).collect();
            let with = format!("{text}\u{85}x\u{fffe}{text}");
            assert_eq!(forbidden_char(&with), Some('\u{85}'), "at {at}");
            assert_eq!(forbidden_char(&format!("{text}{text}")), None, "at {at}");
            let last = format!("{text}\u{7f}");
            assert_eq!(forbidden_char(&last), Some('\u{7f}'), "at {at}");
        }
    }

    /// Guards Q017's pre-filter: no text nests deeper than it counts
    /// markers, for quotes and lists of every kind, nested on one line or
    /// over several, indented, lazily continued, with blank lines and
    /// with `\n`, `\r\n` or `\r` line breaks; and prose counts none.
    #[test]
    fn no_text_nests_deeper_than_its_block_markers() {
        let openers = ["> ", "- ", "* ", "+ ", "1. ", "2) ", ">", "-\t", "10. "];
        let breaks = ["\n", "\r\n", "\r"];
        let mut texts = Vec::new();
        for k in 0..openers.len() {
            for line_break in breaks {
                for levels in 1..=11 {
                    let next = |l: usize| openers[(k + l) % openers.len()];
                    // All on one line.
                    texts.push(format!("{}x", (0..levels).map(next).collect::<String>()));
                    // One level per line, indented under the one before.
                    let mut nested = String::new();
                    for l in 0..levels {
                        nested.push_str(&" ".repeat(3 * l));
                        nested.push_str(next(l));
                        nested.push_str("item");
                        nested.push_str(line_break);
                        if l % 3 == 2 {
                            nested.push_str(line_break);
                            nested.push_str(&" ".repeat(3 * l + 3));
                            nested.push_str("more");
                            nested.push_str(line_break);
                        }
                    }
                    nested.push_str("lazy continuation");
                    texts.push(nested);
                    // Quotes carried on each line, a list inside.
                    let quoted = (0..levels)
                        .map(|l| format!("{}{}{line_break}", "> ".repeat(l + 1), next(l)))
                        .collect::<String>();
                    texts.push(quoted);
                }
            }
        }
        for text in &texts {
            let depth = nesting_depth(text);
            assert!(
                depth <= block_markers_up_to(text, usize::MAX),
                "{text:?} nests {depth} deep"
            );
        }
        assert!(texts.iter().any(|t| nesting_depth(t) > MAX_NESTING));
        let prose = "Tietoja käsitellään lain 5 §:n mukaisesti. Lisätietoja: 1.1.2026 - 31.12.2026 (ks. * ja +).\n\nKoulu > kunta.";
        assert_eq!(block_markers_up_to(prose, usize::MAX), 0);
    }

    #[test]
    fn emails() {
        for ok in [
            "tietosuoja@kunta.fi",
            "first.last@novia.fi",
            "tuki+x@opinsys.fi",
        ] {
            assert!(is_valid_email(ok), "{ok}");
        }
        for bad in [
            "",
            "tuki",
            "tuki@",
            "@opinsys.fi",
            "tuki@opinsys",
            "a b@c.fi",
            "inschool.fi(at)supportvisma.com",
            "x@-a.fi",
            "x@a.f1",
        ] {
            assert!(!is_valid_email(bad), "{bad}");
        }
    }

    #[test]
    fn urls() {
        assert!(is_valid_url("https://tietosuoja.fi/en"));
        assert!(is_valid_url("http://www.novia.fi:8080/x?y#z"));
        for bad in [
            "www.novia.fi",
            "https://",
            "https://novia",
            "ftp://x.fi",
            "https://x.fi/a b",
            "javascript:alert(1)",
        ] {
            assert!(!is_valid_url(bad), "{bad}");
        }
    }

    #[test]
    fn link_schemes() {
        for ok in [
            "https://x.fi",
            "mailto:a@b.fi",
            "tel:+358",
            "/relative",
            "#anchor",
            "page.html",
            "a/b:c",
            "HTTPS://X.FI",
        ] {
            assert!(is_safe_link(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:x",
            "java\tscript:x",
            " javascript:x",
            "data:text/html,x",
            "vbscript:x",
            "file:///etc/passwd",
        ] {
            assert!(!is_safe_link(bad), "{bad}");
        }
    }

    #[test]
    fn markdown_links_are_found() {
        let t = link_targets("see [x](javascript:alert(1)) and <https://a.fi> and ![i](data:x)");
        assert_eq!(t, vec!["javascript:alert(1)", "https://a.fi", "data:x"]);
        // Character references are decoded in link targets: the colon-free
        // fast path in `unsafe_link` must still see these.
        let t = link_targets("[x](javascript&#58;alert(1))");
        assert_eq!(t, vec!["javascript:alert(1)"]);
        assert!(!is_safe_link(&t[0]));
    }

    #[test]
    fn ids() {
        assert!(is_valid_id("opinsys-user-management"));
        assert!(is_valid_id("p2"));
        for bad in ["", "A", "a--b", "-a", "a-", "../x", "a_b", "ä"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
        assert_eq!(slug("Koulun Oppilasrekisteri"), "koulun-oppilasrekisteri");
    }

    #[test]
    fn placeholders() {
        assert!(is_placeholder("TODO: the register's name"));
        assert!(is_placeholder("todo@example.invalid"));
        assert!(!is_placeholder("todo@example.fi"));
        assert!(!is_placeholder("Todo-lista"));
    }
}
