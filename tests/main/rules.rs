//! Every rule of the registry against its fixtures.
//!
//! `tests/fixtures/rules/base.toml` is a complete notice that passes every
//! rule. For each rule `<CODE>` the folder `tests/fixtures/rules/<CODE>/`
//! holds `fail.toml` (base with a minimal change that triggers the rule) and
//! `pass.toml` (the nearest variant that does not: the fix, or the condition
//! of a conditional rule satisfied); either may be a folder of notices
//! instead (`fail/`, `pass/`) for rules about several files.
//!
//! # Overlays
//!
//! A fixture is usually an *overlay*: only its change to `base.toml`. A
//! file is one when it is UTF-8 and has the line `[overlay]` (the table of
//! instructions, taken out before merging); it reads:
//!
//! ```toml
//! # G005 legitimate-interests-stated, fail: for a controller that is not a
//! # public authority, the purpose `photos` rests on legitimate interests but
//! # does not say what the interests are.
//!
//! [overlay]
//! remove = ["purposes.2.withdrawal"]
//!
//! [controller]
//! public_authority = false
//!
//! [purposes.2]
//! legal_basis = "legitimate-interests"
//! ```
//!
//! - The comment lines at the top say what the fixture changes and why; they
//!   become the top of the composed notice, in place of base's comment.
//! - `remove` (optional) lists dotted paths deleted from base first: a key
//!   (`controller.address`), a whole table (`dpo`, `transfers`), a key of an
//!   inline table (`provision.consequences.sv`), or an item of an array of
//!   tables by its index from 0 (`purposes.1`, `purposes.1.law`). A path
//!   base does not have is an error, so an overlay cannot go stale silently.
//! - The rest is ordinary TOML, deep-merged into base: a table (with a
//!   `[header]`, dotted keys or inline) merges key by key, recursively; any
//!   other value, arrays and arrays of tables (`[[purposes]]`) included,
//!   replaces base's value wholesale. Keys of the top level come above
//!   `[overlay]`, as TOML requires. An array of tables of base is merged
//!   into by index: `[purposes.2]` merges into the third purpose, and the
//!   index one past the last item (`[purposes.3]`) adds an item at the end.
//!   To replace a table wholesale, `remove` it and write it again.
//!
//! The test composes base and overlay with `toml_edit`, keeping base's
//! layout and order (changed values stay where they were; new keys come at
//! the end of their table, new tables after the last table, new items after
//! the last item of their array; the overlay's other comments are dropped),
//! so the composed notice reads like a hand-written one;
//! `compose_removes_merges_and_replaces` shows one whole. Each fixture is
//! written into a temporary folder under its own name (`fail.toml`,
//! `pass/b.toml`, `fail/after/notice.toml`) and checked there. The notices
//! of the multi-file fixtures that copy base are overlays too; every other
//! file is copied byte for byte: the fragments, services and customers of
//! the multi-file fixtures, and the whole notices where an overlay cannot
//! say it, the syntax errors, wrong encoding, byte-order mark and empty file
//! of L001-L004, whose raw bytes are the point.

//! # Snapshots
//!
//! The fail fixture's diagnostics, rendered as `seloste check` prints them
//! (message, label, help and the note with the article; no colour; paths
//! relative to the rule's folder, so the composed `fail.toml` reads
//! `fail.toml`), are the insta snapshot
//! `tests/main/snapshots/rules/<CODE>.snap`, so a rule's wording is pinned
//! too; the lines they show are those of the composed notice. `cargo insta
//! review` (or `INSTA_UPDATE=always cargo test --test main rules::`) accepts
//! a change.
//!
//! Adding a rule without fixtures fails `every_rule_has_fixtures_that_show_it`.
//! Each test collects every problem and reports them together, so one run
//! shows everything that is wrong.

use std::path::{Path, PathBuf};

use seloste::lint::registry::{RULES, Rule};
use seloste::project::{Checked, check as load_and_check};

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, TableLike, Value};

use crate::common::{git, git_repo, root};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

/// An empty project configuration, so that a `seloste.toml` in the working
/// directory cannot change severities or languages.
fn config() -> PathBuf {
    fixtures().join("seloste.toml")
}

/// `<dir>/<name>.toml`, or the folder `<dir>/<name>/`.
fn fixture(dir: &Path, name: &str) -> Option<PathBuf> {
    let file = dir.join(format!("{name}.toml"));
    let folder = dir.join(name);
    if file.is_file() {
        Some(file)
    } else if folder.is_dir() {
        Some(folder)
    } else {
        None
    }
}

