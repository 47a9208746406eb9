//! The CI examples in examples/ci run exactly these commands; this test runs
//! every `seloste ...` line of both files on a copy of the vendor example,
//! so the examples cannot rot. Their structure is checked too: the GitHub
//! files (the example, the project's own workflows, `action.yml`) against
//! GitHub's schemas (tests/fixtures/schemas/), the GitLab file against the
//! keywords GitLab accepts, and both for the habits that make a CI file
//! useful when notices have errors (reports uploaded even then).

use std::path::Path;
use std::process::Command;

use crate::common::{git, git_repo, root};

/// The `seloste` command lines of a CI file, with the CI's variables
/// replaced by values that make sense in a local repository.
fn commands(file: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root().join("examples/ci").join(file)).expect("CI example");
    text.lines()
        .map(str::trim)
        .filter_map(|l| {
            let l = l.trim_start_matches("- ").trim_start_matches("run: ");
            l.starts_with("seloste ").then(|| l.to_string())
        })
        .map(|l| {
            l.replace("origin/${{ github.base_ref }}", "HEAD")
                .replace("origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "HEAD")
                .replace("${{ matrix.shard }}", "1")
                .replace("\"$f\"", "notices/opinsys-koejakaja.toml")
                .replace("\"$GITHUB_STEP_SUMMARY\"", "step-summary.md")
        })
        .collect()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read dir") {
        let e = e.expect("entry");
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).expect("copy");
        }
    }
}

#[test]
fn every_seloste_command_of_the_ci_examples_runs() {
    let dir = tempfile::tempdir().expect("temp");
    copy_dir(
        &root().join("examples/vendor/services"),
        &dir.path().join("notices"),
    );
    copy_dir(
        &root().join("examples/vendor/customers"),
        &dir.path().join("customers"),
    );
    // A vendor's repository may hold its own notices beside the services:
    // those are what `build` publishes.
    std::fs::copy(
        root().join("notices/wilma-guardians.toml"),
        dir.path().join("notices/wilma-guardians.toml"),
    )
    .expect("copy a notice");
    // The schema lines point three folders up; in this layout they would
    // dangle, which editors ignore and seloste does not read.
    git_repo(dir.path());
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "notices"]);

    let bin = Path::new(env!("CARGO_BIN_EXE_seloste"))
        .parent()
        .expect("bin dir")
        .to_path_buf();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut ran = 0;
    for (file, count) in [("github-actions.yml", 6), ("gitlab-ci.yml", 5)] {
        let cmds = commands(file);
        assert_eq!(cmds.len(), count, "{file}: the seloste commands: {cmds:#?}");
        for cmd in cmds {
            let o = Command::new("sh")
                .args(["-c", &cmd])
                .current_dir(dir.path())
                .env("PATH", &path)
                .env("NO_COLOR", "1")
                .env("CI_NODE_INDEX", "1")
                .env("CI_NODE_TOTAL", "4")
                .output()
                .expect("sh runs");
            assert!(
                o.status.success(),
                "{file}: `{cmd}` failed ({:?}):\n{}{}",
                o.status.code(),
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            );
            ran += 1;
        }
    }
    assert_eq!(ran, 11, "the examples hold 11 seloste commands");
    // What the jobs publish exists.
    assert!(dir.path().join("seloste.sarif").is_file());
    assert!(dir.path().join("seloste-diagnostics.jsonl").is_file());
    assert!(dir.path().join("step-summary.md").is_file());
    // The Pages sites open at their root: a language chooser.
    for site in ["site", "public"] {
        let index = std::fs::read_to_string(dir.path().join(site).join("index.html"))
            .unwrap_or_else(|e| panic!("{site}/index.html: {e}"));
        assert!(
            index.contains("hreflang=\"sv\""),
            "{site}/index.html links the languages"
        );
    }
}

