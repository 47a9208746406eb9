//! Output: the only stage that writes, and it writes all or nothing.
//!
//! A site is written into a temporary folder beside the target and moved
//! into place only when every file has been written, so a failed build
//! leaves the previous output as it was. The target folder is replaced only
//! if seloste made it (it holds a marker file) or it is empty: pointing
//! `--out` at a folder of sources must never delete them. Every path is
//! checked to stay inside the output folder.
//!
//! The same holds when the process is killed at any moment: the new folder
//! takes the old one's place in one step (see [`StagedSite::publish`]), so
//! `out` is always the whole previous output or the whole new one. What a
//! killed run leaves beside it (`.<name>.new-<pid>-*`, `.<name>.old-<pid>-*`)
//! is removed by a later run once that process is gone.

use std::path::{Component, Path, PathBuf};

use std::collections::BTreeSet;

use anyhow::{Context, bail};
use rayon::prelude::*;

use crate::render::RenderedFile;
pub use crate::staging::folder_of;
#[cfg(test)]
use crate::staging::leftover_pid;
use crate::staging::{Leftovers, remove_marked_dir};

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
    stage_site(out, files)?.publish()?.remove()
}

/// A complete new output, written beside its target and not yet in place.
/// Dropped without [`StagedSite::publish`], it is deleted.
pub struct StagedSite {
    out: PathBuf,
    parent: PathBuf,
    name: String,
    dir: tempfile::TempDir,
}

/// The previous output, out of the way once a new one is in place; it is
/// deleted by [`Replaced::remove`] (or, if the process dies first, by a
/// later run).
#[must_use = "the previous output is left beside the new one until removed"]
pub struct Replaced(Option<PathBuf>);

/// Writes `files` into a new folder beside `out`, ready to take its place.
/// First puts back a previous output that a killed run left moved aside,
/// checks that `out` may be replaced, and removes what killed runs left.
pub fn stage_site(out: &Path, files: &[RenderedFile]) -> anyhow::Result<StagedSite> {
    stage_site_among(out, files, None)
}

/// [`stage_site`], with the leftovers of the folder `out` is in read
/// already: for many outputs published into one folder (a bundle's
/// customers), which is then read once, not once per output.
pub fn stage_site_among(
    out: &Path,
    files: &[RenderedFile],
    beside: Option<&Leftovers>,
) -> anyhow::Result<StagedSite> {
    // Every path is checked before anything is touched.
    check_paths(files)?;
    let staging = Staging::begin(out, beside)?;
    staging.write_checked(files)?;
    staging.finish()
}

fn check_paths(files: &[RenderedFile]) -> anyhow::Result<()> {
    for f in files {
        if !is_contained(&f.path) {
            bail!(
                "refusing to write `{}`: the path would leave the output folder",
                f.path
            );
        }
    }
    Ok(())
}

/// A new output being written beside its target, a batch of files at a
/// time (from several threads at once): a site's pages are written as they
/// are rendered, not held until the last one is. Dropped before
/// [`Staging::finish`], it is deleted with what was written.
pub struct Staging {
    site: StagedSite,
}

