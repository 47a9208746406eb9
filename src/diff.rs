//! `seloste diff`: what changed between two versions of one notice, in words
//! a change log can use.
//!
//! The comparison is semantic: two files that load to the same notice have
//! no changes, however their TOML is laid out. Items of a list (purposes,
//! recipients, storage periods...) are matched by `id`, or by position when
//! they have none. Changes are grouped by section in the traditional order
//! of a notice and worded in one language from `locales/<lang>/diff.ftl`,
//! with the official wording of legal bases, transfer mechanisms, countries,
//! dates and storage periods from `notice.ftl`.
//!
//! A change is *material* when it changes what the reader is told; a new
//! version number or date alone is not.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, anyhow, bail};
use fluent::FluentValue;

use crate::diagnostic::{Diagnostic, Severity, Tally};
use crate::model::{
    Collection, Contact, Country, Id, Lang, Located, Notice, Party, SupervisoryAuthority, Text,
    TransferMechanism,
};
use crate::render::locale::Locales;
use crate::render::resolve::{Format, Resolver, first_sentence};
use crate::report;
use crate::source::{FileId, SourceMap};

/// `seloste diff OLD NEW` or `seloste diff FILE --rev REV`.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The old version of the notice; with --rev, the notice file itself.
    #[arg(value_name = "OLD")]
    pub old: PathBuf,

    /// The new version of the notice.
    #[arg(
        value_name = "NEW",
        required_unless_present = "rev",
        conflicts_with = "rev"
    )]
    pub new: Option<PathBuf>,

    /// Compare the file as it is now with its version at this git revision
    /// (`git show REV:FILE`).
    #[arg(long, value_name = "REV")]
    pub rev: Option<String>,

    /// Language of the change list [default: the notice's first language].
    #[arg(long, value_parser = crate::model::Lang::parse_arg)]
    pub lang: Option<Lang>,

    /// Plain text, or Markdown (a list per section, for a change log).
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    Text,
    Md,
}

/// The sections of a notice, in the order a change list follows (the
/// traditional Finnish order, as rendered).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Notice,
    Controller,
    Representative,
    Contact,
    Dpo,
    Processor,
    Register,
    Purposes,
    Subjects,
    Data,
    Sources,
    Recipients,
    Transfers,
    Retention,
    Security,
    Automated,
    Provision,
    Access,
    Cookies,
    Rights,
    Complaint,
    Related,
}

impl Section {
    /// The message holding the section's heading.
    pub fn heading_key(self) -> &'static str {
        match self {
            Section::Notice => "diff-sec-notice",
            Section::Controller => "sec-controller",
            Section::Representative => "sec-representative",
            Section::Contact => "sec-contact",
            Section::Dpo => "sec-dpo",
            Section::Processor => "sec-processor",
            Section::Register => "sec-register",
            Section::Purposes => "sec-purposes",
            Section::Subjects => "sec-subjects",
            Section::Data => "sec-data",
            Section::Sources => "sec-sources",
            Section::Recipients => "sec-recipients",
            Section::Transfers => "sec-transfers",
            Section::Retention => "sec-retention",
            Section::Security => "sec-security",
            Section::Automated => "sec-automated",
            Section::Provision => "sec-provision",
            Section::Access => "sec-access",
            Section::Cookies => "sec-cookies",
            Section::Rights => "sec-rights",
            Section::Complaint => "sec-complaint",
            Section::Related => "sec-related",
        }
    }
}

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

/// The change list as text or Markdown: a header naming both versions,
/// the changes under their section headings, and a closing line.
pub fn render(
    old: &Notice,
    new: &Notice,
    changes: &[Change],
    locales: &Locales,
    lang: &Lang,
    format: DiffFormat,
) -> String {
    let w = Words { locales, lang };
    let version = |n: &Notice| {
        if n.version.is_none() && n.updated.is_none() {
            return w.m("diff-none", &[]);
        }
        let date = n.updated.as_ref().map_or_else(
            || w.m("diff-none", &[]),
            |u| {
                w.resolver()
                    .date(u.value)
                    .unwrap_or_else(|_| u.value.to_string())
            },
        );
        let version = n
            .version
            .as_ref()
            .map_or_else(|| w.m("diff-none", &[]), |v| v.value.clone());
        w.m(
            "diff-version-date",
            &[("version", version.into()), ("date", date.into())],
        )
    };
    let title = w
        .show(new.title.as_ref())
        .or_else(|| w.show(old.title.as_ref()))
        .unwrap_or_else(|| new.id_str().to_string());
    let header = w.m(
        "diff-header",
        &[
            ("title", title.into()),
            ("old", version(old).into()),
            ("new", version(new).into()),
        ],
    );
    let material = changes.iter().filter(|c| c.material).count();
    let closing = if material == 0 {
        w.m("diff-no-material", &[])
    } else {
        w.m("diff-summary", &[("count", material.into())])
    };
    let md = format == DiffFormat::Md;
    let esc = |s: &str| if md { md_escape(s) } else { s.to_string() };
    let mut out = String::new();
    out.push_str(&if md {
        format!("## {}\n", esc(&header))
    } else {
        format!("{header}\n")
    });
    let mut current = None;
    for c in changes {
        if current != Some(c.section) {
            current = Some(c.section);
            let heading = w.m(c.section.heading_key(), &[]);
            out.push_str(&if md {
                format!("\n### {}\n\n", esc(&heading))
            } else {
                format!("\n{heading}\n")
            });
        }
        out.push_str(&if md {
            format!("- {}\n", esc(&c.line))
        } else {
            format!("  - {}\n", c.line)
        });
    }
    out.push('\n');
    out.push_str(&esc(&closing));
    out.push('\n');
    out
}