/// A YAML file as JSON, for schema validation. Keys that are not strings
/// (none in a CI file) are written as their YAML text.
pub fn yaml_file(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).expect("YAML file");
    yaml_text(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn yaml_text(text: &str) -> Result<serde_json::Value, String> {
    use yaml_rust2::{Yaml, YamlLoader};
    fn json(y: &Yaml) -> serde_json::Value {
        use serde_json::Value;
        match y {
            Yaml::Real(r) => r
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .map_or(Value::String(r.clone()), Value::Number),
            Yaml::Integer(i) => Value::from(*i),
            Yaml::String(s) => Value::String(s.clone()),
            Yaml::Boolean(b) => Value::Bool(*b),
            Yaml::Array(a) => Value::Array(a.iter().map(json).collect()),
            Yaml::Hash(h) => Value::Object(
                h.iter()
                    .map(|(k, v)| {
                        let key = match k {
                            Yaml::String(s) => s.clone(),
                            Yaml::Integer(i) => i.to_string(),
                            Yaml::Boolean(b) => b.to_string(),
                            other => format!("{other:?}"),
                        };
                        (key, json(v))
                    })
                    .collect(),
            ),
            Yaml::Alias(_) | Yaml::Null | Yaml::BadValue => Value::Null,
        }
    }
    let docs = YamlLoader::load_from_str(text).map_err(|e| e.to_string())?;
    match docs.as_slice() {
        [doc] => Ok(json(doc)),
        other => Err(format!("expected one YAML document, found {}", other.len())),
    }
}

/// The schema errors of a document, one line each.
pub fn schema_errors(schema_file: &str, doc: &serde_json::Value) -> Vec<String> {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/schemas").join(schema_file))
            .expect("schema file"),
    )
    .expect("schema is JSON");
    let validator = jsonschema::draft7::new(&schema).expect("schema compiles");
    validator
        .iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// What GitHub would reject or what makes a workflow lose its reports:
/// schema errors, `needs` naming a missing job, a SARIF upload that does not
/// run when the check before it failed.
fn github_workflow_problems(doc: &serde_json::Value) -> Vec<String> {
    let mut problems = schema_errors("github-workflow.json", doc);
    let Some(jobs) = doc.get("jobs").and_then(|j| j.as_object()) else {
        problems.push("no jobs".into());
        return problems;
    };
    for (name, job) in jobs {
        let needs = match job.get("needs") {
            Some(serde_json::Value::String(s)) => vec![s.clone()],
            Some(serde_json::Value::Array(a)) => a
                .iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect(),
            _ => vec![],
        };
        for need in needs {
            if !jobs.contains_key(&need) {
                problems.push(format!("job `{name}` needs `{need}`, which does not exist"));
            }
        }
        for step in job
            .get("steps")
            .and_then(|s| s.as_array())
            .into_iter()
            .flatten()
        {
            let uses = step.get("uses").and_then(|u| u.as_str()).unwrap_or("");
            let cond = step.get("if").and_then(|u| u.as_str()).unwrap_or("");
            if uses.contains("upload-sarif") && !cond.contains("always()") {
                problems.push(format!(
                    "job `{name}`: the SARIF upload must run with `if: always()`, or findings are lost exactly when there are errors"
                ));
            }
        }
    }
    problems
}

/// GitLab's schema is not published where these tests can read it offline,
/// so this checks what a mistake in the example would most likely break:
/// the top-level keywords, each job's keywords, stages, `needs`, the values
/// of `artifacts:when` and `when`, and that a job keeping a report keeps it
/// when the job fails.
fn gitlab_problems(doc: &serde_json::Value) -> Vec<String> {
    const GLOBAL: &[&str] = &[
        "default",
        "include",
        "stages",
        "variables",
        "workflow",
        "image",
        "services",
        "cache",
        "before_script",
        "after_script",
        "spec",
    ];
    const JOB: &[&str] = &[
        "after_script",
        "allow_failure",
        "artifacts",
        "before_script",
        "cache",
        "coverage",
        "dependencies",
        "environment",
        "except",
        "extends",
        "hooks",
        "id_tokens",
        "identity",
        "image",
        "inherit",
        "interruptible",
        "needs",
        "only",
        "pages",
        "parallel",
        "release",
        "resource_group",
        "retry",
        "rules",
        "run",
        "script",
        "secrets",
        "services",
        "stage",
        "tags",
        "timeout",
        "trigger",
        "variables",
        "when",
    ];
    const ARTIFACTS: &[&str] = &[
        "paths",
        "exclude",
        "expose_as",
        "name",
        "untracked",
        "when",
        "access",
        "expire_in",
        "reports",
    ];
    const RULE: &[&str] = &[
        "if",
        "changes",
        "exists",
        "when",
        "allow_failure",
        "variables",
        "needs",
    ];
    const WHEN: &[&str] = &[
        "on_success",
        "on_failure",
        "always",
        "manual",
        "delayed",
        "never",
    ];
    let mut problems = Vec::new();
    let Some(top) = doc.as_object() else {
        return vec!["not a mapping".into()];
    };
    let stages: Vec<String> = match top.get("stages") {
        Some(s) => s
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(String::from))
            .collect(),
        None => ["build", "test", "deploy"].map(String::from).to_vec(),
    };
    let jobs: Vec<(&String, &serde_json::Value)> = top
        .iter()
        .filter(|(k, _)| !GLOBAL.contains(&k.as_str()) && !k.starts_with('.'))
        .collect();
    for (name, job) in &jobs {
        let Some(job) = job.as_object() else {
            problems.push(format!("`{name}` is neither a keyword nor a job"));
            continue;
        };
        for key in job.keys() {
            if !JOB.contains(&key.as_str()) {
                problems.push(format!("job `{name}`: unknown keyword `{key}`"));
            }
        }
        if !["script", "trigger", "extends", "run"]
            .iter()
            .any(|k| job.contains_key(*k))
        {
            problems.push(format!("job `{name}` has no script"));
        }
        let stage = job.get("stage").and_then(|s| s.as_str()).unwrap_or("test");
        if !stages.iter().any(|s| s == stage) && stage != ".pre" && stage != ".post" {
            problems.push(format!("job `{name}`: stage `{stage}` is not in stages"));
        }
        if let Some(when) = job.get("when").and_then(|w| w.as_str())
            && !WHEN.contains(&when)
        {
            problems.push(format!("job `{name}`: when `{when}`"));
        }
        for need in job
            .get("needs")
            .and_then(|n| n.as_array())
            .into_iter()
            .flatten()
        {
            let need = need
                .as_str()
                .or_else(|| need.get("job").and_then(|j| j.as_str()));
            if let Some(need) = need
                && !jobs.iter().any(|(n, _)| *n == need)
            {
                problems.push(format!("job `{name}` needs `{need}`, which does not exist"));
            }
        }
        for rule in job
            .get("rules")
            .and_then(|r| r.as_array())
            .into_iter()
            .flatten()
        {
            for key in rule.as_object().into_iter().flatten().map(|(k, _)| k) {
                if !RULE.contains(&key.as_str()) {
                    problems.push(format!("job `{name}`: unknown rules keyword `{key}`"));
                }
            }
        }
        if let Some(artifacts) = job.get("artifacts").and_then(|a| a.as_object()) {
            for key in artifacts.keys() {
                if !ARTIFACTS.contains(&key.as_str()) {
                    problems.push(format!("job `{name}`: unknown artifacts keyword `{key}`"));
                }
            }
            let when = artifacts.get("when").and_then(|w| w.as_str());
            if let Some(when) = when
                && !["on_success", "on_failure", "always"].contains(&when)
            {
                problems.push(format!("job `{name}`: artifacts:when `{when}`"));
            }
            let script = job.get("script").map(|s| s.to_string()).unwrap_or_default();
            if script.contains("seloste check") && when != Some("always") {
                problems.push(format!(
                    "job `{name}` keeps a check report: it needs `artifacts: when: always`, or the report is lost when the check fails"
                ));
            }
        }
    }
    problems
}