impl Staging {
    /// Puts back a previous output that a killed run left moved aside,
    /// checks that `out` may be replaced, removes what killed runs left,
    /// and makes the new, empty folder beside `out`.
    pub fn begin(out: &Path, beside: Option<&Leftovers>) -> anyhow::Result<Staging> {
        let parent = folder_of(out);
        let beside = Leftovers::known_or_scan(beside, &parent);
        let name = out.file_name().and_then(|n| n.to_str());
        if let Some(name) = name {
            restore_moved_aside(out, &beside, name)?;
        }
        check_target(out)?;
        let name = name
            .with_context(|| {
                format!(
                    "{} is not a folder name seloste can write to",
                    out.display()
                )
            })?
            .to_string();
        std::fs::create_dir_all(&parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
        beside.remove(
            &[&new_prefix(&name), &old_prefix(&name)],
            true,
            Some(MARKER),
        );
        let dir = tempfile::Builder::new()
            .prefix(&format!("{}{}-", new_prefix(&name), std::process::id()))
            .tempdir_in(&parent)
            .with_context(|| format!("cannot create a temporary folder in {}", parent.display()))?;
        Ok(Staging {
            site: StagedSite {
                out: out.to_path_buf(),
                parent,
                name,
                dir,
            },
        })
    }

    /// Writes `files` into the new folder, refusing any whose path would
    /// leave it.
    pub fn write(&self, files: &[RenderedFile]) -> anyhow::Result<()> {
        check_paths(files)?;
        self.write_checked(files)
    }

    /// [`Staging::write`] of files whose paths were checked already.
    fn write_checked(&self, files: &[RenderedFile]) -> anyhow::Result<()> {
        let root = self.site.dir.path();
        // Folders first, once each; then the files, in parallel: creating
        // many small files is bound by the file system's latency, not by
        // one core.
        let dirs: BTreeSet<&Path> = files
            .iter()
            .filter_map(|f| Path::new(&f.path).parent())
            .filter(|d| !d.as_os_str().is_empty())
            .collect();
        for d in dirs {
            let d = root.join(d);
            std::fs::create_dir_all(&d)
                .with_context(|| format!("cannot create {}", d.display()))?;
        }
        files.par_iter().try_for_each(|f| {
            let path = root.join(&f.path);
            std::fs::write(&path, &f.contents)
                .with_context(|| format!("cannot write {}", path.display()))
        })
    }

    /// The complete output, ready to be published.
    pub fn finish(self) -> anyhow::Result<StagedSite> {
        // The marker comes last: a folder with it is complete (see
        // `restore_moved_aside`).
        std::fs::write(self.site.dir.path().join(MARKER), MARKER_TEXT)
            .context("cannot write the output marker")?;
        Ok(self.site)
    }
}

impl StagedSite {
    /// Puts the new output in place of `out`.
    ///
    /// Where the system can, the two folders are exchanged in one step
    /// (`renameat2` with `RENAME_EXCHANGE`), so that `out` never stops
    /// existing: a reader, or a crash, sees the old folder or the new one.
    /// Elsewhere (other systems, or file systems that refuse the exchange)
    /// the old folder is renamed aside and the new one in: a process killed
    /// between the two leaves no `out`, and the next run puts the previous
    /// output back from where it was moved (`restore_moved_aside`).
    pub fn publish(self) -> anyhow::Result<Replaced> {
        let StagedSite {
            out,
            parent,
            name,
            dir,
        } = self;
        // From here on the folder is ours to move and delete.
        let staged = dir.keep();
        let result = if std::fs::symlink_metadata(&out).is_ok() {
            match exchange(&staged, &out) {
                // The previous output now sits at the staged path.
                Ok(true) => Ok(Replaced(Some(staged.clone()))),
                Ok(false) => swap_by_renames(&staged, &out, &parent, &name)
                    .map(Some)
                    .map(Replaced),
                Err(e) => Err(e)
                    .with_context(|| format!("cannot move the new output to {}", out.display())),
            }
        } else {
            std::fs::rename(&staged, &out)
                .map(|()| Replaced(None))
                .with_context(|| format!("cannot move the new output to {}", out.display()))
        };
        if result.is_err() {
            let _ = remove_marked_dir(&staged, Some(MARKER));
        }
        result
    }
}

impl Replaced {
    /// Deletes the previous output.
    pub fn remove(self) -> anyhow::Result<()> {
        match self.0 {
            Some(old) => remove_marked_dir(&old, Some(MARKER))
                .with_context(|| format!("cannot remove the previous output at {}", old.display())),
            None => Ok(()),
        }
    }
}

/// Exchanges the folders `staged` and `out` in one step. `Ok(false)` when
/// the system or the file system cannot (the caller falls back to renames).
#[cfg(any(target_os = "linux", target_os = "android"))]
fn exchange(staged: &Path, out: &Path) -> std::io::Result<bool> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    use rustix::io::Errno;
    match renameat_with(CWD, staged, CWD, out, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        // ENOSYS: a kernel before 3.15; EINVAL or EOPNOTSUPP: a file system
        // without the exchange (older NFS, some FUSE).
        Err(Errno::NOSYS | Errno::INVAL | Errno::OPNOTSUPP) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn exchange(_staged: &Path, _out: &Path) -> std::io::Result<bool> {
    Ok(false)
}

/// The fallback for [`StagedSite::publish`]: `out` is moved aside to
/// `.<name>.old-<pid>-*`, `staged` in. Returns where the old output went.
fn swap_by_renames(
    staged: &Path,
    out: &Path,
    parent: &Path,
    name: &str,
) -> anyhow::Result<PathBuf> {
    let old = tempfile::Builder::new()
        .prefix(&format!("{}{}-", old_prefix(name), std::process::id()))
        .tempdir_in(parent)
        .context("cannot create a temporary folder")?
        .keep();
    // `old` is an empty folder: rename over it.
    if let Err(e) = std::fs::rename(out, &old) {
        let _ = std::fs::remove_dir(&old);
        return Err(e).with_context(|| format!("cannot move {} aside", out.display()));
    }
    // A process killed here leaves no `out`; the next run restores `old`.
    if let Err(e) = std::fs::rename(staged, out) {
        // Put the previous output back before reporting.
        let _ = std::fs::rename(&old, out);
        return Err(e).with_context(|| format!("cannot move the new output to {}", out.display()));
    }
    Ok(old)
}

fn new_prefix(name: &str) -> String {
    format!(".{name}.new-")
}

fn old_prefix(name: &str) -> String {
    format!(".{name}.old-")
}

/// When `out` is missing and a run that died between the two renames of
/// `swap_by_renames` left the previous output moved aside (complete: it
/// has the marker), puts it back, so that nothing published is lost.
fn restore_moved_aside(out: &Path, beside: &Leftovers, name: &str) -> anyhow::Result<()> {
    match std::fs::symlink_metadata(out) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        _ => return Ok(()),
    }
    let newest = beside
        .under(&old_prefix(name))
        .into_iter()
        .filter(|(path, is_dir)| *is_dir && path.join(MARKER).is_file())
        .filter_map(|(path, _)| {
            let modified = std::fs::metadata(path.join(MARKER)).ok()?.modified().ok()?;
            Some((modified, path))
        })
        .max();
    if let Some((_, old)) = newest {
        std::fs::rename(&old, out).with_context(|| {
            format!(
                "cannot restore the previous output from {} to {}",
                old.display(),
                out.display()
            )
        })?;
    }
    Ok(())
}

/// A temporary file beside `path`, named `.<file name>.new-<pid>-*` so that
/// a later run can remove it if this process dies before it is persisted.
/// `beside`: the leftovers of the file's folder, if read already (see
/// [`stage_site_among`]).
pub(crate) fn staged_file_among(
    path: &Path,
    beside: Option<&Leftovers>,
) -> anyhow::Result<tempfile::NamedTempFile> {
    let parent = folder_of(path);
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .with_context(|| format!("{} is not a file name seloste can write", path.display()))?;
    std::fs::create_dir_all(&parent)
        .with_context(|| format!("cannot create {}", parent.display()))?;
    let prefix = new_prefix(name);
    Leftovers::known_or_scan(beside, &parent).remove(&[&prefix], false, Some(MARKER));
    let mut builder = tempfile::Builder::new();
    let prefix = format!("{prefix}{}-", std::process::id());
    builder.prefix(&prefix);
    // A temporary file is private (0600) by default, and persisting it
    // keeps its mode: a published zip must get the mode any other written
    // file gets, 0666 less the umask.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    builder
        .tempfile_in(&parent)
        .with_context(|| format!("cannot create a temporary file in {}", parent.display()))
}

/// Writes one file so that readers see the old or the new contents, never
/// a part: into a temporary file beside it, then renamed over it.
pub fn write_file_atomic(path: &Path, contents: &[u8]) -> anyhow::Result<()> {
    write_file_atomic_among(path, contents, None)
}

/// [`write_file_atomic`], with the leftovers of the file's folder read
/// already (see [`stage_site_among`]).
pub fn write_file_atomic_among(
    path: &Path,
    contents: &[u8],
    beside: Option<&Leftovers>,
) -> anyhow::Result<()> {
    if path.is_dir() {
        bail!(
            "{} is a folder; refusing to replace it with a file",
            path.display()
        );
    }
    let mut tmp = staged_file_among(path, beside)?;
    std::io::Write::write_all(&mut tmp, contents)
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// Written into a bundles folder that `bundle` created or took over.
pub const BUNDLES_MARKER: &str = ".seloste-bundles";

/// Makes sure `bundle` may write customer folders and zips into `out`,
/// as [`check_target`] does for `build`: a missing or empty folder, one
/// with the bundles marker, or one that holds only what `bundle` writes
/// (customer folders with the output marker, zips, leftovers of killed
/// runs: the layout of bundles written before the marker existed). Then
/// marks it. Anything else, `/` or a home folder, is refused before a
/// single file is written. Returns what killed runs left in it, read once
/// for every customer written there.
pub fn claim_bundle_root(out: &Path) -> anyhow::Result<Leftovers> {
    match std::fs::symlink_metadata(out) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e).with_context(|| format!("cannot inspect {}", out.display())),
        Ok(m) if !m.is_dir() => bail!(
            "{} exists and is not a folder; choose another --out",
            out.display()
        ),
        Ok(_) if out.join(BUNDLES_MARKER).is_file() => return Ok(Leftovers::scan(out)),
        Ok(_) => {
            let entries =
                std::fs::read_dir(out).with_context(|| format!("cannot read {}", out.display()))?;
            for entry in entries {
                let entry = entry.with_context(|| format!("cannot read {}", out.display()))?;
                let name = entry.file_name();
                let name = name.to_string_lossy();
                let path = entry.path();
                let ours = if name.starts_with('.') {
                    name.contains(".new-") || name.contains(".old-")
                } else if let Some(stem) = name.strip_suffix(".zip") {
                    out.join(stem).join(MARKER).is_file()
                } else {
                    entry.file_type().is_ok_and(|t| t.is_dir()) && path.join(MARKER).is_file()
                };
                if !ours {
                    bail!(
                        "{} holds `{name}`, which seloste did not write; refusing to write bundles into it (choose another --out, or an empty folder)",
                        out.display()
                    );
                }
            }
        }
    }
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    std::fs::write(
        out.join(BUNDLES_MARKER),
        "This folder holds bundles written by `seloste bundle`.\n",
    )
    .with_context(|| format!("cannot write {}", out.join(BUNDLES_MARKER).display()))?;
    Ok(Leftovers::scan(out))
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
            shared: Vec::new(),
        }
    }

    #[test]
    fn paths_must_stay_inside() {
        assert!(is_contained("fi/a.html"));
        for bad in ["", "../x", "fi/../../x", "/etc/passwd", "./x", "a\\..\\b"] {
            assert!(!is_contained(bad), "{bad}");
        }
    }

    /// Guards the mode of atomically written files (the bundles' zips):
    /// a temporary file is created private, and was published so.
    #[cfg(unix)]
    #[test]
    fn an_atomically_written_file_gets_the_mode_of_any_written_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("plain.zip");
        std::fs::write(&plain, b"x").unwrap();
        let atomic = dir.path().join("atomic.zip");
        write_file_atomic(&atomic, b"x").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&atomic), mode(&plain));
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

    /// The id of a process that has ended (and been reaped).
    #[cfg(unix)]
    fn dead_pid() -> u32 {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        pid
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn leftover_names_are_recognised_strictly() {
        assert_eq!(
            leftover_pid(".site.new-123-aB9xYz", ".site.new-"),
            Some(123)
        );
        assert_eq!(leftover_pid(".site.old-7-q", ".site.old-"), Some(7));
        // A folder is read once for many outputs, keeping only names of
        // this shape: every leftover has it, a bundle's customers do not.
        use crate::staging::has_leftover_shape;
        for leftover in [
            ".site.new-123-aB9xYz",
            ".site.old-7-q",
            "seloste-chromium-9-x",
        ] {
            assert!(has_leftover_shape(leftover), "{leftover}");
        }
        for kept in [
            "customer-0001",
            "customer-0001.zip",
            "koulu-a",
            ".seloste-bundles",
            "fi",
        ] {
            assert!(!has_leftover_shape(kept), "{kept}");
        }
        for other in [
            ".site.new-abcdef", // the names before process ids were added
            ".site.new--abcdef",
            ".site.new-12x-abcdef",
            ".site.new-123-",
            ".site.new-123-ab/cd",
            ".site.new-123-abc.def",
            ".site.new-12345678901-abc",
            ".sites.new-123-abc",
            "site",
            ".site.new-123",
        ] {
            assert_eq!(leftover_pid(other, ".site.new-"), None, "{other}");
        }
    }

    /// Guards against temporary folders of killed runs piling up, and
    /// against a run deleting anything that is not its own kind of leftover
    /// or that a live process is still writing.
    #[cfg(unix)]
    #[test]
    fn removes_only_the_leftovers_of_dead_processes() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let dead = dead_pid();
        let mut live = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .unwrap();
        let mine = std::process::id();
        let mk = |name: &str| {
            std::fs::create_dir_all(dir.path().join(name).join("fi")).unwrap();
            std::fs::write(dir.path().join(name).join("fi/a.html"), "x").unwrap();
        };
        mk(&format!(".site.new-{dead}-abcdef"));
        mk(&format!(".site.old-{dead}-abcdef"));
        mk(&format!(".site.new-{}-abcdef", live.id()));
        mk(&format!(".site.old-{mine}-abcdef"));
        mk(".site.new-abcdef");
        mk(&format!(".other.new-{dead}-abcdef"));
        mk("precious");
        std::fs::write(dir.path().join(format!(".site.new-{dead}-file")), "x").unwrap();
        std::os::unix::fs::symlink(
            "precious",
            dir.path().join(format!(".site.old-{dead}-link")),
        )
        .unwrap();
        write_site(&out, &[file("fi/a.html", "1")]).unwrap();
        let _ = live.kill();
        let _ = live.wait();
        let mut expected = vec![
            format!(".other.new-{dead}-abcdef"),
            ".site.new-abcdef".to_string(),
            format!(".site.new-{dead}-file"),
            format!(".site.new-{}-abcdef", live.id()),
            format!(".site.old-{dead}-link"),
            format!(".site.old-{mine}-abcdef"),
            "precious".to_string(),
            "site".to_string(),
        ];
        expected.sort();
        assert_eq!(names(dir.path()), expected);
        assert!(dir.path().join("precious/fi/a.html").is_file());
    }

    /// Guards the fallback publish (two renames, where the exchange is not
    /// available): a run killed between the renames leaves no `site`, and
    /// the next run puts the previous output back before anything else.
    #[cfg(unix)]
    #[test]
    fn a_previous_output_moved_aside_by_a_killed_run_is_restored() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        write_site(&out, &[file("fi/a.html", "old")]).unwrap();
        let aside = dir.path().join(format!(".site.old-{}-abcdef", dead_pid()));
        std::fs::rename(&out, &aside).unwrap();
        // A new run that stages and then fails still restores it.
        drop(stage_site(&out, &[file("fi/a.html", "new")]).unwrap());
        assert_eq!(
            std::fs::read_to_string(out.join("fi/a.html")).unwrap(),
            "old"
        );
        assert_eq!(names(dir.path()), ["site"]);

        // One that was being deleted (no marker) is not a complete output.
        std::fs::rename(&out, &aside).unwrap();
        std::fs::remove_file(aside.join(MARKER)).unwrap();
        write_site(&out, &[file("fi/a.html", "new")]).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("fi/a.html")).unwrap(),
            "new"
        );
        assert_eq!(names(dir.path()), ["site"]);
    }

    /// Guards publishing many outputs into one folder with one read of it
    /// (a bundle's customers): each output still gets its own moved-aside
    /// folder back and its own leftovers removed, and nothing else.
    #[cfg(unix)]
    #[test]
    fn outputs_published_with_one_read_of_their_folder_clean_up_as_alone() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        write_site(&a, &[file("fi/x.html", "a old")]).unwrap();
        let dead = dead_pid();
        std::fs::rename(&a, dir.path().join(format!(".a.old-{dead}-abcdef"))).unwrap();
        std::fs::create_dir(dir.path().join(format!(".b.new-{dead}-abcdef"))).unwrap();
        std::fs::write(dir.path().join(format!(".b.zip.new-{dead}-abcdef")), "x").unwrap();
        std::fs::create_dir(dir.path().join(format!(".c.new-{dead}-abcdef"))).unwrap();
        let beside = Leftovers::scan(dir.path());

        // The moved-aside `a` comes back before the failed staging is dropped.
        drop(stage_site_among(&a, &[file("fi/x.html", "a new")], Some(&beside)).unwrap());
        assert_eq!(
            std::fs::read_to_string(a.join("fi/x.html")).unwrap(),
            "a old"
        );
        stage_site_among(&b, &[file("fi/x.html", "b")], Some(&beside))
            .unwrap()
            .publish()
            .unwrap()
            .remove()
            .unwrap();
        write_file_atomic_among(&dir.path().join("b.zip"), b"zip", Some(&beside)).unwrap();
        assert_eq!(
            names(dir.path()),
            [
                format!(".c.new-{dead}-abcdef"),
                "a".into(),
                "b".into(),
                "b.zip".into()
            ]
        );
    }

    #[test]
    fn the_fallback_swap_replaces_the_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        write_site(&out, &[file("fi/a.html", "old")]).unwrap();
        let staged = stage_site(&out, &[file("fi/a.html", "new")]).unwrap();
        let path = staged.dir.keep();
        let old = swap_by_renames(&path, &out, dir.path(), "site").unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("fi/a.html")).unwrap(),
            "new"
        );
        assert_eq!(
            std::fs::read_to_string(old.join("fi/a.html")).unwrap(),
            "old"
        );
        Replaced(Some(old)).remove().unwrap();
        assert_eq!(names(dir.path()), ["site"]);
    }

    #[test]
    fn publishing_swaps_in_one_step_where_it_can() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        write_site(&out, &[file("fi/a.html", "old")]).unwrap();
        let staged = stage_site(&out, &[file("fi/a.html", "new")]).unwrap();
        let replaced = staged.publish().unwrap();
        let old = replaced.0.clone().expect("a previous output");
        if cfg!(target_os = "linux") {
            // Exchanged: the previous output is where the new one was staged.
            let name = old.file_name().unwrap().to_string_lossy().into_owned();
            assert!(name.starts_with(".site.new-"), "{name}");
        }
        assert_eq!(
            std::fs::read_to_string(out.join("fi/a.html")).unwrap(),
            "new"
        );
        assert_eq!(
            std::fs::read_to_string(old.join("fi/a.html")).unwrap(),
            "old"
        );
        replaced.remove().unwrap();
        assert_eq!(names(dir.path()), ["site"]);
    }
}
