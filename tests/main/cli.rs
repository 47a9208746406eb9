//! End-to-end tests of the `seloste` binary: exit codes, output formats and
//! behaviour on hostile input, run on fixture folders.

use std::process::{Command, Output};

use crate::common::{git, git_repo, root, seloste};

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn assert_no_panic(o: &Output) {
    let err = stderr(o);
    assert!(!err.contains("panicked"), "the binary panicked:\n{err}");
    assert!(o.status.code().is_some(), "killed by a signal");
}

/// A public-authority notice that passes every rule, for tests that break
/// one thing at a time.
fn valid_notice() -> String {
    std::fs::read_to_string(root().join("tests/fixtures/cli/valid.toml")).expect("fixture")
}

fn temp_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).expect("write fixture");
    }
    dir
}

#[test]
fn bundled_notices_pass_check() {
    let o = seloste(&root(), &["check", "notices"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    // No errors or warnings; the plain-language notes of novia-ict (a list
    // of services "among others") and opinsys-support-desk (one long
    // sentence, in each language).
    let out = stdout(&o);
    let found: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with(['e', 'w', 'i']) && l.contains("]: "))
        .collect();
    assert_eq!(
        found,
        [
            "info[Q020]: `purposes.description` (fi): \"muun muassa\" leaves the reader to guess what is done",
            "info[Q020]: `purposes.description` (sv): \"bland annat\" leaves the reader to guess what is done",
            "info[Q020]: `purposes.description` (en): \"Among others\" leaves the reader to guess what is done",
            "info[Q021]: `purposes.legitimate_interests` (fi): a sentence of 28 words",
            "info[Q021]: `purposes.legitimate_interests` (sv): a sentence of 34 words",
            "info[Q021]: `purposes.legitimate_interests` (en): a sentence of 39 words",
        ]
    );
    assert!(
        out.ends_with("checked 6 notices: 0 errors, 0 warnings, 6 notes\n"),
        "{out}"
    );
}

#[test]
fn valid_fixture_is_clean() {
    let dir = temp_with(&[("valid.toml", valid_notice().as_bytes())]);
    let o = seloste(dir.path(), &["check", "."]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(stdout(&o), "checked 1 notice: no problems found\n");
}

/// What `check` says about the old register description of
/// `examples/legacy` (the README's example of a notice with gaps).
#[test]
fn legacy_example_matches_its_snapshot() {
    let o = seloste(&root(), &["check", "examples/legacy"]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!("legacy_example", stdout(&o));
}

#[test]
fn human_output_snapshot() {
    let dir = root().join("tests/fixtures/cli/broken");
    let o = seloste(&dir, &["check", "."]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!("broken_human", stdout(&o));
}

#[test]
fn json_output_snapshot() {
    let dir = root().join("tests/fixtures/cli/broken");
    let o = seloste(&dir, &["check", ".", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        for key in [
            "code",
            "name",
            "severity",
            "article",
            "message",
            "help",
            "file",
            "line",
            "column",
            "end_line",
            "end_column",
        ] {
            assert!(v.get(key).is_some(), "missing {key} in {line}");
        }
    }
    insta::assert_snapshot!("broken_json", out);
}

/// Guards the acceptance test: removing the DPO of a public authority.
#[test]
fn deleting_the_dpo_of_a_public_authority_fails_with_art_13_1_b() {
    let text = valid_notice();
    let start = text.find("[dpo]").expect("fixture has a [dpo] table");
    let end = text[start + 1..]
        .find("\n[")
        .map_or(text.len(), |i| start + 1 + i);
    let without = format!("{}{}", &text[..start], &text[end..]);
    let dir = temp_with(&[("school.toml", without.as_bytes())]);
    let o = seloste(dir.path(), &["check", "school.toml"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("error[G003]"), "{out}");
    assert!(out.contains("Art. 13(1)(b)"), "{out}");
    assert!(out.contains("--> school.toml:"), "{out}");
}

#[test]
fn legitimate_interests_under_a_public_authority_cites_article_6_1() {
    let text = valid_notice().replacen(
        "legal_basis = \"public-task\"",
        "legal_basis = \"legitimate-interests\"",
        1,
    );
    let dir = temp_with(&[("school.toml", text.as_bytes())]);
    let o = seloste(dir.path(), &["check", "school.toml", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let records: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    let g006 = records
        .iter()
        .find(|r| r["code"] == "G006")
        .expect("G006 reported");
    assert_eq!(g006["severity"], "error");
    assert_eq!(g006["article"], "Art. 6(1), last subparagraph");
    assert!(
        g006["message"]
            .as_str()
            .unwrap_or("")
            .contains("last subparagraph of Art. 6(1)")
    );
}

#[test]
fn garbage_bytes_give_a_located_error_not_a_panic() {
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let dir = temp_with(&[("garbage.toml", &garbage)]);
    let o = seloste(dir.path(), &["check", "."]);
    assert_no_panic(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("--> ./garbage.toml:"), "{}", stdout(&o));
}

#[test]
fn truncated_file_gives_syntax_errors() {
    let text = valid_notice();
    let cut = &text[..text.len() / 2];
    // Cut inside a string so the TOML really is broken.
    let cut = format!("{}\nname = \"unterminated", cut);
    let dir = temp_with(&[("cut.toml", cut.as_bytes())]);
    let o = seloste(dir.path(), &["check", "."]);
    assert_no_panic(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("error[L001]"), "{}", stdout(&o));
}

#[test]
fn ten_megabyte_file_is_handled() {
    let mut big = valid_notice();
    big.push_str("\n[security]\n");
    let filler = "x".repeat(10 * 1024 * 1024);
    big.push_str(&format!("fi = \"{filler}\"\nsv = \"x\"\nen = \"x\"\n"));
    let dir = temp_with(&[("big.toml", big.as_bytes())]);
    let o = seloste(dir.path(), &["check", "."]);
    assert_no_panic(&o);
    // The valid notice plus a huge but well-formed security text is fine.
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn all_syntax_errors_of_a_file_are_reported() {
    let dir = temp_with(&[("bad.toml", b"id = \"x\"\na = = 1\nb = [1,\nc = \"open\n")]);
    let o = seloste(dir.path(), &["check", ".", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    // Two on line 2 (`a = = 1`); the unclosed array of line 3 runs into
    // line 4, which is recognised ("a list is not closed") and so stands
    // for the rest of line 4 (the unterminated string there follows from
    // it).
    let found: Vec<(String, u64, u64)> = stdout(&o)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json");
            (
                v["code"].as_str().unwrap_or_default().to_string(),
                v["line"].as_u64().unwrap_or_default(),
                v["column"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    let expected: Vec<(String, u64, u64)> = [(2, 5), (2, 7), (4, 1)]
        .into_iter()
        .map(|(line, column)| ("L001".to_string(), line, column))
        .collect();
    assert_eq!(found, expected, "{}", stdout(&o));
}

#[test]
fn duplicate_notice_ids_point_at_both_files() {
    let text = valid_notice();
    let dir = temp_with(&[("a.toml", text.as_bytes()), ("b.toml", text.as_bytes())]);
    let o = seloste(dir.path(), &["check", "."]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("error[L008]"), "{out}");
    assert!(
        out.contains("./a.toml") && out.contains("./b.toml"),
        "{out}"
    );
}

#[test]
fn missing_path_is_exit_2() {
    let o = seloste(&root(), &["check", "does-not-exist"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("does-not-exist"));
}

#[test]
fn usage_error_is_exit_2() {
    let o = seloste(&root(), &["check", "--no-such-flag"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn warnings_fail_only_with_deny_warnings() {
    let text = valid_notice().replacen("[automated_decisions]\nused = false\n", "", 1);
    assert_ne!(
        text,
        valid_notice(),
        "fixture has the automated_decisions table"
    );
    let dir = temp_with(&[("w.toml", text.as_bytes())]);
    let o = seloste(dir.path(), &["check", "."]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("warning[G022]"));
    let o = seloste(dir.path(), &["check", ".", "--deny-warnings"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn project_config_overrides_severity() {
    let text = valid_notice().replacen("[automated_decisions]\nused = false\n", "", 1);
    let dir = temp_with(&[
        ("w.toml", text.as_bytes()),
        (
            "seloste.toml",
            b"[rules]\nautomated-decisions-stated = \"error\"\n",
        ),
    ]);
    let o = seloste(dir.path(), &["check", "w.toml"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(stdout(&o).contains("error[G022]"));
}

#[test]
fn broken_config_is_exit_2_with_a_located_error() {
    let dir = temp_with(&[
        ("n.toml", valid_notice().as_bytes()),
        ("seloste.toml", b"[rulez]\n"),
    ]);
    let o = seloste(dir.path(), &["check", "n.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stdout(&o).contains("did you mean `rules`?"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let dir = temp_with(&[("bad.toml", b"id = 1\n")]);
    let plain = seloste(dir.path(), &["check", "."]);
    assert!(
        !stdout(&plain).contains('\u{1b}'),
        "NO_COLOR output has escapes"
    );
    let forced = Command::new(env!("CARGO_BIN_EXE_seloste"))
        .args(["--color", "always", "check", "."])
        .current_dir(dir.path())
        .env_remove("NO_COLOR")
        .output()
        .expect("runs");
    assert!(
        stdout(&forced).contains('\u{1b}'),
        "--color always has no escapes"
    );
    let piped = Command::new(env!("CARGO_BIN_EXE_seloste"))
        .args(["check", "."])
        .current_dir(dir.path())
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("runs");
    assert!(
        !stdout(&piped).contains('\u{1b}'),
        "piped output has escapes"
    );
}

#[test]
fn explain_prints_the_article_and_accepts_names() {
    let o = seloste(&root(), &["explain", "G003"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Art. 13(1)(b)"));
    let by_name = seloste(&root(), &["explain", "dpo-contact"]);
    assert_eq!(stdout(&o), stdout(&by_name));
    let unknown = seloste(&root(), &["explain", "dpo-contakt"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("did you mean `dpo-contact`?"));
}

#[test]
fn rules_lists_every_rule() {
    let o = seloste(&root(), &["rules"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for r in seloste::lint::registry::RULES {
        assert!(
            out.contains(r.code) && out.contains(r.name),
            "{} missing",
            r.code
        );
    }
    let json = seloste(&root(), &["rules", "--format", "json"]);
    assert_eq!(
        stdout(&json).lines().count(),
        seloste::lint::registry::RULES.len()
    );
}

#[test]
fn help_and_version_work() {
    for (args, usage) in [
        (&["--help"][..], "Usage: seloste [OPTIONS] <COMMAND>"),
        (
            &["check", "--help"],
            "Usage: seloste check [OPTIONS] [PATHS]...",
        ),
        (
            &["explain", "--help"],
            "Usage: seloste explain [OPTIONS] <RULE>",
        ),
        (&["rules", "--help"], "Usage: seloste rules [OPTIONS]"),
    ] {
        let o = seloste(&root(), args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        let out = stdout(&o);
        assert_eq!(
            out.lines()
                .filter(|l| l.starts_with("Usage: "))
                .collect::<Vec<_>>(),
            [usage],
            "{args:?}: {out}"
        );
    }
    let o = seloste(&root(), &["--version"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        format!("seloste {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn since_warns_when_a_changed_notice_keeps_its_version() {
    let dir = tempfile::tempdir().expect("temp");
    git_repo(dir.path());
    std::fs::write(dir.path().join("n.toml"), valid_notice()).expect("write");
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "v1"]);
    // Unchanged: nothing to say.
    let o = seloste(dir.path(), &["check", ".", "--since", "HEAD"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(!stdout(&o).contains("Q014"));
    // A new storage period under the old version and date.
    std::fs::write(
        dir.path().join("n.toml"),
        valid_notice().replace("period = \"P2Y\"", "period = \"P3Y\""),
    )
    .expect("write");
    let o = seloste(dir.path(), &["check", ".", "--since", "HEAD"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("warning[Q014]"), "{}", stdout(&o));
    let o = seloste(
        dir.path(),
        &["check", ".", "--since", "HEAD", "--deny-warnings"],
    );
    assert_eq!(o.status.code(), Some(1));
    let o = seloste(dir.path(), &["check", ".", "--since", "no-such-rev"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("no-such-rev"));
}

/// Regression: `check .` in a project folder read seloste.toml as a notice.
#[test]
fn the_project_config_is_not_a_notice() {
    let dir = temp_with(&[
        ("n.toml", valid_notice().as_bytes()),
        ("seloste.toml", b"languages = [\"fi\", \"sv\", \"en\"]\n"),
    ]);
    let o = seloste(dir.path(), &["check", "."]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(stdout(&o), "checked 1 notice: no problems found\n");
}

// ---------------------------------------------------------------------------
// Regression tests for the defects an outside attack found: each is named
// after its number in the report and failed before its fix.

#[cfg(unix)]
#[test]
fn defect_2_a_link_out_of_the_notices_folder_is_not_read_nor_quoted() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.key");
    std::fs::write(
        &secret,
        "-----BEGIN PRIVATE KEY-----\nSECRET-LINE-ONE\nSECRET-LINE-TWO\n",
    )
    .unwrap();
    let notices = dir.path().join("notices");
    std::fs::create_dir_all(notices.join("shared")).unwrap();
    std::fs::write(notices.join("shared/valid.toml"), valid_notice()).unwrap();
    std::os::unix::fs::symlink(&secret, notices.join("leak.toml")).unwrap();
    std::os::unix::fs::symlink("/proc/self/environ", notices.join("environ.toml")).unwrap();
    let o = seloste(dir.path(), &["check", "notices"]);
    let said = format!("{}{}", stdout(&o), stderr(&o));
    assert_no_panic(&o);
    assert_eq!(o.status.code(), Some(2), "{said}");
    assert!(!said.contains("SECRET"), "a secret was quoted:\n{said}");
    assert!(
        !said.contains("PATH="),
        "the environment was quoted:\n{said}"
    );
    for link in ["leak.toml", "environ.toml"] {
        assert!(
            said.contains(&format!(
                "notices/{link}: a link to a file outside notices; seloste does not read it"
            )),
            "{said}"
        );
    }

    // A link to a notice inside the folder is a notice like any other.
    std::fs::remove_file(notices.join("leak.toml")).unwrap();
    std::fs::remove_file(notices.join("environ.toml")).unwrap();
    std::fs::create_dir(dir.path().join("other")).unwrap();
    std::fs::rename(
        notices.join("shared/valid.toml"),
        notices.join("shared/real.toml"),
    )
    .unwrap();
    std::os::unix::fs::symlink("shared/real.toml", notices.join("linked.toml")).unwrap();
    let o = seloste(dir.path(), &["check", "notices"]);
    let said = format!("{}{}", stdout(&o), stderr(&o));
    // Both paths name one notice: one id used twice, nothing unread.
    assert!(said.contains("error[L008]"), "{said}");
    assert!(!said.contains("does not read it"), "{said}");
}

#[test]
fn defect_3_the_id_rule_cannot_be_lowered_and_a_script_id_never_becomes_a_link() {
    let notice = valid_notice().replacen(
        "id = \"example-school-register\"",
        "id = \"javascript:alert(document.domain)//\"",
        1,
    );
    let dir = temp_with(&[
        (
            "seloste.toml",
            b"[rules]\nQ012 = \"allow\"\ninvalid-id = \"warning\"\n",
        ),
        ("valid.toml", notice.as_bytes()),
    ]);
    let o = seloste(dir.path(), &["check", "."]);
    let said = stdout(&o);
    // A configuration that asks for it is broken: exit 2.
    assert_eq!(o.status.code(), Some(2), "{said}");
    assert_eq!(
        said.matches("Q012 (invalid-id) cannot be reconfigured")
            .count(),
        2,
        "{said}"
    );
    assert!(
        said.contains("error[Q012]: `javascript:alert(document.domain)//` is not a valid id"),
        "{said}"
    );
    let o = seloste(dir.path(), &["build", ".", "--out", "site"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!dir.path().join("site").exists(), "nothing is built");
    // Without the configuration, the id alone stops the build.
    std::fs::remove_file(dir.path().join("seloste.toml")).unwrap();
    let o = seloste(dir.path(), &["build", ".", "--out", "site"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!dir.path().join("site").exists(), "nothing is built");
}

#[test]
fn defect_7_a_notice_cannot_take_the_id_of_the_index_page() {
    let notice = valid_notice().replacen("id = \"example-school-register\"", "id = \"index\"", 1);
    let dir = temp_with(&[("valid.toml", notice.as_bytes())]);
    let o = seloste(dir.path(), &["check", "."]);
    let said = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{said}");
    assert!(
        said.contains("error[Q012]: `index` is reserved and cannot be a notice id")
            && said.contains("valid.toml:2:6"),
        "{said}"
    );
    let o = seloste(dir.path(), &["build", ".", "--out", "site"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!dir.path().join("site").exists());
}

/// `seloste status`: per notice and language, the texts missing, with
/// `--since` the ones left unchanged while another language changed, and
/// the ones whose facts disagree with the first language; as a table and
/// as JSON.
#[test]
fn status_lists_missing_and_stale_texts_per_language() {
    let dir = tempfile::tempdir().expect("temp");
    let repo = dir.path();
    git_repo(repo);
    let base = std::fs::read_to_string(root().join("tests/fixtures/rules/base.toml"))
        .expect("base fixture");
    std::fs::write(repo.join("school.toml"), &base).expect("write");
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "first"]);
    // The Finnish description of the first purpose is rewritten, the
    // Swedish text of the DPO's role is deleted.
    let changed = base
        .replacen(
            "fi = \"Perusopetuksen järjestäminen ja oppilaan arviointi\"",
            "fi = \"Perusopetuksen ja esiopetuksen järjestäminen sekä oppilaan arviointi\"",
            1,
        )
        .replacen(", sv = \"Stadens dataskyddsombud\"", "", 1)
        // And the Swedish text of the first law cites another act number.
        .replacen(
            "sv = \"Lagen om grundläggande utbildning (628/1998)\"",
            "sv = \"Lagen om grundläggande utbildning (638/1998)\"",
            1,
        );
    assert_ne!(changed, base, "the fixture has the texts this test edits");
    std::fs::write(repo.join("school.toml"), &changed).expect("write");
    let o = seloste(repo, &["status", ".", "--since", "HEAD"]);
    assert_eq!(o.status.code(), Some(0), "{}", crate::common::output(&o));
    insta::assert_snapshot!("status_human", stdout(&o));
    let o = seloste(
        repo,
        &["status", ".", "--since", "HEAD", "--format", "json"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", crate::common::output(&o));
    insta::assert_snapshot!("status_json", stdout(&o));
}
