//! Where a version of a notice comes from: a file on disk or a file at a
//! git revision (`git show REV:FILE`, run in the file's folder), loaded and
//! with the fragments it extends applied from the same folder of the same
//! version. Used by `seloste diff` and by `check --since` (`lint::since`).

use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow, bail};

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Notice;
use crate::source::{FileId, SourceMap};

/// Where one version of the notice comes from.
pub enum Origin {
    Disk(PathBuf),
    /// `git show REV:PATH`, run in the file's folder.
    Git {
        rev: String,
        path: PathBuf,
    },
}

impl Origin {
    /// The name diagnostics show for the file.
    pub fn label(&self) -> PathBuf {
        match self {
            Origin::Disk(p) => p.clone(),
            Origin::Git { rev, path } => PathBuf::from(format!("{rev}:{}", path.display())),
        }
    }

    /// The bytes of the file in this version.
    pub fn read(&self) -> anyhow::Result<Vec<u8>> {
        match self {
            Origin::Disk(p) => {
                std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))
            }
            Origin::Git { rev, path } => {
                let (dir, name) = split(path)?;
                git(&dir, &["show", &format!("{rev}:./{name}")], rev)
                    .with_context(|| format!("cannot read {} at revision `{rev}`", path.display()))
            }
        }
    }

    /// The notice this version holds, with the fragments it extends
    /// applied, when it can be read and loads without errors; `None`
    /// otherwise (e.g. a file that did not exist at the revision). What
    /// the loader and composition report is dropped.
    pub fn notice(&self) -> Option<Notice> {
        let bytes = self.read().ok()?;
        let mut scratch = SourceMap::default();
        let (notice, diags) = load_one(&mut scratch, self.label(), bytes);
        if diags.iter().any(|d| d.severity == Severity::Error) {
            return None;
        }
        Some(compose_one(notice?, self, &mut scratch).0)
    }

    /// The other `.toml` files of the same folder, for the fragments a
    /// notice extends. Unreadable files are left out.
    fn siblings(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut out = Vec::new();
        match self {
            Origin::Disk(p) => {
                let dir = crate::staging::folder_of(p);
                let Ok(entries) = std::fs::read_dir(&dir) else {
                    return out;
                };
                let mut paths: Vec<PathBuf> = entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|s| s.extension().is_some_and(|e| e == "toml"))
                    .filter(|s| s.file_name() != p.file_name())
                    .collect();
                paths.sort();
                for s in paths {
                    if let Ok(bytes) = std::fs::read(&s) {
                        out.push((s, bytes));
                    }
                }
            }
            Origin::Git { rev, path } => {
                let Ok((dir, name)) = split(path) else {
                    return out;
                };
                // `REV:./` is the folder's tree; without --full-tree, ls-tree
                // would also filter it by the folder's path and list nothing.
                let Ok(list) = git(
                    &dir,
                    &[
                        "ls-tree",
                        "--full-tree",
                        "--name-only",
                        &format!("{rev}:./"),
                    ],
                    rev,
                ) else {
                    return out;
                };
                for s in String::from_utf8_lossy(&list).lines() {
                    if !s.ends_with(".toml") || s == name {
                        continue;
                    }
                    if let Ok(bytes) = git(&dir, &["show", &format!("{rev}:./{s}")], rev) {
                        out.push((
                            PathBuf::from(format!("{rev}:{}", dir.join(s).display())),
                            bytes,
                        ));
                    }
                }
            }
        }
        out
    }
}

/// The folder of `path` and its file name.
fn split(path: &Path) -> anyhow::Result<(PathBuf, String)> {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| anyhow!("{} is not a file name git can look up", path.display()))?;
    Ok((crate::staging::folder_of(path), name.to_string()))
}

/// Fails with git's message unless `rev` names a commit, as seen from `dir`.
pub fn verify_revision(dir: &Path, rev: &str) -> anyhow::Result<()> {
    git(
        dir,
        &["rev-parse", "--verify", &format!("{rev}^{{commit}}")],
        rev,
    )
    .map(|_| ())
}

/// Runs git in `dir` and returns its output.
fn git(dir: &Path, args: &[&str], rev: &str) -> anyhow::Result<Vec<u8>> {
    if rev.starts_with('-') || rev.is_empty() {
        bail!("`{rev}` is not a revision");
    }
    let output = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                anyhow!("git is not installed or not on the PATH (--rev runs `git show`)")
            }
            _ => anyhow!("cannot run git in {}: {e}", dir.display()),
        })?;
    if !output.status.success() {
        let message = String::from_utf8_lossy(&output.stderr);
        let message = message.trim();
        bail!(
            "{}",
            if message.is_empty() {
                format!("git {} failed", args.join(" "))
            } else {
                message.to_string()
            }
        );
    }
    Ok(output.stdout)
}

/// Loads one version into `sources`: the notice, if it could be read, and
/// what the loader found.
pub fn load_one(
    sources: &mut SourceMap,
    label: PathBuf,
    bytes: Vec<u8>,
) -> (Option<Notice>, Vec<Diagnostic>) {
    // Invalid UTF-8 is shown with up to three bytes per byte (see `load`).
    let base = sources.reserve(bytes.len() * 3);
    let file = FileId(sources.len());
    let loaded = crate::load::load_owned(file, base, bytes);
    sources.add_at(base, label, loaded.text);
    (loaded.document, loaded.diagnostics)
}

/// The notice with the fragments it extends applied, found among the other
/// files of its folder in the same version. What composition reports (a
/// fragment that cannot be found) is returned as notes.
pub fn compose_one(
    n: Notice,
    origin: &Origin,
    sources: &mut SourceMap,
) -> (Notice, Vec<Diagnostic>) {
    if n.extends.is_none() || n.is_fragment() {
        return (n, Vec::new());
    }
    let mut all = vec![n.clone()];
    for (label, bytes) in origin.siblings() {
        let (doc, diags) = load_one(sources, label, bytes);
        if let Some(f) = doc.filter(|f| f.is_fragment())
            && !diags.iter().any(|d| d.severity == Severity::Error)
        {
            all.push(f);
        }
    }
    let (composed, notes) = super::compose(all);
    (composed.into_iter().next().unwrap_or(n), notes)
}
