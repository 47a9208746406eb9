//! `seloste build` end to end: layout, determinism, safety of the output,
//! derived content, and snapshots of every format and language.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::{output, root, seloste, tree};

fn build(notices: &Path) -> (tempfile::TempDir, BTreeMap<String, Vec<u8>>) {
    let dir = tempfile::tempdir().expect("temp");
    let out = dir.path().join("site");
    let o = seloste(
        &root(),
        &[
            "build",
            notices.to_str().expect("utf-8 path"),
            "--out",
            out.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    let files = tree(&out);
    (dir, files)
}

fn file(files: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(
        files
            .get(path)
            .unwrap_or_else(|| panic!("{path} was not built"))
            .clone(),
    )
    .expect("utf-8")
}

#[test]
fn builds_every_notice_in_every_language_and_format() {
    let (_dir, files) = build(&root().join("notices"));
    let ids = [
        "novia-ict",
        "novia-self-service-portal",
        "opinsys-koejakaja",
        "opinsys-support-desk",
        "opinsys-user-management",
        "wilma-guardians",
    ];
    for lang in ["fi", "sv", "en"] {
        assert!(
            files.contains_key(&format!("{lang}/index.html")),
            "{lang} index"
        );
        for id in ids {
            for ext in ["html", "print.html", "md"] {
                assert!(
                    files.contains_key(&format!("{lang}/{id}.{ext}")),
                    "{lang}/{id}.{ext}"
                );
            }
        }
    }
    assert!(files.contains_key(".seloste-output"));
    // 6 notices x 3 languages x 3 formats + 3 indexes + the root page
    // choosing the language + marker.
    assert!(files.contains_key("index.html"));
    assert_eq!(files.len(), 6 * 3 * 3 + 3 + 1 + 1);
}

#[test]
fn two_builds_are_byte_identical() {
    let (_a, first) = build(&root().join("notices"));
    let (_b, second) = build(&root().join("notices"));
    assert_eq!(first, second);
}

#[test]
fn html_pages_are_self_contained_and_labelled() {
    let (_dir, files) = build(&root().join("notices"));
    for (path, bytes) in &files {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes.clone()).expect("utf-8");
        // The root page chooses the language: its own is the first built.
        let lang = if path == "index.html" {
            "fi"
        } else {
            &path[..2]
        };
        assert!(html.starts_with("<!DOCTYPE html>"), "{path}");
        assert!(
            html.contains(&format!("<html lang=\"{lang}\"")),
            "{path}: lang"
        );
        assert!(!html.contains("<script"), "{path}: script");
        for external in [
            "src=\"http",
            "<link rel=\"stylesheet\"",
            "@import",
            "url(http",
        ] {
            assert!(
                !html.contains(external),
                "{path}: external request {external}"
            );
        }
    }
}

#[test]
fn public_task_notice_has_no_portability_and_consent_notice_has_withdrawal() {
    let (_dir, files) = build(&root().join("tests/fixtures/render"));
    let school = file(&files, "en/example-school-register.html");
    let newsletter = file(&files, "en/newsletter.html");
    assert!(
        !school.contains("id=\"right-portability\""),
        "public task shows portability"
    );
    assert!(
        school.contains("id=\"right-object\""),
        "public task lacks the objection right"
    );
    assert!(
        newsletter.contains("id=\"right-portability\""),
        "consent lacks portability"
    );
    assert!(
        newsletter.contains("id=\"right-withdraw-consent\""),
        "consent lacks withdrawal"
    );
    assert!(
        !newsletter.contains("id=\"right-object\""),
        "consent shows objection"
    );
    // The bundled notices: those resting only on public task and legal
    // obligation never offer portability; those that mix in consent or a
    // contract offer it for those purposes only, and say which.
    let (_d, bundled) = build(&root().join("notices"));
    for lang in ["fi", "sv", "en"] {
        for id in ["opinsys-koejakaja", "opinsys-user-management"] {
            let page = file(&bundled, &format!("{lang}/{id}.html"));
            assert!(
                !page.contains("id=\"right-portability\""),
                "{lang}/{id} shows portability"
            );
        }
        for id in ["novia-ict", "wilma-guardians"] {
            let page = file(&bundled, &format!("{lang}/{id}.html"));
            let at = page
                .find("id=\"right-portability\"")
                .unwrap_or_else(|| panic!("{lang}/{id}: no portability"));
            let right = &page[at..at + page[at..].find("</div>").expect("closed")];
            assert!(
                right.contains("class=\"applies-to\""),
                "{lang}/{id}: portability not limited to its purposes"
            );
        }
    }
    let wilma = file(&bundled, "en/wilma-guardians.html");
    assert!(
        wilma.contains("id=\"right-withdraw-consent\""),
        "wilma's consent purpose lacks withdrawal"
    );
}

#[test]
fn hostile_text_is_inert_in_every_format() {
    let source = std::fs::read_to_string(root().join("tests/fixtures/render/newsletter.toml"))
        .expect("fixture");
    // Paragraphs apart, so that the link is a Markdown link and not part of
    // the HTML block the script tag opens. `\n` is a TOML escape here.
    let payload = r"<script>alert(1)</script>\n\n[x](javascript:alert(1)) {{ 7*7 }} <img src=x onerror=alert(1)>";
    let hostile = source.replacen(
        "en = \"Sending the newsletter to **subscribers**.\"",
        &format!("en = \"{payload}\""),
        1,
    );
    assert_ne!(hostile, source);
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(dir.path().join("n.toml"), hostile).expect("write");
    let o = seloste(dir.path(), &["check", "n.toml"]);
    // The unsafe link is an error for `check`; allow it to test rendering.
    assert_eq!(o.status.code(), Some(1), "{}", output(&o));
    std::fs::write(
        dir.path().join("seloste.toml"),
        "[rules]\nunsafe-link = \"allow\"\n",
    )
    .expect("config");
    let o = seloste(dir.path(), &["build", "n.toml", "--out", "site"]);
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    let files = tree(&dir.path().join("site"));
    for ext in ["html", "print.html", "md"] {
        let out = file(&files, &format!("en/newsletter.{ext}"));
        assert!(!out.contains("<script>alert"), "{ext}: script tag");
        assert!(!out.contains("<img"), "{ext}: img tag");
        assert!(
            !out.to_lowercase().contains("href=\"javascript"),
            "{ext}: js link"
        );
        assert!(!out.contains("](javascript"), "{ext}: md js link");
        assert!(!out.contains("49"), "{ext}: template syntax was evaluated");
        assert!(
            out.contains("7*7") || out.contains(r"7\*7"),
            "{ext}: template text was dropped"
        );
    }
}

#[test]
fn errors_stop_the_build_and_keep_the_previous_output() {
    let dir = tempfile::tempdir().expect("temp");
    let good =
        std::fs::read_to_string(root().join("tests/fixtures/render/school.toml")).expect("fixture");
    std::fs::write(dir.path().join("n.toml"), &good).expect("write");
    let o = seloste(dir.path(), &["build", "n.toml", "--out", "site"]);
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    let before = tree(&dir.path().join("site"));
    std::fs::write(
        dir.path().join("n.toml"),
        good.replace("[dpo]", "[dpo_gone]"),
    )
    .expect("break");
    let o = seloste(dir.path(), &["build", "n.toml", "--out", "site"]);
    assert_eq!(o.status.code(), Some(1), "{}", output(&o));
    assert!(output(&o).contains("nothing was built"));
    assert_eq!(tree(&dir.path().join("site")), before);
}

#[test]
fn refuses_to_replace_a_folder_it_did_not_write() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::copy(
        root().join("tests/fixtures/render/school.toml"),
        dir.path().join("n.toml"),
    )
    .expect("copy");
    let o = seloste(dir.path(), &["build", "n.toml", "--out", "."]);
    assert_eq!(o.status.code(), Some(2), "{}", output(&o));
    assert!(dir.path().join("n.toml").exists());
}