/// A checked fixture, and how its files are named in what is shown: by
/// their path relative to the rule's folder (`fail.toml`,
/// `fail/shared-a.toml`, `fail/after/notice.toml`).
struct Fixture {
    checked: Checked,
    /// The folder whose files were checked...
    root: PathBuf,
    /// ...and its name relative to the rule's folder ("" for the folder
    /// itself).
    shown_as: &'static str,
    /// The temporary folder of the composed fixture (and, for a change, its
    /// repository), kept while it is read.
    dir: tempfile::TempDir,
}

impl Fixture {
    /// `path` as it is shown: relative to the rule's folder.
    fn show(&self, path: &Path) -> String {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        Path::new(self.shown_as)
            .join(rel)
            .to_string_lossy()
            .replace('\\', "/")
    }

    /// Every diagnostic as `seloste check` prints it, without colour, with
    /// the paths shown relative to the rule's folder.
    fn rendered(&self) -> String {
        let mut out = Vec::new();
        seloste::report::print_human(&mut out, &self.checked.diagnostics, &self.checked.sources)
            .expect("rendered");
        let text = String::from_utf8(out).expect("UTF-8");
        let plain = anstream::adapter::strip_str(&text).to_string();
        let root = format!("{}{}", self.root.display(), std::path::MAIN_SEPARATOR);
        let shown = match self.shown_as {
            "" => String::new(),
            s => format!("{s}/"),
        };
        plain.replace(&root, &shown)
    }

    /// One line per diagnostic, `CODE file:line:column`, sorted.
    /// Notes (severity `info`) of other rules are left out: a note is not a
    /// problem (a service notice's open controller, `G026`, goes with every
    /// fixture about service notices).
    fn locations(&self, own: &str) -> Vec<String> {
        let checked = &self.checked;
        let mut found: Vec<String> = checked
            .diagnostics
            .iter()
            .filter(|d| d.severity != seloste::diagnostic::Severity::Info || d.code == own)
            .map(|d| {
                let file = checked.sources.get(checked.sources.file_of(d.span.start));
                let (line, column) = file.line_col(d.span.start);
                format!("{} {}:{line}:{column}", d.code, self.show(&file.path))
            })
            .collect();
        found.sort();
        found
    }
}

/// Loads and checks the fixture `path` (`<CODE>/fail.toml`, `<CODE>/pass/`,
/// `base.toml`), composed into a temporary folder under its own name (see
/// [`materialize`]). A folder holding `services/` and `customers/` is a
/// vendor, checked as `seloste bundle` checks it. A folder holding
/// `before/` and `after/` is a change: `before` is committed to a fresh git
/// repository, `after` written over it, and the result checked with
/// `--since HEAD`.
fn check_at(path: &Path) -> Result<Fixture, String> {
    let dir = tempfile::tempdir().expect("temp folder");
    let name = path.file_name().expect("a fixture has a name");
    let copy = dir.path().join(name);
    materialize(path, &copy)?;
    if copy.join("before").is_dir() {
        let shown_as = if path.ends_with("fail") {
            "fail/after"
        } else {
            "pass/after"
        };
        let repo = dir.path().join("repo");
        std::fs::create_dir(&repo).expect("temp repo");
        let copy_in = |from: &Path| {
            for e in std::fs::read_dir(from).expect("fixture") {
                let e = e.expect("entry");
                std::fs::copy(e.path(), repo.join(e.file_name())).expect("copy");
            }
        };
        git_repo(&repo);
        copy_in(&copy.join("before"));
        git(&repo, &["add", "."]);
        git(&repo, &["commit", "-q", "-m", "before"]);
        copy_in(&copy.join("after"));
        let mut checked = load_and_check(std::slice::from_ref(&repo), Some(config()));
        match seloste::lint::since::since(
            &checked.notices,
            &checked.sources,
            "HEAD",
            seloste::diff::unbumped,
        ) {
            Ok(found) => checked.diagnostics.extend(found),
            Err(e) => checked.fatal.push(format!("{e:#}")),
        }
        seloste::report::sort(&mut checked.diagnostics);
        return Ok(Fixture {
            checked,
            root: repo,
            shown_as,
            dir,
        });
    }
    Ok(Fixture {
        checked: check(&copy, is_record_rule(path)),
        root: dir.path().to_path_buf(),
        shown_as: "",
        dir,
    })
}

