//! `seloste build --watch`, for local preview: build, then rebuild whenever
//! a notice, `seloste.toml` or a template changes, until Ctrl-C.
//!
//! `seloste serve` runs the same loop ([`watch`]) around its own build.
//! Each rebuild is an ordinary build
//! ([`super::build::run`]): its diagnostics are printed as usual and a
//! failed build keeps the previous output.
//!
//! What is watched: each notice folder (recursively, `*.toml`), each notice
//! file, the configuration file and the template folder (its files), and
//! nothing else. Files are watched through their folder, so that editors
//! that save by renaming a new file over the old one are seen. Changes in
//! the output folder, and in the staging folders `output` writes beside it,
//! are ignored, even when the output lives inside a watched folder.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use anyhow::Context;
use notify::{Event, EventKind, RecursiveMode, Watcher};

use super::build::BuildArgs;

/// How long the sources must stay quiet before a rebuild: editors and
/// `git checkout` write in several steps.
const DEBOUNCE: Duration = Duration::from_millis(200);

/// Builds, then rebuilds on every change until the process is interrupted.
pub fn run(args: &BuildArgs, config_path: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    watch(args, &config_path, || build(args, &config_path))
}

/// Runs `build` once, then again after every change of the sources of
/// `args` until the watcher fails (an interrupt ends the process).
pub(crate) fn watch(
    args: &BuildArgs,
    config_path: &Option<PathBuf>,
    mut build: impl FnMut(),
) -> anyhow::Result<ExitCode> {
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(tx).context("cannot start the file watcher")?;
    let cwd = std::env::current_dir()
        .and_then(std::fs::canonicalize)
        .unwrap_or_default();
    // Watch before the first build, so that a change made while it runs is
    // not lost.
    let mut plan = Plan::new(args, config_path.as_deref());
    let mut watched = BTreeMap::new();
    update_watches(&mut watcher, &mut watched, &plan, &[]);
    build();
    writeln!(anstream::stderr(), "watching for changes (Ctrl-C to stop)")?;
    loop {
        let changed = next_changes(&rx, &plan)?;
        {
            let mut err = anstream::stderr().lock();
            for path in &changed {
                match path {
                    Some(p) => writeln!(err, "change detected: {}", shown(p, &cwd).display())?,
                    None => writeln!(
                        err,
                        "change detected: some file system events were lost; rebuilding"
                    )?,
                }
            }
        }
        build();
        // The configuration may name other folders now, and a watched
        // folder may have been removed or replaced: watch again.
        plan = Plan::new(args, config_path.as_deref());
        let touched: Vec<PathBuf> = changed.into_iter().flatten().collect();
        update_watches(&mut watcher, &mut watched, &plan, &touched);
    }
}

/// One ordinary build; an error is reported like `main` does, and watching
/// goes on.
fn build(args: &BuildArgs, config_path: &Option<PathBuf>) {
    if let Err(e) = super::build::run(args, config_path.clone()) {
        let _ = writeln!(anstream::stderr(), "error: {e:#}");
    }
}

/// Waits for the next relevant change, then until the sources have been
/// quiet for [`DEBOUNCE`]. Returns the changed paths, in the order first
/// seen (`None`: events were lost, rebuild anyway).
fn next_changes(
    rx: &mpsc::Receiver<notify::Result<Event>>,
    plan: &Plan,
) -> anyhow::Result<Vec<Option<PathBuf>>> {
    let mut changed: Vec<Option<PathBuf>> = Vec::new();
    let mut quiet_from: Option<Instant> = None;
    loop {
        let received = match quiet_from {
            None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some(t) => rx.recv_timeout(DEBOUNCE.saturating_sub(t.elapsed())),
        };
        let event = match received {
            Ok(Ok(event)) => event,
            Ok(Err(e)) => {
                writeln!(anstream::stderr(), "warning: file watcher: {e}")?;
                continue;
            }
            Err(RecvTimeoutError::Timeout) => return Ok(changed),
            Err(RecvTimeoutError::Disconnected) => anyhow::bail!("the file watcher stopped"),
        };
        let mut relevant = false;
        if event.need_rescan() {
            relevant = true;
            if !changed.contains(&None) {
                changed.push(None);
            }
        }
        for p in &event.paths {
            if plan.relevant(&event.kind, p) {
                relevant = true;
                if !changed.iter().any(|c| c.as_deref() == Some(p.as_path())) {
                    changed.push(Some(p.clone()));
                }
            }
        }
        if relevant {
            quiet_from = Some(Instant::now());
        }
    }
}

