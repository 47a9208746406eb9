//! Every rule of the registry against its fixtures.
//!
//! `tests/fixtures/rules/base.toml` is a complete notice that passes every
//! rule. For each rule `<CODE>` the folder `tests/fixtures/rules/<CODE>/`
//! holds `fail.toml` (base with a minimal change that triggers the rule) and
//! `pass.toml` (the nearest variant that does not: the fix, or the condition
//! of a conditional rule satisfied); either may be a folder of notices
//! instead (`fail/`, `pass/`) for rules about several files.
//!
//! The fail fixture's diagnostics, rendered as `seloste check` prints them
//! (message, label, help and the note with the article; no colour; paths
//! relative to the rule's folder), are the insta snapshot
//! `tests/main/snapshots/rules/<CODE>.snap`, so a rule's wording is pinned
//! too. `cargo insta review` (or `INSTA_UPDATE=always cargo test --test main
//! rules::`) accepts a change.
//!
//! Adding a rule without fixtures fails `every_rule_has_fixtures_that_show_it`.
//! Each test collects every problem and reports them together, so one run
//! shows everything that is wrong.

use std::path::{Path, PathBuf};

use seloste::lint::registry::{RULES, Rule};
use seloste::project::{Checked, check as load_and_check};

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
    /// The temporary repository of a change, kept while it is read.
    _repo: Option<tempfile::TempDir>,
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
    fn locations(&self) -> Vec<String> {
        let checked = &self.checked;
        let mut found: Vec<String> = checked
            .diagnostics
            .iter()
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

/// Loads and checks the fixture `path` of the rule folder `dir`. A folder
/// holding `services/` and `customers/` is a vendor, checked as `seloste
/// bundle` checks it. A folder holding `before/` and `after/` is a change:
/// `before` is committed to a fresh git repository, `after` written over
/// it, and the result checked with `--since HEAD`.
fn check_at(dir: &Path, path: &Path) -> Fixture {
    if path.join("before").is_dir() {
        let shown_as = if path.ends_with("fail") {
            "fail/after"
        } else {
            "pass/after"
        };
        let repo = tempfile::tempdir().expect("temp repo");
        let copy = |from: &Path| {
            for e in std::fs::read_dir(from).expect("fixture") {
                let e = e.expect("entry");
                std::fs::copy(e.path(), repo.path().join(e.file_name())).expect("copy");
            }
        };
        git_repo(repo.path());
        copy(&path.join("before"));
        git(repo.path(), &["add", "."]);
        git(repo.path(), &["commit", "-q", "-m", "before"]);
        copy(&path.join("after"));
        let mut checked = load_and_check(&[repo.path().to_path_buf()], Some(config()));
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
        return Fixture {
            checked,
            root: repo.path().to_path_buf(),
            shown_as,
            _repo: Some(repo),
        };
    }
    Fixture {
        checked: check(path),
        root: dir.to_path_buf(),
        shown_as: "",
        _repo: None,
    }
}

/// Loads and checks a fixture. A folder holding `services/` and
/// `customers/` is a vendor, checked as `seloste bundle` checks it.
fn check(path: &Path) -> Checked {
    if path.join("customers").is_dir() {
        let b = seloste::project::check_bundle(
            &[path.join("services")],
            &[path.join("customers")],
            Some(config()),
            &|_| true,
        );
        let mut diagnostics = b.diagnostics;
        for u in b.unloadable {
            diagnostics.extend(u.diagnostics);
        }
        for c in b.customers {
            diagnostics.extend(c.diagnostics);
        }
        seloste::report::sort(&mut diagnostics);
        return Checked {
            sources: b.sources,
            config: b.config,
            notices: Vec::new(),
            diagnostics,
            fatal: b.fatal,
        };
    }
    load_and_check(&[path.to_path_buf()], Some(config()))
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
    let base = check_at(&fixtures(), &fixtures().join("base.toml"));
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
    problems.extend(base.locations());
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

    if let Some(path) = fail {
        let fail = check_at(&dir, &path);
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
            .locations()
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
            || rendered.contains(&*fail.root.to_string_lossy())
        {
            problems.push(format!(
                "{code} fail: an absolute path is shown:\n{rendered}"
            ));
        }
        let name = path.strip_prefix(root()).unwrap_or(&path);
        snapshots.push((code, name.display().to_string(), rendered));
    }

    if let Some(path) = pass {
        let pass = check_at(&dir, &path);
        if !pass.checked.fatal.is_empty() {
            problems.push(format!(
                "{code} pass: fatal: {}",
                pass.checked.fatal.join("; ")
            ));
        }
        let all = pass.locations();
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

/// `^[LGQ]\d{3}$`
fn is_rule_code(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 4 && matches!(b[0], b'L' | b'G' | b'Q') && b[1..].iter().all(u8::is_ascii_digit)
}

#[test]
fn registry_is_consistent() {
    let mut problems = Vec::new();
    for (i, rule) in RULES.iter().enumerate() {
        let code = rule.code;
        if !is_rule_code(code) {
            problems.push(format!("{code}: code does not match ^[LGQ]\\d{{3}}$"));
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