/// Whether `path` is a fixture of a record rule (`R001/fail.toml`).
fn is_record_rule(path: &Path) -> bool {
    path.parent()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('R'))
}

/// Writes the fixture `from` (a file, or a folder and everything in it) to
/// `to`: an overlay composed with `base.toml`, any other file copied byte
/// for byte.
fn materialize(from: &Path, to: &Path) -> Result<(), String> {
    if from.is_dir() {
        std::fs::create_dir_all(to).expect("temp folder");
        for e in std::fs::read_dir(from).expect("fixture folder") {
            let e = e.expect("fixture entry");
            materialize(&e.path(), &to.join(e.file_name()))?;
        }
        return Ok(());
    }
    let bytes = std::fs::read(from).expect("fixture");
    let bytes = match std::str::from_utf8(&bytes) {
        Ok(text) if is_overlay(text) => {
            let base = std::fs::read_to_string(fixtures().join("base.toml")).expect("base.toml");
            let shown = from.strip_prefix(root()).unwrap_or(from).display();
            compose(&base, text)
                .map_err(|e| format!("{shown}: {e}"))?
                .into_bytes()
        }
        _ => bytes,
    };
    std::fs::write(to, bytes).expect("temp fixture");
    Ok(())
}

/// The line that makes a fixture an overlay of `base.toml`.
const OVERLAY: &str = "[overlay]";

fn is_overlay(text: &str) -> bool {
    text.lines().any(|l| l.trim_end() == OVERLAY)
}

/// `base` with `overlay` applied, as described in the module's docs: the
/// overlay's top comment, then base without its own, its `remove` paths
/// deleted and the rest of the overlay merged in.
fn compose(base: &str, overlay: &str) -> Result<String, String> {
    let mut doc: DocumentMut = base.parse().map_err(|e| format!("base.toml: {e}"))?;
    let mut changes: DocumentMut = overlay.parse().map_err(|e| format!("{e}"))?;
    let spec = changes
        .remove("overlay")
        .ok_or("no [overlay] table at the top level")?;
    let spec = spec.as_table().ok_or("`overlay` is not a table")?;
    for (key, item) in spec.iter() {
        if key != "remove" {
            return Err(format!("[overlay] has `{key}`; it takes only `remove`"));
        }
        let paths = item
            .as_array()
            .ok_or("`remove` is not an array of dotted paths")?;
        for path in paths {
            let path = path
                .as_str()
                .ok_or("`remove` is not an array of dotted paths")?;
            let segments: Vec<&str> = path.split('.').collect();
            remove(doc.as_table_mut(), &segments)
                .ok_or_else(|| format!("remove: base.toml has no `{path}`"))?;
        }
    }
    merge(doc.as_table_mut(), changes.as_table(), "")?;
    let composed = doc.to_string();
    let top = |text: &str| -> usize {
        text.lines()
            .take_while(|l| l.starts_with('#') || l.trim().is_empty())
            .map(|l| l.len() + 1)
            .sum::<usize>()
            .min(text.len())
    };
    let comment = overlay[..top(overlay)].trim_end();
    let body = &composed[top(&composed)..];
    Ok(if comment.is_empty() {
        body.to_string()
    } else {
        format!("{comment}\n{body}")
    })
}

/// Deletes `path` (keys, and indices into arrays) below `table`; `None` if
/// there is nothing there.
fn remove(table: &mut dyn TableLike, path: &[&str]) -> Option<()> {
    let (key, rest) = path.split_first()?;
    if rest.is_empty() {
        return table.remove(key).map(drop);
    }
    let (index, after) = rest.split_first()?;
    let index = index.parse::<usize>().ok();
    match table.get_mut(key)? {
        Item::ArrayOfTables(array) => {
            let i = index.filter(|&i| i < array.len())?;
            if after.is_empty() {
                array.remove(i);
                Some(())
            } else {
                remove(array.get_mut(i)?, after)
            }
        }
        Item::Value(Value::Array(array)) => {
            let i = index.filter(|&i| i < array.len())?;
            if after.is_empty() {
                array.remove(i);
                array.fmt();
                Some(())
            } else {
                let inline = array.get_mut(i)?.as_inline_table_mut()?;
                remove(inline, after)?;
                inline.fmt();
                Some(())
            }
        }
        Item::Value(Value::InlineTable(inline)) => {
            remove(inline, rest)?;
            inline.fmt();
            Some(())
        }
        item => remove(item.as_table_like_mut()?, rest),
    }
}

