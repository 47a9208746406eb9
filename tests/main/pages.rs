//! Issue 15, notices that read well on a phone, on paper and in a
//! municipality's website: the first layer, drafts, the root page that
//! chooses the language, branding for `build` and the CMS fragment, checked
//! on the real binary's output. (The browser checks at 390 px are in
//! `real_tools.rs`, the PDFs in `pdf.rs`.)

use std::collections::HashSet;

use crate::common::{output, root, seloste, tree};

/// Text of an HTML snippet: tags dropped, the few entities the templates
/// write decoded.
fn text_of(html: &str) -> String {
    let tags = regex::Regex::new(r"<[^>]*>").expect("regex");
    tags.replace_all(html, " ")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The words of a text, without the punctuation around them.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// The part of `html` from `start` to the end of its element `end`.
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html.find(start).unwrap_or_else(|| panic!("no {start}"));
    let to = html[from..].find(end).map_or(html.len(), |i| from + i);
    &html[from..to]
}

/// Checks the first layer of one notice page; returns how many purpose
/// lines it shows.
fn check_first_layer(file: &str, html: &str) -> usize {
    let summary = between(html, "<section class=\"summary\"", "</section>");
    let purposes = between(html, "<section class=\"sec\" id=\"purposes\"", "</section>");
    let known: HashSet<String> = words(&text_of(purposes)).into_iter().collect();
    let header = between(html, "<header", "</header>");
    assert!(
        !header.contains("class=\"formats\"") && !summary.contains("class=\"formats\""),
        "{file}: links to other formats belong in the footer"
    );
    let Some(list) = summary
        .split("<dd><ul>")
        .nth(1)
        .and_then(|s| s.split("</ul>").next())
    else {
        return 0;
    };
    let mut lines = 0;
    for item in list.split("<li").skip(1) {
        let item = item.split_once('>').map_or("", |x| x.1);
        if item.contains("href=\"#purposes\"") {
            assert!(
                text_of(item)
                    .trim()
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase),
                "{file}: `{item}`"
            );
            continue;
        }
        lines += 1;
        // Every word of the line is a whole word of the purposes section:
        // a word cut short ("arviointi j…") is not.
        for w in words(&text_of(item)) {
            assert!(
                known.contains(&w),
                "{file}: the first layer's `{}` has `{w}`, which is not a whole word of the purposes section",
                text_of(item).trim()
            );
        }
    }
    assert!(
        lines <= 5,
        "{file}: at most five purposes in the first layer, found {lines}"
    );
    lines
}

/// Issue 15, item 1: the first layer of every notice of `notices/` and of
/// every bundle of `examples/vendor` cuts no word, lists at most five
/// purposes (the rest counted and linked) and has no format links.
#[test]
fn first_layer_cuts_no_word_and_lists_at_most_five_purposes() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let site = tmp.path().join("site");
    let bundles = tmp.path().join("bundles");
    let o = seloste(
        &root(),
        &[
            "build",
            "notices",
            "--format",
            "html,md",
            "--out",
            site.to_str().expect("utf-8"),
        ],
    );
    assert!(o.status.success(), "{}", output(&o));
    let o = seloste(
        &root(),
        &[
            "bundle",
            "examples/vendor/services",
            "--customers",
            "examples/vendor/customers",
            "--format",
            "html",
            "--out",
            bundles.to_str().expect("utf-8"),
        ],
    );
    assert!(o.status.success(), "{}", output(&o));
    let mut pages = 0;
    let mut lines = 0;
    for dir in [&site, &bundles] {
        for (path, bytes) in tree(dir) {
            // Choosers and the processor's records are not notices.
            if !path.ends_with(".html")
                || path.ends_with("index.html")
                || path.contains("/records/")
            {
                continue;
            }
            let html = String::from_utf8(bytes).expect("utf-8");
            lines += check_first_layer(&path, &html);
            pages += 1;
        }
    }
    assert!(pages >= 30 && lines >= 100, "{pages} pages, {lines} lines");
    // The Wilma notice has ten purposes: four shown, six counted.
    let wilma = std::fs::read_to_string(site.join("fi/wilma-guardians.html")).expect("read");
    assert!(
        wilma.contains(
            "<li class=\"more\"><a href=\"#purposes\">ja 6 muuta käyttötarkoitusta</a></li>"
        ),
        "{}",
        between(&wilma, "<section class=\"summary\"", "</section>")
    );
    let md = std::fs::read_to_string(site.join("sv/wilma-guardians.md")).expect("read");
    assert!(md.contains("  - och ytterligare 6 ändamål\n"), "{md}");
}

