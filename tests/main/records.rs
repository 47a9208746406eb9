//! `seloste records` end to end: the workbook read back by a spreadsheet
//! reader (calamine), the CSV by a CSV parser, the same facts as the
//! notices, formula injection neutralised, determinism, the record rules,
//! and snapshots of the CSV and Markdown of a small notice.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

use crate::common::{output, root, seloste, tree};

/// The rule fixtures' base notice with what a record needs beside it: the
/// groups of data subjects (linked from the categories) and the internal
/// description of the security measures.
fn school() -> String {
    let base =
        std::fs::read_to_string(root().join("tests/fixtures/rules/base.toml")).expect("base.toml");
    let base = base.replacen(
        "purposes = [\"teaching\"]",
        "purposes = [\"teaching\"]\nsubjects = [\"pupils\", \"parents\"]",
        1,
    );
    let base = base.replacen(
        "purposes = [\"photos\"]",
        "purposes = [\"photos\"]\nsubjects = [\"pupils\"]",
        1,
    );
    format!(
        "{base}\n\
[[data_subjects]]\n\
id = \"pupils\"\n\
name = {{ fi = \"Oppilaat\", sv = \"Elever\", en = \"Pupils\" }}\n\n\
[[data_subjects]]\n\
id = \"parents\"\n\
name = {{ fi = \"Huoltajat\", sv = \"Vårdnadshavare\", en = \"Guardians\" }}\n\n\
[records]\n\
security = {{ fi = \"Pääsy roolien mukaan ja kaksivaiheinen tunnistus.\", sv = \"Åtkomst enligt roller och tvåfaktorsautentisering.\", en = \"Role-based access and two-factor authentication.\" }}\n"
    )
}

/// Writes `notices` (file name, TOML) into a fresh folder.
fn project(notices: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp");
    let folder = dir.path().join("notices");
    std::fs::create_dir(&folder).expect("notices/");
    for (name, text) in notices {
        std::fs::write(folder.join(name), text).expect("write notice");
    }
    (dir, folder)
}

/// Runs `records` on `notices` into `<dir>/records`; the run must succeed.
fn records(dir: &Path, notices: &Path, extra: &[&str]) -> BTreeMap<String, Vec<u8>> {
    let out = dir.join("records");
    let mut args = vec![
        "records",
        notices.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
    ];
    args.extend_from_slice(extra);
    let o = seloste(&root(), &args);
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    tree(&out)
}

/// Every sheet of a workbook: name, rows of cell texts.
fn sheets(bytes: &[u8]) -> Vec<(String, Vec<Vec<String>>)> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("an XLSX");
    let names = book.sheet_names().to_vec();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("a sheet");
            let formulas = book.worksheet_formula(&name).expect("formulas");
            assert!(
                formulas.rows().flatten().all(String::is_empty),
                "sheet {name} holds a formula"
            );
            let rows = range
                .rows()
                .map(|r| {
                    r.iter()
                        .map(|c| match c {
                            Data::String(s) => s.clone(),
                            Data::Empty => String::new(),
                            Data::Float(f) => f.to_string(),
                            Data::Int(i) => i.to_string(),
                            other => panic!("unexpected cell {other:?}"),
                        })
                        .collect()
                })
                .collect();
            (name, rows)
        })
        .collect()
}

fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes);
    reader
        .records()
        .map(|r| {
            r.expect("an RFC 4180 record")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect()
}

fn column(header: &[String], prefix: &str) -> usize {
    header
        .iter()
        .position(|h| h.starts_with(prefix))
        .unwrap_or_else(|| panic!("no column {prefix} in {header:?}"))
}

#[test]
fn the_workbook_has_a_summary_and_a_sheet_per_notice_with_a_row_per_purpose() {
    let (dir, _) = project(&[]);
    let notices = root().join("notices");
    let files = records(dir.path(), &notices, &["--lang", "en", "--format", "xlsx"]);
    assert_eq!(
        files.keys().cloned().collect::<Vec<_>>(),
        [".seloste-output", "records.en.xlsx"]
    );
    let checked = seloste::project::check(std::slice::from_ref(&notices), None);
    let locales = seloste::render::locale::Locales::embedded().expect("locales");
    let mut ids: Vec<&str> = checked.notices.iter().map(|n| n.id_str()).collect();
    ids.sort_unstable();
    let book = sheets(&files["records.en.xlsx"]);
    let names: Vec<&str> = book.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names[0], "Summary");
    let mut listed = names[1..].to_vec();
    listed.sort_unstable();
    assert_eq!(listed, ids, "one sheet per notice");

    let summary = &book[0].1;
    assert_eq!(
        summary[0][..3],
        ["Notice", "Register", "Processing activities"]
    );
    for n in &checked.notices {
        let (_, rows) = book
            .iter()
            .find(|(name, _)| name == n.id_str())
            .expect("the notice's sheet");
        let header = &rows[0];
        assert_eq!(header[0], "Notice");
        assert!(
            header
                .iter()
                .any(|h| h == "Purpose of the processing (Art. 30(1)(b))"),
            "{header:?}"
        );
        let (activity, basis, controller, security) = (
            column(header, "Activity"),
            column(header, "Legal basis"),
            column(header, "Controller"),
            column(header, "Technical and organisational"),
        );
        // One row per purpose, in the notice's order, with its facts.
        assert_eq!(rows.len() - 1, n.purposes().len(), "{}", n.id_str());
        for (row, p) in rows[1..].iter().zip(n.purposes()) {
            assert_eq!(row[0], n.id_str());
            assert_eq!(row[activity], p.id.as_ref().expect("id").value);
            let b = p.legal_basis.as_ref().expect("basis").value;
            let wording = locales.get("en", b.label_key()).expect("wording");
            let article = locales.get("en", b.reference_key()).expect("article");
            assert!(
                row[basis].starts_with(&format!("{wording} ({article})")),
                "{}: {}",
                n.id_str(),
                row[basis]
            );
            let name = n
                .controller
                .as_ref()
                .and_then(|c| c.name.as_ref())
                .expect("controller");
            assert!(
                row[controller].starts_with(
                    name.get(&seloste::model::Lang::parse("en").expect("en"))
                        .expect("en name")
                )
            );
            assert!(
                !row[security].is_empty(),
                "{}: no security measures",
                n.id_str()
            );
        }
        let line = summary
            .iter()
            .find(|r| r[0] == n.id_str())
            .expect("summary line");
        assert_eq!(line[2], n.purposes().len().to_string());
    }
}

#[test]
fn the_csv_parses_back_as_one_row_per_purpose_with_crlf_and_an_optional_bom() {
    let (dir, folder) = project(&[("school.toml", &school())]);
    let plain = records(dir.path(), &folder, &["--lang", "fi", "--format", "csv"]);
    let bytes = &plain["records.fi.csv"];
    assert!(!bytes.starts_with("\u{feff}".as_bytes()));
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    assert!(text.ends_with("\r\n") && !text.replace("\r\n", "").contains("\r"));
    let rows = csv_rows(bytes);
    let header = &rows[0];
    assert_eq!(header.len(), 14);
    assert_eq!(header[3], "Käsittelyn tarkoitus");
    assert_eq!(rows.len(), 1 + 3, "three purposes");
    let subjects = column(header, "Rekisteröityjen ryhmät");
    let recipients = column(header, "Vastaanottajaryhmät");
    let transfers = column(header, "Siirrot");
    let retention = column(header, "Tietoryhmien poistamisen");
    let security = column(header, "Tekniset");
    // The activity's groups come from its categories: photos concern pupils only.
    assert_eq!(rows[1][subjects], "Oppilaat\nHuoltajat");
    assert_eq!(rows[3][subjects], "Oppilaat");
    assert!(
        rows[1][recipients]
            .contains("Example Learning Cloud Inc. (henkilötietojen käsittelijä, Yhdysvallat)"),
        "{}",
        rows[1][recipients]
    );
    assert!(
        rows[1][transfers].starts_with("Yhdysvallat: Example Learning Cloud Inc."),
        "{}",
        rows[1][transfers]
    );
    assert!(
        rows[2][retention].contains("10 vuotta"),
        "{}",
        rows[2][retention]
    );
    assert_eq!(
        rows[2][security],
        "Pääsy roolien mukaan ja kaksivaiheinen tunnistus."
    );

    let with_bom = records(
        dir.path(),
        &folder,
        &["--lang", "fi", "--format", "csv", "--bom"],
    );
    let bytes = &with_bom["records.fi.csv"];
    let rest = bytes.strip_prefix("\u{feff}".as_bytes()).expect("a BOM");
    assert_eq!(csv_rows(rest), rows);
}

#[test]
fn formula_starts_are_neutralised_in_csv_and_xlsx() {
    let hostile = school()
        .replacen(
            "en = \"Providing basic education and assessing pupils\"",
            "en = \"=HYPERLINK(\\\"https://evil.example\\\",\\\"x\\\")\"",
            1,
        )
        .replacen("en = \"Pupils\"", "en = \"+358 pupils\"", 1)
        .replacen("name = \"Visma InSchool Oy\"", "name = \"@SUM(1+1)\"", 1)
        .replacen(
            "en = \"Role-based access and two-factor authentication.\"",
            "en = \"-2+3\"",
            1,
        );
    assert_ne!(hostile, school());
    let (dir, folder) = project(&[("school.toml", &hostile)]);
    let files = records(
        dir.path(),
        &folder,
        &["--lang", "en", "--format", "csv,xlsx"],
    );
    let dangerous = |s: &str| s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let rows = csv_rows(&files["records.en.csv"]);
    let purpose = column(&rows[0], "Purpose");
    assert_eq!(
        rows[1][purpose],
        "'=HYPERLINK(\"https://evil.example\",\"x\")"
    );
    let mut seen = 0;
    for cell in rows.iter().flatten() {
        assert!(!dangerous(cell), "CSV cell {cell:?}");
        seen += usize::from(cell.starts_with('\''));
    }
    // Purpose, the recipient (in the recipients of the activity), security
    // on every row.
    assert!(seen >= 5, "{seen} neutralised cells");
    let book = sheets(&files["records.en.xlsx"]);
    let (_, sheet) = &book[1];
    assert_eq!(
        sheet[1][purpose],
        "'=HYPERLINK(\"https://evil.example\",\"x\")"
    );
    for cell in book.iter().flat_map(|(_, rows)| rows.iter().flatten()) {
        assert!(!dangerous(cell), "XLSX cell {cell:?}");
    }
}

