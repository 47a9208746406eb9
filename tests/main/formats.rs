//! End-to-end tests of the CI output formats of `seloste check` (SARIF and
//! GitHub workflow commands), shell completions and the man page.

use crate::common::{root, seloste};
use seloste::lint::registry::RULES;
use serde_json::Value;

fn broken() -> std::path::PathBuf {
    root().join("tests/fixtures/cli/broken")
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

/// The `--format json` records of the broken fixture.
fn json_records() -> Vec<Value> {
    let o = seloste(&broken(), &["check", ".", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn sarif() -> Value {
    let o = seloste(&broken(), &["check", ".", "--format", "sarif"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "exit code as in the other formats"
    );
    serde_json::from_str(&stdout(&o)).expect("the SARIF log is one JSON document")
}

#[test]
fn sarif_has_the_2_1_0_structure_and_every_rule() {
    let log = sarif();
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(
        log["$schema"],
        "https://json.schemastore.org/sarif-2.1.0.json"
    );
    let runs = log["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "seloste");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), RULES.len(), "every rule of the registry");
    for (descriptor, rule) in rules.iter().zip(RULES) {
        assert_eq!(descriptor["id"], rule.code);
        assert_eq!(descriptor["name"], rule.name);
        assert_eq!(descriptor["shortDescription"]["text"], rule.summary);
        assert_eq!(descriptor["fullDescription"]["text"], rule.explanation);
        assert_eq!(descriptor["help"]["text"], rule.explanation);
        let level = match rule.severity.as_str() {
            "error" => "error",
            "warning" => "warning",
            _ => "note",
        };
        assert_eq!(descriptor["defaultConfiguration"]["level"], level);
        if rule.article != "-" {
            assert_eq!(descriptor["properties"]["article"], rule.article);
        }
    }
}

#[test]
fn sarif_results_match_the_json_records() {
    let log = sarif();
    let records = json_records();
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), records.len(), "one result per diagnostic");
    for (result, record) in results.iter().zip(&records) {
        assert_eq!(result["ruleId"], record["code"]);
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], record["code"]);
        let level = match record["severity"].as_str() {
            Some("info") => "note",
            Some(s) => s,
            None => panic!("severity"),
        };
        assert_eq!(result["level"], level);
        let text = result["message"]["text"].as_str().expect("message");
        assert!(text.starts_with(record["message"].as_str().expect("message")));
        if let Some(help) = record["help"].as_str() {
            assert!(text.ends_with(help), "{text}");
        }
        let location = &result["locations"][0]["physicalLocation"];
        let file = record["file"].as_str().expect("file").replace('\\', "/");
        assert_eq!(location["artifactLocation"]["uri"], file.as_str());
        let region = &location["region"];
        assert_eq!(region["startLine"], record["line"]);
        assert_eq!(region["startColumn"], record["column"]);
        assert_eq!(region["endLine"], record["end_line"]);
        assert_eq!(region["endColumn"], record["end_column"]);
        let related = record["related"].as_array().expect("related");
        match result.get("relatedLocations") {
            None => assert!(related.is_empty()),
            Some(locations) => {
                let locations = locations.as_array().expect("array");
                assert_eq!(locations.len(), related.len());
                for (l, r) in locations.iter().zip(related) {
                    assert_eq!(l["message"]["text"], r["message"]);
                    let region = &l["physicalLocation"]["region"];
                    assert_eq!(region["startLine"], r["line"]);
                    assert_eq!(region["startColumn"], r["column"]);
                }
            }
        }
    }
    // The fixture's one diagnostic with a secondary label.
    let related: Vec<&Value> = results
        .iter()
        .filter(|r| r.get("relatedLocations").is_some())
        .map(|r| &r["ruleId"])
        .collect();
    assert_eq!(related, ["G006"], "results with related locations");
}

#[test]
fn sarif_output_is_deterministic() {
    let a = seloste(&broken(), &["check", ".", "--format", "sarif"]);
    let b = seloste(&broken(), &["check", ".", "--format", "sarif"]);
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn sarif_of_a_clean_notice_has_no_results_and_exit_0() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        root().join("tests/fixtures/cli/valid.toml"),
        dir.path().join("valid.toml"),
    )
    .expect("copy");
    let o = seloste(dir.path(), &["check", ".", "--format", "sarif"]);
    assert_eq!(o.status.code(), Some(0));
    let log: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
}

#[test]
fn rules_as_sarif_lists_the_rules_without_results() {
    let o = seloste(&root(), &["rules", "--format", "sarif"]);
    assert_eq!(o.status.code(), Some(0));
    let log: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    assert_eq!(rules.len(), RULES.len());
    let o = seloste(&root(), &["rules", "--format", "github"]);
    assert_eq!(o.status.code(), Some(2), "github is only for check");
}

#[test]
fn github_annotations_one_line_per_diagnostic() {
    let records = json_records();
    let o = seloste(&broken(), &["check", ".", "--format", "github"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), records.len(), "no summary line:\n{out}");
    let re = regex::Regex::new(
        r"^::(error|warning|notice) file=([^,:]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([A-Z]\d{3} [a-z0-9-]+)::([^\r\n]+)$",
    )
    .expect("regex");
    for (line, record) in lines.iter().zip(&records) {
        let c = re.captures(line).unwrap_or_else(|| panic!("{line}"));
        let command = match record["severity"].as_str() {
            Some("info") => "notice",
            Some(s) => s,
            None => panic!("severity"),
        };
        assert_eq!(&c[1], command);
        assert_eq!(&c[2], record["file"].as_str().expect("file"));
        assert_eq!(c[3].parse::<u64>().ok(), record["line"].as_u64());
        assert_eq!(c[4].parse::<u64>().ok(), record["column"].as_u64());
        assert_eq!(c[5].parse::<u64>().ok(), record["end_line"].as_u64());
        assert_eq!(c[6].parse::<u64>().ok(), record["end_column"].as_u64());
        assert_eq!(
            &c[7],
            format!(
                "{} {}",
                record["code"].as_str().unwrap_or(""),
                record["name"].as_str().unwrap_or("")
            )
        );
        assert!(c[8].starts_with(record["message"].as_str().expect("message")));
    }
}

#[test]
fn github_messages_escape_commas_colons_and_newlines() {
    // Q009's message has `,` and `:` (`javascript:alert(1)`, which ...), the
    // help follows it on a new line; in the data only `%`, CR and LF are
    // escaped. G006 also lists its secondary label on a line of its own.
    let records = json_records();
    let o = seloste(&broken(), &["check", ".", "--format", "github"]);
    let out = stdout(&o);
    let line_of = |code: &str| {
        let i = records
            .iter()
            .position(|r| r["code"] == code)
            .unwrap_or_else(|| panic!("{code} in the fixture"));
        out.lines().nth(i).expect("a line per record").to_string()
    };
    let q009 = line_of("Q009");
    let message = q009.splitn(3, "::").nth(2).expect("message");
    assert_eq!(
        message,
        "`purposes.description` links to `javascript:alert(1)`, which is not a safe link\
         %0Ahelp: use an https:, http:, mailto: or tel: link, or a relative one"
    );
    assert!(q009.contains(",title=Q009 unsafe-link::"), "{q009}");
    let g006 = line_of("G006");
    assert!(
        g006.ends_with("%0Arelated: ./school.toml:11:20: the controller is a public authority"),
        "{g006}"
    );

    if cfg!(windows) {
        return; // `:` cannot be part of a file name
    }
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a,b:c.toml"), "id = 1\n").expect("write");
    let o = seloste(dir.path(), &["check", "a,b:c.toml", "--format", "github"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    // One line per diagnostic, as in the JSON output.
    let json = seloste(dir.path(), &["check", "a,b:c.toml", "--format", "json"]);
    assert_eq!(out.lines().count(), stdout(&json).lines().count(), "{out}");
    assert!(
        out.lines()
            .all(|l| l.contains(" file=a%2Cb%3Ac.toml,line=")),
        "{out}"
    );
}

#[test]
fn completions_for_every_shell() {
    let o = seloste(&root(), &["completions", "bash"]);
    assert_eq!(o.status.code(), Some(0));
    let bash = stdout(&o);
    assert!(bash.contains("seloste") && bash.contains("check"), "{bash}");
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let o = seloste(&root(), &["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        assert!(stdout(&o).contains("seloste"), "{shell}");
    }
    let o = seloste(&root(), &["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2), "unknown shell is a usage error");
}

#[test]
fn man_page_is_roff() {
    let o = seloste(&root(), &["man"]);
    assert_eq!(o.status.code(), Some(0));
    let man = stdout(&o);
    assert!(man.starts_with(".TH") || man.starts_with(".ie"), "{man}");
    assert!(man.contains("seloste") && man.contains("check"));
}
