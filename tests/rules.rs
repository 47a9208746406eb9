//! Every rule of the registry against its fixtures.
//!
//! `tests/fixtures/rules/base.toml` is a complete notice that passes every
//! rule. For each rule `<CODE>` the folder `tests/fixtures/rules/<CODE>/`
//! holds `fail.toml` (base with a minimal change that triggers the rule) and
//! `pass.toml` (the nearest variant that does not: the fix, or the condition
//! of a conditional rule satisfied); either may be a folder of notices
//! instead (`fail/`, `pass/`) for rules about several files. `expected.txt`
//! snapshots every diagnostic of the fail fixture as `CODE line:column`
//! (`CODE file:line:column` for a folder); `SELOSTE_BLESS=1 cargo test --test
//! rules` rewrites the snapshots.
//!
//! Adding a rule without fixtures fails `every_rule_has_fixtures_that_show_it`.
//! Each test collects every problem and reports them together, so one run
//! shows everything that is wrong.

mod common;

use std::path::{Path, PathBuf};

use seloste::cli::{Checked, load_and_check};
use seloste::lint::registry::{RULES, Rule};

use common::{git, git_repo};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

/// An empty project configuration, so that a `seloste.toml` in the working
/// directory cannot change severities or languages.
fn config() -> PathBuf {
    fixtures().join("seloste.toml")
}

fn bless() -> bool {
    std::env::var_os("SELOSTE_BLESS").is_some()
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

/// A fixture folder holding `before/` and `after/` is a change: `before` is
/// committed to a fresh git repository, `after` written over it, and the
/// result checked with `--since HEAD`. Returns the checked tree and the
/// temporary repository (kept alive while the result is read).
fn check_since(path: &Path) -> (Checked, tempfile::TempDir) {
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
    match seloste::diff::since(&checked.notices, &checked.sources, "HEAD") {
        Ok(found) => checked.diagnostics.extend(found),
        Err(e) => checked.fatal.push(format!("{e:#}")),
    }
    (checked, repo)
}

/// Loads and checks a fixture, and names the folder its diagnostics'
/// paths are shown relative to. A folder holding `services/` and
/// `customers/` is a vendor, checked as `seloste bundle` checks it.
fn check_at(path: &Path) -> (Checked, PathBuf, Option<tempfile::TempDir>) {
    if path.join("before").is_dir() {
        let (checked, repo) = check_since(path);
        let root = repo.path().to_path_buf();
        return (checked, root, Some(repo));
    }
    (check(path), path.to_path_buf(), None)
}

/// Loads and checks a fixture. A folder holding `services/` and
/// `customers/` is a vendor, checked as `seloste bundle` checks it.
fn check(path: &Path) -> Checked {
    if path.join("customers").is_dir() {
        let b = seloste::bundle::check(
            &[path.join("services")],
            &[path.join("customers")],
            Some(config()),
            &|_| true,
        );
        let mut diagnostics = b.diagnostics;
        for c in b.customers {
            diagnostics.extend(c.diagnostics);
        }
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

/// One line per diagnostic, `CODE line:column`, with the file's path
/// relative to `path` in front of the line when `path` is a folder.
fn locations(checked: &Checked, path: &Path) -> Vec<String> {
    let mut found: Vec<(&str, String, usize, usize)> = checked
        .diagnostics
        .iter()
        .map(|d| {
            let file = checked.sources.get(checked.sources.file_of(d.span.start));
            let (line, column) = file.line_col(d.span.start);
            let name = if path.is_dir() {
                let rel = file.path.strip_prefix(path).unwrap_or(&file.path);
                format!("{}:", rel.display())
            } else {
                String::new()
            };
            (d.code.code, name, line, column)
        })
        .collect();
    found.sort();
    found
        .into_iter()
        .map(|(code, name, line, column)| format!("{code} {name}{line}:{column}"))
        .collect()
}

fn codes(checked: &Checked) -> String {
    let mut all: Vec<&str> = checked.diagnostics.iter().map(|d| d.code.code).collect();
    all.sort_unstable();
    all.dedup();
    if all.is_empty() {
        "none".to_string()
    } else {
        all.join(", ")
    }
}

fn one_line(snapshot: &str) -> String {
    match snapshot.trim() {
        "" => "(none)".to_string(),
        s => s.replace('\n', ", "),
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
    let base = fixtures().join("base.toml");
    let checked = check(&base);
    let mut problems = Vec::new();
    if !checked.fatal.is_empty() {
        problems.push(format!("fatal: {}", checked.fatal.join("; ")));
    }
    if checked.notices.len() != 1 {
        problems.push(format!(
            "loaded {} notices, expected 1",
            checked.notices.len()
        ));
    }
    for l in locations(&checked, &base) {
        problems.push(format!("base.toml: {l}"));
    }
    report(&problems);
}

#[test]
fn every_rule_has_fixtures_that_show_it() {
    let mut problems = Vec::new();
    for rule in RULES {
        check_rule(rule, &mut problems);
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
    report(&problems);
}

fn check_rule(rule: &Rule, problems: &mut Vec<String>) {
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

    if let Some(fail) = fail {
        let (checked, fail, _repo) = check_at(&fail);
        if !checked.fatal.is_empty() {
            problems.push(format!("{code} fail: fatal: {}", checked.fatal.join("; ")));
        }
        if !checked.diagnostics.iter().any(|d| d.code == code) {
            problems.push(format!(
                "{code} fail: the fixture does not trigger {code} (found: {})",
                codes(&checked)
            ));
        }
        let mut actual = locations(&checked, &fail).join("\n");
        actual.push('\n');
        let snapshot = dir.join("expected.txt");
        if bless() {
            std::fs::write(&snapshot, &actual).expect("write expected.txt");
        } else {
            match std::fs::read_to_string(&snapshot) {
                Ok(expected) if expected == actual => {}
                Ok(expected) => problems.push(format!(
                    "{code} fail: diagnostics differ from {code}/expected.txt \
                     (rerun with SELOSTE_BLESS=1 to accept)\n    expected: {}\n    actual:   {}",
                    one_line(&expected),
                    one_line(&actual)
                )),
                Err(e) => problems.push(format!(
                    "{code}: cannot read {code}/expected.txt ({e}); run with SELOSTE_BLESS=1 to write it"
                )),
            }
        }
    }

    if let Some(pass) = pass {
        let (checked, pass, _repo) = check_at(&pass);
        if !checked.fatal.is_empty() {
            problems.push(format!("{code} pass: fatal: {}", checked.fatal.join("; ")));
        }
        let own: Vec<String> = locations(&checked, &pass)
            .into_iter()
            .filter(|l| l.starts_with(code))
            .collect();
        if !own.is_empty() {
            problems.push(format!(
                "{code} pass: the fixture still triggers {code} at {}",
                own.join(", ")
            ));
        } else if !checked.diagnostics.is_empty() {
            // The pass fixture shows the fix alone: nothing else may be wrong.
            problems.push(format!(
                "{code} pass: the fixture is not clean: {}",
                locations(&checked, &pass).join(", ")
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
