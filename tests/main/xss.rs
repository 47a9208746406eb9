//! Hostile text in every text field, through every output format.
//!
//! `tests/fixtures/xss/payloads.txt` holds the corpus (script and style
//! tags, event handlers, `javascript:` and `data:` URLs in many spellings,
//! SVG and MathML, entity tricks, Markdown links, images and raw HTML
//! blocks, template syntax). Each payload becomes one notice with the
//! payload in every text field (URL and e-mail payloads in the URL and
//! e-mail fields) and one bundle customer with it in every field a customer
//! writes, additions included. The real binary builds HTML, print HTML and
//! Markdown, and then:
//!
//! - the Markdown, parsed with pulldown-cmark, holds no raw HTML, no images
//!   and no link to anything but http(s), mailto, tel or a relative address;
//! - template syntax is text: each template payload appears literally in
//!   every place where a control notice shows its text, and no `49` (7*7)
//!   appears that the control notice does not have;
//! - every HTML page holds only the elements and attributes the templates
//!   write, and no link with another scheme (a static scan);
//! - when Chromium and the npm packages are there (`tests/browser`), every
//!   page is opened with an instrumented window (`xss-probe.mjs`), and
//!   nothing may run, navigate, open a dialog or make a request.
//!
//! The first three run without Chromium. Where `check` rejects a payload
//! with its default rules, that is counted; the pages are then built with the
//! rules that rejected payloads lowered, so that the renderer's own defences
//! are tested on every payload, not only those the linter let through.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::common::{self, output, root};
use crate::support;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

// ---------------------------------------------------------------------------
// The corpus

#[derive(Debug, Clone)]
struct Payload {
    group: String,
    text: String,
}

