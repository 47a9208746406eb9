//! Embeds the default templates and the locales into the binary, so that
//! `seloste` works from any folder, and adding a template or a language is
//! adding a file or a folder. The language data of the text rules
//! (`src/lint/facts/`, `src/lint/plain/`) are embedded the same way, for the
//! lint stage.

use std::fmt::Write;
use std::path::Path;

fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    embed(
        root,
        "embedded.rs",
        &[("TEMPLATES", "templates"), ("LOCALES", "locales")],
    );
    embed(
        root,
        "lint_data.rs",
        &[("FACTS", "src/lint/facts"), ("PLAIN", "src/lint/plain")],
    );
}

/// Writes `$OUT_DIR/<file>` with one static per folder: (path, contents).
fn embed(root: &Path, file: &str, folders: &[(&str, &str)]) {
    let mut code = String::new();
    for &(name, dir) in folders {
        let base = root.join(dir);
        println!("cargo:rerun-if-changed={}", base.display());
        writeln!(code, "pub static {name}: &[(&str, &str)] = &[").unwrap();
        for f in files(&base) {
            println!("cargo:rerun-if-changed={}", f.display());
            let rel = f
                .strip_prefix(&base)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            writeln!(
                code,
                "    ({rel:?}, include_str!({:?})),",
                f.display().to_string()
            )
            .unwrap();
        }
        writeln!(code, "];").unwrap();
    }
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join(file);
    std::fs::write(out, code).unwrap();
}