/// Merges the tables of an overlay into base's `table` (at the dotted path
/// `at`).
fn merge(table: &mut dyn TableLike, changes: &dyn TableLike, at: &str) -> Result<(), String> {
    for (key, new) in changes.iter() {
        let here = if at.is_empty() {
            key.to_string()
        } else {
            format!("{at}.{key}")
        };
        match table.get_mut(key) {
            None => {
                table.insert(key, fresh(new.clone()));
            }
            Some(old) => {
                let was_value = old.is_value();
                match (new.as_table_like(), old) {
                    (Some(changes), Item::ArrayOfTables(array)) => {
                        merge_items(array, changes, &here)?;
                    }
                    (Some(changes), old) if old.is_table_like() => {
                        merge(old.as_table_like_mut().expect("a table"), changes, &here)?;
                    }
                    (_, old) => replace(old, new.clone()),
                }
                // A table's key is spaced as a header's (`[key]`), a value's
                // as `key = `: a key that changed kind gets the usual spacing.
                if table.get(key).is_some_and(Item::is_value) != was_value
                    && let Some(mut key) = table.key_mut(key)
                {
                    key.leaf_decor_mut().clear();
                }
            }
        }
    }
    Ok(())
}

/// Merges `[at.N]` tables into the items of base's array of tables `at`; the
/// index one past its last item adds an item.
fn merge_items(array: &mut ArrayOfTables, changes: &dyn TableLike, at: &str) -> Result<(), String> {
    let mut items = Vec::new();
    for (key, new) in changes.iter() {
        let index = key.parse::<usize>().map_err(|_| {
            format!("`{at}` is an array of tables: merge into an item by its index, as [{at}.0], or replace it with [[{at}]]; not `{key}`")
        })?;
        items.push((index, new));
    }
    items.sort_by_key(|&(index, _)| index);
    for (index, new) in items {
        let here = format!("{at}.{index}");
        let changes = new
            .as_table_like()
            .ok_or_else(|| format!("`{here}` is not a table"))?;
        if let Some(item) = array.get_mut(index) {
            merge(item, changes, &here)?;
        } else if index == array.len() {
            match fresh(new.clone()) {
                Item::Table(table) => array.push(table),
                Item::Value(Value::InlineTable(inline)) => array.push(inline.into_table()),
                _ => unreachable!("a table"),
            }
        } else {
            return Err(format!(
                "`{here}`: base.toml has {} item(s); [{at}.{}] adds one",
                array.len(),
                array.len()
            ));
        }
    }
    Ok(())
}

/// Puts `new` in the place of `old`. A value stays a value (a table written
/// with a header becomes an inline table) and keeps the spacing around it.
fn replace(old: &mut Item, new: Item) {
    let new = fresh(new);
    *old = match old.as_value() {
        Some(was) => match new.into_value() {
            Ok(mut value) => {
                *value.decor_mut() = was.decor().clone();
                Item::Value(value)
            }
            Err(new) => new,
        },
        None => new,
    };
}

/// An item of the overlay made ready for base: without the overlay's
/// comments and spacing around it, and its tables without their place in
/// the overlay (so they are written after the table they follow in base).
fn fresh(item: Item) -> Item {
    match item {
        Item::Value(mut value) => {
            value.decor_mut().clear();
            Item::Value(value)
        }
        Item::Table(table) => Item::Table(fresh_table(table)),
        Item::ArrayOfTables(array) => {
            let mut out = ArrayOfTables::new();
            for table in array {
                out.push(fresh_table(table));
            }
            Item::ArrayOfTables(out)
        }
        Item::None => Item::None,
    }
}

fn fresh_table(table: Table) -> Table {
    let mut out = Table::new();
    out.set_implicit(table.is_implicit());
    out.set_dotted(table.is_dotted());
    for (key, item) in table {
        out.insert(&key, fresh(item));
    }
    out
}

/// A small base for the tests of [`compose`].
const BASE: &str = r#"# The base: replaced by the overlay's comment.
id = "base"
version = "1"

[controller]
name = "City"
email = "city@example.fi" # kept: base's comments stay
phone = "+358 1"

