//! Output: the only stage that writes, and it writes all or nothing.
//!
//! A site is written into a temporary folder beside the target and moved
//! into place only when every file has been written, so a failed build
//! leaves the previous output as it was. The target folder is replaced only
//! if seloste made it (it holds a marker file) or it is empty: pointing
//! `--out` at a folder of sources must never delete them. Every path is
//! checked to stay inside the output folder.

use std::path::{Component, Path, PathBuf};

use std::collections::BTreeSet;

use anyhow::{Context, bail};
use rayon::prelude::*;

use crate::render::RenderedFile;

/// Written into every output folder; its presence allows replacing it.
pub const MARKER: &str = ".seloste-output";

const MARKER_TEXT: &str = "This folder is written by seloste and replaced on every build.\n";

/// Whether `rel` is a plain relative path that cannot leave its folder.
pub fn is_contained(rel: &str) -> bool {
    let path = Path::new(rel);
    !rel.is_empty()
        && !rel.contains('\\')
        && path.components().all(|c| matches!(c, Component::Normal(_)))
}

/// Replaces the folder `out` with exactly `files`.
pub fn write_site(out: &Path, files: &[RenderedFile]) -> anyhow::Result<()> {
    for f in files {
        if !is_contained(&f.path) {
            bail!(
                "refusing to write `{}`: the path would leave the output folder",
                f.path
            );
        }
    }
    check_target(out)?;
    let name = out.file_name().and_then(|n| n.to_str()).with_context(|| {
        format!(
            "{} is not a folder name seloste can write to",
            out.display()
        )
    })?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent)
        .with_context(|| format!("cannot create {}", parent.display()))?;
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{name}.new-"))
        .tempdir_in(&parent)
        .with_context(|| format!("cannot create a temporary folder in {}", parent.display()))?;
    // Folders first, once each; then the files, in parallel: creating many
    // small files is bound by the file system's latency, not by one core.
    let dirs: BTreeSet<&Path> = files
        .iter()
        .filter_map(|f| Path::new(&f.path).parent())
        .filter(|d| !d.as_os_str().is_empty())
        .collect();
    for dir in dirs {
        let dir = staging.path().join(dir);
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
    }
    files.par_iter().try_for_each(|f| {
        let path = staging.path().join(&f.path);
        std::fs::write(&path, &f.contents)
            .with_context(|| format!("cannot write {}", path.display()))
    })?;
    std::fs::write(staging.path().join(MARKER), MARKER_TEXT)
        .context("cannot write the output marker")?;

    // Swap: move the old output aside, the new one in, then delete the old.
    let staged = staging.keep();
    if out.exists() {
        let old = tempfile::Builder::new()
            .prefix(&format!(".{name}.old-"))
            .tempdir_in(&parent)
            .context("cannot create a temporary folder")?
            .keep();
        // `old` is an empty folder: rename over it.
        std::fs::rename(out, &old)
            .with_context(|| format!("cannot move {} aside", out.display()))?;
        if let Err(e) = std::fs::rename(&staged, out) {
            // Put the previous output back before reporting.
            let _ = std::fs::rename(&old, out);
            let _ = std::fs::remove_dir_all(&staged);
            return Err(e)
                .with_context(|| format!("cannot move the new output to {}", out.display()));
        }
        std::fs::remove_dir_all(&old)
            .with_context(|| format!("cannot remove the previous output at {}", old.display()))?;
    } else if let Err(e) = std::fs::rename(&staged, out) {
        let _ = std::fs::remove_dir_all(&staged);
        return Err(e).with_context(|| format!("cannot move the new output to {}", out.display()));
    }
    Ok(())
}

/// Writes one file so that readers see the old or the new contents, never
/// a part: into a temporary file beside it, then renamed over it.
pub fn write_file_atomic(path: &Path, contents: &[u8]) -> anyhow::Result<()> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent)
        .with_context(|| format!("cannot create {}", parent.display()))?;
    if path.is_dir() {
        bail!(
            "{} is a folder; refusing to replace it with a file",
            path.display()
        );
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".seloste-")
        .tempfile_in(&parent)
        .with_context(|| format!("cannot create a temporary file in {}", parent.display()))?;
    std::io::Write::write_all(&mut tmp, contents)
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// Refuses targets seloste must not replace.
pub fn check_target(out: &Path) -> anyhow::Result<()> {
    let meta = match std::fs::symlink_metadata(out) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e).with_context(|| format!("cannot inspect {}", out.display())),
    };
    if !meta.is_dir() {
        bail!(
            "{} exists and is not a folder; choose another --out",
            out.display()
        );
    }
    let mut entries =
        std::fs::read_dir(out).with_context(|| format!("cannot read {}", out.display()))?;
    let empty = entries.next().is_none();
    if !empty && !out.join(MARKER).is_file() {
        bail!(
            "{} is not empty and was not written by seloste; refusing to replace it (choose another --out, or empty the folder)",
            out.display()
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> RenderedFile {
        RenderedFile {
            path: path.to_string(),
            contents: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn paths_must_stay_inside() {
        assert!(is_contained("fi/a.html"));
        for bad in ["", "../x", "fi/../../x", "/etc/passwd", "./x", "a\\..\\b"] {
            assert!(!is_contained(bad), "{bad}");
        }
    }

    #[test]
    fn replaces_previous_output_and_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        write_site(&out, &[file("fi/a.html", "1"), file("fi/b.html", "1")]).unwrap();
        write_site(&out, &[file("fi/a.html", "2")]).unwrap();
        assert_eq!(std::fs::read_to_string(out.join("fi/a.html")).unwrap(), "2");
        assert!(!out.join("fi/b.html").exists(), "stale files are removed");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, ["site"]);
    }

    #[test]
    fn refuses_a_folder_it_did_not_write() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("precious.toml"), "x").unwrap();
        let err = write_site(dir.path(), &[file("fi/a.html", "1")]).unwrap_err();
        assert!(err.to_string().contains("not written by seloste"), "{err}");
        assert!(dir.path().join("precious.toml").exists());
    }

    #[test]
    fn refuses_a_file_as_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        std::fs::write(&out, "x").unwrap();
        assert!(write_site(&out, &[file("fi/a.html", "1")]).is_err());
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "x");
    }

    #[test]
    fn a_bad_path_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        write_site(&out, &[file("fi/a.html", "old")]).unwrap();
        assert!(write_site(&out, &[file("fi/a.html", "new"), file("../evil", "x")]).is_err());
        assert_eq!(
            std::fs::read_to_string(out.join("fi/a.html")).unwrap(),
            "old"
        );
        assert!(!dir.path().join("evil").exists());
    }
}