/// A purpose's own `summary` is the first layer's line, as written.
#[test]
fn a_purpose_summary_is_the_first_layer_line() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let notices = tmp.path().join("notices");
    std::fs::create_dir_all(&notices).expect("mkdir");
    let valid =
        std::fs::read_to_string(root().join("tests/fixtures/cli/valid.toml")).expect("fixture");
    let with_summary = valid.replacen(
        "legal_basis = \"public-task\"",
        "summary = { fi = \"Opetuksen järjestäminen\", sv = \"Undervisningen\", en = \"Teaching\" }\nlegal_basis = \"public-task\"",
        1,
    );
    assert_ne!(valid, with_summary, "the fixture has a public-task purpose");
    std::fs::write(notices.join("n.toml"), with_summary).expect("write");
    let o = seloste(tmp.path(), &["build", "--format", "html"]);
    assert!(o.status.success(), "{}", output(&o));
    let site = tree(&tmp.path().join("site"));
    let (path, html) = site
        .iter()
        .find(|(p, _)| p.starts_with("en/") && !p.ends_with("index.html"))
        .expect("an English page");
    let html = String::from_utf8_lossy(html);
    let summary = between(&html, "<section class=\"summary\"", "</section>");
    assert!(
        summary.contains("<li>Teaching</li>")
            && summary.contains("<p class=\"summary-basis\">Legal basis: task in the public interest or exercise of official authority</p>"),
        "{path}: {summary}"
    );
}

/// A project with the valid fixture and a draft of a second notice with a
/// `seloste new` placeholder left in (or, with `draft` false, the same
/// notice published).
fn project_with_draft(draft: bool) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    let notices = tmp.path().join("notices");
    std::fs::create_dir_all(&notices).expect("mkdir");
    let valid =
        std::fs::read_to_string(root().join("tests/fixtures/cli/valid.toml")).expect("fixture");
    std::fs::write(notices.join("valid.toml"), &valid).expect("write");
    let unfinished = valid
        .replacen(
            "id = \"example-school-register\"",
            &format!("id = \"unfinished\"\ndraft = {draft}"),
            1,
        )
        .replacen(
            "en = \"Providing basic education\"",
            "en = \"TODO: what the data is used for\"",
            1,
        );
    std::fs::write(notices.join("unfinished.toml"), unfinished).expect("write");
    tmp
}

/// Issue 15, item 6: a draft with a placeholder does not stop the build of
/// the others: its placeholder is a warning, it is left out with a note,
/// and `--drafts` publishes it with a banner in every format.
#[test]
fn a_draft_is_skipped_with_a_note_and_built_with_a_banner_on_request() {
    let tmp = project_with_draft(true);
    let o = seloste(tmp.path(), &["check"]);
    let text = output(&o);
    assert_eq!(o.status.code(), Some(0), "{text}");
    assert!(
        text.contains("warning[Q013]") && text.contains("a draft: placeholders are warnings"),
        "{text}"
    );

    let o = seloste(tmp.path(), &["build"]);
    let text = output(&o);
    assert!(o.status.success(), "{text}");
    assert!(
        text.contains("note: 1 draft is not published (`draft = true`; --drafts builds it with a draft banner): unfinished"),
        "{text}"
    );
    let site = tree(&tmp.path().join("site"));
    assert!(site.contains_key("en/example-school-register.html"));
    assert!(
        !site.keys().any(|p| p.contains("unfinished")),
        "{:?}",
        site.keys()
    );
    let index = String::from_utf8_lossy(&site["en/index.html"]).into_owned();
    assert!(!index.contains("unfinished"), "{index}");

    let o = seloste(tmp.path(), &["build", "--drafts"]);
    assert!(o.status.success(), "{}", output(&o));
    let site = tree(&tmp.path().join("site"));
    for (file, banner) in [
        (
            "en/unfinished.html",
            "<strong>Draft.</strong> This notice is a draft",
        ),
        (
            "en/unfinished.print.html",
            "<strong>Draft.</strong> This notice is a draft",
        ),
        ("en/unfinished.md", "> **Draft.** This notice is a draft"),
        (
            "fi/unfinished.html",
            "<strong>Luonnos.</strong> Tämä seloste on luonnos",
        ),
        (
            "sv/unfinished.html",
            "<strong>Utkast.</strong> Den här beskrivningen är ett utkast",
        ),
    ] {
        let text = String::from_utf8_lossy(&site[file]);
        assert!(text.contains(banner), "{file}: {text}");
    }
    let html = String::from_utf8_lossy(&site["en/unfinished.html"]);
    assert!(html.contains("<title>Draft: "), "{html}");
    let published = String::from_utf8_lossy(&site["en/example-school-register.html"]);
    assert!(!published.contains("class=\"draft-banner\""), "{published}");
    let index = String::from_utf8_lossy(&site["en/index.html"]);
    assert!(
        index.contains("<span class=\"flag flag-draft\">Draft</span>"),
        "{index}"
    );
}

