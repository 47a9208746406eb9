//! End-to-end tests of `seloste new` and `seloste init`, and of the folders
//! `seloste.toml` sets for `build` and `bundle`, with the real binary.

use std::path::Path;

use crate::common::{output, root, seloste, tree};

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// The rule codes `check --format json` reports for `paths` run in `dir`,
/// one entry per diagnostic, sorted.
fn codes(dir: &Path, paths: &[&str]) -> (Option<i32>, Vec<String>) {
    let mut args = vec!["check", "--format", "json"];
    args.extend(paths);
    let o = seloste(dir, &args);
    let mut codes: Vec<String> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            v["code"].as_str().expect("a code").to_string()
        })
        .collect();
    codes.sort();
    (o.status.code(), codes)
}

fn distinct(codes: &[String]) -> Vec<&str> {
    let mut d: Vec<&str> = codes.iter().map(String::as_str).collect();
    d.dedup();
    d
}

/// The scaffold with every placeholder replaced, as an author would.
fn filled(source: &str) -> String {
    source
        .replace("TODO: ", "Filled in: ")
        .replace("todo@example.invalid", "tietosuoja@esimerkkila.fi")
}

/// `new` for each kind of notice: only placeholder errors (plus the note
/// that a service's controller comes from each customer), and a clean
/// notice once every placeholder is filled in.
#[test]
fn new_writes_placeholders_that_check_rejects_until_filled() {
    let cases: &[(&[&str], usize, &[&str])] = &[
        // flags, number of Q013 errors, other codes
        (&["--public-authority"], 19, &[]),
        (&[], 16, &[]),
        (&["--lang", "fi,sv"], 16, &[]),
        (&["--vendor-service"], 17, &["G026"]),
        (&["--vendor-service", "--public-authority"], 18, &["G026"]),
    ];
    for (flags, placeholders, others) in cases {
        let dir = temp();
        let mut args = vec!["new", "pupil-register"];
        args.extend(*flags);
        let o = seloste(dir.path(), &args);
        assert_eq!(o.status.code(), Some(0), "{flags:?}: {}", output(&o));
        assert!(output(&o).contains("notices/pupil-register.toml"));
        let path = dir.path().join("notices/pupil-register.toml");
        let source = std::fs::read_to_string(&path).expect("the notice is written");
        assert!(!source.starts_with("#:schema"), "no schema folder here");

        let (code, found) = codes(dir.path(), &[]);
        assert_eq!(code, Some(1), "{flags:?}: {found:?}");
        let mut expected = vec!["Q013"];
        expected.extend(*others);
        expected.sort();
        assert_eq!(distinct(&found), expected, "{flags:?}");
        let q013 = found.iter().filter(|c| *c == "Q013").count();
        assert_eq!(q013, *placeholders, "{flags:?}");

        // A filled-in copy passes (a service notice keeps its G026 note).
        std::fs::write(&path, filled(&source)).expect("fill in");
        let (code, found) = codes(dir.path(), &[]);
        assert_eq!(code, Some(0), "{flags:?}: {found:?}");
        assert_eq!(distinct(&found), *others, "{flags:?}");
    }
}

#[test]
fn new_writes_the_languages_asked_for_or_configured() {
    let dir = temp();
    let o = seloste(dir.path(), &["new", "a", "--lang", "sv"]);
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    let a = std::fs::read_to_string(dir.path().join("notices/a.toml")).expect("a");
    assert!(a.contains("languages = [\"sv\"]"));
    assert!(a.contains("title.sv = \"TODO: ") && !a.contains("title.fi"));

    std::fs::write(
        dir.path().join("seloste.toml"),
        "languages = [\"fi\", \"en\"]\n",
    )
    .expect("config");
    let o = seloste(dir.path(), &["new", "b", "--dir", "other"]);
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    let b = std::fs::read_to_string(dir.path().join("other/b.toml")).expect("b");
    assert!(b.contains("languages = [\"fi\", \"en\"]"));
    assert!(b.contains("title.en = \"TODO: ") && !b.contains("title.sv"));
}

#[test]
fn new_refuses_to_overwrite_and_checks_the_id() {
    let dir = temp();
    std::fs::create_dir(dir.path().join("notices")).expect("notices");
    let existing = dir.path().join("notices/pupil-register.toml");
    std::fs::write(&existing, "# my work\n").expect("existing");
    let o = seloste(dir.path(), &["new", "pupil-register"]);
    assert_eq!(o.status.code(), Some(2), "{}", output(&o));
    assert!(output(&o).contains("already exists"), "{}", output(&o));
    assert_eq!(
        std::fs::read_to_string(&existing).expect("kept"),
        "# my work\n"
    );

    for bad in ["Pupil_Register", "../escape", "a--b"] {
        let o = seloste(dir.path(), &["new", bad]);
        assert_eq!(o.status.code(), Some(2), "{bad}: {}", output(&o));
        assert!(output(&o).contains("not a valid notice id"), "{bad}");
    }
    assert_eq!(tree(dir.path()).len(), 1, "nothing else was written");
}