#[test]
fn the_same_sources_give_the_same_bytes() {
    let (dir, _) = project(&[]);
    let a = records(dir.path(), &root().join("notices"), &["--lang", "fi,sv,en"]);
    let dir2 = tempfile::tempdir().expect("temp");
    let b = records(
        dir2.path(),
        &root().join("notices"),
        &["--lang", "fi,sv,en"],
    );
    assert_eq!(a.len(), 1 + 3 * 4);
    assert_eq!(a, b);
}

#[test]
fn markup_from_a_source_is_text_in_the_page() {
    let hostile = school().replacen(
        "en = \"Providing basic education and assessing pupils\"",
        "en = \"<script>alert(1)</script> and <img src=x onerror=alert(2)>\"",
        1,
    );
    let (dir, folder) = project(&[("school.toml", &hostile)]);
    let files = records(
        dir.path(),
        &folder,
        &["--lang", "en", "--format", "html,md"],
    );
    let html = String::from_utf8(files["records.en.html"].clone()).expect("utf-8");
    assert!(!html.contains("<script") && !html.contains("<img"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    let md = String::from_utf8(files["records.en.md"].clone()).expect("utf-8");
    assert!(!md.contains("<script>"), "{md}");
}

#[test]
fn csv_and_markdown_of_a_small_notice() {
    let (dir, folder) = project(&[("school.toml", &school())]);
    let files = records(dir.path(), &folder, &["--lang", "en", "--format", "csv,md"]);
    let text = |p: &str| String::from_utf8(files[p].clone()).expect("utf-8");
    insta::assert_snapshot!("records_en_csv", text("records.en.csv"));
    insta::assert_snapshot!("records_en_md", text("records.en.md"));
}

#[test]
fn the_record_rules_run_for_the_record_only_and_errors_write_nothing() {
    // No security measures and no data subjects: the base notice as it is.
    let base =
        std::fs::read_to_string(root().join("tests/fixtures/rules/base.toml")).expect("base.toml");
    let (dir, folder) = project(&[("school.toml", &base)]);
    let check = seloste(&root(), &["check", folder.to_str().expect("utf-8")]);
    assert_eq!(check.status.code(), Some(0), "{}", output(&check));
    assert!(!output(&check).contains("R00"), "{}", output(&check));
    let out = dir.path().join("records");
    let args = [
        "records",
        folder.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
    ];
    let o = seloste(&root(), &args);
    let text = output(&o);
    assert_eq!(o.status.code(), Some(0), "{text}");
    assert!(
        text.contains("warning[R001]") && text.contains("warning[R002]"),
        "{text}"
    );
    let mut denied = args.to_vec();
    denied.push("--deny-warnings");
    std::fs::remove_dir_all(&out).expect("remove");
    let o = seloste(&root(), &denied);
    assert_eq!(o.status.code(), Some(1), "{}", output(&o));
    assert!(!out.exists(), "nothing is written when the record fails");

    // An error in a notice stops the record too.
    let broken = base.replacen(
        "legal_basis = \"public-task\"",
        "legal_basis = \"public-tusk\"",
        1,
    );
    std::fs::write(folder.join("school.toml"), broken).expect("write");
    let o = seloste(&root(), &args);
    assert_eq!(o.status.code(), Some(1), "{}", output(&o));
    assert!(output(&o).contains("no record was written"));
    assert!(!out.exists());
}

#[test]
fn a_folder_seloste_did_not_write_is_not_replaced() {
    let (dir, folder) = project(&[("school.toml", &school())]);
    let out = dir.path().join("records");
    std::fs::create_dir(&out).expect("mkdir");
    std::fs::write(out.join("mine.txt"), "keep").expect("write");
    let o = seloste(
        &root(),
        &[
            "records",
            folder.to_str().expect("utf-8"),
            "--out",
            out.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{}", output(&o));
    assert_eq!(
        std::fs::read_to_string(out.join("mine.txt")).expect("kept"),
        "keep"
    );
}
