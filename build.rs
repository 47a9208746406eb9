//! Embeds the default templates and the locales into the binary, so that
//! `seloste` works from any folder, and adding a template or a language is
//! adding a file or a folder.

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
    let mut code = String::new();
    for (name, dir) in [("TEMPLATES", "templates"), ("LOCALES", "locales")] {
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
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("embedded.rs");
    std::fs::write(out, code).unwrap();
}