#[test]
fn new_names_the_schema_when_the_project_has_it() {
    let dir = temp();
    std::fs::create_dir(dir.path().join("schema")).expect("schema");
    std::fs::write(dir.path().join("schema/notice.schema.json"), "{}").expect("schema");
    let o = seloste(dir.path(), &["new", "pupil-register"]);
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    let source = std::fs::read_to_string(dir.path().join("notices/pupil-register.toml"))
        .expect("the notice");
    assert!(
        source.starts_with("#:schema ../schema/notice.schema.json\n"),
        "{source}"
    );
}

#[test]
fn init_creates_a_project_that_checks_and_builds() {
    let dir = temp();
    let o = seloste(dir.path(), &["init", "proj"]);
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    let project = dir.path().join("proj");
    let files: Vec<String> = tree(&project).into_keys().collect();
    assert_eq!(
        files,
        [
            ".gitignore",
            "customers/README.md",
            "notices/example-school-register.toml",
            "seloste.toml"
        ]
    );
    let gitignore = std::fs::read_to_string(project.join(".gitignore")).expect("gitignore");
    assert_eq!(
        gitignore,
        "# Output of `seloste build`, `bundle`, `records` and `export`.\n/site\n/bundles\n/records\n/export\n"
    );

    let o = seloste(&project, &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    assert!(output(&o).contains("no problems found"), "{}", output(&o));
    let o = seloste(&project, &["build"]);
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    for lang in ["fi", "sv", "en"] {
        assert!(
            project
                .join(format!("site/{lang}/example-school-register.html"))
                .is_file()
        );
    }
    // A vendor's command works on the empty customer folder too.
    let o = seloste(&project, &["bundle"]);
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));

    // A notice added with `new` is checked with the project's settings.
    let o = seloste(&project, &["new", "library-loans"]);
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    let (code, found) = codes(&project, &[]);
    assert_eq!((code, distinct(&found)), (Some(1), vec!["Q013"]));
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let dir = temp();
    std::fs::write(dir.path().join("notes.txt"), "mine").expect("file");
    let o = seloste(dir.path(), &["init"]);
    assert_eq!(o.status.code(), Some(2), "{}", output(&o));
    assert!(output(&o).contains("not empty"), "{}", output(&o));
    assert_eq!(tree(dir.path()).len(), 1, "nothing was written");

    // A project already initialised is not overwritten either.
    let o = seloste(dir.path(), &["init", "proj"]);
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    let o = seloste(dir.path(), &["init", "proj"]);
    assert_eq!(o.status.code(), Some(2), "{}", output(&o));
}

/// `out` in seloste.toml moves `build`'s output; `--out` still wins.
#[test]
fn configured_out_folder_is_used_by_build() {
    let dir = temp();
    let o = seloste(dir.path(), &["init"]);
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    std::fs::copy(
        root().join("tests/fixtures/scaffold/seloste.toml"),
        dir.path().join("seloste.toml"),
    )
    .expect("config");
    let o = seloste(dir.path(), &["build"]);
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    assert!(output(&o).contains("into public/"), "{}", output(&o));
    assert!(
        dir.path()
            .join("public/fi/example-school-register.html")
            .is_file()
    );
    assert!(!dir.path().join("site").exists());

    let o = seloste(dir.path(), &["build", "--out", "elsewhere"]);
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    assert!(dir.path().join("elsewhere/fi/index.html").is_file());
}

/// `customers` and `bundles` in seloste.toml are `bundle`'s defaults.
#[test]
fn configured_customer_and_bundle_folders_are_used_by_bundle() {
    let dir = temp();
    let vendor = root().join("examples/vendor");
    for (from, to) in [("services", "services"), ("customers", "clients")] {
        for (rel, bytes) in tree(&vendor.join(from)) {
            let path = dir.path().join(to).join(rel);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, bytes).expect("copy");
        }
    }
    std::fs::copy(
        root().join("tests/fixtures/scaffold/seloste.toml"),
        dir.path().join("seloste.toml"),
    )
    .expect("config");
    let o = seloste(dir.path(), &["bundle", "services"]);
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    assert!(output(&o).contains("into dist/"), "{}", output(&o));
    assert!(dir.path().join("dist/esimerkkila.zip").is_file());
    assert!(!dir.path().join("bundles").exists());

    // Flags override the configuration.
    std::fs::rename(dir.path().join("clients"), dir.path().join("asiakkaat")).expect("move");
    let o = seloste(
        dir.path(),
        &[
            "bundle",
            "services",
            "--customers",
            "asiakkaat",
            "--out",
            "out",
            "--only",
            "exempelstad",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    assert!(dir.path().join("out/exempelstad.zip").is_file());
}