/// Decodes the escapes of the corpus file: `\n`, `\t`, `\u{HEX}`, `\\`.
fn unescape(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some(t) = tail.strip_prefix("\\n") {
            out.push('\n');
            rest = t;
        } else if let Some(t) = tail.strip_prefix("\\t") {
            out.push('\t');
            rest = t;
        } else if let Some(t) = tail.strip_prefix("\\\\") {
            out.push('\\');
            rest = t;
        } else if let Some(t) = tail.strip_prefix("\\u{")
            && let Some(end) = t.find('}')
            && let Some(c) = u32::from_str_radix(&t[..end], 16)
                .ok()
                .and_then(char::from_u32)
        {
            out.push(c);
            rest = &t[end + 1..];
        } else {
            out.push('\\');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

fn corpus() -> Vec<Payload> {
    let path = root().join("tests/fixtures/xss/payloads.txt");
    let text = std::fs::read_to_string(&path).expect("the corpus");
    let mut group = None;
    let mut out = Vec::new();
    for line in text.lines() {
        if let Some(comment) = line.strip_prefix("# ") {
            if let Some(rest) = comment.strip_prefix('[') {
                group = Some(rest.split(']').next().expect("a group name").to_string());
            }
            continue;
        }
        if line.is_empty() || line == "#" {
            continue;
        }
        let group = group
            .clone()
            .unwrap_or_else(|| panic!("payload before the first group: {line}"));
        out.push(Payload {
            group,
            text: unescape(line),
        });
    }
    out
}

const TEXT_GROUPS: [&str; 8] = [
    "script",
    "handlers",
    "scheme",
    "svg-mathml",
    "encoding",
    "markdown",
    "html-block",
    "template",
];

#[test]
fn the_corpus_covers_every_group() {
    let payloads = corpus();
    assert_eq!(payloads.len(), 129, "payloads in the corpus");
    let groups: BTreeSet<&str> = payloads.iter().map(|p| p.group.as_str()).collect();
    for g in TEXT_GROUPS.iter().chain(&["url", "email"]) {
        assert!(groups.contains(g), "no payload in group [{g}]");
    }
    assert!(
        groups.len() == TEXT_GROUPS.len() + 2,
        "unknown groups: {groups:?}"
    );
    let texts: BTreeSet<&str> = payloads.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts.len(), payloads.len(), "a payload is listed twice");
    for needle in ["{{ 7*7 }}", "{% raw %}", "{# comment #}", "{ $x }"] {
        assert!(
            payloads.iter().any(|p| p.text.contains(needle)),
            "no payload with {needle}"
        );
    }
    assert!(
        payloads
            .iter()
            .any(|p| p.text.chars().any(|c| c.is_control() && c != '\n')),
        "no payload with a control character"
    );
}

// ---------------------------------------------------------------------------
// Notices and customers with the payloads in them

/// A TOML basic string holding `s` exactly.
fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A notice with every kind of text field, in English. `@T@` is a text
/// field, `@U@` a URL field and `@E@` an e-mail field.
const NOTICE: &str = r#"id = "@ID@"
title = { en = @T@ }
description = { en = @T@ }
version = @T@
updated = 2026-11-21
languages = ["en"]
collected_from = "both"
security = { en = @T@ }
cookies = { en = @T@ }

[controller]
name = @T@
public_authority = false
business_id = @T@
address = @T@
email = @E@
phone = @T@
web = @U@
country = "FI"

[representative]
name = @T@
address = @T@
email = @E@
phone = @T@
web = @U@
country = "SE"
description = { en = @T@ }

[processor]
name = @T@
address = @T@
email = @E@
phone = @T@
web = @U@
country = "FI"
description = { en = @T@ }

[contact]
name = @T@
role = { en = @T@ }
address = @T@
email = @E@
phone = @T@

[dpo]
name = @T@
role = { en = @T@ }
address = @T@
email = @E@
phone = @T@

[[purposes]]
id = "with-consent"
description = { en = @T@ }
legal_basis = "consent"
withdrawal = { en = @T@ }

[[purposes]]
id = "of-interest"
description = { en = @T@ }
summary = { en = @T@ }
legal_basis = "legitimate-interests"
legitimate_interests = { en = @T@ }

[[purposes]]
id = "by-law"
description = { en = @T@ }
legal_basis = "legal-obligation"
law = { en = @T@ }

[[data_subjects]]
id = "people"
name = { en = @T@ }
description = { en = @T@ }

[[data_categories]]
id = "things"
name = { en = @T@ }
items = { en = @T@ }
subjects = ["people"]
purposes = ["with-consent", "of-interest", "by-law"]

[[sources]]
id = "origin"
name = @T@
kind = "register"
description = { en = @T@ }
categories = ["things"]

[[recipients]]
id = "abroad"
name = @T@
role = "processor"
country = "US"
purpose = { en = @T@ }
law = { en = @T@ }
categories = ["things"]

[[transfers]]
id = "abroad-transfer"
recipient = "abroad"
country = "US"
mechanism = "standard-contractual-clauses"
safeguard_copy = { en = @T@ }
description = { en = @T@ }

[[retention]]
id = "keep"
applies_to = ["things"]
period = "P1Y"
rule = { en = @T@ }

[provision]
requirement = "mixed"
consequences = { en = @T@ }
description = { en = @T@ }

[automated_decisions]
used = true
profiling = true
logic = { en = @T@ }
consequences = { en = @T@ }
description = { en = @T@ }

[rights]
how = { en = @T@ }
email = @E@
phone = @T@
web = @U@

[[restrictions]]
right = "access"
ground = "national-law"
law = { en = @T@ }
description = { en = @T@ }

[[access_roles]]
id = "viewer"
role = { en = @T@ }
sees = { en = @T@ }

[[related]]
title = { en = @T@ }
url = @U@

[[related]]
title = { en = @T@ }
notice = "xss-control"

[records]
security = { en = @T@ }
processing = { en = @T@ }
"#;

/// The service every customer uses: plain texts, the controller open.
const SERVICE: &str = r#"id = "xss-service"
title = { en = "Service" }
version = "1.0"
updated = 2026-11-21
languages = ["en"]
collected_from = "both"
controller = "customer"

[processor]
name = "Vendor Ltd"
email = "support@vendor.example"
country = "FI"

[[purposes]]
id = "accounts"
description = { en = "Keeping user accounts" }
legal_basis = "public-task"
law = { en = "Basic Education Act (628/1998)" }

[[data_categories]]
id = "things"
name = { en = "Account details" }
items = { en = "name, username" }

[[sources]]
id = "origin"
name = "Student administration system"
kind = "register"

[[recipients]]
id = "vendor"
name = "Vendor Ltd"
role = "processor"

[[retention]]
id = "keep"
applies_to = ["things"]
period = "P1Y"

[provision]
requirement = "statutory"
consequences = { en = "No account can be created." }

[automated_decisions]
used = false

[rights]
how = { en = "Contact the school office." }
"#;

/// A customer with every kind of text field a customer writes.
const CUSTOMER: &str = r##"id = "@ID@"
languages = ["en"]
services = ["xss-service"]

[controller]
name = @T@
public_authority = true
business_id = @T@
address = @T@
email = @E@
phone = @T@
web = @U@

[representative]
name = @T@
address = @T@
email = @E@
phone = @T@
web = @U@
country = "SE"
description = { en = @T@ }

[dpo]
name = @T@
role = { en = @T@ }
address = @T@
email = @E@
phone = @T@

[contact]
name = @T@
role = { en = @T@ }
address = @T@
email = @E@
phone = @T@

[branding]
colour = "#005a9c"

[[additions]]
service = "xss-service"

[[additions.purposes]]
purpose = "accounts"
legal_basis = "public-task"
law = { en = @T@ }
legitimate_interests = { en = @T@ }
withdrawal = { en = @T@ }

[additions.provision]
requirement = "statutory"
consequences = { en = @T@ }
description = { en = @T@ }

[[additions.data_categories]]
id = "local-things"
name = { en = @T@ }
items = { en = @T@ }

[[additions.recipients]]
id = "local-recipient"
name = @T@
role = "controller"
purpose = { en = @T@ }
law = { en = @T@ }
categories = ["things"]

[[additions.access_roles]]
id = "local-role"
role = { en = @T@ }
sees = { en = @T@ }

[[additions.retention]]
id = "local-keep"
applies_to = ["things"]
period = "P2Y"
rule = { en = @T@ }
"##;

/// Keys whose value is never shown as text: checked against a closed form
/// before it is used, so no payload is placed in them.
const NOT_TEXT: [&str; 2] = ["Branding.logo", "Branding.colour"];

/// Every key of the format that holds text an author writes (localised
/// text, strings, e-mail and web addresses) is in the templates above with
/// a payload, in every table that has it: a key added to the format
/// without a place here fails this test, not silently the XSS coverage.
#[test]
fn the_templates_place_a_payload_in_every_text_key_of_the_format() {
    use seloste::model::format::{Kind, Layout};
    use seloste::model::{Customer, Notice, Table};

    fn holes(layout: &Layout, tables: &[&toml::Table], out: &mut Vec<String>) {
        for f in layout.fields {
            let values: Vec<&toml::Value> = tables.iter().filter_map(|t| t.get(f.key)).collect();
            let name = format!("{}.{}", layout.name, f.key);
            match f.kind {
                Kind::Text(_) | Kind::String | Kind::Email | Kind::Url => {
                    let placed = values.iter().any(|v| v.to_string().contains("@P@"));
                    if !placed && !NOT_TEXT.contains(&name.as_str()) {
                        out.push(name);
                    }
                }
                Kind::Table(inner) | Kind::Controller(inner) => {
                    let inner_tables: Vec<&toml::Table> =
                        values.iter().filter_map(|v| v.as_table()).collect();
                    if inner_tables.is_empty() {
                        out.push(name);
                    } else {
                        holes(inner(), &inner_tables, out);
                    }
                }
                Kind::ArrayOf(inner) => {
                    let items: Vec<&toml::Table> = values
                        .iter()
                        .filter_map(|v| v.as_array())
                        .flatten()
                        .filter_map(|v| v.as_table())
                        .collect();
                    if items.is_empty() {
                        out.push(name);
                    } else {
                        holes(inner(), &items, out);
                    }
                }
                _ => {}
            }
        }
    }
    let parse = |template: &str| -> toml::Table {
        let filled = template
            .replace("@ID@", "x")
            .replace("@T@", "\"@P@\"")
            .replace("@U@", "\"@P@\"")
            .replace("@E@", "\"@P@\"");
        toml::from_str(&filled).expect("template parses")
    };
    let mut missing = Vec::new();
    holes(Notice::layout_of(), &[&parse(NOTICE)], &mut missing);
    holes(Customer::layout_of(), &[&parse(CUSTOMER)], &mut missing);
    assert_eq!(missing, Vec::<String>::new(), "keys without a payload");
}

/// The text of the control notice and customer: one word that means nothing
/// to Markdown, HTML or a template.
const CONTROL_TEXT: &str = "Kontrollitekstiä";
const CONTROL_URL: &str = "https://example.fi/page";
const CONTROL_EMAIL: &str = "office@example.fi";

fn fill(template: &str, id: &str, text: &str, url: &str, email: &str) -> String {
    template
        .replace("@ID@", id)
        .replace("@T@", &toml_str(text))
        .replace("@U@", &toml_str(url))
        .replace("@E@", &toml_str(email))
}

/// Ids without digits, so that no `49` comes from an id: a, b, ..., z, ba...
fn letters(mut n: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'a' + (n % 26) as u8);
        n /= 26;
        if n == 0 {
            break;
        }
    }
    s.reverse();
    String::from_utf8(s).expect("ascii")
}