/// What to watch and which changes matter, from the arguments and the
/// configuration as they are now. Every path is absolute, with symbolic
/// links resolved as the watcher reports them.
#[derive(Debug)]
struct Plan {
    /// The folders given to the watcher.
    watches: BTreeMap<PathBuf, RecursiveMode>,
    /// Notice files and folders.
    notices: Vec<PathBuf>,
    /// The notice files in those folders when the plan was made.
    known: Vec<PathBuf>,
    /// The configuration file (it may not exist).
    config: PathBuf,
    /// The template folder (it may not exist: `./templates` is used once
    /// it does).
    templates: PathBuf,
    /// The output folder, whose changes are ignored.
    out: PathBuf,
}

impl Plan {
    fn new(args: &BuildArgs, config_path: Option<&Path>) -> Plan {
        let config = crate::load::config::peek(config_path);
        let notices: Vec<PathBuf> = crate::project::notice_paths(&args.paths, &config)
            .iter()
            .map(|p| resolve(p))
            .collect();
        let config_file = resolve(config_path.unwrap_or(Path::new(crate::load::config::FILE_NAME)));
        let templates = resolve(
            &args
                .render
                .templates_dir(&config)
                .unwrap_or_else(|| PathBuf::from("templates")),
        );
        let out = resolve(&args.out_dir(&config));
        let mut watches = BTreeMap::new();
        for n in &notices {
            add_watch(&mut watches, n, RecursiveMode::Recursive);
        }
        add_watch(&mut watches, &config_file, RecursiveMode::NonRecursive);
        add_watch(&mut watches, &templates, RecursiveMode::NonRecursive);
        // A folder inside a recursively watched one is already watched (and
        // watching it again on its own could narrow the recursive watch).
        let recursive: Vec<PathBuf> = watches
            .iter()
            .filter(|(_, m)| **m == RecursiveMode::Recursive)
            .map(|(p, _)| p.clone())
            .collect();
        watches.retain(|p, _| !recursive.iter().any(|r| p != r && p.starts_with(r)));
        let known = notices
            .iter()
            .flat_map(|n| walkdir::WalkDir::new(n).into_iter().filter_map(Result::ok))
            .filter(|e| e.file_type().is_file() && e.path().extension() == Some("toml".as_ref()))
            .map(walkdir::DirEntry::into_path)
            .collect();
        Plan {
            watches,
            notices,
            known,
            config: config_file,
            templates,
            out,
        }
    }

    /// Whether a change of `p` can change the build.
    fn relevant(&self, kind: &EventKind, p: &Path) -> bool {
        // Reading a file (as every build does) is not a change.
        if matches!(kind, EventKind::Access(_)) || self.is_output(p) || is_editor_temp(p) {
            return false;
        }
        // An ancestor of a watched path: the path may appear or vanish.
        let notice = self.notices.iter().any(|n| {
            n.starts_with(p)
                || (p.starts_with(n)
                    && match p.extension() {
                        Some(ext) => ext == "toml",
                        // A folder added, or one that held notices removed
                        // or moved away (not an editor's temporary file).
                        None => p.is_dir() || self.known.iter().any(|k| k.starts_with(p)),
                    })
        });
        let templates = self.templates.starts_with(p) || p.parent() == Some(&self.templates);
        notice || self.config.starts_with(p) || templates
    }

    /// Whether `p` is in the output folder or in one of the staging
    /// folders `output::write_site` makes beside it.
    fn is_output(&self, p: &Path) -> bool {
        if p.starts_with(&self.out) {
            return true;
        }
        let (Some(parent), Some(name)) = (
            self.out.parent(),
            self.out.file_name().and_then(|n| n.to_str()),
        ) else {
            return false;
        };
        let first = p
            .strip_prefix(parent)
            .ok()
            .and_then(|rest| rest.components().next())
            .and_then(|c| c.as_os_str().to_str());
        first.is_some_and(|f| {
            f.starts_with(&format!(".{name}.new-")) || f.starts_with(&format!(".{name}.old-"))
        })
    }
}

/// Adds what to watch for `path`: the folder itself in `mode`, or, for a
/// file or a path that does not exist (yet), its nearest existing folder
/// above it, alone.
fn add_watch(watches: &mut BTreeMap<PathBuf, RecursiveMode>, path: &Path, mode: RecursiveMode) {
    let (dir, mode) = if path.is_dir() {
        (path, mode)
    } else {
        match path.ancestors().skip(1).find(|a| a.is_dir()) {
            Some(a) => (a, RecursiveMode::NonRecursive),
            None => return,
        }
    };
    let entry = watches.entry(dir.to_path_buf()).or_insert(mode);
    if mode == RecursiveMode::Recursive {
        *entry = mode;
    }
}

