//! PDF output (`--pdf`, `--format pdf`), end to end.
//!
//! With the real engines (Chromium, and WeasyPrint when installed) and
//! poppler's `pdfinfo`/`pdftotext`: every notice of `notices/` becomes an
//! A4 PDF with page numbers, its title and language set, the headings of
//! its language as selectable text, the same bytes on every build; bundles
//! carry the PDFs in their folder, manifest and zip. These skip on a machine
//! without the tools, and fail without them under `SELOSTE_REQUIRE_TOOLS=1`
//! (as `.ci/run` runs them).
//!
//! With stand-in engines (shell scripts), on every machine: a missing or
//! failing engine is exit 2 with the reason and the previous output intact,
//! and what an engine prints is published with reproducible dates.

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::{external_tool, output, root, tree};

/// Runs the binary in `dir` with extra environment variables.
fn run(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_seloste"));
    cmd.args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("SELOSTE_CHROMIUM")
        .env_remove("SELOSTE_WEASYPRINT");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("the binary runs")
}

fn text(path: &Path) -> String {
    String::from_utf8(std::fs::read(path).expect("read")).expect("UTF-8")
}

/// `pdfinfo` of one PDF, first and every page, as key → value.
fn pdfinfo(pdfinfo: &Path, pdf: &Path) -> BTreeMap<String, String> {
    let o = Command::new(pdfinfo)
        .args(["-f", "1", "-l", "9999"])
        .arg(pdf)
        .output()
        .expect("pdfinfo runs");
    assert!(
        o.status.success(),
        "pdfinfo {}: {}",
        pdf.display(),
        output(&o)
    );
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

fn pdftotext(pdftotext: &Path, pdf: &Path) -> String {
    let o = Command::new(pdftotext)
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(
        o.status.success(),
        "pdftotext {}: {}",
        pdf.display(),
        output(&o)
    );
    squash(&String::from_utf8_lossy(&o.stdout))
}

/// Whitespace runs as one space, so that line breaks do not matter.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of every `<h1>`–`<h3>` and the `<title>` of an HTML page.
fn headings(html: &str) -> (String, Vec<String>) {
    let tag = regex::Regex::new(r"(?s)<(h[123]|title)\b[^>]*>(.*?)</(?:h[123]|title)>").unwrap();
    let markup = regex::Regex::new(r"<[^>]+>").unwrap();
    let mut title = String::new();
    let mut found = Vec::new();
    for c in tag.captures_iter(html) {
        let inner = unescape(&markup.replace_all(&c[2], ""));
        if &c[1] == "title" {
            title = squash(&inner);
        } else {
            found.push(squash(&inner));
        }
    }
    (title, found)
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The page label of a language, as the print style writes it.
fn page_one(lang: &str, pages: usize) -> String {
    match lang {
        "fi" => format!("Sivu 1 / {pages}"),
        "sv" => format!("Sida 1 av {pages}"),
        _ => format!("Page 1 of {pages}"),
    }
}

struct Poppler {
    pdfinfo: PathBuf,
    pdftotext: PathBuf,
}

/// Chromium and poppler, or `None` (skipped) when they are not installed.
fn real_tools() -> Option<Poppler> {
    let chromium = external_tool("chromium").is_some()
        || ["chromium-browser", "google-chrome"]
            .iter()
            .any(|n| which(n).is_some());
    if !chromium {
        return None;
    }
    Some(Poppler {
        pdfinfo: external_tool("pdfinfo")?,
        pdftotext: external_tool("pdftotext")?,
    })
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// Checks every PDF below `site` against the print HTML it was made from
/// (`<lang>/<id>.print.html` beside it). Returns the number of PDFs and
/// pages checked.
fn check_pdfs(tools: &Poppler, site: &Path, expect_lang_tag: bool) -> (usize, usize) {
    let mut pdfs = 0;
    let mut pages_total = 0;
    for (rel, bytes) in tree(site) {
        let Some(stem) = rel.strip_suffix(".pdf") else {
            continue;
        };
        pdfs += 1;
        let lang = rel.split('/').next().expect("a language folder");
        let path = site.join(&rel);
        let html = text(&site.join(format!("{stem}.print.html")));
        let (title, heads) = headings(&html);
        assert!(!heads.is_empty(), "{rel}: no headings in the print HTML");

        let info = pdfinfo(&tools.pdfinfo, &path);
        let pages: usize = info["Pages"].parse().expect("a page count");
        assert!(pages >= 1, "{rel}: no pages");
        pages_total += pages;
        for p in 1..=pages {
            let size = info
                .get(&format!("Page {p:>4} size"))
                .or_else(|| info.get(&format!("Page {p} size")))
                .or_else(|| (pages == 1).then(|| &info["Page size"]))
                .unwrap_or_else(|| panic!("{rel}: no size for page {p}: {info:?}"));
            assert!(size.ends_with("(A4)"), "{rel}: page {p} is {size}, not A4");
        }
        assert_eq!(
            info["Title"], title,
            "{rel}: the PDF title is the page title"
        );
        assert_eq!(
            info.get("Tagged").map(String::as_str),
            Some("yes"),
            "{rel}: not a tagged PDF"
        );
        assert_eq!(
            info.get("Encrypted").map(String::as_str),
            Some("no"),
            "{rel}"
        );
        if expect_lang_tag {
            let tag = format!("/Lang ({lang})");
            assert!(
                bytes.windows(tag.len()).any(|w| w == tag.as_bytes()),
                "{rel}: the document language {tag} is not set"
            );
        }

        let body = pdftotext(&tools.pdftotext, &path);
        for h in &heads {
            assert!(
                body.contains(h.as_str()),
                "{rel}: heading {h:?} is not in the PDF's text"
            );
        }
        let label = page_one(lang, pages);
        assert!(body.contains(&label), "{rel}: no page number {label:?}");
        check_layout(
            tools,
            &rel,
            &path,
            &html,
            pages,
            expect_lang_tag.then_some(&bytes),
        );
        assert!(
            !body.contains("file://") && !body.contains("/tmp/"),
            "{rel}: the PDF names a local path"
        );
    }
    (pdfs, pages_total)
}

/// The text of page `page` of `pdf`, laid out as on the page.
fn page_text(pdftotext: &Path, pdf: &Path, page: usize) -> String {
    let o = Command::new(pdftotext)
        .args(["-layout", "-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(
        o.status.success(),
        "pdftotext {}: {}",
        pdf.display(),
        output(&o)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Issue 15, item 3: what a reader of the paper sees, from either engine.
/// The first layer starts on page 1; every later page has the notice's
/// title and date as its running header; the table of contents gives each
/// section's page, and the section's heading is on that page. `chromium`
/// holds the PDF's bytes when Chromium printed it: its page numbers are
/// then in the body's font (no serif font is embedded).
fn check_layout(
    tools: &Poppler,
    rel: &str,
    pdf: &Path,
    html: &str,
    pages: usize,
    chromium: Option<&Vec<u8>>,
) {
    let texts: Vec<String> = (1..=pages)
        .map(|p| page_text(&tools.pdftotext, pdf, p))
        .collect();
    let summary = regex::Regex::new(r#"<h2 id="summary-heading">([^<]+)</h2>"#)
        .unwrap()
        .captures(html)
        .map(|c| unescape(&c[1]))
        .expect("a first layer");
    assert!(
        texts[0].contains(&summary),
        "{rel}: the first layer is not on page 1"
    );
    let title = regex::Regex::new(r"(?s)<h1>(.*?)</h1>")
        .unwrap()
        .captures(html)
        .map(|c| squash(&unescape(&c[1])))
        .expect("a title");
    let date = regex::Regex::new(r#"<time datetime="[^"]+">([^<]+)</time>"#)
        .unwrap()
        .captures(html)
        .map(|c| c[1].to_string());
    for (i, text) in texts.iter().enumerate().skip(1) {
        let top = squash(
            text.lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or_default(),
        );
        assert!(
            top.starts_with(&title.chars().take(40).collect::<String>()),
            "{rel}: page {} has no running title: {top:?}",
            i + 1
        );
        if let Some(date) = &date {
            assert!(
                top.ends_with(date.as_str()),
                "{rel}: page {} has no running date: {top:?}",
                i + 1
            );
        }
    }
    // "6. Käsittelyn tarkoitus ja oikeusperuste ..... 3" in the contents.
    let entry = regex::Regex::new(r"(?m)^\s*(\d+)\. (\S.*?)[ .]{3,}(\d+)\s*$").unwrap();
    let sections = html.matches("<section class=\"sec\"").count();
    let mut listed = 0;
    for text in texts.iter().take(3) {
        for c in entry.captures_iter(text) {
            let (number, heading, page) =
                (&c[1], c[2].trim(), c[3].parse::<usize>().expect("a page"));
            assert!(
                (1..=pages).contains(&page),
                "{rel}: section {number} on page {page}"
            );
            let start = format!("{number}. {}", heading.chars().take(20).collect::<String>());
            let on_page = texts[page - 1]
                .lines()
                .any(|l| l.trim_start().starts_with(&start) && !entry.is_match(l));
            assert!(
                on_page,
                "{rel}: the contents say section {number} ({heading}) is on page {page}"
            );
            listed += 1;
        }
    }
    // A heading that wraps in the contents is not matched by the line
    // pattern; most are short enough.
    assert!(
        listed * 4 >= sections * 3,
        "{rel}: {listed} of {sections} sections have a page number in the contents"
    );
    if let Some(bytes) = chromium {
        assert!(
            !bytes.windows(5).any(|w| w == b"Serif"),
            "{rel}: a serif font is embedded (page numbers not in the body font?)"
        );
    }
}

#[test]
fn every_notice_prints_to_an_a4_pdf_with_its_headings_title_and_language() {
    let Some(tools) = real_tools() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("site");
    let o = run(
        &root(),
        &[
            "build",
            "notices",
            "--format",
            "print,pdf",
            "--pdf-engine",
            "chromium",
            "--out",
            site.to_str().expect("UTF-8 path"),
        ],
        &[],
    );
    assert!(o.status.success(), "{}", output(&o));
    let (pdfs, pages) = check_pdfs(&tools, &site, true);
    // The six notices of notices/, each in fi, sv and en.
    assert_eq!(pdfs, 6 * 3, "PDFs printed");
    eprintln!("checked {pdfs} PDFs ({pages} pages) printed by Chromium");

    // Links between the languages' PDFs cannot point at files that are
    // not published (no print HTML of the other language is needed).
    for (rel, bytes) in tree(&site) {
        if rel.ends_with(".pdf") {
            let s = String::from_utf8_lossy(&bytes);
            assert!(!s.contains("file://"), "{rel} links into the local disk");
            assert!(!s.contains(".pdf.html"), "{rel} names the PDF's source");
        }
    }
    assert!(
        !tree(&site).keys().any(|k| k.ends_with(".pdf.html")),
        "the PDF's source HTML is not published"
    );
}

#[test]
fn pdfs_are_the_same_bytes_on_every_build() {
    if real_tools().is_none() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let mut sites = Vec::new();
    for name in ["a", "b"] {
        let out = dir.path().join(name);
        let o = run(
            &root(),
            &[
                "build",
                "notices/wilma-guardians.toml",
                "notices/novia-ict.toml",
                "notices/novia-self-service-portal.toml",
                "--format",
                "pdf",
                "--out",
                out.to_str().expect("UTF-8"),
            ],
            &[],
        );
        assert!(o.status.success(), "{}", output(&o));
        sites.push(tree(&out));
    }
    // Three notices, each in fi, sv and en.
    assert_eq!(
        sites[0].keys().filter(|k| k.ends_with(".pdf")).count(),
        3 * 3,
        "PDFs built"
    );
    assert_eq!(sites[0], sites[1], "two builds differ");
}

#[test]
fn bundles_carry_the_pdfs_in_folder_manifest_and_zip() {
    let Some(tools) = real_tools() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("bundles");
    let vendor = root().join("examples/vendor");
    let o = run(
        &vendor,
        &[
            "bundle",
            "services",
            "--customers",
            "customers",
            "--format",
            "html,print,pdf",
            "--out",
            out.to_str().expect("UTF-8"),
        ],
        &[],
    );
    assert!(o.status.success(), "{}", output(&o));
    let mut per_customer = BTreeMap::new();
    for entry in std::fs::read_dir(&out).expect("bundles") {
        let folder = entry.expect("entry").path();
        if !folder.is_dir() {
            continue;
        }
        let id = folder
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let (pdfs, _) = check_pdfs(&tools, &folder, true);
        let manifest: serde_json::Value =
            serde_json::from_str(&text(&folder.join("manifest.json"))).expect("JSON");
        let listed = manifest["files"]
            .as_array()
            .expect("files")
            .iter()
            .filter_map(|f| f["path"].as_str())
            .filter(|p| p.ends_with(".pdf"))
            .count();
        assert_eq!(listed, pdfs, "{id}: every PDF is in the manifest");
        let zip = std::fs::File::open(out.join(format!("{id}.zip"))).expect("zip");
        let archive = zip::ZipArchive::new(zip).expect("a zip");
        let zipped = archive
            .file_names()
            .filter(|n| n.as_ref().is_ok_and(|n| n.ends_with(".pdf")))
            .count();
        assert_eq!(zipped, pdfs, "{id}: every PDF is in the zip");
        per_customer.insert(id, pdfs);
    }
    // Every customer of the vendor example, a PDF per service and language.
    assert_eq!(
        per_customer,
        BTreeMap::from([
            ("esimerkki-amk".to_string(), 6),
            ("esimerkkila".to_string(), 6),
            ("exempelstad".to_string(), 2),
            ("kielikoulu".to_string(), 2),
        ]),
        "PDFs per customer bundle"
    );
    eprintln!(
        "checked {} PDFs in {} customer bundles",
        per_customer.values().sum::<usize>(),
        per_customer.len()
    );
}

#[test]
fn weasyprint_prints_the_same_notice_to_a4_with_page_numbers() {
    let Some(tools) = real_tools() else { return };
    if external_tool("weasyprint").is_none() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("site");
    let o = run(
        &root(),
        &[
            "build",
            "notices/novia-ict.toml",
            "notices/novia-self-service-portal.toml",
            "--lang",
            "sv",
            "--format",
            "print,pdf",
            "--pdf-engine",
            "weasyprint",
            "--out",
            site.to_str().expect("UTF-8"),
        ],
        &[],
    );
    assert!(o.status.success(), "{}", output(&o));
    // WeasyPrint compresses its catalogue, so the language is not looked
    // for in the raw bytes.
    let (pdfs, pages) = check_pdfs(&tools, &site, false);
    assert_eq!(pdfs, 2);
    eprintln!("checked {pdfs} PDF ({pages} pages) printed by WeasyPrint");
}

// ---------------------------------------------------------------------------
// Stand-in engines: run everywhere.

/// A project with one notice and a published site built without PDF.
fn project() -> (tempfile::TempDir, BTreeMap<String, Vec<u8>>) {
    let dir = tempfile::tempdir().expect("tempdir");
    // The two Novia notices link to each other.
    std::fs::create_dir(dir.path().join("notices")).expect("mkdir");
    for id in ["novia-ict", "novia-self-service-portal"] {
        std::fs::copy(
            root().join(format!("notices/{id}.toml")),
            dir.path().join(format!("notices/{id}.toml")),
        )
        .expect("copy");
    }
    let o = run(dir.path(), &["build", "notices", "--out", "site"], &[]);
    assert!(o.status.success(), "{}", output(&o));
    let before = tree(&dir.path().join("site"));
    (dir, before)
}

fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    path
}

/// `build notices --out site` in `dir` with `extra` arguments and the
/// stand-in `engine` as WeasyPrint.
fn build_with_stand_in(dir: &Path, engine: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "build",
        "notices",
        "--out",
        "site",
        "--pdf-engine",
        "weasyprint",
    ];
    args.extend_from_slice(extra);
    run(
        dir,
        &args,
        &[("SELOSTE_WEASYPRINT", engine.to_str().expect("UTF-8"))],
    )
}

#[test]
fn a_missing_engine_is_exit_2_with_advice_and_the_output_is_kept() {
    let (dir, before) = project();
    let site = dir.path().join("site");
    // Nothing on PATH: auto-detection finds no engine.
    let o = run(
        dir.path(),
        &["build", "notices", "--out", "site", "--pdf"],
        &[("PATH", "")],
    );
    assert_eq!(o.status.code(), Some(2), "{}", output(&o));
    let said = output(&o);
    assert!(said.contains("apt-get install chromium"), "{said}");
    assert!(said.contains("pip install weasyprint"), "{said}");
    assert_eq!(tree(&site), before);

    // An engine named on purpose that is not there.
    let o = run(
        dir.path(),
        &[
            "build",
            "notices",
            "--out",
            "site",
            "--format",
            "pdf",
            "--pdf-engine",
            "chromium",
        ],
        &[("SELOSTE_CHROMIUM", "/nonexistent/chromium")],
    );
    assert_eq!(o.status.code(), Some(2), "{}", output(&o));
    assert!(
        output(&o).contains("/nonexistent/chromium"),
        "{}",
        output(&o)
    );
    assert_eq!(tree(&site), before);
}

#[test]
fn a_failing_engine_is_exit_2_with_its_message_and_the_output_is_kept() {
    let (dir, before) = project();
    let engine = script(
        dir.path(),
        "weasyprint",
        "cat >/dev/null; echo 'Fontconfig error: no fonts' >&2; exit 3",
    );
    let o = build_with_stand_in(dir.path(), &engine, &["--pdf"]);
    assert_eq!(o.status.code(), Some(2), "{}", output(&o));
    let said = output(&o);
    assert!(said.contains("WeasyPrint could not print"), "{said}");
    assert!(said.contains("Fontconfig error: no fonts"), "{said}");
    assert_eq!(
        tree(&dir.path().join("site")),
        before,
        "nothing was published"
    );

    // Output that is not a PDF is refused too.
    let engine = script(dir.path(), "weasyprint", "cat >/dev/null; echo '<html>'");
    let o = build_with_stand_in(dir.path(), &engine, &["--pdf"]);
    assert_eq!(o.status.code(), Some(2), "{}", output(&o));
    assert!(
        output(&o).contains("did not produce a PDF"),
        "{}",
        output(&o)
    );
    assert_eq!(tree(&dir.path().join("site")), before);
}

#[test]
fn what_the_engine_prints_is_published_with_the_notice_date() {
    let (dir, _) = project();
    // Echoes a PDF stamped with the wall clock, as Chromium does, and
    // keeps a copy of the HTML it was given.
    let engine = script(
        dir.path(),
        "weasyprint",
        "tee \"$(dirname \"$0\")/given.html\" >/dev/null; printf '%%PDF-1.4\\n<< /CreationDate (D:20991231235959Z) >>\\n'",
    );
    let o = build_with_stand_in(dir.path(), &engine, &["--format", "html,pdf"]);
    assert!(o.status.success(), "{}", output(&o));
    let site = tree(&dir.path().join("site"));
    let pdf = String::from_utf8(site["fi/novia-ict.pdf"].clone()).expect("text");
    let updated = text(&root().join("notices/novia-ict.toml"))
        .lines()
        .find_map(|l| {
            l.strip_prefix("updated = ")
                .map(|v| v.trim_matches('"').replace('-', ""))
        })
        .expect("the notice has a date");
    assert!(
        pdf.contains(&format!("/CreationDate (D:{updated}000000Z)")),
        "{pdf}"
    );
    // Only what was asked for is published: no print HTML, no PDF source.
    assert!(
        !site
            .keys()
            .any(|k| k.ends_with(".print.html") || k.ends_with(".pdf.html"))
    );
    // The web page links to the PDF; the PDF's source links to the other
    // languages' PDFs.
    let page = String::from_utf8(site["fi/novia-ict.html"].clone()).expect("text");
    assert!(
        page.contains("href=\"novia-ict.pdf\""),
        "no link to the PDF"
    );
    let given = text(&dir.path().join("given.html"));
    assert!(given.contains(".pdf\""), "the PDF source links to PDFs");
    assert!(
        !given.contains(".print.html\""),
        "the PDF source links to print HTML"
    );
}

/// Regression test for defect 13 of the outside attack: a killed `--pdf`
/// run left Chromium's 2 MB profile in the system's temporary folder for
/// good. The profile now lives beside the output, named for the run's
/// process, and the next run removes what a dead run left.
#[test]
fn defect_13_the_chromium_profile_lives_beside_the_output_and_a_killed_runs_is_removed() {
    let (dir, before) = project();
    // A process that is surely gone: one that has exited and been reaped.
    let mut child = Command::new("true").spawn().expect("spawn");
    let dead = child.id();
    child.wait().expect("wait");
    let leftover = dir.path().join(format!(".site.pdf-{dead}-abc123"));
    std::fs::create_dir_all(leftover.join("profile/Default")).expect("mkdir");
    std::fs::write(leftover.join("chromium.log"), "old").expect("write");
    // A stand-in browser that says where its profile is and fails to start.
    let said_path = dir.path().join("user-data-dir.txt");
    let engine = script(
        dir.path(),
        "chromium",
        &format!(
            "for a in \"$@\"; do case \"$a\" in --user-data-dir=*) echo \"${{a#--user-data-dir=}}\" > '{}';; esac; done; exit 1",
            said_path.display()
        ),
    );
    let o = run(
        dir.path(),
        &[
            "build",
            "notices",
            "--out",
            "site",
            "--pdf-engine",
            "chromium",
            "--pdf",
        ],
        &[("SELOSTE_CHROMIUM", engine.to_str().expect("UTF-8"))],
    );
    assert_eq!(o.status.code(), Some(2), "{}", output(&o));
    let profile = PathBuf::from(text(&said_path).trim());
    let run_folder = profile
        .parent()
        .expect("the profile is in the run's folder");
    assert_eq!(run_folder.parent(), Some(dir.path()), "{profile:?}");
    let name = run_folder
        .file_name()
        .and_then(|n| n.to_str())
        .expect("name");
    assert!(name.starts_with(".site.pdf-"), "{name}");
    assert!(!run_folder.exists(), "the run removed its own profile");
    assert!(!leftover.exists(), "a dead run's profile is removed");
    assert_eq!(tree(&dir.path().join("site")), before);
}