[dpo]
email = "dpo@example.fi"

[[purposes]]
id = "one"
law = { fi = "Laki", sv = "Lag", en = "Act" }

[[purposes]]
id = "two"

[rights]
email = "rights@example.fi"
"#;

#[test]
fn compose_removes_merges_and_replaces() {
    let overlay = r#"# G000 example, fail: what the overlay changes, and why.
version = "2"

[overlay]
remove = ["controller.phone", "dpo"]

# Merged into [controller]: `name` replaced in place, `web` added.
[controller]
name = "Town"
web = "https://example.fi"

# An array of tables replaces base's wholesale.
[[purposes]]
id = "three"
"#;
    let expected = r#"# G000 example, fail: what the overlay changes, and why.
id = "base"
version = "2"

[controller]
name = "Town"
email = "city@example.fi" # kept: base's comments stay
web = "https://example.fi"

[[purposes]]
id = "three"

[rights]
email = "rights@example.fi"
"#;
    assert_eq!(compose(BASE, overlay).as_deref(), Ok(expected));
}

#[test]
fn compose_replaces_a_table_with_a_value() {
    let overlay = "# The purposes, an array of tables in base, as an empty array.\npurposes = []\n\n[overlay]\n";
    let expected = r#"# The purposes, an array of tables in base, as an empty array.
id = "base"
version = "1"
purposes = []

[controller]
name = "City"
email = "city@example.fi" # kept: base's comments stay
phone = "+358 1"

[dpo]
email = "dpo@example.fi"

[rights]
email = "rights@example.fi"
"#;
    assert_eq!(compose(BASE, overlay).as_deref(), Ok(expected));
}

#[test]
fn compose_merges_into_items_by_index() {
    let overlay = r#"# Items of an array of tables, by index.

[overlay]
remove = ["purposes.0.law.sv", "purposes.1.id"]

[purposes.0]
law.en = "The Act"

[purposes.1]
id = "second"

[purposes.2]
id = "three"
"#;
    let expected = r#"# Items of an array of tables, by index.
id = "base"
version = "1"

[controller]
name = "City"
email = "city@example.fi" # kept: base's comments stay
phone = "+358 1"

[dpo]
email = "dpo@example.fi"

[[purposes]]
id = "one"
law = { fi = "Laki", en = "The Act" }

[[purposes]]
id = "second"

[[purposes]]
id = "three"

[rights]
email = "rights@example.fi"
"#;
    assert_eq!(compose(BASE, overlay).as_deref(), Ok(expected));
}

#[test]
fn compose_refuses_what_base_does_not_have() {
    let cases = [
        (
            "[overlay]\nremove = [\"controller.fax\"]\n",
            "remove: base.toml has no `controller.fax`",
        ),
        (
            "[overlay]\nremove = [\"purposes.2\"]\n",
            "remove: base.toml has no `purposes.2`",
        ),
        (
            "[overlay]\n\n[purposes.3]\nid = \"four\"\n",
            "`purposes.3`: base.toml has 2 item(s); [purposes.2] adds one",
        ),
        (
            "[overlay]\n\n[purposes.x]\nid = \"x\"\n",
            "`purposes` is an array of tables: merge into an item by its index, as [purposes.0], or replace it with [[purposes]]; not `x`",
        ),
        (
            "[overlay]\nreplace = []\n",
            "[overlay] has `replace`; it takes only `remove`",
        ),
    ];
    for (overlay, error) in cases {
        assert_eq!(compose(BASE, overlay), Err(error.to_string()), "{overlay}");
    }
}

/// Loads and checks a fixture. A folder holding `services/` and
/// `customers/` is a vendor, checked as `seloste bundle` checks it.
fn check(path: &Path, records: bool) -> Checked {
    let mut checked = check_notices(path);
    // The record rules (R) run where a record is written: `seloste
    // records` (a notice), as here for their fixtures; `bundle` runs
    // them itself (`project::check_bundle`).
    if records && !path.join("customers").is_dir() {
        let kind = seloste::lint::records::RecordKind::Controller;
        for n in &checked.bound {
            checked
                .checked
                .diagnostics
                .extend(seloste::lint::records::check(n, &[], kind));
        }
        seloste::report::sort(&mut checked.checked.diagnostics);
    }
    checked.checked
}

