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
    // The site's 6 notices in 3 languages as HTML and print HTML and 3
    // indexes; the vendor example's 4 customers' bundles with their
    // processor records (a page per customer language); the controller's
    // record in 3 languages.
    files.extend(records_pages(tmp.path()));
    assert_eq!(
        files.len(),
        79 + PROCESSOR_RECORD_PAGES + 3,
        "pages to validate"
    );

    let mut cmd = Command::new(java);
    cmd.arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--format", "json"])
        .args(&files);
    let done = support::run(cmd, tmp.path(), "vnu", Duration::from_secs(600));
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
            file.strip_prefix(tmp.path().to_str().expect("utf-8"))
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
    assert!(
        matches!(done.code, Some(0) | Some(1)),
        "vnu failed\n{}",
        done.show()
    );
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
        79 + PROCESSOR_RECORD_PAGES + 3,
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