/// Escapes what Markdown would read as markup, so that names and values
/// from a notice show as written.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Runs `seloste diff`. Exit code 0: nothing material changed; 1: something
/// did; errors (2) are returned or reported like `check` does.
pub fn run(args: &DiffArgs, config_path: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let mut sources = SourceMap::default();
    let mut diagnostics = Vec::new();
    let mut fatal = Vec::new();
    let config =
        crate::config::load_project(config_path, &mut sources, &mut diagnostics, &mut fatal);
    let stderr = anstream::stderr();
    let mut err = stderr.lock();
    if !fatal.is_empty() {
        report::print_human(&mut err, &diagnostics, &sources)?;
        for e in &fatal {
            writeln!(err, "error: {e}")?;
        }
        return Ok(ExitCode::from(2));
    }
    let (old_origin, new_origin) = match (&args.rev, &args.new) {
        (Some(rev), _) => (
            Origin::Git {
                rev: rev.clone(),
                path: args.old.clone(),
            },
            Origin::Disk(args.old.clone()),
        ),
        (None, Some(new)) => (Origin::Disk(args.old.clone()), Origin::Disk(new.clone())),
        (None, None) => bail!("give two files, or one file and --rev REV"),
    };
    let old_bytes = old_origin.read()?;
    let new_bytes = new_origin.read()?;
    let old = load_one(&mut sources, old_origin.label(), old_bytes);
    let new = load_one(&mut sources, new_origin.label(), new_bytes);
    let mut failed: Vec<Diagnostic> = Vec::new();
    for (_, diags) in [&old, &new] {
        if diags.iter().any(|d| d.severity == Severity::Error) {
            failed.extend(diags.iter().cloned());
        }
    }
    // A file without a document always has an error diagnostic.
    let (Some(old), Some(new)) = (old.0, new.0) else {
        return report_broken(&mut err, failed, &sources);
    };
    if !failed.is_empty() {
        return report_broken(&mut err, failed, &sources);
    }
    let (old, mut notes) = compose_one(old, &old_origin, &mut sources);
    let (new, more) = compose_one(new, &new_origin, &mut sources);
    notes.extend(more);
    if !notes.is_empty() {
        report::sort(&mut notes);
        report::print_human(&mut err, &notes, &sources)?;
    }

    let lang = args
        .lang
        .clone()
        .or_else(|| new.language_list().into_iter().next())
        .or_else(|| old.language_list().into_iter().next())
        .or_else(|| config.languages.first().cloned())
        .or_else(|| Lang::parse("fi"))
        .ok_or_else(|| anyhow!("no language to write the changes in"))?;
    let locales = Locales::embedded()?;
    let found = changes(&old, &new, &locales, &lang);
    let text = render(&old, &new, &found, &locales, &lang, args.format);
    let stdout = anstream::stdout();
    let mut out = stdout.lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(if found.iter().any(|c| c.material) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn report_broken(
    err: &mut impl Write,
    mut diagnostics: Vec<Diagnostic>,
    sources: &SourceMap,
) -> anyhow::Result<ExitCode> {
    report::sort(&mut diagnostics);
    report::print_human(err, &diagnostics, sources)?;
    // Both versions were read.
    writeln!(err, "{}", report::summary(Tally::of(&diagnostics), 2))?;
    writeln!(
        err,
        "error: cannot compare: fix the errors above (`seloste check` shows them too)"
    )?;
    Ok(ExitCode::from(2))
}

/// Where one version of the notice comes from.
/// `check --since REV`: the notices whose content changed since `rev` while
/// neither their `version` nor their `updated` date did (rule Q014). A
/// file that did not exist at `rev` is new, not changed. Fails when git or
/// the revision cannot be used at all.
pub fn since(
    notices: &[Notice],
    sources: &SourceMap,
    rev: &str,
) -> anyhow::Result<Vec<Diagnostic>> {
    // One cheap call first, so that a bad revision is one clear error.
    let first_dir = notices
        .first()
        .map(|n| crate::output::folder_of(sources.path(n.file)))
        .unwrap_or_else(|| PathBuf::from("."));
    git(
        &first_dir,
        &["rev-parse", "--verify", &format!("{rev}^{{commit}}")],
        rev,
    )
    .with_context(|| format!("--since {rev}"))?;
    let mut out = Vec::new();
    for n in notices.iter().filter(|n| !n.is_fragment()) {
        let path = sources.path(n.file).to_path_buf();
        let origin = Origin::Git {
            rev: rev.to_string(),
            path: path.clone(),
        };
        let bytes = match origin.read() {
            Ok(b) => b,
            // Not in that revision: a new notice.
            Err(_) => continue,
        };
        let mut scratch = SourceMap::default();
        let (Some(old), diags) = load_one(&mut scratch, origin.label(), bytes) else {
            continue;
        };
        if diags.iter().any(|d| d.severity == Severity::Error) {
            continue;
        }
        let (old, _) = compose_one(old, &origin, &mut scratch);
        if unbumped(&old, n) {
            let span = n
                .version
                .as_ref()
                .map(|v| v.span.clone())
                .or_else(|| n.updated.as_ref().map(|u| u.span.clone()))
                .unwrap_or(n.span.clone());
            out.push(
                Diagnostic::new(crate::lint::quality::Q014, span, format!("the notice changed since `{rev}` but its version and date did not"))
                    .label("bump `version` and `updated`")
                    .help(format!(
                        "readers must be able to tell versions apart (Art. 13(3)); `seloste diff {} --rev {rev}` lists what changed",
                        path.display()
                    )),
            );
        }
    }
    Ok(out)
}

enum Origin {
    Disk(PathBuf),
    /// `git show REV:PATH`, run in the file's folder.
    Git {
        rev: String,
        path: PathBuf,
    },
}

impl Origin {
    /// The name diagnostics show for the file.
    fn label(&self) -> PathBuf {
        match self {
            Origin::Disk(p) => p.clone(),
            Origin::Git { rev, path } => PathBuf::from(format!("{rev}:{}", path.display())),
        }
    }

    fn read(&self) -> anyhow::Result<Vec<u8>> {
        match self {
            Origin::Disk(p) => {
                std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))
            }
            Origin::Git { rev, path } => {
                let (dir, name) = split(path)?;
                git(&dir, &["show", &format!("{rev}:./{name}")], rev)
                    .with_context(|| format!("cannot read {} at revision `{rev}`", path.display()))
            }
        }
    }

    /// The other `.toml` files of the same folder, for the fragments a
    /// notice extends. Unreadable files are left out.
    fn siblings(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut out = Vec::new();
        match self {
            Origin::Disk(p) => {
                let dir = crate::output::folder_of(p);
                let Ok(entries) = std::fs::read_dir(&dir) else {
                    return out;
                };
                let mut paths: Vec<PathBuf> = entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|s| s.extension().is_some_and(|e| e == "toml"))
                    .filter(|s| s.file_name() != p.file_name())
                    .collect();
                paths.sort();
                for s in paths {
                    if let Ok(bytes) = std::fs::read(&s) {
                        out.push((s, bytes));
                    }
                }
            }
            Origin::Git { rev, path } => {
                let Ok((dir, name)) = split(path) else {
                    return out;
                };
                // `REV:./` is the folder's tree; without --full-tree, ls-tree
                // would also filter it by the folder's path and list nothing.
                let Ok(list) = git(
                    &dir,
                    &[
                        "ls-tree",
                        "--full-tree",
                        "--name-only",
                        &format!("{rev}:./"),
                    ],
                    rev,
                ) else {
                    return out;
                };
                for s in String::from_utf8_lossy(&list).lines() {
                    if !s.ends_with(".toml") || s == name {
                        continue;
                    }
                    if let Ok(bytes) = git(&dir, &["show", &format!("{rev}:./{s}")], rev) {
                        out.push((
                            PathBuf::from(format!("{rev}:{}", dir.join(s).display())),
                            bytes,
                        ));
                    }
                }
            }
        }
        out
    }
}