/// One case: a payload, where it goes, and the ids of its notice and customer.
struct Case {
    payload: Payload,
    id: String,
}

impl Case {
    /// (text, url, email) for the fields of this case.
    fn fields(&self) -> (&str, &str, &str) {
        let p = self.payload.text.as_str();
        match self.payload.group.as_str() {
            "url" => (CONTROL_TEXT, p, CONTROL_EMAIL),
            "email" => (CONTROL_TEXT, CONTROL_URL, p),
            _ => (p, CONTROL_URL, CONTROL_EMAIL),
        }
    }

    /// How many fields hold the payload in a notice or customer made from
    /// `template`.
    fn placed_in(&self, template: &str) -> usize {
        let marker = match self.payload.group.as_str() {
            "url" => "@U@",
            "email" => "@E@",
            _ => "@T@",
        };
        template.matches(marker).count()
    }
}

struct Built {
    tmp: tempfile::TempDir,
    cases: Vec<Case>,
    /// Ids rejected by `check` with its default rules, with the codes.
    rejected_by_default: BTreeMap<String, BTreeSet<String>>,
    /// Ids rejected even with the lowered rules (not built at all).
    rejected: BTreeMap<String, BTreeSet<String>>,
    /// Customers rejected by `bundle` with the default rules / the lowered ones.
    customers_rejected_by_default: BTreeSet<String>,
    customers_rejected: BTreeSet<String>,
    /// Rules lowered for the build.
    lowered: Vec<&'static str>,
}

