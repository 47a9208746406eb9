//! End-to-end tests of `seloste diff`: the change list in each language,
//! exit codes, Markdown output and `--rev` in a git repository.

use std::path::Path;
use std::process::Output;

use crate::common::{git, git_repo, output, root, seloste};

const OLD: &str = "tests/fixtures/diff/newsletter.toml";
/// The same notice with the storage period changed from P1Y6M to P2Y.
const P2Y: &str = "tests/fixtures/diff/newsletter-p2y.toml";
/// The same notice with a recipient (and its transfer) added in India.
const INDIA: &str = "tests/fixtures/diff/newsletter-india.toml";

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The change lines of a text change list.
fn changes(o: &Output) -> Vec<String> {
    stdout(o)
        .lines()
        .filter_map(|l| l.strip_prefix("  - "))
        .map(str::to_string)
        .collect()
}

#[test]
fn storage_period_change_is_named_in_each_language() {
    for (lang, heading, line, closing) in [
        (
            "fi",
            "Säilytysaika",
            "Säilytysaika (”Yhteystiedot”) muutettu, aiemmin 1 vuosi 6 kuukautta, nyt 2 vuotta.",
            "1 olennainen muutos.",
        ),
        (
            "sv",
            "Lagringstid",
            "Lagringstiden för ”Kontaktuppgifter” har ändrats från 1 år 6 månader till 2 år.",
            "1 väsentlig ändring.",
        ),
        (
            "en",
            "Storage period",
            "Storage period for “Contact details” changed from 1 year 6 months to 2 years.",
            "1 material change.",
        ),
    ] {
        let o = seloste(&root(), &["diff", OLD, P2Y, "--lang", lang]);
        assert_eq!(o.status.code(), Some(1), "{lang}: {}", output(&o));
        assert_eq!(changes(&o), [line], "{lang}: {}", output(&o));
        let text = stdout(&o);
        assert!(text.lines().any(|l| l == heading), "{lang}: {text}");
        assert_eq!(text.lines().last(), Some(closing), "{lang}: {text}");
        assert!(o.stderr.is_empty(), "{lang}: {}", output(&o));
    }
}

#[test]
fn the_default_language_is_the_notices_first() {
    // newsletter.toml lists fi first.
    let o = seloste(&root(), &["diff", OLD, P2Y]);
    assert_eq!(o.status.code(), Some(1), "{}", output(&o));
    assert_eq!(
        stdout(&o).lines().next(),
        Some("Uutiskirjeen tilaajarekisteri: versio 2.1, 5.3.2026 → versio 2.1, 5.3.2026")
    );
    assert_eq!(
        changes(&o),
        ["Säilytysaika (”Yhteystiedot”) muutettu, aiemmin 1 vuosi 6 kuukautta, nyt 2 vuotta."]
    );
}