/// The folder of `path` and its file name.
fn split(path: &Path) -> anyhow::Result<(PathBuf, String)> {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| anyhow!("{} is not a file name git can look up", path.display()))?;
    Ok((crate::output::folder_of(path), name.to_string()))
}

/// Runs git in `dir` and returns its output.
fn git(dir: &Path, args: &[&str], rev: &str) -> anyhow::Result<Vec<u8>> {
    if rev.starts_with('-') || rev.is_empty() {
        bail!("`{rev}` is not a revision");
    }
    let output = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                anyhow!("git is not installed or not on the PATH (--rev runs `git show`)")
            }
            _ => anyhow!("cannot run git in {}: {e}", dir.display()),
        })?;
    if !output.status.success() {
        let message = String::from_utf8_lossy(&output.stderr);
        let message = message.trim();
        bail!(
            "{}",
            if message.is_empty() {
                format!("git {} failed", args.join(" "))
            } else {
                message.to_string()
            }
        );
    }
    Ok(output.stdout)
}

/// Loads one version into `sources`: the notice, if it could be read, and
/// what the loader found.
fn load_one(
    sources: &mut SourceMap,
    label: PathBuf,
    bytes: Vec<u8>,
) -> (Option<Notice>, Vec<Diagnostic>) {
    // Invalid UTF-8 is shown with up to three bytes per byte (see `load`).
    let base = sources.reserve(bytes.len() * 3);
    let file = FileId(sources.len());
    let loaded = crate::load::load_owned(file, base, bytes);
    sources.add_at(base, label, loaded.text);
    (loaded.document, loaded.diagnostics)
}