impl Built {
    fn site(&self) -> PathBuf {
        self.tmp.path().join("site")
    }
    fn bundles(&self) -> PathBuf {
        self.tmp.path().join("bundles")
    }
}

/// What the payloads trip in `check`: lowered to warnings for the build so
/// that the payloads reach the renderer (loader errors cannot be lowered).
const LOWERED: [&str; 4] = [
    "invalid-email",
    "invalid-url",
    "unsafe-link",
    "control-character",
];

/// Error records of `check --format json` by notice file stem.
fn errors_by_file(stdout: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for line in stdout.lines().filter(|l| l.starts_with('{')) {
        let v: serde_json::Value = serde_json::from_str(line).expect("a JSON record");
        if v["severity"] != "error" {
            continue;
        }
        let file = v["file"].as_str().unwrap_or_default();
        let stem = Path::new(file)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        out.entry(stem)
            .or_default()
            .insert(v["code"].as_str().unwrap_or_default().to_string());
    }
    out
}

fn run_ok(dir: &Path, args: &[&str], codes: &[i32]) -> std::process::Output {
    let o = common::seloste(dir, args);
    assert!(
        o.status.code().is_some_and(|c| codes.contains(&c)),
        "seloste {}: exit {:?}\n{}",
        args.join(" "),
        o.status.code(),
        output(&o)
    );
    o
}

fn customers_built(bundles: &Path, cases: &[Case]) -> BTreeSet<String> {
    cases
        .iter()
        .map(|c| format!("{}-customer", c.id))
        .filter(|id| !bundles.join(id).is_dir())
        .collect()
}

