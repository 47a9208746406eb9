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
    let mut bytes = 0;
    for i in 0..count {
        let template = &sources[i % sources.len()];
        let text = rename(template, i);
        bytes += text.len() as u64;
        std::fs::write(out.join(format!("notice-{i:05}.toml")), text)?;
    }
    Ok(bytes)
}

/// Gives the notice a unique id by suffixing the first `id = "..."` line.
fn rename(template: &str, i: usize) -> String {
    let mut done = false;
    template
        .lines()
        .map(|line| {
            if !done && line.starts_with("id = \"") {
                done = true;
                let id = line.trim_start_matches("id = \"").trim_end_matches('"');
                format!("id = \"{id}-{i}\"")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}