/// The same placeholder outside a draft is an error, and nothing is built.
#[test]
fn a_placeholder_outside_a_draft_stops_the_build() {
    let tmp = project_with_draft(false);
    let o = seloste(tmp.path(), &["build"]);
    let text = output(&o);
    assert_eq!(o.status.code(), Some(1), "{text}");
    assert!(text.contains("error[Q013]"), "{text}");
    assert!(!tmp.path().join("site").exists());
}

/// Copies `examples/vendor` into `dir`.
fn copy_vendor(dir: &std::path::Path) {
    let from = root().join("examples/vendor");
    for e in walkdir::WalkDir::new(&from) {
        let e = e.expect("walk");
        let to = dir.join(e.path().strip_prefix(&from).expect("inside"));
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).expect("mkdir");
        } else {
            std::fs::copy(e.path(), &to).expect("copy");
        }
    }
}

/// A draft service is left out of every customer's bundle, with one note.
#[test]
fn a_draft_service_is_left_out_of_every_bundle() {
    let tmp = tempfile::tempdir().expect("temp dir");
    copy_vendor(tmp.path());
    let service = tmp.path().join("services/opinsys-home-folders.toml");
    let text = std::fs::read_to_string(&service).expect("read");
    let drafted = text.replacen(
        "id = \"opinsys-home-folders\"",
        "id = \"opinsys-home-folders\"\ndraft = true",
        1,
    );
    assert_ne!(text, drafted);
    std::fs::write(&service, drafted).expect("write");
    let o = seloste(
        tmp.path(),
        &[
            "bundle",
            "services",
            "--customers",
            "customers",
            "--format",
            "html",
            "--out",
            "out",
        ],
    );
    let text = output(&o);
    assert!(o.status.success(), "{text}");
    assert_eq!(
        text.matches("note: 1 draft is not published").count(),
        1,
        "{text}"
    );
    let out = tree(&tmp.path().join("out"));
    assert!(out.keys().any(|p| p.contains("opinsys-user-management")));
    assert!(
        !out.keys().any(|p| p.contains("home-folders")),
        "{:?}",
        out.keys()
    );
}

/// Issue 15, item 7: the root of the site and of each customer's bundle is
/// a page that chooses the language, each named in its own language.
#[test]
fn the_root_page_chooses_the_language() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let o = seloste(
        &root(),
        &[
            "build",
            "notices",
            "--format",
            "html",
            "--out",
            tmp.path().join("site").to_str().expect("utf-8"),
        ],
    );
    assert!(o.status.success(), "{}", output(&o));
    let page = std::fs::read_to_string(tmp.path().join("site/index.html")).expect("root page");
    for (lang, name) in [("fi", "suomi"), ("sv", "svenska"), ("en", "English")] {
        assert!(
            page.contains(&format!(
                "<li lang=\"{lang}\"><a href=\"{lang}/index.html\" hreflang=\"{lang}\">{name}</a>"
            )) && page.contains(&format!(
                "<link rel=\"alternate\" hreflang=\"{lang}\" href=\"{lang}/index.html\">"
            )),
            "{lang}: {page}"
        );
    }
    assert!(
        page.starts_with("<!DOCTYPE html>\n<html lang=\"fi\">"),
        "{page}"
    );

    let o = seloste(
        &root(),
        &[
            "bundle",
            "examples/vendor/services",
            "--customers",
            "examples/vendor/customers",
            "--format",
            "html",
            "--out",
            tmp.path().join("bundles").to_str().expect("utf-8"),
        ],
    );
    assert!(o.status.success(), "{}", output(&o));
    // A Swedish-only customer: one language, Swedish first.
    let page = std::fs::read_to_string(tmp.path().join("bundles/exempelstad/index.html"))
        .expect("the bundle's root page");
    assert!(
        page.contains("<html lang=\"sv\">") && page.contains(">svenska</a>"),
        "{page}"
    );
    assert!(!page.contains("hreflang=\"fi\""), "{page}");
    let manifest = std::fs::read_to_string(tmp.path().join("bundles/exempelstad/manifest.json"))
        .expect("manifest");
    assert!(manifest.contains("\"path\": \"index.html\""), "{manifest}");
}

