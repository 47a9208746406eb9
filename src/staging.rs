//! Temporary files and folders that a run makes beside its targets, named
//! `<prefix><pid>-<random>` for the process that made them, and the removal
//! of those a killed run left: a later run removes an entry only when its
//! name says so and its process is gone. Used when publishing (staged
//! output) and when printing PDFs (the browser's profile), so it sits below
//! both.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// The folder `path` is in: its parent, or `.` for a bare name.
pub fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Deletes a folder, its `marker` file first (if it has one): a folder that was being
/// deleted when the process died has no marker, so it is never taken for
/// a complete one.
pub(crate) fn remove_marked_dir(dir: &Path, marker: Option<&str>) -> std::io::Result<()> {
    if let Some(marker) = marker {
        match std::fs::remove_file(dir.join(marker)) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    remove_tree(dir)
}

/// `std::fs::remove_dir_all`, the folder's entries on several threads: a
/// site's language folders hold thousands of pages each, and deleting them
/// one after the other kept a core idle at the end of a build. Like std's,
/// every step goes through a folder held open (`openat` with `O_NOFOLLOW`,
/// `unlinkat`), never through a path again, so a folder swapped for a link
/// meanwhile cannot lead it outside: a link is removed, never followed.
#[cfg(unix)]
fn remove_tree(dir: &Path) -> std::io::Result<()> {
    use rayon::prelude::*;
    let Ok(fd) = open_folder(rustix::fs::CWD, dir) else {
        // A link, a file, or gone: as std treats them.
        return std::fs::remove_dir_all(dir);
    };
    folder_entries(&fd)?
        .par_iter()
        .try_for_each(|(name, may_be_folder)| remove_entry(&fd, name, *may_be_folder))?;
    drop(fd);
    // `rmdir` refuses a link: nothing outside is touched here either.
    std::fs::remove_dir(dir)
}

#[cfg(not(unix))]
fn remove_tree(dir: &Path) -> std::io::Result<()> {
    std::fs::remove_dir_all(dir)
}

/// Removes `name` in the open folder `parent`, a folder with everything in
/// it. An entry already gone is not an error (as in std).
#[cfg(unix)]
fn remove_entry(
    parent: &rustix::fd::OwnedFd,
    name: &std::ffi::CStr,
    may_be_folder: bool,
) -> std::io::Result<()> {
    use rustix::fs::{AtFlags, unlinkat};
    let gone = |e: rustix::io::Errno| {
        if e == rustix::io::Errno::NOENT {
            Ok(())
        } else {
            Err(std::io::Error::from(e))
        }
    };
    if may_be_folder {
        match open_folder(parent, name) {
            Ok(fd) => {
                for (child, child_may_be_folder) in folder_entries(&fd)? {
                    remove_entry(&fd, &child, child_may_be_folder)?;
                }
                return unlinkat(parent, name, AtFlags::REMOVEDIR).or_else(gone);
            }
            // Not a folder after all (a file system that does not say, or
            // a link put in its place since): removed as std does, as an
            // entry, never followed.
            Err(rustix::io::Errno::NOTDIR | rustix::io::Errno::LOOP) => {}
            Err(e) => return gone(e),
        }
    }
    unlinkat(parent, name, AtFlags::empty()).or_else(gone)
}

/// `path` opened as a folder, refused if it is a link or not a folder.
#[cfg(unix)]
fn open_folder<Fd: rustix::fd::AsFd, P: rustix::path::Arg>(
    at: Fd,
    path: P,
) -> rustix::io::Result<rustix::fd::OwnedFd> {
    use rustix::fs::{Mode, OFlags};
    rustix::fs::openat(
        at,
        path,
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
        Mode::empty(),
    )
}

/// The entries of the open folder `fd` (not `.` and `..`), each with
/// whether it may be a folder: it is one, or the file system does not say
/// (a link to a folder is not one).
#[cfg(unix)]
fn folder_entries(fd: &rustix::fd::OwnedFd) -> std::io::Result<Vec<(std::ffi::CString, bool)>> {
    use rustix::fs::FileType;
    let mut entries = Vec::new();
    for entry in rustix::fs::Dir::read_from(fd)? {
        let entry = entry?;
        let name = entry.file_name();
        if name == c"." || name == c".." {
            continue;
        }
        let may_be_folder = matches!(entry.file_type(), FileType::Directory | FileType::Unknown);
        entries.push((name.to_owned(), may_be_folder));
    }
    Ok(entries)
}

/// The entries of a folder that seloste processes now gone left there,
/// read once. A bundle publishes hundreds of customers into one folder;
/// reading the whole folder again for each of them made publishing
/// quadratic in customers (issue: fleet performance).
#[derive(Debug, Default, Clone)]
pub struct Leftovers {
    /// File name, path, and whether it is a folder (links are never listed).
    entries: Vec<(String, PathBuf, bool)>,
}

impl Leftovers {
    /// What `dir` holds now that may be a seloste temporary name (which
    /// prefix, and whether its process is gone, is asked by [`Self::under`]).
    pub fn scan(dir: &Path) -> Leftovers {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Leftovers::default();
        };
        let entries = entries
            .filter_map(Result::ok)
            .filter_map(|e| {
                let name = e.file_name().into_string().ok()?;
                // Only names of the shape `<prefix><pid>-<random>` are kept:
                // a bundle folder's hundreds of customers are not.
                if !has_leftover_shape(&name) {
                    return None;
                }
                let ft = e.file_type().ok()?;
                (ft.is_dir() || ft.is_file()).then(|| (name, e.path(), ft.is_dir()))
            })
            .collect();
        Leftovers { entries }
    }

    /// `known` if the caller read `dir` already, else `dir` read now.
    pub fn known_or_scan<'a>(known: Option<&'a Leftovers>, dir: &Path) -> Cow<'a, Leftovers> {
        match known {
            Some(leftovers) => Cow::Borrowed(leftovers),
            None => Cow::Owned(Leftovers::scan(dir)),
        }
    }

    /// Those named `<prefix><pid>-<random>` whose process is gone, with
    /// whether each is a folder. This process's own are never listed.
    pub fn under(&self, prefix: &str) -> Vec<(PathBuf, bool)> {
        self.entries
            .iter()
            .filter(|(name, _, _)| leftover_pid(name, prefix).is_some_and(process_is_gone))
            .map(|(_, path, is_dir)| (path.clone(), *is_dir))
            .collect()
    }

    /// Removes those under any of `prefixes`: folders when `dirs` (each its
    /// `marker` file first), else files. Best effort: a leftover that
    /// cannot be removed now is tried again by the next run.
    pub fn remove(&self, prefixes: &[&str], dirs: bool, marker: Option<&str>) {
        for prefix in prefixes {
            for (path, is_dir) in self.under(prefix) {
                match (dirs, is_dir) {
                    (true, true) => {
                        let _ = remove_marked_dir(&path, marker);
                    }
                    (false, false) => {
                        let _ = std::fs::remove_file(&path);
                    }
                    _ => {}
                }
            }
        }
    }
}

