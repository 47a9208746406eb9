//! The published pages, checked by the real tools: the site built from the
//! repository's `notices/` and the vendor example's bundles, every HTML and
//! print HTML page of both, through the Nu Html Checker (vnu.jar, one JVM for
//! all files) and through axe-core in Chromium (one browser for all pages),
//! which also records console errors, page errors and any request other
//! than the page itself.
//!
//! The tools come from `tests/browser` (`npm ci --prefix tests/browser`),
//! Java and the system's Chromium (`$CHROMIUM` or `chromium` on `PATH`).
//! Without them the tests are skipped, unless `SELOSTE_REQUIRE_TOOLS=1`
//! (set by `.ci/run`), which makes a missing tool a failure.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::common::{external_tool, output, root, seloste};
use crate::support;
use serde_json::Value;

/// The processor record pages of the vendor example's bundles: one per
/// language of each customer (2 + 1 + 3 + 2).
const PROCESSOR_RECORD_PAGES: usize = 8;

/// Builds, with the real binary, the site from `notices/` into `out/site`
/// and the vendor example's bundles into `out/bundles`, as the README and
/// `examples/vendor/README.md` say.
fn build_everything(out: &Path) -> (PathBuf, PathBuf) {
    let site = out.join("site");
    let bundles = out.join("bundles");
    let o = seloste(
        &root(),
        &["build", "notices", "--out", site.to_str().expect("utf-8")],
    );
    assert!(o.status.success(), "build: {}", output(&o));
    let o = seloste(
        &root(),
        &[
            "bundle",
            "examples/vendor/services",
            "--customers",
            "examples/vendor/customers",
            "--out",
            bundles.to_str().expect("utf-8"),
        ],
    );
    assert!(o.status.success(), "bundle: {}", output(&o));
    // The record of processing activities of the same notices, a page per
    // language, checked like every page (`records_pages`).
    let o = seloste(
        &root(),
        &[
            "records",
            "notices",
            "--lang",
            "fi,sv,en",
            "--format",
            "html",
            "--out",
            out.join("records").to_str().expect("utf-8"),
        ],
    );
    assert!(o.status.success(), "records: {}", output(&o));
    (site, bundles)
}

/// The controller's record pages that `build_everything` wrote.
fn records_pages(out: &Path) -> Vec<PathBuf> {
    let pages = support::html_files(&out.join("records"));
    assert_eq!(pages.len(), 3, "a record page per language");
    pages
}

/// Messages of the Nu Html Checker that are gaps in its CSS profile, not
/// errors: it does not know CSS Generated Content for Paged Media
/// (`string-set`, `string()`), which the print style uses to put the
/// notice's title and date in the page margins (WeasyPrint and other paged
/// media engines support it). Set aside only in print pages.
fn paged_media_css(file: &str, message: &str) -> bool {
    file.ends_with(".print.html")
        && message.starts_with("CSS: ")
        && (message.contains("“string-set”") || message.contains("“string("))
}

#[test]
fn the_nu_html_checker_finds_no_errors() {
    let (Some(java), Some(jar)) = (external_tool("java"), support::vnu_jar()) else {
        return;
    };
    let tmp = tempfile::tempdir().expect("temp dir");
    let (site, bundles) = build_everything(tmp.path());
    let mut files = support::html_files(&site);
    files.extend(support::html_files(&bundles));
    // The site's 6 notices in 3 languages as HTML and print HTML, 3
    // indexes and the root page; the vendor example's 4 customers' bundles,
    // each with its root page and its processor records (a page per
    // customer language); the controller's record in 3 languages.
    files.extend(records_pages(tmp.path()));
    assert_eq!(
        files.len(),
        84 + PROCESSOR_RECORD_PAGES + 3,
        "pages to validate"
    );

    let (errors, set_aside, code) = vnu_errors(&java, &jar, &files, tmp.path());
    println!(
        "vnu: {} pages validated, {} errors ({set_aside} paged-media CSS messages set aside)",
        files.len(),
        errors.len()
    );
    assert!(
        errors.is_empty(),
        "the Nu Html Checker found {} errors:\n{}",
        errors.len(),
        errors.join("\n")
    );
    assert!(matches!(code, Some(0) | Some(1)), "vnu failed");
}