#[test]
fn the_github_files_follow_githubs_schemas() {
    let mut files = vec![root().join("examples/ci/github-actions.yml")];
    let workflows = root().join(".github/workflows");
    for e in std::fs::read_dir(&workflows).expect(".github/workflows") {
        files.push(e.expect("entry").path());
    }
    assert!(
        files.len() >= 3,
        "the example, ci.yml and release.yml: {files:?}"
    );
    for file in files {
        let problems = github_workflow_problems(&yaml_file(&file));
        assert!(
            problems.is_empty(),
            "{}:\n{}",
            file.display(),
            problems.join("\n")
        );
    }
    let action = yaml_file(&root().join("action.yml"));
    let problems = schema_errors("github-action.json", &action);
    assert!(problems.is_empty(), "action.yml:\n{}", problems.join("\n"));
}

#[test]
fn the_gitlab_example_uses_only_what_gitlab_accepts() {
    let doc = yaml_file(&root().join("examples/ci/gitlab-ci.yml"));
    let problems = gitlab_problems(&doc);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The checks above must catch the mistakes they are there for.
#[test]
fn the_structure_checks_catch_typical_mistakes() {
    let github = |yaml: &str| github_workflow_problems(&yaml_text(yaml).expect("YAML"));
    let ok = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: seloste check\n";
    assert_eq!(github(ok), Vec::<String>::new());
    assert!(
        !github(&ok.replace("runs-on", "runs_on")).is_empty(),
        "a misspelt key"
    );
    assert!(
        !github(&format!("{ok}    needs: b\n")).is_empty(),
        "needs a missing job"
    );
    let sarif = format!("{ok}      - uses: github/codeql-action/upload-sarif@v3\n");
    assert!(
        github(&sarif).iter().any(|p| p.contains("always()")),
        "a SARIF upload skipped on errors"
    );

    let gitlab = |yaml: &str| gitlab_problems(&yaml_text(yaml).expect("YAML"));
    let ok = "stages: [test]\ncheck:\n  stage: test\n  script: [seloste check]\n  artifacts:\n    when: always\n    paths: [r.jsonl]\n";
    assert_eq!(gitlab(ok), Vec::<String>::new());
    assert!(
        !gitlab(&ok.replace("script", "scirpt")).is_empty(),
        "a misspelt keyword"
    );
    assert!(
        !gitlab(&ok.replace("stage: test", "stage: build")).is_empty(),
        "an unknown stage"
    );
    assert!(
        !gitlab(&ok.replace("when: always", "when: on_success")).is_empty(),
        "a report lost on failure"
    );
    assert!(
        !gitlab(&ok.replace("when: always", "when: allways")).is_empty(),
        "a bad value"
    );
}