#[test]
fn language_and_format_selection() {
    let dir = tempfile::tempdir().expect("temp");
    let o = seloste(
        &root(),
        &[
            "build",
            "tests/fixtures/render",
            "--out",
            dir.path().join("s").to_str().expect("utf-8"),
            "--lang",
            "sv",
            "--format",
            "md",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    let files: Vec<String> = tree(&dir.path().join("s")).into_keys().collect();
    assert_eq!(
        files,
        [
            ".seloste-output",
            "index.html",
            "sv/example-school-register.md",
            "sv/index.html",
            "sv/newsletter.md"
        ]
    );
}

#[test]
fn snapshots_of_every_format_and_language() {
    let (_dir, files) = build(&root().join("tests/fixtures/render"));
    for (path, bytes) in files {
        if path.starts_with('.') {
            continue;
        }
        let name = path.replace('/', "__");
        insta::assert_snapshot!(name, String::from_utf8(bytes).expect("utf-8"));
    }
}

#[test]
fn project_templates_override_the_built_in_ones_file_by_file() {
    let dir = tempfile::tempdir().expect("temp");
    let o = seloste(dir.path(), &["init-templates", "tpl"]);
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    for name in [
        "notice.html",
        "notice.print.html",
        "notice.md",
        "index.html",
    ] {
        assert!(
            dir.path().join("tpl").join(name).is_file(),
            "{name} written"
        );
    }
    // A second run does not overwrite edits.
    std::fs::write(
        dir.path().join("tpl/notice.md"),
        "# {{ title }} ({{ lang }})\n",
    )
    .expect("edit");
    let o = seloste(dir.path(), &["init-templates", "tpl"]);
    assert!(output(&o).contains("skipped"), "{}", output(&o));
    // Only the edited template changes the output.
    std::fs::remove_file(dir.path().join("tpl/notice.html")).expect("rm");
    std::fs::copy(
        root().join("tests/fixtures/render/newsletter.toml"),
        dir.path().join("n.toml"),
    )
    .expect("copy");
    let o = seloste(
        dir.path(),
        &["build", "n.toml", "--out", "site", "--templates", "tpl"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    let md = std::fs::read_to_string(dir.path().join("site/en/newsletter.md")).expect("md");
    assert_eq!(md, "# Newsletter subscribers (en)\n");
    let html = std::fs::read_to_string(dir.path().join("site/en/newsletter.html")).expect("html");
    assert!(
        html.starts_with("<!DOCTYPE html>"),
        "built-in notice.html used"
    );
}

#[test]
fn a_template_error_fails_the_build_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::create_dir(dir.path().join("tpl")).expect("mkdir");
    std::fs::write(dir.path().join("tpl/notice.md"), "{{ no_such_field }}\n").expect("tpl");
    std::fs::copy(
        root().join("tests/fixtures/render/newsletter.toml"),
        dir.path().join("n.toml"),
    )
    .expect("copy");
    let o = seloste(
        dir.path(),
        &["build", "n.toml", "--out", "site", "--templates", "tpl"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", output(&o));
    assert!(output(&o).contains("notice.md"), "{}", output(&o));
    assert!(!dir.path().join("site").exists());
}

/// Regression guard: pages are written as they are rendered, into a new
/// folder beside the output; a render that fails half-way must leave the
/// previous output as it was and nothing beside it.
#[test]
fn a_render_failing_half_way_keeps_the_previous_output_and_leaves_nothing_beside_it() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::copy(
        root().join("tests/fixtures/render/newsletter.toml"),
        dir.path().join("n.toml"),
    )
    .expect("copy");
    let o = seloste(dir.path(), &["build", "n.toml", "--out", "site"]);
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    let before = tree(&dir.path().join("site"));
    assert!(before.len() > 3, "{:?}", before.keys());
    // HTML renders; Markdown fails: some pages are written before the error.
    std::fs::create_dir(dir.path().join("tpl")).expect("mkdir");
    std::fs::write(dir.path().join("tpl/notice.md"), "{{ no_such_field }}\n").expect("tpl");
    let o = seloste(
        dir.path(),
        &["build", "n.toml", "--out", "site", "--templates", "tpl"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", output(&o));
    assert_eq!(tree(&dir.path().join("site")), before);
    let mut beside: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    beside.sort();
    assert_eq!(beside, ["n.toml", "site", "tpl"]);
}

#[test]
fn the_project_default_authority_applies_to_notices_without_one() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::copy(
        root().join("tests/fixtures/render/newsletter.toml"),
        dir.path().join("n.toml"),
    )
    .expect("copy");
    std::fs::write(
        dir.path().join("seloste.toml"),
        "supervisory_authority = \"SE\"\n",
    )
    .expect("config");
    let o = seloste(
        dir.path(),
        &["build", "n.toml", "--out", "site", "--format", "md"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    let md = std::fs::read_to_string(dir.path().join("site/en/newsletter.md")).expect("md");
    assert!(
        md.contains("Swedish Authority for Privacy Protection"),
        "{md}"
    );
    assert!(!md.contains("Data Protection Ombudsman"));
}