/// Removes what dead seloste processes left in `dir` under any of
/// `prefixes` (see [`Leftovers::remove`]).
pub fn remove_leftovers(dir: &Path, prefixes: &[&str], dirs: bool, marker: Option<&str>) {
    Leftovers::scan(dir).remove(prefixes, dirs, marker);
}

/// Whether `name` ends as seloste's temporary names do: digits (a process
/// id), `-`, then 1 to 16 letters and digits, whatever the prefix.
pub(crate) fn has_leftover_shape(name: &str) -> bool {
    // The prefix is what comes before the process id: every prefix seloste
    // uses ends in `-`, never in a digit.
    let Some((head, _)) = name.rsplit_once('-') else {
        return false;
    };
    let prefix = head.trim_end_matches(|c: char| c.is_ascii_digit());
    leftover_pid(name, prefix).is_some()
}

/// The process id in `name` when it is `<prefix><pid>-<random>` as seloste
/// names its temporary files (`random`: 1 to 16 letters and digits).
pub(crate) fn leftover_pid(name: &str, prefix: &str) -> Option<u32> {
    let (pid, random) = name.strip_prefix(prefix)?.split_once('-')?;
    let valid = !pid.is_empty()
        && pid.len() <= 10
        && pid.bytes().all(|b| b.is_ascii_digit())
        && (1..=16).contains(&random.len())
        && random.bytes().all(|b| b.is_ascii_alphanumeric());
    valid.then(|| pid.parse().ok()).flatten()
}