#[test]
fn identical_notices_have_no_material_changes() {
    let o = seloste(&root(), &["diff", OLD, OLD, "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    assert_eq!(
        stdout(&o),
        "Newsletter subscribers: version 2.1, 5 March 2026 → version 2.1, 5 March 2026\n\nNo material changes.\n"
    );

    // The same notice written differently: comments, another spelling of a
    // text field, trailing spaces.
    let dir = tempfile::tempdir().expect("temp dir");
    let source = std::fs::read_to_string(root().join(OLD)).expect("fixture");
    let relaid = format!("# reviewed 2026-03-06\n{source}").replace(
        r#"name = { fi = "Yhteystiedot", sv = "Kontaktuppgifter", en = "Contact details" }"#,
        "name.en = \"Contact details  \"\nname.fi = \"Yhteystiedot\"\nname.sv = \"Kontaktuppgifter\" # same",
    );
    assert_ne!(relaid, source);
    std::fs::write(dir.path().join("relaid.toml"), relaid).expect("write");
    let o = seloste(
        dir.path(),
        &["diff", &root().join(OLD).to_string_lossy(), "relaid.toml"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    assert_eq!(
        stdout(&o),
        "Uutiskirjeen tilaajarekisteri: versio 2.1, 5.3.2026 → versio 2.1, 5.3.2026\n\nEi olennaisia muutoksia.\n"
    );
}

#[test]
fn a_new_version_alone_is_not_material() {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = std::fs::read_to_string(root().join(OLD)).expect("fixture");
    std::fs::write(
        dir.path().join("new.toml"),
        source
            .replace(r#"version = "2.1""#, r#"version = "2.2""#)
            .replace("updated = 2026-03-05", "updated = 2026-04-01"),
    )
    .expect("write");
    let old = root().join(OLD);
    let o = seloste(
        dir.path(),
        &["diff", &old.to_string_lossy(), "new.toml", "--lang", "en"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    assert_eq!(
        changes(&o),
        [
            "Version changed from 2.1 to 2.2.",
            "Date changed from 5 March 2026 to 1 April 2026."
        ]
    );
    assert!(stdout(&o).ends_with("No material changes.\n"));
}

#[test]
fn a_recipient_in_a_third_country_is_reported_as_such() {
    let o = seloste(&root(), &["diff", OLD, INDIA, "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1), "{}", output(&o));
    assert_eq!(
        changes(&o),
        [
            "Recipient “Analytics Ltd” (processor) added. The recipient is in a third country outside the EU/EEA: India.",
            "Transfer to India (“Analytics Ltd”) added, with the transfer mechanism standard contractual clauses adopted by the European Commission (Article 46(2)(c) GDPR).",
        ]
    );
    let text = stdout(&o);
    let recipients = text
        .find("\nRecipients and disclosures\n")
        .expect("section");
    let transfers = text
        .find("\nTransfers outside the EU/EEA\n")
        .expect("section");
    assert!(recipients < transfers, "sections in the notice's order");

    let o = seloste(&root(), &["diff", OLD, INDIA, "--lang", "fi"]);
    assert_eq!(
        changes(&o),
        [
            "Vastaanottaja ”Analytics Ltd” (henkilötietojen käsittelijä) lisätty. Vastaanottaja on kolmannessa maassa EU:n ja ETA:n ulkopuolella: Intia.",
            "Siirto EU:n ja ETA:n ulkopuolelle (Intia, ”Analytics Ltd”) lisätty, siirron peruste: Euroopan komission hyväksymät tietosuojaa koskevat vakiolausekkeet (EU:n yleisen tietosuoja-asetuksen 46 artiklan 2 kohdan c alakohta).",
        ],
        "{}",
        output(&o)
    );

    // And the other way round.
    let o = seloste(&root(), &["diff", INDIA, OLD, "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        changes(&o),
        [
            "Recipient “Analytics Ltd” (processor) removed. The recipient was in a third country outside the EU/EEA: India.",
            "Transfer to India (“Analytics Ltd”) removed.",
        ]
    );
}

#[test]
fn markdown_output_is_a_list_per_section() {
    let o = seloste(
        &root(),
        &["diff", OLD, INDIA, "--lang", "en", "--format", "md"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", output(&o));
    assert_eq!(
        stdout(&o),
        "\
## Newsletter subscribers: version 2.1, 5 March 2026 → version 2.1, 5 March 2026

### Recipients and disclosures

- Recipient “Analytics Ltd” (processor) added. The recipient is in a third country outside the EU/EEA: India.

### Transfers outside the EU/EEA

- Transfer to India (“Analytics Ltd”) added, with the transfer mechanism standard contractual clauses adopted by the European Commission (Article 46(2)(c) GDPR).

2 material changes.
"
    );
}

#[test]
fn a_file_that_does_not_load_is_reported_like_check_does() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("broken.toml"),
        "id = \"newsletter\"\n[[purposes]\n",
    )
    .expect("write");
    let old = root().join(OLD);
    let o = seloste(dir.path(), &["diff", &old.to_string_lossy(), "broken.toml"]);
    assert_eq!(o.status.code(), Some(2), "{}", output(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("error[L001]"), "{err}");
    assert!(err.contains("broken.toml:2:"), "{err}");
    assert!(o.stdout.is_empty());

    let o = seloste(
        dir.path(),
        &["diff", &old.to_string_lossy(), "missing.toml"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", output(&o));
    assert!(output(&o).contains("cannot read missing.toml"));
}

#[test]
fn rev_compares_with_a_git_revision() {
    let dir = tempfile::tempdir().expect("temp dir");
    let repo = dir.path();
    git_repo(repo);
    std::fs::create_dir(repo.join("notices")).expect("mkdir");
    let notice = repo.join("notices/newsletter.toml");
    std::fs::copy(root().join(OLD), &notice).expect("copy");
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "first version"]);
    std::fs::copy(root().join(P2Y), &notice).expect("copy");

    // From the repository root and from the notice's folder.
    let line = "Storage period for “Contact details” changed from 1 year 6 months to 2 years.";
    let o = seloste(
        repo,
        &[
            "diff",
            "notices/newsletter.toml",
            "--rev",
            "HEAD",
            "--lang",
            "en",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", output(&o));
    assert_eq!(changes(&o), [line]);
    let o = seloste(
        &repo.join("notices"),
        &["diff", "newsletter.toml", "--rev", "HEAD", "--lang", "en"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", output(&o));
    assert_eq!(changes(&o), [line]);

    git(repo, &["commit", "-q", "-am", "two years"]);
    let o = seloste(
        repo,
        &[
            "diff",
            "notices/newsletter.toml",
            "--rev",
            "HEAD",
            "--lang",
            "en",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    assert!(stdout(&o).contains("No material changes."));
    let o = seloste(
        repo,
        &[
            "diff",
            "notices/newsletter.toml",
            "--rev",
            "HEAD~1",
            "--lang",
            "en",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", output(&o));
    assert_eq!(changes(&o), [line]);

    // A revision that does not exist, and a folder outside any repository.
    let o = seloste(
        repo,
        &["diff", "notices/newsletter.toml", "--rev", "no-such-rev"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", output(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("cannot read notices/newsletter.toml at revision `no-such-rev`"),
        "{err}"
    );
    let outside = tempfile::tempdir().expect("temp dir");
    std::fs::copy(root().join(OLD), outside.path().join("n.toml")).expect("copy");
    let o = seloste(outside.path(), &["diff", "n.toml", "--rev", "HEAD"]);
    assert_eq!(o.status.code(), Some(2), "{}", output(&o));
    assert!(output(&o).contains("at revision `HEAD`"), "{}", output(&o));
}

#[test]
fn fragments_are_applied_from_the_same_version() {
    let line = "Processor: email changed from support@vendor.example to help@vendor.example.";
    let fixtures = root().join("tests/fixtures/diff/extends");
    let copy = |to: &Path| {
        std::fs::create_dir_all(to).expect("mkdir");
        for f in ["common.toml", "service.toml"] {
            std::fs::copy(fixtures.join(f), to.join(f)).expect("copy");
        }
    };
    let change = |dir: &Path| {
        let path = dir.join("common.toml");
        let text = std::fs::read_to_string(&path).expect("read");
        std::fs::write(&path, text.replace("support@", "help@")).expect("write");
    };

    // Two folders, each with its own fragment.
    let dir = tempfile::tempdir().expect("temp dir");
    copy(&dir.path().join("v1"));
    copy(&dir.path().join("v2"));
    change(&dir.path().join("v2"));
    let o = seloste(
        dir.path(),
        &["diff", "v1/service.toml", "v2/service.toml", "--lang", "en"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", output(&o));
    assert_eq!(changes(&o), [line]);
    assert!(o.stderr.is_empty(), "{}", output(&o));

    // With --rev, the fragment is read at the same revision.
    let repo = tempfile::tempdir().expect("temp dir");
    let repo = repo.path();
    git_repo(repo);
    copy(&repo.join("services"));
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "first version"]);
    change(&repo.join("services"));
    for (cwd, file) in [
        (repo.to_path_buf(), "services/service.toml"),
        (repo.join("services"), "service.toml"),
    ] {
        let o = seloste(&cwd, &["diff", file, "--rev", "HEAD", "--lang", "en"]);
        assert_eq!(o.status.code(), Some(1), "{}", output(&o));
        assert_eq!(changes(&o), [line]);
        assert!(o.stderr.is_empty(), "{}", output(&o));
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["diff", OLD][..],
        &["diff", OLD, P2Y, "--rev", "HEAD"],
        &["diff", OLD, P2Y, "--lang", "de"],
        &["diff", OLD, P2Y, "--format", "html"],
    ] {
        let o = seloste(&root(), args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", output(&o));
    }
}