struct WithBound {
    checked: Checked,
    /// The notices the record rules see: each notice, or each service
    /// bound to each customer.
    bound: Vec<seloste::model::Notice>,
}

fn check_notices(path: &Path) -> WithBound {
    if path.join("customers").is_dir() {
        let b = seloste::project::check_bundle(
            &[path.join("services")],
            Some(path.join("customers")),
            Some(config()),
            &|_| true,
        );
        let mut diagnostics = b.diagnostics;
        for u in b.unloadable {
            diagnostics.extend(u.diagnostics);
        }
        let mut bound = Vec::new();
        for c in b.customers {
            diagnostics.extend(c.diagnostics);
            bound.extend(c.notices);
        }
        seloste::report::sort(&mut diagnostics);
        return WithBound {
            checked: Checked {
                sources: b.sources,
                config: b.config,
                notices: Vec::new(),
                diagnostics,
                fatal: b.fatal,
                config_file: b.config_file,
                timings: b.timings,
            },
            bound,
        };
    }
    let checked = load_and_check(&[path.to_path_buf()], Some(config()));
    WithBound {
        bound: checked.notices.clone(),
        checked,
    }
}

fn codes(checked: &Checked) -> String {
    let mut all: Vec<String> = checked
        .diagnostics
        .iter()
        .map(|d| d.code.to_string())
        .collect();
    all.sort_unstable();
    all.dedup();
    if all.is_empty() {
        "none".to_string()
    } else {
        all.join(", ")
    }
}

fn report(problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{} problem(s):\n  - {}",
        problems.len(),
        problems.join("\n  - ")
    );
}

#[test]
fn base_fixture_is_clean() {
    let base = check_at(&fixtures().join("base.toml")).expect("base.toml is a whole notice");
    let mut problems = Vec::new();
    if !base.checked.fatal.is_empty() {
        problems.push(format!("fatal: {}", base.checked.fatal.join("; ")));
    }
    if base.checked.notices.len() != 1 {
        problems.push(format!(
            "loaded {} notices, expected 1",
            base.checked.notices.len()
        ));
    }
    problems.extend(base.locations(""));
    report(&problems);
}

/// Where the rules' snapshots are, relative to this file.
const SNAPSHOTS: &str = "snapshots/rules";

