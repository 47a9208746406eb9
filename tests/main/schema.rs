//! The JSON Schema for editors: committed, up to date, and valid for every
//! notice and customer file the project ships.

use std::path::Path;

use crate::common::root;

/// TOML to JSON as editors see it: dates become strings.
fn to_json(v: &toml::Value) -> serde_json::Value {
    match v {
        toml::Value::String(s) => serde_json::Value::String(s.clone()),
        toml::Value::Integer(i) => serde_json::json!(i),
        toml::Value::Float(f) => serde_json::json!(f),
        toml::Value::Boolean(b) => serde_json::Value::Bool(*b),
        toml::Value::Datetime(d) => serde_json::Value::String(d.to_string()),
        toml::Value::Array(a) => serde_json::Value::Array(a.iter().map(to_json).collect()),
        toml::Value::Table(t) => {
            serde_json::Value::Object(t.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
        }
    }
}

fn toml_files(dir: &Path) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "toml")
                && p.file_name().is_some_and(|n| n != "seloste.toml")
        })
        .collect()
}

#[test]
fn committed_schemas_are_up_to_date() {
    for (customer, file) in [
        (false, "schema/notice.schema.json"),
        (true, "schema/customer.schema.json"),
    ] {
        let committed = std::fs::read_to_string(root().join(file)).expect("committed schema");
        assert!(
            committed == seloste::schema::json_schema_text(customer),
            "{file} is stale: run `cargo run -- schema{} > {file}`",
            if customer { " --customer" } else { "" }
        );
    }
}

#[test]
fn every_shipped_file_validates_against_the_schema() {
    let notice = jsonschema::draft7::new(&seloste::schema::json_schema(false))
        .expect("notice schema compiles");
    let customer = jsonschema::draft7::new(&seloste::schema::json_schema(true))
        .expect("customer schema compiles");
    let mut checked = 0;
    let mut problems = Vec::new();
    for (dir, validator) in [
        ("notices", &notice),
        ("examples/legacy", &notice),
        ("examples/vendor/services", &notice),
        ("tests/fixtures/render", &notice),
        ("tests/fixtures/bundle/services", &notice),
        ("examples/vendor/customers", &customer),
        ("tests/fixtures/bundle/customers", &customer),
    ] {
        for path in toml_files(&root().join(dir)) {
            let text = std::fs::read_to_string(&path).expect("read");
            let value: toml::Value = toml::from_str(&text).expect("shipped files parse");
            let json = to_json(&value);
            for e in validator.iter_errors(&json) {
                problems.push(format!(
                    "{}: {} at {}",
                    path.display(),
                    e,
                    e.instance_path()
                ));
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 22, "the shipped notice and customer files");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_schema_rejects_what_the_linter_rejects_structurally() {
    let notice = jsonschema::draft7::new(&seloste::schema::json_schema(false)).expect("schema");
    for bad in [
        serde_json::json!({ "legal_bases": "consent" }),
        serde_json::json!({ "purposes": [ { "legal_basis": "legitimate-interest" } ] }),
        serde_json::json!({ "title": "only one language" }),
        serde_json::json!({ "updated": "21.11.2026" }),
    ] {
        assert!(!notice.is_valid(&bad), "accepted {bad}");
    }
}
