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
    // Not in parallel: `remove_dir_all` holds the folder open as it
    // deletes, so a folder swapped for a link meanwhile cannot lead it
    // outside; deleting by path from several threads could.
    std::fs::remove_dir_all(dir)
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
        remove_marked_dir(&out, Some(".marker"))?;
        assert!(!out.exists());
        assert!(keep.join("precious.txt").exists());

        let link = root.path().join("link-to-keep");
        std::os::unix::fs::symlink(&keep, &link)?;
        let _ = remove_marked_dir(&link, None);
        assert!(keep.join("precious.txt").exists());
        Ok(())
    }
}