fn build() -> Built {
    let mut tmp = tempfile::tempdir().expect("temp dir");
    if std::env::var_os("SELOSTE_XSS_KEEP").is_some() {
        tmp.disable_cleanup(true);
        eprintln!("keeping {}", tmp.path().display());
    }
    let dir = tmp.path();
    for sub in ["notices", "services", "customers"] {
        std::fs::create_dir_all(dir.join(sub)).expect("mkdir");
    }
    let cases: Vec<Case> = corpus()
        .into_iter()
        .enumerate()
        .map(|(i, payload)| Case {
            payload,
            id: format!("xss-{}", letters(i)),
        })
        .collect();
    let write = |rel: String, text: String| std::fs::write(dir.join(rel), text).expect("write");
    write(
        "notices/xss-control.toml".into(),
        fill(
            NOTICE,
            "xss-control",
            CONTROL_TEXT,
            CONTROL_URL,
            CONTROL_EMAIL,
        ),
    );
    write("services/xss-service.toml".into(), SERVICE.into());
    write(
        "customers/xss-control-customer.toml".into(),
        fill(
            CUSTOMER,
            "xss-control-customer",
            CONTROL_TEXT,
            CONTROL_URL,
            CONTROL_EMAIL,
        ),
    );
    for c in &cases {
        let (t, u, e) = c.fields();
        write(
            format!("notices/{}.toml", c.id),
            fill(NOTICE, &c.id, t, u, e),
        );
        let cid = format!("{}-customer", c.id);
        write(
            format!("customers/{cid}.toml"),
            fill(CUSTOMER, &cid, t, u, e),
        );
    }
    let rules: String = LOWERED
        .iter()
        .map(|r| format!("{r} = \"warning\"\n"))
        .collect();
    write("lowered.toml".into(), format!("[rules]\n{rules}"));

    // What `check` says with its default rules, and with the lowered ones.
    let o = run_ok(dir, &["check", "notices", "--format", "json"], &[0, 1]);
    let rejected_by_default = errors_by_file(&String::from_utf8_lossy(&o.stdout));
    let o = run_ok(
        dir,
        &[
            "--config",
            "lowered.toml",
            "check",
            "notices",
            "--format",
            "json",
        ],
        &[0, 1, 2],
    );
    let rejected = errors_by_file(&String::from_utf8_lossy(&o.stdout));
    assert!(
        !rejected.contains_key("xss-control") && !rejected_by_default.contains_key("xss-control"),
        "the control notice must pass: {rejected:?}"
    );
    for id in rejected.keys() {
        std::fs::remove_file(dir.join(format!("notices/{id}.toml"))).expect("rm");
    }
    run_ok(
        dir,
        &[
            "--config",
            "lowered.toml",
            "build",
            "notices",
            "--out",
            "site",
        ],
        &[0],
    );
    // The record of processing activities of the same notices: its page
    // and Markdown are checked with the rest (the `[records]` texts show
    // there only).
    run_ok(
        dir,
        &[
            "--config",
            "lowered.toml",
            "records",
            "notices",
            "--out",
            "records",
            "--format",
            "html,md",
        ],
        &[0],
    );

    run_ok(
        dir,
        &[
            "bundle",
            "services",
            "--customers",
            "customers",
            "--out",
            "bundles-default",
        ],
        &[0, 1],
    );
    let customers_rejected_by_default = customers_built(&dir.join("bundles-default"), &cases);
    std::fs::remove_dir_all(dir.join("bundles-default")).expect("rm");
    run_ok(
        dir,
        &[
            "--config",
            "lowered.toml",
            "bundle",
            "services",
            "--customers",
            "customers",
            "--out",
            "bundles",
        ],
        &[0, 1],
    );
    let customers_rejected = customers_built(&dir.join("bundles"), &cases);
    assert!(
        dir.join("bundles/xss-control-customer").is_dir(),
        "the control customer must be built"
    );
    Built {
        tmp,
        cases,
        rejected_by_default,
        rejected,
        customers_rejected_by_default,
        customers_rejected,
        lowered: LOWERED.to_vec(),
    }
}

// ---------------------------------------------------------------------------
// Reading the output as text

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &tail[1..e];
            let c = match name {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &tail[e + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text of an HTML page: tags dropped, entities decoded. In seloste's
/// output every `<` starts a tag (text and attribute values are escaped).
fn html_text(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        text.push_str(&rest[..i]);
        // A style sheet is not text on the page. (The print style holds
        // the title for the running header as a CSS string, escaped for
        // CSS; `css_string` in src/render/templates.rs is tested on its own.)
        if rest[i..].starts_with("<style>") {
            rest = rest[i..]
                .find("</style>")
                .map_or("", |j| &rest[i + j + "</style>".len()..]);
            continue;
        }
        match rest[i..].find('>') {
            Some(j) => rest = &rest[i + j + 1..],
            None => {
                rest = "";
            }
        }
    }
    text.push_str(rest);
    decode_entities(&text)
}

fn markdown_options() -> Options {
    // Every extension pulldown-cmark knows (heading attributes, footnotes,
    // math, wiki links...), so that none a reader might have turns a text
    // into markup unseen; smart punctuation only changes quotes.
    Options::all() - Options::ENABLE_SMART_PUNCTUATION
}

/// The text of a Markdown document, as a reader sees it.
fn markdown_text(md: &str) -> String {
    let mut text = String::new();
    for e in Parser::new_ext(md, markdown_options()) {
        match e {
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                text.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => text.push('\n'),
            Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Image
                | TagEnd::Superscript
                | TagEnd::Subscript,
            ) => {}
            Event::End(_) => text.push('\n'),
            _ => {}
        }
    }
    text
}

