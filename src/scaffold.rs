//! `seloste new` and `seloste init`: starting points for authors.
//!
//! `new` writes a notice with every item the GDPR requires present as a
//! placeholder (`TODO: ...` texts, the address `todo@example.invalid`), each
//! block explained with its article. `seloste check` reports every
//! placeholder as an error (Q013) until it is replaced, so a scaffold can
//! never be published half-filled. `init` writes a project folder that
//! builds straight away: a commented `seloste.toml`, one complete example
//! notice, a `customers/` folder and a `.gitignore`.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};

use crate::model::is_valid_id;
use crate::model::{Date, Lang};

/// The schema directive's target, relative to the notice's folder. The
/// directive is written only when the file is there, so editors that read
/// it never point at a missing schema.
pub const SCHEMA: &str = "../schema/notice.schema.json";

/// The placeholder address written into every e-mail field.
pub const PLACEHOLDER_EMAIL: &str = "todo@example.invalid";

/// The arguments of `seloste new`.
#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The notice's id: lower-case kebab-case, e.g. `pupil-register`. It
    /// names the file (`<DIR>/<ID>.toml`) and the output.
    pub id: String,

    /// Folder to write the notice into [default: `notices` of
    /// seloste.toml, else notices].
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// Languages every text is written in [default: `languages` of
    /// seloste.toml, else fi,sv,en].
    #[arg(long, value_delimiter = ',', value_parser = crate::model::Lang::parse_arg)]
    pub lang: Vec<Lang>,

    /// The controller is a public authority (a municipality, a public
    /// school, a university): adds the DPO it must have and a public-task
    /// purpose with the law it rests on.
    #[arg(long)]
    pub public_authority: bool,

    /// A vendor's service notice: each customer is the controller
    /// (`controller = "customer"`), the vendor is the processor. Built per
    /// customer by `seloste bundle`.
    #[arg(long)]
    pub vendor_service: bool,
}

/// What a scaffolded notice is made of.
#[derive(Debug, Clone)]
pub struct Scaffold {
    pub id: String,
    pub languages: Vec<Lang>,
    pub public_authority: bool,
    pub vendor_service: bool,
    /// The date written as `updated`.
    pub updated: Date,
    /// Whether to write the `#:schema` directive.
    pub schema: bool,
}

/// `seloste new`: writes `<dir>/<id>.toml`, never over an existing file.
pub fn new(args: &NewArgs, config_path: Option<&Path>) -> anyhow::Result<ExitCode> {
    if !is_valid_id(&args.id) {
        bail!(
            "`{}` is not a valid notice id: use lower-case ASCII letters, digits and single \
             hyphens, e.g. `pupil-register` (the id names the output files)",
            args.id
        );
    }
    // A broken configuration stops `new` as it stops every command: its
    // languages or folder would otherwise be silently ignored.
    let mut sources = crate::source::SourceMap::default();
    let mut diagnostics = Vec::new();
    let mut fatal = Vec::new();
    let config = crate::project::load_config(
        config_path.map(Path::to_path_buf),
        &mut sources,
        &mut diagnostics,
        &mut fatal,
    );
    if !fatal.is_empty() {
        return Ok(crate::cmd::report_fatal(
            &mut anstream::stderr().lock(),
            &diagnostics,
            &sources,
            &fatal,
        )?);
    }
    let dir = args
        .dir
        .clone()
        .or_else(|| config.notices.clone())
        .unwrap_or_else(|| PathBuf::from("notices"));
    let mut languages = args.lang.clone();
    if languages.is_empty() {
        languages = config.languages.clone();
    }
    if languages.is_empty() {
        languages = Lang::SUPPORTED
            .iter()
            .filter_map(|l| Lang::parse(l))
            .collect();
    }
    let mut seen = Vec::new();
    languages.retain(|l| {
        let first = !seen.contains(l);
        seen.push(l.clone());
        first
    });
    let path = dir.join(format!("{}.toml", args.id));
    if path.exists() {
        bail!(
            "{} already exists; `seloste new` never overwrites a file: choose another id or \
             remove the file first",
            path.display()
        );
    }
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let scaffold = Scaffold {
        id: args.id.clone(),
        languages,
        public_authority: args.public_authority,
        vendor_service: args.vendor_service,
        updated: Date::today(),
        // After the folder exists: `notices/..` does not resolve before.
        schema: dir.join(SCHEMA).is_file(),
    };
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
    {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => bail!(
            "{} already exists; `seloste new` never overwrites a file",
            path.display()
        ),
        Err(e) => return Err(e).with_context(|| format!("cannot write {}", path.display())),
    };
    file.write_all(notice(&scaffold).as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    writeln!(
        anstream::stderr(),
        "created {}: replace every `TODO:` text and {PLACEHOLDER_EMAIL} address; \
         `seloste check {}` lists what is left (Q013)",
        path.display(),
        path.display()
    )?;
    Ok(ExitCode::SUCCESS)
}

fn language_name(l: &Lang) -> &'static str {
    match l.as_str() {
        "fi" => "Finnish",
        "sv" => "Swedish",
        _ => "English",
    }
}