/// Runs the Nu Html Checker on `files`: its errors (paged-media CSS set
/// aside, see [`paged_media_css`]), how many were set aside, and its exit
/// code.
fn vnu_errors(
    java: &Path,
    jar: &Path,
    files: &[PathBuf],
    tmp: &Path,
) -> (Vec<String>, usize, Option<i32>) {
    let mut cmd = Command::new(java);
    cmd.arg("-jar")
        .arg(jar)
        .args(["--errors-only", "--format", "json"])
        .args(files);
    let done = support::run(cmd, tmp, "vnu", Duration::from_secs(600));
    // The report goes to standard error; exit 1 means errors were found.
    let report = if done.stderr.trim_start().starts_with('{') {
        &done.stderr
    } else {
        &done.stdout
    };
    let report: Value = serde_json::from_str(report)
        .unwrap_or_else(|e| panic!("vnu printed no JSON report ({e})\n{}", done.show()));
    let messages = report["messages"].as_array().expect("messages");
    let mut errors = Vec::new();
    let mut set_aside = 0;
    for m in messages {
        let file = m["url"]
            .as_str()
            .unwrap_or_default()
            .trim_start_matches("file:");
        let text = m["message"].as_str().unwrap_or_default();
        if paged_media_css(file, text) {
            set_aside += 1;
            continue;
        }
        errors.push(format!(
            "{}:{}:{}: {} {}\n    {}",
            file.strip_prefix(tmp.to_str().expect("utf-8"))
                .unwrap_or(file),
            m["lastLine"],
            m["firstColumn"],
            m["type"].as_str().unwrap_or_default(),
            text,
            m["extract"]
                .as_str()
                .unwrap_or_default()
                .replace('\n', "\u{21b5}")
        ));
    }
    (errors, set_aside, done.code)
}

/// A page that breaks every check once (see the test).
const CANARY: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>canary</title>
<link rel="stylesheet" href="../elsewhere.css"></head>
<body><main><p style="color:#999;background:#fff">low contrast</p>
<img src="https://example.invalid/pixel.png">
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="a data: URI is not a request">
<script>console.error("canary"); undefinedFunction();</script>
</main></body></html>
"#;