/// A link target that is safe to publish: http(s), mailto, tel or relative.
fn safe_target(dest: &str) -> bool {
    let squashed: String = dest
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    match squashed.find(':') {
        None => true,
        Some(c) if squashed[..c].contains(['/', '?', '#']) => true,
        Some(c) => matches!(&squashed[..c], "http" | "https" | "mailto" | "tel"),
    }
}

/// Problems in a Markdown file: raw HTML, images, unsafe links.
fn markdown_findings(md: &str) -> Vec<String> {
    let mut out = Vec::new();
    for e in Parser::new_ext(md, markdown_options()) {
        match e {
            Event::Html(h) | Event::InlineHtml(h) => out.push(format!("raw HTML {h:?}")),
            Event::Start(Tag::HtmlBlock) => out.push("an HTML block".into()),
            Event::Start(Tag::Image { dest_url, .. }) => out.push(format!("image {dest_url:?}")),
            Event::Start(Tag::Heading {
                id, classes, attrs, ..
            }) if id.is_some() || !classes.is_empty() || !attrs.is_empty() => out.push(format!(
                "heading attributes: id {id:?}, classes {classes:?}, attributes {attrs:?}"
            )),
            Event::Start(Tag::Link { dest_url, .. }) if !safe_target(&dest_url) => {
                out.push(format!("link to {dest_url:?}"))
            }
            _ => {}
        }
    }
    out
}

// ---------------------------------------------------------------------------
// A static scan of the HTML: only what the templates write

const ELEMENTS: &str = "html head meta title link style body header footer main nav section div p span a \
     ul ol li dl dt dd h1 h2 h3 h4 h5 h6 table thead tbody tr th td time img em strong code pre \
     blockquote hr br del";
const ATTRIBUTES: &str = "class id href hreflang lang aria-label aria-labelledby role tabindex scope \
     datetime type title alt height src style name content charset rel start data-label data-section";