/// A project of the valid fixture with `config` as its seloste.toml and
/// the vendor example's SVG logo as `brand/logo.svg`.
fn branded_project(config: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(tmp.path().join("notices")).expect("mkdir");
    std::fs::create_dir_all(tmp.path().join("brand")).expect("mkdir");
    std::fs::copy(
        root().join("tests/fixtures/cli/valid.toml"),
        tmp.path().join("notices/valid.toml"),
    )
    .expect("copy");
    std::fs::copy(
        root().join("examples/vendor/customers/logos/esimerkkila.svg"),
        tmp.path().join("brand/logo.svg"),
    )
    .expect("copy");
    std::fs::write(tmp.path().join("seloste.toml"), config).expect("write");
    tmp
}

/// Issue 15, item 4: `build` carries the organisation's logo and colour
/// from seloste.toml, checked as a customer's are.
#[test]
fn build_takes_the_logo_and_colour_of_seloste_toml() {
    let tmp = branded_project("[branding]\nlogo = \"brand/logo.svg\"\ncolour = \"#7a1f5c\"\n");
    let o = seloste(tmp.path(), &["build", "--format", "html,print"]);
    assert!(o.status.success(), "{}", output(&o));
    let site = tree(&tmp.path().join("site"));
    let logo = String::from_utf8_lossy(&site["logo.svg"]);
    assert!(
        logo.starts_with("<svg") && !logo.contains("<script"),
        "{logo}"
    );
    for page in [
        "fi/example-school-register.html",
        "en/example-school-register.html",
    ] {
        let html = String::from_utf8_lossy(&site[page]);
        assert!(
            html.contains("<img class=\"logo\" src=\"../logo.svg\" alt=\"\""),
            "{page}: {html}"
        );
    }
    let html = String::from_utf8_lossy(&site["sv/example-school-register.html"]);
    assert!(
        html.contains("<header class=\"page-header\" style=\"background-color: #7a1f5c\">"),
        "{html}"
    );

    // Too light for the white header text, and a logo outside the project.
    let tmp = branded_project("[branding]\nlogo = \"../logo.svg\"\ncolour = \"#ffd700\"\n");
    let o = seloste(tmp.path(), &["build"]);
    let text = output(&o);
    assert_eq!(o.status.code(), Some(1), "{text}");
    assert!(
        text.contains("error[Q015]") && text.contains("seloste.toml:3:"),
        "{text}"
    );
    assert!(
        text.contains("error[L007]") && text.contains("is outside the folder of seloste.toml"),
        "{text}"
    );
    assert!(!tmp.path().join("site").exists());

    let tmp = branded_project("[branding]\ncolor = \"#7a1f5c\"\n");
    let o = seloste(tmp.path(), &["build"]);
    let text = output(&o);
    assert_eq!(o.status.code(), Some(2), "{text}");
    assert!(text.contains("did you mean `colour`?"), "{text}");
}

/// Issue 15, item 5: `--format fragment` writes each notice's body as an
/// HTML fragment for a CMS, with one scoped stylesheet for all.
#[test]
fn fragments_have_no_document_around_them_and_one_scoped_stylesheet() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("site");
    let o = seloste(
        &root(),
        &[
            "build",
            "notices",
            "--format",
            "html,fragment",
            "--out",
            out.to_str().expect("utf-8"),
        ],
    );
    assert!(o.status.success(), "{}", output(&o));
    let site = tree(&out);
    let fragments: Vec<&String> = site
        .keys()
        .filter(|p| p.ends_with(".fragment.html"))
        .collect();
    assert_eq!(fragments.len(), 6 * 3, "{fragments:?}");
    for path in fragments {
        let html = String::from_utf8_lossy(&site[path]);
        let lang = &path[..2];
        assert!(
            html.starts_with(&format!("<div class=\"seloste-notice\" lang=\"{lang}\">\n"))
                && html.ends_with("</div>\n"),
            "{path}: {html}"
        );
        for tag in [
            "<html",
            "<head",
            "<body",
            "<style",
            "<!DOCTYPE",
            "<h1",
            "<script",
            "<link",
        ] {
            assert!(!html.contains(tag), "{path}: {tag}");
        }
        assert!(html.contains("<table class=\"cards\""), "{path}");
    }
    let css = String::from_utf8_lossy(&site["seloste-fragment.css"]);
    let mut rules = 0;
    for line in css
        .lines()
        .filter(|l| l.contains('{') && !l.starts_with('@'))
    {
        rules += 1;
        for selector in line[..line.find('{').expect("rule")].split(", ") {
            assert!(selector.starts_with(".seloste-notice"), "{line}");
        }
    }
    assert!(rules > 50, "{css}");
    // Readers are not offered fragments.
    for page in ["fi/index.html", "fi/wilma-guardians.html"] {
        let html = String::from_utf8_lossy(&site[page]);
        assert!(!html.contains("fragment.html"), "{page}");
    }
}