/// The notice with the fragments it extends applied, found among the other
/// files of its folder in the same version. What composition reports (a
/// fragment that cannot be found) is returned as notes.
fn compose_one(n: Notice, origin: &Origin, sources: &mut SourceMap) -> (Notice, Vec<Diagnostic>) {
    if n.extends.is_none() || n.is_fragment() {
        return (n, Vec::new());
    }
    let mut all = vec![n.clone()];
    for (label, bytes) in origin.siblings() {
        let (doc, diags) = load_one(sources, label, bytes);
        if let Some(f) = doc.filter(|f| f.is_fragment())
            && !diags.iter().any(|d| d.severity == Severity::Error)
        {
            all.push(f);
        }
    }
    let (composed, notes) = crate::bind::compose(all);
    (composed.into_iter().next().unwrap_or(n), notes)
}

/// How changes are worded: one language's messages.
#[derive(Clone, Copy)]
struct Words<'a> {
    locales: &'a Locales,
    lang: &'a Lang,
}

impl<'a> Words<'a> {
    fn m(&self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        // Every key is in every locale (tested); the key itself is a
        // visible fallback rather than a lost change.
        self.locales
            .message(self.lang.as_str(), key, args)
            .unwrap_or_else(|_| key.to_string())
    }

    fn resolver(&self) -> Resolver<'a> {
        Resolver {
            locales: self.locales,
            lang: self.lang,
            format: Format::Md,
        }
    }

    /// A text in the chosen language, else in any language it has, as
    /// plain text.
    fn show(&self, t: Option<&Text>) -> Option<String> {
        let t = t?;
        let s = t
            .get(self.lang)
            .or_else(|| t.translations.first().map(|(_, s)| s.value.as_str()))?;
        let plain = first_sentence(s);
        (!plain.is_empty()).then_some(plain)
    }
}

/// Compares two notices and collects the changes, worded when `words` is
/// given.
struct Differ<'a> {
    old: &'a Notice,
    new: &'a Notice,
    words: Option<Words<'a>>,
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

/// A text with insignificant whitespace removed: trailing spaces, runs of
/// spaces and of blank lines do not change what a reader sees.
fn normalise(s: &str) -> String {
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

/// The languages in which a text differs between two versions.
fn changed_langs(a: Option<&Text>, b: Option<&Text>) -> Vec<&'static str> {
    Lang::SUPPORTED
        .iter()
        .filter(|code| {
            let Some(lang) = Lang::parse(code) else {
                return false;
            };
            let get = |t: Option<&Text>| t.and_then(|t| t.get(&lang)).map(normalise);
            get(a) != get(b)
        })
        .copied()
        .collect()
}

fn located<T: Clone>(l: &Option<Located<T>>) -> Option<T> {
    l.as_ref().map(|l| l.value.clone())
}