fn html_findings(html: &str) -> Vec<String> {
    let elements: BTreeSet<&str> = ELEMENTS.split_whitespace().collect();
    let attributes: BTreeSet<&str> = ATTRIBUTES.split_whitespace().collect();
    let attr = regex::Regex::new(r#"^\s+([a-z][a-z0-9-]*)(?:="([^"<>]*)")?"#).expect("regex");
    let mut out = Vec::new();
    let mut rest = html.strip_prefix("<!DOCTYPE html>").unwrap_or_else(|| {
        out.push("no <!DOCTYPE html> first".into());
        html
    });
    while let Some(i) = rest.find('<') {
        let Some(j) = rest[i..].find('>') else {
            out.push(format!("an unclosed tag: {:?}", &rest[i..]));
            break;
        };
        let tag = &rest[i + 1..i + j];
        rest = &rest[i + j + 1..];
        let body = tag.strip_prefix('/').unwrap_or(tag);
        let name_end = body
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(body.len());
        let name = &body[..name_end];
        if !elements.contains(name) {
            out.push(format!("element <{tag}>"));
            continue;
        }
        let mut attrs = &body[name_end..];
        let mut seen = BTreeMap::new();
        while let Some(c) = attr.captures(attrs) {
            let (a, v) = (
                c.get(1).expect("name").as_str(),
                c.get(2).map_or("", |v| v.as_str()),
            );
            seen.insert(a, decode_entities(v));
            attrs = &attrs[c.get(0).expect("match").end()..];
        }
        if !attrs.trim().is_empty() {
            out.push(format!("unparsable attributes in <{tag}>"));
        }
        for (a, v) in &seen {
            if a.starts_with("on") || !attributes.contains(a) {
                out.push(format!("attribute {a} in <{tag}>"));
            }
            if (*a == "href" || *a == "src") && !safe_target(v) {
                out.push(format!("{a}={v:?} in <{tag}>"));
            }
        }
        let is = |a: &str, v: &str| seen.get(a).is_some_and(|x| x == v);
        match name {
            "meta"
                if !(seen.contains_key("charset")
                    || is("name", "viewport")
                    || is("name", "author")) =>
            {
                out.push(format!("<{tag}>"))
            }
            "link" if !is("rel", "alternate") => out.push(format!("<{tag}>")),
            "img" if !is("class", "logo") => out.push(format!("<{tag}>")),
            _ => {}
        }
        if let Some(style) = seen.get("style") {
            let brand = name == "header"
                && style.len() == "background-color: #005a9c".len()
                && style.starts_with("background-color: #");
            let align = matches!(name, "th" | "td")
                && ["left", "center", "right"]
                    .iter()
                    .any(|a| *style == format!("text-align: {a}"));
            if !brand && !align {
                out.push(format!("style in <{tag}>"));
            }
        }
        if name == "style" && !tag.starts_with('/') {
            // The inlined style sheet: skip to its end.
            match rest.find("</style>") {
                Some(k) => rest = &rest[k..],
                None => out.push("an unclosed <style>".into()),
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------
// The test

/// The files of one notice in the site and of its customer's bundle, by
/// kind: `site.html`, `bundle.md`...
fn files_of(built: &Built, id: &str) -> BTreeMap<String, (PathBuf, String)> {
    let mut files = BTreeMap::new();
    let customer = built.bundles().join(format!("{id}-customer/en"));
    for ext in ["html", "print.html", "md"] {
        for (kind, p) in [
            ("site", built.site().join(format!("en/{id}.{ext}"))),
            ("bundle", customer.join(format!("xss-service.{ext}"))),
        ] {
            if let Ok(s) = std::fs::read_to_string(&p) {
                files.insert(format!("{kind}.{ext}"), (p, s));
            }
        }
    }
    files
}

fn text_of(path: &Path, contents: &str) -> String {
    if path.extension().is_some_and(|e| e == "md") {
        markdown_text(contents)
    } else {
        html_text(contents)
    }
}

#[test]
fn payloads_stay_text_in_every_field_and_format() {
    let built = build();
    let mut problems: Vec<String> = Vec::new();
    let rel = |p: &Path| {
        p.strip_prefix(built.tmp.path())
            .unwrap_or(p)
            .display()
            .to_string()
    };

    // 1. Markdown: no raw HTML, no image, no unsafe link. HTML: nothing
    //    the templates do not write.
    let mut md_files = 0;
    let mut html_files = 0;
    for e in walkdir::WalkDir::new(built.tmp.path())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let path = e.path();
        let name = path.to_string_lossy();
        let contents = || std::fs::read_to_string(path).expect("UTF-8 output");
        if name.ends_with(".md") {
            md_files += 1;
            for f in markdown_findings(&contents()) {
                problems.push(format!("{}: {f}", rel(path)));
            }
        } else if name.ends_with(".html") {
            html_files += 1;
            for f in html_findings(&contents()) {
                problems.push(format!("{}: {f}", rel(path)));
            }
        }
    }

    // 2. Template syntax is text, everywhere the control's text shows.
    let control = files_of(&built, "xss-control");
    assert_eq!(
        control.len(),
        6,
        "the control notice and customer are built"
    );
    let mut template_checks = 0;
    for c in built.cases.iter().filter(|c| c.payload.group == "template") {
        let files = files_of(&built, &c.id);
        for (kind, (path, contents)) in &files {
            let Some((_, control_contents)) = control.get(kind) else {
                continue;
            };
            let text = text_of(path, contents);
            let control_text = text_of(path, control_contents);
            let expected = control_text.matches(CONTROL_TEXT).count();
            let found = text.matches(c.payload.text.as_str()).count();
            template_checks += 1;
            if found != expected {
                problems.push(format!(
                    "{}: `{}` appears {found} times as text, where the control text appears {expected} times",
                    rel(path),
                    c.payload.text
                ));
            }
            let (fortynine, control_fortynine) = (
                text.matches("49").count(),
                control_text.matches("49").count(),
            );
            if fortynine != control_fortynine {
                problems.push(format!(
                    "{}: `{}`: {fortynine} times 49 in the text, {control_fortynine} in the control's",
                    rel(path),
                    c.payload.text
                ));
            }
        }
    }

    // What reached the output.
    let notice_fields = |c: &Case| c.placed_in(NOTICE);
    let customer_fields = |c: &Case| c.placed_in(CUSTOMER);
    let notices_built: Vec<&Case> = built
        .cases
        .iter()
        .filter(|c| !built.rejected.contains_key(&c.id))
        .collect();
    let customers_built: Vec<&Case> = built
        .cases
        .iter()
        .filter(|c| {
            !built
                .customers_rejected
                .contains(&format!("{}-customer", c.id))
        })
        .collect();
    let placements: usize = notices_built
        .iter()
        .map(|c| notice_fields(c))
        .sum::<usize>()
        + customers_built
            .iter()
            .map(|c| customer_fields(c))
            .sum::<usize>();
    let default_codes: BTreeSet<&String> = built.rejected_by_default.values().flatten().collect();
    println!(
        "xss: {} payloads tried ({} text, {} URL, {} e-mail); {} text fields per notice and {} per customer ({} URL and {} e-mail fields in each notice)",
        built.cases.len(),
        built
            .cases
            .iter()
            .filter(|c| TEXT_GROUPS.contains(&c.payload.group.as_str()))
            .count(),
        built
            .cases
            .iter()
            .filter(|c| c.payload.group == "url")
            .count(),
        built
            .cases
            .iter()
            .filter(|c| c.payload.group == "email")
            .count(),
        NOTICE.matches("@T@").count(),
        CUSTOMER.matches("@T@").count(),
        NOTICE.matches("@U@").count(),
        NOTICE.matches("@E@").count(),
    );
    println!(
        "xss: `check` with its default rules rejects {} of the notices ({default_codes:?}) and {} of the customers; built with {:?} lowered: {} notices and {} customers, {placements} placements in all; not built: {:?} {:?}",
        built.rejected_by_default.len(),
        built.customers_rejected_by_default.len(),
        built.lowered,
        notices_built.len(),
        customers_built.len(),
        built.rejected,
        built.customers_rejected,
    );
    println!(
        "xss: {md_files} Markdown and {html_files} HTML files scanned, {template_checks} template-syntax checks"
    );
    // With the rules lowered, every payload reaches the output.
    assert_eq!(
        (&built.rejected, &built.customers_rejected),
        (&BTreeMap::new(), &BTreeSet::new()),
        "notices and customers not built"
    );
    // 12 template payloads, each in 3 formats of a notice and of a bundle.
    assert_eq!(template_checks, 12 * 6, "template-syntax checks");

    // 3. Chromium: nothing runs.
    if let Some(browser) = support::browser() {
        let mut jobs = support::jobs(Some(&built.site()), Some(&built.bundles()));
        let pages = jobs.len();
        let canary = built.tmp.path().join("canary.html");
        std::fs::write(&canary, CANARY).expect("write canary");
        jobs.push(support::Job {
            file: canary,
            allow: Vec::new(),
        });
        let report = browser.run_script("xss-probe.mjs", &jobs, built.tmp.path());
        let mut records = report["pages"].as_array().expect("pages").clone();
        assert_eq!(records.len(), jobs.len());
        let canary = records.pop().expect("the canary's record");
        let events = canary["events"].as_array().expect("events");
        for expected in [
            "call:alert",
            "call:__xss",
            "request: https://evil.example/",
            "mutation",
        ] {
            assert!(
                events
                    .iter()
                    .any(|e| e.as_str().is_some_and(|e| e.contains(expected))),
                "the probe missed `{expected}` on the canary: {canary:#}"
            );
        }
        // The script element, the image and the link, in document order.
        let found: Vec<&str> = canary["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter_map(|f| f.as_str()?.split(' ').next())
            .collect();
        assert_eq!(
            found,
            ["element", "image", "href=\"javascript:alert(1)\""],
            "the scan's findings on the canary's markup: {canary:#}"
        );
        let mut executed = 0;
        let mut flagged = 0;
        for r in &records {
            let file = r["file"].as_str().unwrap_or_default();
            let file = file
                .strip_prefix(built.tmp.path().to_str().expect("utf-8"))
                .unwrap_or(file);
            let events = r["events"].as_array().expect("events");
            let findings = r["findings"].as_array().expect("findings");
            if !events.is_empty() {
                executed += 1;
            }
            if !findings.is_empty() {
                flagged += 1;
            }
            for e in events {
                problems.push(format!("{file}: ran: {}", e.as_str().unwrap_or_default()));
            }
            for f in findings {
                problems.push(format!(
                    "{file}: in the DOM: {}",
                    f.as_str().unwrap_or_default()
                ));
            }
        }
        println!(
            "xss: {pages} pages opened in Chromium; executed on {executed}, unexpected markup on {flagged}"
        );
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// What the probe must catch (see the test).
const CANARY: &str = r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>canary</title></head>
<body><main>
<script>alert(1); window.__xss(); addEventListener("load", () => document.body.append("mutation"));</script>
<img src="https://evil.example/pixel.png" alt="">
<a href="javascript:alert(1)">x</a>
</main></body></html>
"#;