/// Writes the source of a notice, line by line.
struct Writer<'a> {
    out: String,
    languages: &'a [Lang],
}

impl Writer<'_> {
    fn lines(&mut self, text: &str) {
        self.out.push_str(text);
        if !text.ends_with('\n') {
            self.out.push('\n');
        }
    }

    /// A prose placeholder: one `key.lang = "TODO: ..."` line per language
    /// (`lang = ...` inside a table of its own when `key` is empty).
    fn prose(&mut self, key: &str, hint: &str) {
        for l in self.languages {
            let name = language_name(l);
            if key.is_empty() {
                let _ = writeln!(self.out, "{l} = \"TODO: {hint} (in {name})\"");
            } else {
                let _ = writeln!(self.out, "{key}.{l} = \"TODO: {hint} (in {name})\"");
            }
        }
    }
}

/// The source of a scaffolded notice.
pub fn notice(s: &Scaffold) -> String {
    let mut w = Writer {
        out: String::new(),
        languages: &s.languages,
    };
    if s.schema {
        w.lines(&format!("#:schema {SCHEMA}"));
    }
    w.lines(&format!(
        "# Privacy notice `{id}`, written by `seloste new`.
#
# How to fill it in:
# - Every text that starts with \"TODO:\" and every address {PLACEHOLDER_EMAIL}
#   is a placeholder. `seloste check` reports each one as an error (Q013)
#   until it is replaced; nothing with a placeholder can be built.
# - The comment above each block says what the GDPR asks for, in which
#   article, and when the block is needed. Delete what does not apply.
# - Codes (legal_basis, kind, role, requirement...) have a default: check
#   each against the choices listed next to it.
# - docs/format.md describes every key. Comments are never printed; mark
#   values you supplied yourself with \"# filled in:\" for the reviewer.

# --- Metadata: top-level keys, before any [table] header (Art. 12) ----------
id = \"{id}\"",
        id = s.id
    ));
    w.prose("title", "the register's name");
    let languages: Vec<String> = s.languages.iter().map(|l| format!("\"{l}\"")).collect();
    w.lines(&format!(
        "# A short introduction in your own words (optional):
# description.{first} = \"...\"
version = \"1.0\"
# Art. 13(3): the date of this version, so readers know which text they read.
updated = {updated}
languages = [{languages}]
# Where the data comes from: \"data-subject\" (Art. 13), \"other-sources\"
# (Art. 14) or \"both\". \"both\" needs every block below; with \"data-subject\"
# [[sources]] may go, with \"other-sources\" [provision] may go.
collected_from = \"both\"
# Art. 13(2)(d), 14(2)(e), 77: where to lodge a complaint, \"FI\" or \"SE\".
# Without it: `supervisory_authority` of seloste.toml, else \"FI\".
# supervisory_authority = \"FI\"",
        first = s.languages.first().map_or("fi", |l| l.as_str()),
        updated = s.updated,
        languages = languages.join(", "),
    ));

    if s.vendor_service {
        w.lines(
            "# A service notice (Art. 13(1)(a), 14(1)(a), 28): the controller is each
# customer that uses the service. The customer files supply [controller],
# [dpo] and [contact]; `seloste bundle` combines them with this notice.
controller = \"customer\"

# --- Processor: the vendor (Art. 28) -----------------------------------------
# The vendor runs the service on each customer's behalf. A processor is a
# recipient too (Art. 4(9)): it is listed in [[recipients]] below.
[processor]
name = \"TODO: the vendor's name\"
address = \"TODO: the vendor's postal address\"",
        );
        w.lines(&format!("email = \"{PLACEHOLDER_EMAIL}\""));
        w.lines("country = \"FI\"                   # where it processes the data");
        w.prose("description", "what the vendor does for the register");
    } else {
        w.lines(&format!(
            "
# --- Controller (Art. 13(1)(a), 14(1)(a)) -------------------------------------
# The organisation that decides why and how the data is processed
# (rekisterinpitäjä, personuppgiftsansvarig): its name and at least one of
# address, email and phone (G001). For a school: the municipality or the
# education provider, not the software vendor.
[controller]
# One string serves every language; write name.fi, name.sv... if it differs.
name = \"TODO: the controller's name\"
{public}
address = \"TODO: the controller's postal address\"
email = \"{PLACEHOLDER_EMAIL}\"     # a functional address, e.g. kirjaamo@...
# phone = \"+358 ...\"
# web = \"https://...\"
# business_id = \"1234567-8\"
# Where the controller is established; outside the EU/EEA a [representative]
# is required (Art. 27, G002).
country = \"FI\"",
            public = if s.public_authority {
                "# A public body: it must have a [dpo] (Art. 37(1)(a), G003) and cannot rely
# on legitimate interests for its tasks (Art. 6(1), G006).
public_authority = true"
            } else {
                "# true for municipalities, public schools, universities and other public
# bodies: they must have a [dpo] (Art. 37(1)(a), G003).
public_authority = false"
            }
        ));
        if s.public_authority {
            w.lines(
                "
# --- Data protection officer (Art. 13(1)(b), 14(1)(b), 37) --------------------
# Required for a public authority (G003): a role and a functional address.
# A person's name is usually better left out of a published notice.
[dpo]",
            );
            w.prose(
                "role",
                "the DPO's role, e.g. the city's data protection officer",
            );
            w.lines(&format!("email = \"{PLACEHOLDER_EMAIL}\""));
        } else {
            w.lines(
                "
# --- Data protection officer (Art. 13(1)(b), 14(1)(b)) ------------------------
# Only if the controller has one; then with a role and an email, phone or
# address (G003). Remove the # signs to use it:
# [dpo]
# role.en = \"Data protection officer\"
# email = \"tietosuoja@...\"",
            );
        }
        w.lines(
            "
# --- Contact for the register (optional; Art. 13(1)(a)) -----------------------
# The person or role to contact about this register. Remove the # signs:
# [contact]
# role.en = \"Head of the student office\"
# email = \"...\"",
        );
    }

    w.lines(
        "
# --- Purposes and legal bases (Art. 13(1)(c), 14(1)(c), 6(1)) -----------------
# One [[purposes]] entry per purpose and legal basis (G004); copy the block
# for more. legal_basis: consent, contract, legal-obligation, vital-interests,
# public-task or legitimate-interests. Depending on it, also write:
#   public-task, legal-obligation: `law`, the act it rests on (Art. 6(3), G007)
#   legitimate-interests: `legitimate_interests`, the interest pursued
#     (Art. 13(1)(d), G005); not available to public authorities (G006)
#   consent: `withdrawal`, how to withdraw consent (Art. 7(3), G019)
# A purpose that uses special categories of data (Art. 9(1)) also needs a
# `special_category_condition` (Art. 9(2), G008).
[[purposes]]
id = \"main-purpose\"               # ids: lower-case kebab-case, unique in the notice",
    );
    if s.public_authority {
        w.lines("legal_basis = \"public-task\"");
        w.prose("description", "what the data is used for");
        w.prose(
            "law",
            "the act the processing rests on, e.g. Perusopetuslaki (628/1998)",
        );
    } else {
        w.lines("legal_basis = \"contract\"");
        w.prose("description", "what the data is used for");
    }

    w.lines(
        "
# --- Data subjects: whose data is processed ----------------------------------
[[data_subjects]]
id = \"people\"",
    );
    w.prose("name", "the group of people, e.g. pupils or staff");

    w.lines(
        "
# --- Personal data (Art. 14(1)(d)) -------------------------------------------
# The categories of data; required when data comes from other sources (G010).
# `items` may be a Markdown list in a multi-line string (\"\"\"...\"\"\").
[[data_categories]]
id = \"basic-details\"",
    );
    w.prose("name", "the category, e.g. contact details");
    w.prose("items", "the data items, e.g. name and e-mail address");
    w.lines(
        "subjects = [\"people\"]
purposes = [\"main-purpose\"]
# special_category = \"health\"    # Art. 9(1): the purpose then needs a
#                                 # special_category_condition (G008)
# criminal_offences = true       # Art. 10: the purpose then needs a law (G009)

# --- Sources (Art. 14(2)(f)) -------------------------------------------------
# Where the data comes from; required when collected_from is \"other-sources\"
# or \"both\" (G024). kind: data-subject, register, authority, public or
# organisation (it tells whether the source is publicly accessible).
[[sources]]
id = \"main-source\"
name = \"TODO: where the data comes from, e.g. the organisation's login system\"
kind = \"register\"
categories = [\"basic-details\"]

# --- Recipients (Art. 13(1)(e), 14(1)(e)) ------------------------------------
# Everyone the data is disclosed to, processors included (G011). If there are
# none, delete this block and write `recipients = []` among the top-level keys.
# role: processor, controller, joint-controller or authority. A `country`
# outside the EU/EEA needs a [[transfers]] entry (G012).
[[recipients]]",
    );
    if s.vendor_service {
        w.lines(
            "id = \"vendor\"
name = \"TODO: the vendor's name (the processor above)\"",
        );
    } else {
        w.lines(
            "id = \"main-recipient\"
name = \"TODO: the recipient, or a category of recipients\"",
        );
    }
    w.lines(
        "role = \"processor\"
country = \"FI\"",
    );
    w.prose("purpose", "why it receives the data");
    w.lines(&format!(
        "categories = [\"basic-details\"]

# --- Transfers outside the EU/EEA (Art. 13(1)(f), 14(1)(f), 44-49) -----------
# Only for a recipient outside the EU/EEA: one entry with exactly one
# mechanism (G013) and, for Art. 46/47 safeguards, where to get a copy of
# them (G014). Remove the # signs to use it:
# [[transfers]]
# id = \"{recipient}-us\"
# recipient = \"{recipient}\"
# country = \"US\"
# mechanism = \"standard-contractual-clauses\"
# safeguard_copy.en = \"A copy of the clauses is available from the DPO.\"

# --- Storage periods (Art. 13(2)(a), 14(2)(a)) -------------------------------
# At least one entry (G017) with a `period` (ISO 8601: \"P2Y\", \"P6M\"), a
# `rule` (the criteria, or the event that ends the storage) or both. \"As long
# as necessary\" or \"at least\" with no upper limit is not a storage period
# (Q003, G027); name the law that sets it (G028).
[[retention]]
id = \"keep-basic-details\"
applies_to = [\"basic-details\"]   # data category or purpose ids
# period = \"P2Y\"",
        recipient = if s.vendor_service {
            "vendor"
        } else {
            "main-recipient"
        }
    ));
    w.prose(
        "rule",
        "how long the data is kept, or the event that ends the storage",
    );

    w.lines(&format!(
        "
# --- Providing the data (Art. 13(2)(e)) --------------------------------------
# Required when collected_from is \"data-subject\" or \"both\" (G021): whether
# the data must be provided and what follows if it is not. requirement:
# statutory, contractual, contract-prerequisite, voluntary or mixed (then
# say in `description` which data is required).
[provision]
requirement = \"{}\"",
        if s.public_authority {
            "statutory"
        } else {
            "contractual"
        }
    ));
    w.prose("consequences", "what happens if the data is not provided");

    w.lines(
        "
# --- Automated decisions and profiling (Art. 13(2)(f), 14(2)(g), 22) ---------
# Say so even when none are made (G022). With used = true, `logic` and
# `consequences` are required (G023).
[automated_decisions]
used = false
profiling = false

# --- Exercising the rights (Art. 12(2), 13(2)(b)) ----------------------------
# Where and how to send a request (G018). seloste writes the rights
# themselves from the legal bases, and the supervisory authority's details.
[rights]",
    );
    w.prose("how", "where and how to send a request");
    w.lines(&format!("email = \"{PLACEHOLDER_EMAIL}\""));

    w.lines(
        "
# --- Security (Art. 32; customary in Finnish notices, optional) --------------
[security]",
    );
    w.prose("", "how the data is protected");
    w.out
}

/// `seloste init`: a project folder that builds straight away.
pub fn init(dir: &Path) -> anyhow::Result<ExitCode> {
    if dir.exists() {
        if !dir.is_dir() {
            bail!("{} exists and is not a folder", dir.display());
        }
        // A folder with only a Git repository in it counts as empty.
        let mut entries = std::fs::read_dir(dir)
            .with_context(|| format!("cannot read {}", dir.display()))?
            .filter_map(Result::ok)
            .filter(|e| e.file_name() != ".git");
        if entries.next().is_some() {
            bail!(
                "{} is not empty; `seloste init` only writes into an empty or new folder \
                 (use `seloste new ID` to add a notice to an existing project)",
                dir.display()
            );
        }
    }
    for (path, contents) in PROJECT {
        let path = dir.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, contents)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    let shown = if dir.as_os_str().is_empty() || dir == Path::new(".") {
        String::new()
    } else {
        format!("cd {} && ", dir.display())
    };
    writeln!(
        anstream::stderr(),
        "created a seloste project in {}: {}\n\
         next: `{shown}seloste check` and `seloste build`; `seloste new ID` adds a notice",
        dir.display(),
        PROJECT
            .iter()
            .map(|(p, _)| *p)
            .collect::<Vec<_>>()
            .join(", ")
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The files of a new project, by path.
pub const PROJECT: &[(&str, &str)] = &[
    ("seloste.toml", CONFIG),
    ("notices/example-school-register.toml", EXAMPLE_NOTICE),
    ("customers/README.md", CUSTOMERS_README),
    (".gitignore", GITIGNORE),
];

const GITIGNORE: &str = "# Output of `seloste build`, `bundle`, `records` and `export`.
/site
/bundles
/records
/export
";

const CONFIG: &str = r#"# Project configuration of seloste. Every key is optional; unknown keys are
# errors (with a suggestion). Command-line flags override these settings.

# Languages for notices that do not list their own `languages`; also the
# languages `seloste new` writes placeholders in.
languages = ["fi", "sv", "en"]

# The supervisory authority (Art. 77) for notices that name none: "FI" or "SE".
# supervisory_authority = "FI"

# Folders, relative to this file; shown with their defaults.
# notices = "notices"       # the notice sources every command reads (its PATHS)
# out = "site"              # output of `seloste build` (--out)
# templates = "templates"   # template overrides (--templates); `seloste init-templates` writes them
# customers = "customers"   # customer files of `seloste bundle` (--customers)
# bundles = "bundles"       # output of `seloste bundle` (--out)

# Rule severities by code or name: allow | info | warning | error.
# `seloste rules` lists the rules; loader errors (L...) cannot be lowered.
[rules]
# G007 = "allow"
# vague-retention = "warning"
"#;

const CUSTOMERS_README: &str = "# Customers

Only vendors need this folder. A vendor describes each service once, in a service notice with
`controller = \"customer\"` (`seloste new ID --vendor-service` writes one), and each customer in
a file here: `customers/<customer-id>.toml` names the services the customer uses and supplies
its `[controller]`, `[dpo]`, `[contact]`, `languages` and, optionally,
`supervisory_authority` and `[branding]`.

`seloste bundle` binds every service to every customer that uses it, checks each combined
notice and writes one folder and one zip per customer into `bundles/`. See \"Service notices
and customers\" in seloste's docs/format.md for the format.

`seloste build` does not read this folder: it publishes the notices that name their own
controller.
";

const EXAMPLE_NOTICE: &str = r#"# An example notice: a municipality's pupil register. It passes
# `seloste check` with no findings; `seloste build` renders it into site/.
# Edit it, or start a new notice with `seloste new ID --public-authority`.
# docs/format.md describes every key; comments are never printed.

# --- Metadata: top-level keys, before any [table] header (Art. 12) ----------
id = "example-school-register"      # unique; names the output files
title = { fi = "Esimerkkilän koulun oppilasrekisteri", sv = "Exempelby skolas elevregister", en = "Example School pupil register" }
version = "1.0"
updated = 2026-11-21                # Art. 13(3): the date of this version
languages = ["fi", "sv", "en"]      # every text below in each of these
# Data from the guardians (Art. 13) and from the population register (Art. 14).
collected_from = "both"
# Nothing is disclosed: said explicitly, since silence would be ambiguous
# (Art. 13(1)(e)).
recipients = []

# --- Controller (Art. 13(1)(a), 14(1)(a)) -------------------------------------
[controller]
name = { fi = "Esimerkkilän kaupunki", sv = "Exempelby stad", en = "City of Esimerkkilä" }
public_authority = true             # => a [dpo] is required (Art. 37(1)(a))
address = { fi = "Kirkkokatu 1, 00100 Esimerkkilä", sv = "Kyrkogatan 1, 00100 Exempelby", en = "Kirkkokatu 1, 00100 Esimerkkilä, Finland" }
email = "kirjaamo@esimerkkila.fi"

# --- Data protection officer (Art. 13(1)(b), 14(1)(b)) ------------------------
[dpo]
role = { fi = "Tietosuojavastaava", sv = "Dataskyddsombud", en = "Data protection officer" }
email = "tietosuoja@esimerkkila.fi"

# --- Purposes and legal bases (Art. 13(1)(c), 6(1)); public-task needs a law --
[[purposes]]
id = "teaching"
description = { fi = "Opetuksen järjestäminen", sv = "Ordnande av undervisning", en = "Providing basic education" }
legal_basis = "public-task"
law = { fi = "Perusopetuslaki (628/1998)", sv = "Lagen om grundläggande utbildning (628/1998)", en = "Basic Education Act (628/1998)" }

# --- Personal data (Art. 14(1)(d)) -------------------------------------------
[[data_categories]]
id = "identity"
name = { fi = "Perustiedot", sv = "Grunduppgifter", en = "Basic details" }
items = { fi = "nimi, syntymäaika", sv = "namn, födelsedatum", en = "name, date of birth" }
purposes = ["teaching"]

# --- Sources (Art. 14(2)(f)) -------------------------------------------------
[[sources]]
id = "population-register"
name = { fi = "Väestötietojärjestelmä", sv = "Befolkningsdatasystemet", en = "Population Information System" }
kind = "authority"
categories = ["identity"]

# --- Storage periods (Art. 13(2)(a), 14(2)(a)) -------------------------------
[[retention]]
id = "keep-identity"
applies_to = ["identity"]
period = "P2Y"                      # rendered "2 vuotta" / "2 år" / "2 years"
rule = { fi = "Laskettuna siitä, kun oppilas lähtee koulusta.", sv = "Räknat från att eleven lämnar skolan.", en = "Counted from when the pupil leaves the school." }

# --- Providing the data (Art. 13(2)(e)) --------------------------------------
[provision]
requirement = "statutory"
consequences = { fi = "Oppilasta ei voida ottaa kouluun.", sv = "Eleven kan inte tas emot.", en = "The pupil cannot be enrolled." }

# --- Automated decisions (Art. 13(2)(f), 22): none ---------------------------
[automated_decisions]
used = false
profiling = false

# --- Exercising the rights (Art. 12(2)); the rights themselves are derived ---
[rights]
email = "tietosuoja@esimerkkila.fi"
how = { fi = "Lähetä pyynnöt tietosuojavastaavalle.", sv = "Skicka begäranden till dataskyddsombudet.", en = "Send requests to the data protection officer." }
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;

    fn codes(source: &str) -> Vec<&'static str> {
        let loaded = crate::load::load_bytes(FileId(0), 0, source.as_bytes());
        let mut diags = loaded.diagnostics;
        if let Some(n) = &loaded.document {
            diags.extend(crate::lint::check(n, &[]));
        }
        let mut codes: Vec<_> = diags.iter().map(|d| d.code.code).collect();
        codes.sort();
        codes.dedup();
        codes
    }

    fn scaffold(public_authority: bool, vendor_service: bool, langs: &[&str]) -> Scaffold {
        Scaffold {
            id: "pupil-register".into(),
            languages: langs.iter().filter_map(|l| Lang::parse(l)).collect(),
            public_authority,
            vendor_service,
            updated: Date::new(2026, 5, 4).expect("date"),
            schema: false,
        }
    }

    fn filled(source: &str) -> String {
        source
            .replace("TODO: ", "Filled in: ")
            .replace(PLACEHOLDER_EMAIL, "tietosuoja@esimerkkila.fi")
    }

    #[test]
    fn every_variant_has_only_placeholder_findings_until_filled() {
        for public in [false, true] {
            for vendor in [false, true] {
                for langs in [&["fi", "sv", "en"][..], &["sv"][..]] {
                    let s = scaffold(public, vendor, langs);
                    let source = notice(&s);
                    let open: &[&str] = if vendor { &["G026"] } else { &[] };
                    let mut expected = vec!["Q013"];
                    expected.extend(open);
                    expected.sort();
                    assert_eq!(codes(&source), expected, "{s:?}\n{source}");
                    assert_eq!(codes(&filled(&source)), open, "{s:?}");
                }
            }
        }
    }

    #[test]
    fn the_schema_directive_is_the_first_line_when_asked_for() {
        let mut s = scaffold(true, false, &["fi"]);
        assert!(!notice(&s).contains("#:schema"));
        s.schema = true;
        assert!(notice(&s).starts_with("#:schema ../schema/notice.schema.json\n"));
    }

    #[test]
    fn the_example_notice_is_clean() {
        assert_eq!(codes(EXAMPLE_NOTICE), Vec::<&str>::new());
    }

    #[test]
    fn the_project_configuration_is_valid() {
        let (c, d) = crate::load::config::parse(FileId(0), 0, CONFIG);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(c.languages.len(), 3);
        // Every commented setting is a real key with a valid value.
        let uncommented = CONFIG
            .replace("\n# out", "\nout")
            .replace("\n# supervisory_authority", "\nsupervisory_authority");
        let uncommented = [
            "notices",
            "templates",
            "customers",
            "bundles",
            "G007",
            "vague-retention",
        ]
        .iter()
        .fold(uncommented, |s, k| {
            s.replace(&format!("\n# {k} "), &format!("\n{k} "))
        });
        let (mut c, d) = crate::load::config::parse(FileId(0), 0, &uncommented);
        assert!(d.is_empty(), "{d:?}");
        assert!(c.out.is_some() && c.templates.is_some() && c.customers.is_some());
        assert!(c.bundles.is_some() && c.supervisory_authority.is_some());
        assert!(c.notices.is_some());
        // The rules it names exist and may be reconfigured.
        let problems = crate::lint::configure(&mut c);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(c.rules.len(), 2);
    }
}