#[test]
fn every_rule_has_fixtures_that_show_it() {
    let mut problems = Vec::new();
    let mut snapshots = Vec::new();
    for rule in RULES {
        check_rule(rule, &mut problems, &mut snapshots);
    }
    // A folder left behind by a removed or renamed rule.
    for entry in std::fs::read_dir(fixtures()).expect("fixture folder") {
        let entry = entry.expect("fixture entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_dir() && !RULES.iter().any(|r| r.code == name) {
            problems.push(format!(
                "tests/fixtures/rules/{name}/: no rule has this code"
            ));
        }
    }
    // And a snapshot.
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/main")
        .join(SNAPSHOTS);
    let entries = std::fs::read_dir(&folder).into_iter().flatten();
    for entry in entries {
        let name = entry
            .expect("snapshot entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if let Some(code) = name.strip_suffix(".snap")
            && !RULES.iter().any(|r| r.code == code)
        {
            problems.push(format!(
                "tests/main/{SNAPSHOTS}/{name}: no rule has this code"
            ));
        }
    }
    // Every snapshot is compared, and every difference reported (and, with
    // insta's default `INSTA_UPDATE`, written as `.snap.new` for review).
    for (code, fixture, rendered) in snapshots {
        let compared = std::panic::catch_unwind(|| {
            insta::with_settings!({
                snapshot_path => SNAPSHOTS,
                prepend_module_to_snapshot => false,
                description => fixture.as_str(),
                omit_expression => true,
            }, {
                insta::assert_snapshot!(code, rendered);
            });
        });
        if compared.is_err() {
            problems.push(format!(
                "{code} fail: the diagnostics differ from tests/main/{SNAPSHOTS}/{code}.snap (see above; `cargo insta review` accepts them)"
            ));
        }
    }
    report(&problems);
}

/// Checks the fixtures of `rule`; adds what is wrong to `problems` and the
/// fail fixture's rendered diagnostics to `snapshots` as (code, fixture,
/// text).
fn check_rule(
    rule: &Rule,
    problems: &mut Vec<String>,
    snapshots: &mut Vec<(&'static str, String, String)>,
) {
    let code = rule.code;
    let dir = fixtures().join(code);
    if !dir.is_dir() {
        problems.push(format!(
            "{code} ({}): no folder tests/fixtures/rules/{code}/ with fail.toml and pass.toml",
            rule.name
        ));
        return;
    }
    let fail = fixture(&dir, "fail");
    let pass = fixture(&dir, "pass");
    if fail.is_none() {
        problems.push(format!("{code}: no fail.toml or fail/ fixture"));
    }
    if pass.is_none() {
        problems.push(format!("{code}: no pass.toml or pass/ fixture"));
    }

    // A fixture that cannot be composed is a problem of its own.
    let load = |which: &str, path: &Path, problems: &mut Vec<String>| {
        check_at(path)
            .map_err(|e| problems.push(format!("{code} {which}: {e}")))
            .ok()
    };

    if let Some(path) = fail
        && let Some(fail) = load("fail", &path, problems)
    {
        if !fail.checked.fatal.is_empty() {
            problems.push(format!(
                "{code} fail: fatal: {}",
                fail.checked.fatal.join("; ")
            ));
        }
        if !fail.checked.diagnostics.iter().any(|d| d.code == code) {
            problems.push(format!(
                "{code} fail: the fixture does not trigger {code} (found: {})",
                codes(&fail.checked)
            ));
        }
        let others: Vec<String> = fail
            .locations(code)
            .into_iter()
            .filter(|l| !l.starts_with(code))
            .collect();
        if !others.is_empty() {
            // The fail fixture shows the rule alone.
            problems.push(format!(
                "{code} fail: the fixture also triggers {}",
                others.join(", ")
            ));
        }
        let rendered = fail.rendered();
        if rendered.contains(&*fixtures().to_string_lossy())
            || rendered.contains(&*fail.dir.path().to_string_lossy())
        {
            problems.push(format!(
                "{code} fail: an absolute path is shown:\n{rendered}"
            ));
        }
        let name = path.strip_prefix(root()).unwrap_or(&path);
        snapshots.push((code, name.display().to_string(), rendered));
    }

    if let Some(path) = pass
        && let Some(pass) = load("pass", &path, problems)
    {
        if !pass.checked.fatal.is_empty() {
            problems.push(format!(
                "{code} pass: fatal: {}",
                pass.checked.fatal.join("; ")
            ));
        }
        let all = pass.locations(code);
        let own: Vec<&String> = all.iter().filter(|l| l.starts_with(code)).collect();
        if !own.is_empty() {
            problems.push(format!(
                "{code} pass: the fixture still triggers {code} at {}",
                own.iter()
                    .map(|l| l.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        } else if !all.is_empty() {
            // The pass fixture shows the fix alone: nothing else may be wrong.
            problems.push(format!(
                "{code} pass: the fixture is not clean: {}",
                all.join(", ")
            ));
        }
    }
}

fn is_kebab_case(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// `^[LGRQ]\d{3}$`
fn is_rule_code(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 4
        && matches!(b[0], b'L' | b'G' | b'R' | b'Q')
        && b[1..].iter().all(u8::is_ascii_digit)
}

#[test]
fn registry_is_consistent() {
    let mut problems = Vec::new();
    for (i, rule) in RULES.iter().enumerate() {
        let code = rule.code;
        if !is_rule_code(code) {
            problems.push(format!("{code}: code does not match ^[LGRQ]\\d{{3}}$"));
        }
        if RULES[..i].iter().any(|r| r.code == code) {
            problems.push(format!("{code}: code used by more than one rule"));
        }
        if RULES[..i].iter().any(|r| r.name == rule.name) {
            problems.push(format!(
                "{code}: name `{}` used by more than one rule",
                rule.name
            ));
        }
        if !is_kebab_case(rule.name) {
            problems.push(format!("{code}: name `{}` is not kebab-case", rule.name));
        }
        if rule.summary.trim().is_empty() {
            problems.push(format!("{code}: empty summary"));
        }
        let chars = rule.explanation.chars().count();
        if chars < 100 {
            problems.push(format!(
                "{code}: explanation has {chars} characters, at least 100 expected"
            ));
        }
        if code.starts_with('G') && !rule.article.starts_with("Art.") {
            problems.push(format!(
                "{code}: article `{}` does not start with \"Art.\"",
                rule.article
            ));
        }
    }
    report(&problems);
}