/// Whether no process has the id `pid` (this process is never gone).
/// Where that cannot be known, false: nothing is removed.
fn process_is_gone(pid: u32) -> bool {
    if pid == std::process::id() {
        return false;
    }
    #[cfg(unix)]
    {
        let Some(pid) = i32::try_from(pid)
            .ok()
            .and_then(rustix::process::Pid::from_raw)
        else {
            return false;
        };
        // EPERM: the process exists but belongs to someone else.
        matches!(
            rustix::process::test_kill_process(pid),
            Err(rustix::io::Errno::SRCH)
        )
    }
    #[cfg(not(unix))]
    {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole tree goes, and a link inside it, or the folder given
    /// being itself a link, never takes what the link points to.
    #[cfg(unix)]
    #[test]
    fn removing_a_folder_removes_links_never_their_targets() -> std::io::Result<()> {
        let root = tempfile::tempdir()?;
        let keep = root.path().join("keep");
        std::fs::create_dir(&keep)?;
        std::fs::write(keep.join("precious.txt"), "x")?;

        let out = root.path().join("out");
        std::fs::create_dir_all(out.join("fi/deep"))?;
        std::fs::write(out.join("fi/deep/a.html"), "a")?;
        std::fs::write(out.join("index.html"), "i")?;
        std::fs::write(out.join(".marker"), "m")?;
        std::os::unix::fs::symlink(&keep, out.join("link"))?;
        // Deeper links, to a folder and to a file, are removed too and
        // their targets stay.
        std::os::unix::fs::symlink(&keep, out.join("fi/deep/link"))?;
        std::os::unix::fs::symlink(keep.join("precious.txt"), out.join("fi/file-link"))?;
        for i in 0..50 {
            std::fs::create_dir_all(out.join(format!("sv/{i}/x")))?;
            std::fs::write(out.join(format!("sv/{i}/x/p.html")), "p")?;
        }
        remove_marked_dir(&out, Some(".marker"))?;
        assert!(!out.exists());
        assert!(keep.join("precious.txt").exists());

        let link = root.path().join("link-to-keep");
        std::os::unix::fs::symlink(&keep, &link)?;
        let _ = remove_marked_dir(&link, None);
        assert!(keep.join("precious.txt").exists());
        Ok(())
    }

    /// An entry taken for a folder (a file system that gives no types, or
    /// a link put in a folder's place after the listing) is removed as an
    /// entry when it is not one: a link is never followed.
    #[cfg(unix)]
    #[test]
    fn an_entry_taken_for_a_folder_that_is_not_one_is_removed_not_followed() -> std::io::Result<()>
    {
        let root = tempfile::tempdir()?;
        let keep = root.path().join("keep");
        std::fs::create_dir(&keep)?;
        std::fs::write(keep.join("precious.txt"), "x")?;
        let out = root.path().join("out");
        std::fs::create_dir(&out)?;
        std::fs::write(out.join("file"), "f")?;
        std::os::unix::fs::symlink(&keep, out.join("link"))?;

        let fd = open_folder(rustix::fs::CWD, &out)?;
        remove_entry(&fd, c"file", true)?;
        remove_entry(&fd, c"link", true)?;
        remove_entry(&fd, c"already-gone", true)?;
        assert_eq!(std::fs::read_dir(&out)?.count(), 0);
        assert!(keep.join("precious.txt").exists());
        Ok(())
    }
}
