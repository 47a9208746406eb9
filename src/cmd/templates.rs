//! `seloste init-templates`: the built-in templates, written out for editing.

use std::io::Write;
use std::process::ExitCode;

pub fn run(dir: &std::path::Path, force: bool) -> anyhow::Result<ExitCode> {
    std::fs::create_dir_all(dir)?;
    let mut written = 0;
    for (name, source) in crate::render::templates::defaults() {
        let path = dir.join(name);
        if path.exists() && !force {
            writeln!(
                anstream::stderr(),
                "skipped {} (exists; --force to overwrite)",
                path.display()
            )?;
            continue;
        }
        std::fs::write(&path, source)?;
        written += 1;
    }
    writeln!(
        anstream::stderr(),
        "wrote {written} templates to {}",
        dir.display()
    )?;
    Ok(ExitCode::SUCCESS)
}
