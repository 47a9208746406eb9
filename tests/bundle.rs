//! `seloste bundle` end to end on a small vendor: layout per customer,
//! languages, isolation of a failing customer, byte-identical zips, shards.

mod common;

use std::path::Path;
use std::process::Output;

use common::{output, root, seloste, tree};

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
    for f in [
        "alpha.zip",
        "alpha/manifest.json",
        "alpha/fi/index.html",
        "alpha/fi/pupil-accounts.html",
        "alpha/fi/pupil-accounts.print.html",
        "alpha/fi/pupil-accounts.md",
        "alpha/sv/pupil-accounts.html",
        "beta.zip",
        "beta/sv/pupil-accounts.html",
        "gamma/en/pupil-accounts.html",
    ] {
        assert!(files.contains(&f.to_string()), "{f} missing in {files:?}");
    }
    // The bilingual municipality gets fi and sv only, the Swedish one sv only.
    assert!(!files.iter().any(|f| f.starts_with("alpha/en/")));
    assert!(
        !files
            .iter()
            .any(|f| f.starts_with("beta/fi/") || f.starts_with("beta/en/"))
    );
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

/// Guards the acceptance test: a customer without its DPO fails
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
        out.contains("not built (previous output kept): alpha"),
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
        .filter(|n| n.starts_with('.'))
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
            .filter(|e| e.path().is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        l.sort();
        l
    };
    assert_eq!(langs("esimerkkila"), ["fi", "sv"]);
    assert_eq!(langs("exempelstad"), ["sv"]);
    assert_eq!(langs("esimerkki-amk"), ["en", "fi", "sv"]);
    // The logo is copied into the bundle and shown from there.
    assert!(out.join("esimerkkila/logo.svg").is_file());
    let page = std::fs::read_to_string(out.join("esimerkkila/fi/opinsys-user-management.html"))
        .expect("page");
    assert!(page.contains("src=\"../logo.svg\""), "logo not shown");
}
