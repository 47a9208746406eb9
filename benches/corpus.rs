//! A synthetic corpus of notices for benchmarks: the bundled notices in
//! `notices/`, copied under new ids. Shared by `examples/generate.rs` and the
//! benchmark binaries through `#[path]`.

use std::path::Path;

/// Writes `count` notices into `out`, cycling through the templates found
/// in `templates` (every `.toml` file there). Returns the bytes written.
pub fn generate(templates: &Path, out: &Path, count: usize) -> std::io::Result<u64> {
    let mut sources = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(templates)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    entries.sort();
    for path in entries {
        sources.push(std::fs::read_to_string(path)?);
    }
    if sources.is_empty() {
        return Err(std::io::Error::other("no .toml templates found"));
    }
    std::fs::create_dir_all(out)?;
    let ids: Vec<String> = sources.iter().filter_map(|s| first_id(s)).collect();
    let mut bytes = 0;
    for i in 0..count {
        let template = &sources[i % sources.len()];
        // Copies are made in batches of one copy of each template, so that
        // references between notices resolve within their batch; the last,
        // partial batch refers to the first.
        let batch = i / sources.len();
        let complete = (batch + 1) * sources.len() <= count;
        let text = rename(template, batch, if complete { batch } else { 0 }, &ids);
        bytes += text.len() as u64;
        std::fs::write(out.join(format!("notice-{i:05}.toml")), text)?;
    }
    Ok(bytes)
}

fn first_id(template: &str) -> Option<String> {
    template.lines().find_map(|l| {
        l.strip_prefix("id = \"")
            .map(|rest| rest.trim_end_matches('"').to_string())
    })
}

/// Suffixes the notice id with `-{batch}` and references to other notices
/// (`notice = "..."`) with `-{refs}`.
fn rename(template: &str, batch: usize, refs: usize, ids: &[String]) -> String {
    let mut done = false;
    template
        .lines()
        .map(|line| {
            if !done && line.starts_with("id = \"") {
                done = true;
                let id = line.trim_start_matches("id = \"").trim_end_matches('"');
                format!("id = \"{id}-{batch}\"")
            } else if let Some(target) = line
                .strip_prefix("notice = \"")
                .map(|t| t.trim_end_matches('"'))
                && ids.iter().any(|i| i == target)
            {
                format!("notice = \"{target}-{refs}\"")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}