fn flag(l: &Option<Located<bool>>) -> bool {
    l.as_ref().is_some_and(|l| l.value)
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

    fn m(&self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.words.map(|w| w.m(key, args)).unwrap_or_default()
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

    fn quote(&self, s: &str) -> String {
        self.m("diff-quote", &[("text", s.into())])
    }

    fn none(&self) -> String {
        self.m("diff-none", &[])
    }

    /// A text shown as a value: quoted, in the chosen language.
    fn shown(&self, t: Option<&Text>) -> Option<String> {
        let w = self.words?;
        w.show(t).map(|s| self.quote(&s))
    }

    /// The quoted name of an item, from its text, else its id, else its
    /// position.
    fn label(&self, text: Option<&Text>, id: Option<&Id>, index: usize) -> String {
        self.shown(text)
            .or_else(|| id.map(|i| self.quote(&i.value)))
            .unwrap_or_else(|| self.m("diff-entry", &[("n", (index + 1).into())]))
    }

    /// A purpose's name: the first sentence of its description, without
    /// its full stop.
    fn purpose_label(&self, p: &crate::model::Purpose, index: usize) -> String {
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

    fn item(&self, key: &str, name: String) -> String {
        self.m(key, &[("name", name.into())])
    }

    /// The name of whatever `id` refers to in `n`.
    fn ref_name(&self, n: &Notice, id: &str) -> String {
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

    fn refs(&self, n: &Notice, list: &[String]) -> String {
        if list.is_empty() {
            return self.none();
        }
        list.iter()
            .map(|id| self.ref_name(n, id))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn country(&self, c: &Country) -> String {
        self.m(&format!("country-{c}"), &[])
    }

    fn yes_no(&self, b: bool) -> String {
        self.m(if b { "diff-yes" } else { "diff-no" }, &[])
    }

    // --- Generic comparisons -------------------------------------------

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
        a: &Option<Located<String>>,
        b: &Option<Located<String>>,
    ) {
        let trim = |l: &Option<Located<String>>| l.as_ref().map(|l| l.value.trim().to_string());
        self.scalar(item, field, trim(a), trim(b), |_, s| s.clone());
    }

    /// Prose: says which field changed and in which languages, not the
    /// text itself.
    fn prose(&mut self, item: Option<&str>, field: &str, a: &Option<Text>, b: &Option<Text>) {
        let langs = changed_langs(a.as_ref(), b.as_ref());
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
    fn name(&mut self, item: Option<&str>, field: &str, a: &Option<Text>, b: &Option<Text>) {
        if changed_langs(a.as_ref(), b.as_ref()).is_empty() {
            return;
        }
        let (old, new) = (self.shown(a.as_ref()), self.shown(b.as_ref()));
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
        a: &Option<Located<bool>>,
        b: &Option<Located<bool>>,
    ) {
        let (a, b) = (flag(a), flag(b));
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

    // --- Sections, in order --------------------------------------------

    fn run(&mut self) {
        let (o, n) = (self.old, self.new);
        self.section = Section::Notice;
        let version = |x: &Notice| x.version.as_ref().map(|v| v.value.trim().to_string());
        if version(o) != version(n) {
            self.value_as(None, "diff-field-version", version(o), version(n), false);
        }
        let (a, b) = (located(&o.updated), located(&n.updated));
        if a != b {
            let date = |d: Option<crate::model::Date>| {
                let w = self.words?;
                let d = d?;
                Some(w.resolver().date(d).unwrap_or_else(|_| d.to_string()))
            };
            let (old, new) = (date(a), date(b));
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
                    .map(|l| d.m(&format!("lang-{l}"), &[]))
                    .collect::<Vec<_>>()
                    .join(", ")
            },
        );

        self.section = Section::Controller;
        let item = self.m("diff-item-controller", &[]);
        if let Some((a, b)) = self.presence(&item, &o.controller, &n.controller) {
            let it = Some(item.as_str());
            self.name(it, "diff-field-name", &a.name, &b.name);
            self.flag(
                it,
                "diff-field-public-authority",
                &a.public_authority,
                &b.public_authority,
            );
            self.string(it, "diff-field-business-id", &a.business_id, &b.business_id);
            self.name(it, "diff-field-address", &a.address, &b.address);
            self.string(it, "diff-field-email", &a.email, &b.email);
            self.string(it, "diff-field-phone", &a.phone, &b.phone);
            self.string(it, "diff-field-web", &a.web, &b.web);
            self.scalar(
                it,
                "diff-field-country",
                located(&a.country),
                located(&b.country),
                |d, c| d.country(c),
            );
        }

        self.section = Section::Representative;
        self.party(
            "diff-item-representative",
            &o.representative,
            &n.representative,
        );
        self.section = Section::Contact;
        self.contact("diff-item-contact", &o.contact, &n.contact);
        self.section = Section::Dpo;
        self.contact("diff-item-dpo", &o.dpo, &n.dpo);
        self.section = Section::Processor;
        self.party("diff-item-processor", &o.processor, &n.processor);

        self.section = Section::Register;
        self.name(None, "diff-field-title", &o.title, &n.title);
        self.prose(
            None,
            "diff-field-description",
            &o.description,
            &n.description,
        );

        self.purposes();
        self.subjects();
        self.categories();
        self.sources();
        self.recipients();
        self.transfers();
        self.retention();

        self.section = Section::Security;
        self.prose(None, "diff-field-security", &o.security, &n.security);

        self.automated();
        self.provision();
        self.access();

        self.section = Section::Cookies;
        self.prose(None, "diff-field-cookies", &o.cookies, &n.cookies);

        self.section = Section::Rights;
        let item = self.m("diff-item-rights", &[]);
        if let Some((a, b)) = self.presence(&item, &o.rights, &n.rights) {
            let it = Some(item.as_str());
            self.prose(it, "diff-field-how", &a.how, &b.how);
            self.string(it, "diff-field-email", &a.email, &b.email);
            self.string(it, "diff-field-phone", &a.phone, &b.phone);
            self.string(it, "diff-field-web", &a.web, &b.web);
        }

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
            |d, a| d.m(&format!("authority-{}-name", a.code()), &[]),
        );

        self.related();
    }

    fn party(&mut self, key: &str, a: &Option<Party>, b: &Option<Party>) {
        let item = self.m(key, &[]);
        let Some((a, b)) = self.presence(&item, a, b) else {
            return;
        };
        let it = Some(item.as_str());
        self.name(it, "diff-field-name", &a.name, &b.name);
        self.name(it, "diff-field-address", &a.address, &b.address);
        self.string(it, "diff-field-email", &a.email, &b.email);
        self.string(it, "diff-field-phone", &a.phone, &b.phone);
        self.string(it, "diff-field-web", &a.web, &b.web);
        self.scalar(
            it,
            "diff-field-country",
            located(&a.country),
            located(&b.country),
            |d, c| d.country(c),
        );
        self.prose(it, "diff-field-description", &a.description, &b.description);
    }

    fn contact(&mut self, key: &str, a: &Option<Contact>, b: &Option<Contact>) {
        let item = self.m(key, &[]);
        let Some((a, b)) = self.presence(&item, a, b) else {
            return;
        };
        let it = Some(item.as_str());
        self.name(it, "diff-field-name", &a.name, &b.name);
        self.name(it, "diff-field-role", &a.role, &b.role);
        self.name(it, "diff-field-address", &a.address, &b.address);
        self.string(it, "diff-field-email", &a.email, &b.email);
        self.string(it, "diff-field-phone", &a.phone, &b.phone);
    }

    fn basis(&self, b: &crate::model::LegalBasis) -> String {
        let code = b.code();
        self.m(
            "diff-paren",
            &[
                ("text", self.m(&format!("basis-{code}"), &[]).into()),
                ("detail", self.m(&format!("basis-{code}-ref"), &[]).into()),
            ],
        )
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
                    let it = Some(item.as_str());
                    self.prose(it, "diff-field-description", &a.description, &b.description);
                    self.scalar(
                        it,
                        "diff-field-legal-basis",
                        located(&a.legal_basis),
                        located(&b.legal_basis),
                        |d, b| d.basis(b),
                    );
                    self.prose(it, "diff-field-law", &a.law, &b.law);
                    self.prose(
                        it,
                        "diff-field-legitimate-interests",
                        &a.legitimate_interests,
                        &b.legitimate_interests,
                    );
                    self.scalar(
                        it,
                        "diff-field-special-condition",
                        located(&a.special_category_condition),
                        located(&b.special_category_condition),
                        |d, c| d.m(&format!("cond-{}", c.code()), &[]),
                    );
                    self.prose(it, "diff-field-withdrawal", &a.withdrawal, &b.withdrawal);
                }
            }
        }
    }

    /// A list whose items are added, removed or changed field by field.
    /// `item` words an item of the given version as the subject of a line;
    /// `fields` compares the two versions of a matched item.
    fn list<T>(
        &mut self,
        old: &'a [T],
        new: &'a [T],
        id: fn(&T) -> Option<&Id>,
        item: impl Fn(&Self, &'a Notice, &T, usize) -> String,
        fields: impl Fn(&mut Self, Option<&str>, &T, &T),
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
                    fields(self, Some(&it), a, b);
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
            |d, it, a, b| {
                d.name(it, "diff-field-name", &a.name, &b.name);
                d.prose(it, "diff-field-description", &a.description, &b.description);
            },
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
            |d, it, a, b| {
                d.name(it, "diff-field-name", &a.name, &b.name);
                d.prose(it, "diff-field-items", &a.items, &b.items);
                d.scalar(
                    it,
                    "diff-field-special-category",
                    located(&a.special_category),
                    located(&b.special_category),
                    |d, s| d.m(&format!("special-{}", s.code()), &[]),
                );
                d.flag(
                    it,
                    "diff-field-criminal",
                    &a.criminal_offences,
                    &b.criminal_offences,
                );
                d.flag(
                    it,
                    "diff-field-editable",
                    &a.editable_by_subject,
                    &b.editable_by_subject,
                );
                d.id_list(it, "diff-field-subjects", &a.subjects, &b.subjects);
                d.id_list(it, "diff-field-purposes", &a.purposes, &b.purposes);
            },
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
            located(&o.collected_from),
            located(&n.collected_from),
            |d, c| {
                d.m(
                    match c {
                        Collection::DataSubject => "diff-collected-data-subject",
                        Collection::OtherSources => "diff-collected-other-sources",
                        Collection::Both => "diff-collected-both",
                    },
                    &[],
                )
            },
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
            |d, it, a, b| {
                d.name(it, "diff-field-name", &a.name, &b.name);
                d.scalar(
                    it,
                    "diff-field-kind",
                    located(&a.kind),
                    located(&b.kind),
                    |d, k| d.m(&format!("source-{}", k.code()), &[]),
                );
                d.prose(it, "diff-field-description", &a.description, &b.description);
                d.id_list(it, "diff-field-categories", &a.categories, &b.categories);
            },
        );
    }

    /// A recipient as the subject of a line, with its role when `role`.
    fn recipient_item(&self, r: &crate::model::Recipient, i: usize, role: bool) -> String {
        let name = self.label(r.name.as_ref(), r.id.as_ref(), i);
        let name = match (&r.role, role) {
            (Some(role), true) => self.m(
                "diff-paren",
                &[
                    ("text", name.into()),
                    (
                        "detail",
                        self.m(&format!("role-{}", role.value.code()), &[]).into(),
                    ),
                ],
            ),
            _ => name,
        };
        self.item("diff-item-recipient", name)
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
                    let it = Some(item.as_str());
                    self.name(it, "diff-field-name", &a.name, &b.name);
                    self.scalar(
                        it,
                        "diff-field-role",
                        located(&a.role),
                        located(&b.role),
                        |d, r| d.m(&format!("role-{}", r.code()), &[]),
                    );
                    let (ca, cb) = (located(&a.country), located(&b.country));
                    if ca != cb {
                        let show = |c: Option<Country>| match c {
                            Some(c) => self.country(&c),
                            None => self.m("diff-eea", &[]),
                        };
                        let (old, new) = (show(ca), show(cb));
                        if third(b).is_some() && third(a).is_none() {
                            let line = self.m(
                                "diff-recipient-to-third",
                                &[
                                    ("item", item.clone().into()),
                                    ("old", old.into()),
                                    ("new", new.into()),
                                ],
                            );
                            self.push(line);
                        } else {
                            self.value(it, "diff-field-country", Some(old), Some(new));
                        }
                    }
                    self.prose(it, "diff-field-purpose", &a.purpose, &b.purpose);
                    self.prose(it, "diff-field-law", &a.law, &b.law);
                    self.id_list(it, "diff-field-categories", &a.categories, &b.categories);
                }
            }
        }
    }

    fn mechanisms(&self, list: &[TransferMechanism]) -> String {
        list.iter()
            .map(|m| {
                let code = m.code();
                self.m(
                    "diff-paren",
                    &[
                        ("text", self.m(&format!("mech-{code}"), &[]).into()),
                        ("detail", self.m(&format!("mech-{code}-ref"), &[]).into()),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn transfer_item(&self, n: &Notice, t: &crate::model::Transfer, i: usize) -> String {
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
                    let it = Some(item.as_str());
                    let (ra, rb) = (
                        a.recipient.as_ref().map(|r| r.value.clone()),
                        b.recipient.as_ref().map(|r| r.value.clone()),
                    );
                    if ra != rb {
                        let old = ra.map(|r| self.ref_name(o, &r));
                        let new = rb.map(|r| self.ref_name(n, &r));
                        self.value(it, "diff-field-recipient", old, new);
                    }
                    self.scalar(
                        it,
                        "diff-field-country",
                        located(&a.country),
                        located(&b.country),
                        |d, c| d.country(c),
                    );
                    self.scalar(
                        it,
                        "diff-field-mechanism",
                        mechanisms(a),
                        mechanisms(b),
                        |d, m| d.mechanisms(m),
                    );
                    self.prose(
                        it,
                        "diff-field-safeguard-copy",
                        &a.safeguard_copy,
                        &b.safeguard_copy,
                    );
                    self.prose(it, "diff-field-description", &a.description, &b.description);
                }
            }
        }
    }

    /// A storage period as the subject of a line: named after what it
    /// applies to.
    fn retention_item(&self, n: &Notice, r: &crate::model::Retention, i: usize) -> String {
        let name = if r.applies_to.is_empty() {
            self.label(None, r.id.as_ref(), i)
        } else {
            let list: Vec<String> = r.applies_to.iter().map(|a| a.value.clone()).collect();
            self.refs(n, &list)
        };
        self.item("diff-item-retention", name)
    }

    fn duration(&self, d: &crate::model::Duration) -> String {
        match self.words {
            Some(w) => w.resolver().duration(*d).unwrap_or_else(|_| d.to_string()),
            None => String::new(),
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
            |d, it, a, b| {
                let (pa, pb) = (located(&a.period), located(&b.period));
                if pa != pb {
                    let old = pa.map_or_else(|| d.none(), |p| d.duration(&p));
                    let new = pb.map_or_else(|| d.none(), |p| d.duration(&p));
                    let item = it.unwrap_or_default().to_string();
                    let line = d.m(
                        "diff-period",
                        &[
                            ("item", item.into()),
                            ("old", old.into()),
                            ("new", new.into()),
                        ],
                    );
                    d.push(line);
                }
                d.id_list(it, "diff-field-applies-to", &a.applies_to, &b.applies_to);
                d.prose(it, "diff-field-rule", &a.rule, &b.rule);
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
            let it = Some(item.as_str());
            self.prose(it, "diff-field-logic", &a.logic, &b.logic);
            self.prose(
                it,
                "diff-field-consequences",
                &a.consequences,
                &b.consequences,
            );
            self.prose(it, "diff-field-description", &a.description, &b.description);
        }
    }

    fn provision(&mut self) {
        let (o, n) = (self.old, self.new);
        self.section = Section::Provision;
        let item = self.m("diff-item-provision", &[]);
        let Some((a, b)) = self.presence(&item, &o.provision, &n.provision) else {
            return;
        };
        let it = Some(item.as_str());
        self.scalar(
            it,
            "diff-field-requirement",
            located(&a.requirement),
            located(&b.requirement),
            |d, r| d.m(&format!("diff-provision-{}", r.code()), &[]),
        );
        self.prose(
            it,
            "diff-field-consequences",
            &a.consequences,
            &b.consequences,
        );
        self.prose(it, "diff-field-description", &a.description, &b.description);
    }

    fn access(&mut self) {
        let (o, n) = (self.old, self.new);
        self.section = Section::Access;
        self.list(
            &o.access_roles,
            &n.access_roles,
            |r| r.id.as_ref(),
            |d, _, r, i| d.item("diff-item-role", d.label(r.role.as_ref(), r.id.as_ref(), i)),
            |d, it, a, b| {
                d.name(it, "diff-field-role", &a.role, &b.role);
                d.prose(it, "diff-field-sees", &a.sees, &b.sees);
            },
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
            |d, it, a, b| {
                d.name(it, "diff-field-title", &a.title, &b.title);
                d.string(it, "diff-field-url", &a.url, &b.url);
                let id = |r: &crate::model::Related| r.notice.as_ref().map(|i| i.value.clone());
                d.scalar(it, "diff-field-notice", id(a), id(b), |d, id| d.quote(id));
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notice(source: &str) -> Notice {
        let loaded = crate::load::load_bytes(FileId(0), 0, source.as_bytes());
        assert!(
            loaded.diagnostics.is_empty(),
            "fixture has problems: {:?}",
            loaded.diagnostics
        );
        loaded.document.expect("a notice")
    }

    const BASE: &str = r#"
id = "n"
title = { fi = "Rekisteri", sv = "Register", en = "Register" }
version = "1.0"
updated = 2026-01-10
languages = ["fi", "sv", "en"]
collected_from = "data-subject"

[[purposes]]
id = "p"
description = { fi = "Tarkoitus.", sv = "Ändamål.", en = "Purpose." }
legal_basis = "consent"
withdrawal = { fi = "Peru.", sv = "Återkalla.", en = "Withdraw." }

[[retention]]
applies_to = ["p"]
period = "P1Y"
"#;

    #[test]
    fn unbumped_when_content_changes_without_a_new_version() {
        let old = notice(BASE);
        let changed = notice(&BASE.replace("P1Y", "P2Y"));
        assert!(unbumped(&old, &changed));

        let bumped = notice(&BASE.replace("P1Y", "P2Y").replace("1.0", "1.1"));
        assert!(!unbumped(&old, &bumped), "a new version number is enough");
        let dated = notice(
            &BASE
                .replace("P1Y", "P2Y")
                .replace("2026-01-10", "2026-02-01"),
        );
        assert!(!unbumped(&old, &dated), "a new date is enough");
    }

    #[test]
    fn layout_is_not_a_change() {
        let old = notice(BASE);
        // Same content: other key order, other spelling of the texts,
        // insignificant whitespace.
        let relaid = notice(&BASE.replace(
            r#"description = { fi = "Tarkoitus.", sv = "Ändamål.", en = "Purpose." }"#,
            "description.en = \"Purpose.  \"\ndescription.sv = \"Ändamål.\"\ndescription.fi = \"Tarkoitus.\"",
        ));
        assert!(!unbumped(&old, &relaid));
        assert!(!unbumped(&old, &old));
        let bumped_only = notice(&BASE.replace("1.0", "1.1"));
        assert!(!unbumped(&old, &bumped_only));
        let locales = Locales::embedded().expect("locales");
        let en = Lang::parse("en").expect("en");
        let found = changes(&old, &bumped_only, &locales, &en);
        assert_eq!(found.len(), 1);
        assert!(!found[0].material, "a new version alone is not material");
        assert_eq!(found[0].line, "Version changed from 1.0 to 1.1.");
    }

    /// Every kind of change is worded in every language without falling
    /// back to a message key.
    #[test]
    fn every_change_is_worded_in_every_language() {
        let old = notice(BASE);
        let new = notice(&format!(
            "{}\n{}",
            BASE.replace("consent", "legitimate-interests")
                .replace("P1Y", "P6M")
                .replace("\"Purpose.\"", "\"Another purpose.\"")
                .replace("1.0", "2.0"),
            r#"
[[recipients]]
id = "r"
name = "Vendor Inc."
role = "processor"
country = "US"

[[transfers]]
recipient = "r"
country = "US"
mechanism = "standard-contractual-clauses"

[automated_decisions]
used = true
"#
        ));
        let locales = Locales::embedded().expect("locales");
        for code in Lang::SUPPORTED {
            let lang = Lang::parse(code).expect("lang");
            let found = changes(&old, &new, &locales, &lang);
            assert!(found.len() >= 7, "{code}: {found:#?}");
            for c in &found {
                assert!(!c.line.contains("diff-"), "{code}: {}", c.line);
            }
            let text = render(&old, &new, &found, &locales, &lang, DiffFormat::Md);
            assert!(!text.contains("diff-") && !text.contains("sec-"), "{text}");
        }
    }

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