/// Makes the watcher watch exactly `plan.watches`; the folders in `touched`
/// are watched anew (they may have been removed and made again).
fn update_watches(
    watcher: &mut impl Watcher,
    watched: &mut BTreeMap<PathBuf, RecursiveMode>,
    plan: &Plan,
    touched: &[PathBuf],
) {
    let stale: Vec<PathBuf> = watched
        .iter()
        .filter(|(p, m)| plan.watches.get(*p) != Some(*m) || touched.contains(p))
        .map(|(p, _)| p.clone())
        .collect();
    for p in stale {
        // A folder that is gone is no longer watched anyway.
        let _ = watcher.unwatch(&p);
        watched.remove(&p);
    }
    for (p, &mode) in &plan.watches {
        if watched.contains_key(p) {
            continue;
        }
        match watcher.watch(p, mode) {
            Ok(()) => {
                watched.insert(p.clone(), mode);
            }
            Err(e) => {
                let _ = writeln!(
                    anstream::stderr(),
                    "warning: cannot watch {}: {e}",
                    p.display()
                );
            }
        }
    }
}

/// Files editors write beside the one being edited: backups, swap and
/// lock files.
fn is_editor_temp(p: &Path) -> bool {
    let Some(name) = p.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    name.ends_with('~')
        || name.starts_with(".#")
        || p.extension()
            .is_some_and(|e| e == "swp" || e == "swx" || e == "swo")
}

/// `path` made absolute, with its existing part's links resolved: the
/// paths the watcher reports start the same way.
fn resolve(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut absolute = normalize(&absolute);
    let mut tail = Vec::new();
    loop {
        if let Ok(real) = std::fs::canonicalize(&absolute) {
            return tail.into_iter().rev().fold(real, |acc, c| acc.join(c));
        }
        match (absolute.file_name(), absolute.parent()) {
            (Some(name), Some(parent)) => {
                tail.push(name.to_os_string());
                absolute = parent.to_path_buf();
            }
            _ => return normalize(&std::path::absolute(path).unwrap_or_default()),
        }
    }
}

/// Removes `.` and resolves `..` lexically.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `p` relative to the working folder when it is inside it.
fn shown<'a>(p: &'a Path, cwd: &Path) -> &'a Path {
    match p.strip_prefix(cwd) {
        Ok(rel) if !rel.as_os_str().is_empty() => rel,
        _ => p,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, CreateKind, DataChange, ModifyKind};

    fn plan(root: &Path) -> Plan {
        let mut watches = BTreeMap::new();
        add_watch(
            &mut watches,
            &root.join("notices"),
            RecursiveMode::Recursive,
        );
        Plan {
            watches,
            notices: vec![root.join("notices")],
            known: vec![root.join("notices/gone/c.toml")],
            config: root.join("seloste.toml"),
            templates: root.join("templates"),
            out: root.join("notices/site"),
        }
    }

    const WRITE: EventKind = EventKind::Modify(ModifyKind::Data(DataChange::Content));

    #[test]
    fn sources_are_relevant() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("notices/sub")).unwrap();
        let plan = plan(root);
        for p in [
            "notices/a.toml",
            "notices/sub/b.toml",
            "notices/sub",
            "notices/gone",
            "seloste.toml",
            "templates/notice.html",
            "templates",
        ] {
            assert!(plan.relevant(&WRITE, &root.join(p)), "{p}");
        }
        assert!(plan.relevant(
            &EventKind::Create(CreateKind::Folder),
            &root.join("notices")
        ));
    }

    #[test]
    fn output_reads_and_other_files_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let plan = plan(root);
        for p in [
            "notices/site/en/a.html",
            "notices/site",
            "notices/.site.new-abc/en/a.html",
            "notices/.site.old-abc",
            "notices/a.toml~",
            "notices/.a.toml.swp",
            "notices/readme.md",
            "notices/4913",
            "notices/sedzqbhU5",
            "other.toml",
            "templates/sub/x.html",
        ] {
            assert!(!plan.relevant(&WRITE, &root.join(p)), "{p}");
        }
        let read = EventKind::Access(AccessKind::Any);
        assert!(!plan.relevant(&read, &root.join("notices/a.toml")));
    }

    #[test]
    fn watches_folders_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("notices/sub")).unwrap();
        let mut watches = BTreeMap::new();
        add_watch(
            &mut watches,
            &root.join("seloste.toml"),
            RecursiveMode::NonRecursive,
        );
        add_watch(
            &mut watches,
            &root.join("notices/missing"),
            RecursiveMode::Recursive,
        );
        add_watch(
            &mut watches,
            &root.join("notices"),
            RecursiveMode::Recursive,
        );
        assert_eq!(watches.get(root), Some(&RecursiveMode::NonRecursive));
        assert_eq!(
            watches.get(&root.join("notices")),
            Some(&RecursiveMode::Recursive)
        );
        assert_eq!(watches.len(), 2);
    }

    #[test]
    fn resolves_paths_that_do_not_exist() {
        let dir = tempfile::tempdir().unwrap();
        let real = std::fs::canonicalize(dir.path()).unwrap();
        assert_eq!(resolve(&dir.path().join("a/../b/c")), real.join("b/c"));
    }
}