#[test]
fn axe_finds_no_violations_and_pages_make_no_requests() {
    let Some(browser) = support::browser() else {
        return;
    };
    let tmp = tempfile::tempdir().expect("temp dir");
    let (site, bundles) = build_everything(tmp.path());
    let mut jobs = support::jobs(Some(&site), Some(&bundles));
    assert!(
        jobs.iter().any(|j| !j.allow.is_empty()
            && std::fs::read_to_string(&j.file).is_ok_and(|s| s.contains("class=\"logo\""))),
        "a bundle page shows its customer's logo, so the allowed request is exercised"
    );
    jobs.extend(
        records_pages(tmp.path())
            .into_iter()
            .map(|file| support::Job {
                file,
                allow: Vec::new(),
            }),
    );
    let pages_built = jobs.len();
    assert_eq!(
        pages_built,
        84 + PROCESSOR_RECORD_PAGES + 3,
        "pages to open"
    );
    // A canary with what the checks must catch: without it, a check that
    // sees nothing would pass.
    let canary = tmp.path().join("canary.html");
    std::fs::write(&canary, CANARY).expect("write canary");
    jobs.push(support::Job {
        file: canary.clone(),
        allow: Vec::new(),
    });
    let report = browser.run_script("axe-check.mjs", &jobs, tmp.path());
    let mut pages = report["pages"].as_array().expect("pages").clone();
    assert_eq!(pages.len(), jobs.len(), "one record per page");
    let canary = pages.pop().expect("the canary's record");
    let ids: Vec<&str> = canary["violations"]
        .as_array()
        .expect("violations")
        .iter()
        .filter_map(|v| v["id"].as_str())
        .collect();
    assert!(
        ["html-has-lang", "image-alt", "color-contrast"]
            .iter()
            .all(|id| ids.contains(id))
            && canary["requests"]
                .as_array()
                .is_some_and(|r| r.iter().any(|u| u == "https://example.invalid/pixel.png"))
            && canary["requests"].as_array().is_some_and(|r| r
                .iter()
                .any(|u| u.as_str().is_some_and(|u| u.ends_with("/elsewhere.css"))))
            && canary["consoleErrors"]
                .as_array()
                .is_some_and(|e| e.iter().any(|m| m == "canary"))
            && canary["pageErrors"]
                .as_array()
                .is_some_and(|e| !e.is_empty()),
        "the checks missed what the canary page does: {canary:#}"
    );

    let rel = |f: &Value| {
        let f = f.as_str().unwrap_or_default();
        f.strip_prefix(tmp.path().to_str().expect("utf-8"))
            .unwrap_or(f)
            .to_string()
    };
    let mut problems = Vec::new();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for page in &pages {
        let file = rel(&page["file"]);
        for i in page["incomplete"].as_array().expect("incomplete") {
            *counts.entry("incomplete").or_default() += i["count"].as_u64().unwrap_or(1) as usize;
        }
        for v in page["violations"].as_array().expect("violations") {
            *counts.entry("violations").or_default() += v["count"].as_u64().unwrap_or(1) as usize;
            let nodes: Vec<String> = v["nodes"]
                .as_array()
                .expect("nodes")
                .iter()
                .map(|n| {
                    format!(
                        "      at {}: {}\n        {}",
                        n["target"].as_str().unwrap_or_default(),
                        n["html"].as_str().unwrap_or_default(),
                        n["summary"]
                            .as_str()
                            .unwrap_or_default()
                            .replace('\n', "\n        ")
                    )
                })
                .collect();
            problems.push(format!(
                "{file}: axe {} ({}, {} nodes): {}\n{}",
                v["id"].as_str().unwrap_or_default(),
                v["impact"].as_str().unwrap_or_default(),
                v["count"],
                v["help"].as_str().unwrap_or_default(),
                nodes.join("\n")
            ));
        }
        for (key, label) in [
            ("consoleErrors", "console error"),
            ("pageErrors", "page error"),
            ("requests", "request"),
        ] {
            for m in page[key].as_array().expect(key) {
                *counts.entry(key).or_default() += 1;
                problems.push(format!(
                    "{file}: {label}: {}",
                    m.as_str().unwrap_or_default()
                ));
            }
        }
    }
    assert_eq!(pages.len(), pages_built);
    println!(
        "axe {} ({}): {} pages checked, {} violations ({} results to review by hand), {} console errors, {} page errors, {} requests",
        report["axe"].as_str().unwrap_or_default(),
        report["tags"],
        pages.len(),
        counts.get("violations").unwrap_or(&0),
        counts.get("incomplete").unwrap_or(&0),
        counts.get("consoleErrors").unwrap_or(&0),
        counts.get("pageErrors").unwrap_or(&0),
        counts.get("requests").unwrap_or(&0),
    );
    assert!(
        problems.is_empty(),
        "{} problems in the pages:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// A page wider than a phone, for the narrow-screen check to catch.
const WIDE_CANARY: &str = r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>wide</title></head>
<body><main><h1>wide</h1><div style="width:800px">too wide</div>
<div class="table-scroll" style="overflow-x:auto"><table><tr><td><div style="width:900px">scrolls</div></td></tr></table></div></main></body></html>
"#;

/// Issue 15: on a phone (390 CSS pixels) no page of the site or of the
/// bundles scrolls sideways, no table overflows its box (tables are
/// labelled cards there), and axe finds no violations in that layout.
#[test]
fn every_page_fits_a_phone_screen_with_tables_as_cards() {
    let Some(browser) = support::browser() else {
        return;
    };
    let tmp = tempfile::tempdir().expect("temp dir");
    let (site, bundles) = build_everything(tmp.path());
    let mut jobs = support::jobs(Some(&site), Some(&bundles));
    let pages_built = jobs.len();
    let canary = tmp.path().join("wide.html");
    std::fs::write(&canary, WIDE_CANARY).expect("write canary");
    jobs.push(support::Job {
        file: canary,
        allow: Vec::new(),
    });
    let report = browser.run_script("narrow-check.mjs", &jobs, tmp.path());
    assert_eq!(report["width"], 390);
    let mut pages = report["pages"].as_array().expect("pages").clone();
    assert_eq!(pages.len(), jobs.len(), "one record per page");
    let canary = pages.pop().expect("the canary's record");
    assert!(
        canary["scrollWidth"].as_u64() > canary["innerWidth"].as_u64()
            && !canary["overflowing"].as_array().expect("list").is_empty(),
        "the check missed a page wider than the screen: {canary:#}"
    );
    let mut problems = Vec::new();
    let mut cards = 0;
    for page in &pages {
        let file = page["file"].as_str().unwrap_or_default();
        let file = file
            .strip_prefix(tmp.path().to_str().expect("utf-8"))
            .unwrap_or(file);
        let (scroll, inner) = (page["scrollWidth"].as_u64(), page["innerWidth"].as_u64());
        if inner != Some(390) || scroll > inner {
            problems.push(format!(
                "{file}: scrollWidth {scroll:?} > innerWidth {inner:?}"
            ));
        }
        for o in page["overflowing"].as_array().expect("overflowing") {
            problems.push(format!(
                "{file}: overflows: {}",
                o.as_str().unwrap_or_default()
            ));
        }
        for v in page["violations"].as_array().expect("violations") {
            problems.push(format!("{file}: axe at 390 px: {v}"));
        }
        for r in page["requests"].as_array().expect("requests") {
            problems.push(format!("{file}: request: {r}"));
        }
        if file.ends_with(".html") && !file.ends_with(".print.html") {
            cards += page["cards"].as_u64().unwrap_or(0);
        }
    }
    println!(
        "390 px: {} pages, {cards} table rows shown as cards, {} problems",
        pages.len(),
        problems.len()
    );
    assert_eq!(pages.len(), pages_built);
    assert!(
        cards > 100,
        "table rows are laid out as cards on a phone ({cards})"
    );
    assert!(
        problems.is_empty(),
        "{} problems on a phone screen:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Issue 15's other new outputs, through the Nu Html Checker and axe: a
/// draft's banner (`--drafts`) in HTML and print HTML, and every notice's
/// CMS fragment (`--format fragment`) pasted into a plain host page with
/// the fragments' stylesheet in its style, as a municipality's site would
/// show it.
#[test]
fn drafts_and_fragments_pass_the_nu_html_checker_and_axe() {
    let (Some(java), Some(jar)) = (external_tool("java"), support::vnu_jar()) else {
        return;
    };
    let Some(browser) = support::browser() else {
        return;
    };
    let tmp = tempfile::tempdir().expect("temp dir");
    let notices = tmp.path().join("notices");
    std::fs::create_dir_all(&notices).expect("mkdir");
    for e in std::fs::read_dir(root().join("notices")).expect("notices/") {
        let p = e.expect("entry").path();
        std::fs::copy(&p, notices.join(p.file_name().expect("name"))).expect("copy");
    }
    let valid =
        std::fs::read_to_string(root().join("tests/fixtures/cli/valid.toml")).expect("fixture");
    std::fs::write(
        notices.join("draft.toml"),
        valid.replacen(
            "id = \"example-school-register\"",
            "id = \"draft-register\"\ndraft = true",
            1,
        ),
    )
    .expect("write");
    let site = tmp.path().join("site");
    let o = seloste(
        tmp.path(),
        &[
            "build",
            "--drafts",
            "--format",
            "html,print,fragment",
            "--out",
            "site",
        ],
    );
    assert!(o.status.success(), "build: {}", output(&o));

    let mut files: Vec<PathBuf> = support::html_files(&site)
        .into_iter()
        .filter(|f| f.to_string_lossy().contains("draft-register"))
        .filter(|f| !f.to_string_lossy().ends_with(".fragment.html"))
        .collect();
    assert_eq!(
        files.len(),
        6,
        "the draft in 3 languages, as HTML and print HTML"
    );
    for f in &files {
        let html = std::fs::read_to_string(f).expect("read");
        assert!(html.contains("class=\"draft-banner\""), "{}", f.display());
    }
    // The stylesheet as a site's theme would carry it (axe reads linked
    // style sheets over XHR, which file:// pages may not do).
    let css = std::fs::read_to_string(site.join("seloste-fragment.css")).expect("stylesheet");
    let mut hosts = Vec::new();
    for fragment in support::html_files(&site)
        .into_iter()
        .filter(|f| f.to_string_lossy().ends_with(".fragment.html"))
    {
        let lang = fragment
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|n| n.to_str())
            .expect("a language folder")
            .to_string();
        let body = std::fs::read_to_string(&fragment).expect("read");
        let host = fragment.with_extension("host.html");
        std::fs::write(
            &host,
            format!(
                "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>CMS page</title>\n<style>\n{css}</style>\n</head>\n<body>\n<header><p>Municipality</p></header>\n<main>\n<h1>Privacy</h1>\n{body}</main>\n</body>\n</html>\n"
            ),
        )
        .expect("write host");
        hosts.push(host);
    }
    assert_eq!(hosts.len(), 7 * 3, "a fragment per notice and language");
    files.extend(hosts);

    let (errors, _, code) = vnu_errors(&java, &jar, &files, tmp.path());
    assert!(
        errors.is_empty(),
        "the Nu Html Checker found {} errors:\n{}",
        errors.len(),
        errors.join("\n")
    );
    assert!(matches!(code, Some(0) | Some(1)), "vnu failed");

    let jobs: Vec<support::Job> = files
        .iter()
        .map(|f| support::Job {
            file: f.clone(),
            allow: Vec::new(),
        })
        .collect();
    let report = browser.run_script("axe-check.mjs", &jobs, tmp.path());
    let pages = report["pages"].as_array().expect("pages");
    assert_eq!(pages.len(), jobs.len());
    let mut problems = Vec::new();
    for page in pages {
        for key in ["violations", "consoleErrors", "pageErrors", "requests"] {
            for v in page[key].as_array().expect(key) {
                problems.push(format!("{}: {key}: {v}", page["file"]));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
