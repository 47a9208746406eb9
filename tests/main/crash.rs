//! Crash safety: the real binary killed (SIGKILL) at pseudo-random moments
//! of a large `build` and a large `bundle`.
//!
//! Each test publishes once, then alternates between two versions of its
//! input so that every run replaces the published output with a different
//! one, and kills runs at deterministic pseudo-random moments (a seeded
//! LCG): a few at once, some spread over the measured duration of a whole
//! run, some counted from the moment the run starts writing its staged
//! output (the short window that matters, hard to hit by the clock alone),
//! and a few after the run would have ended. After every kill the published
//! output must be exactly what it was before that run or exactly the whole
//! new output, and nothing but seloste's own staging may have appeared
//! beside it. A last run to completion must succeed, publish the new output
//! and leave no temporary files behind.
//!
//! `--nocapture` shows a summary line per command: the kill points tried
//! and where they landed.

#[allow(dead_code)]
#[path = "../../benches/corpus.rs"]
mod corpus;

#[allow(dead_code)]
#[path = "../../benches/fleet_corpus.rs"]
mod fleet_corpus;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{self, root, tree};

/// Notices in the `build` test: the six bundled ones copied under new ids.
const NOTICES: usize = 54;
/// Customers in the `bundle` test, each using every service.
const CUSTOMERS: usize = 16;
/// Services of the `bundle` test's vendor.
const SERVICES: usize = 2;
const SEED: u64 = 0x5e10_57e0_c4a5_4001;

type Tree = BTreeMap<String, Vec<u8>>;

// ---------------------------------------------------------------------------
// Kill points

/// A 64-bit linear congruential generator (Knuth's MMIX constants).
struct Lcg(u64);

impl Lcg {
    /// A number in [0, 1).
    fn unit(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// When a run is killed, as a share of what a run takes (see [`Timing`]),
/// so that the points follow the machine when it gets busier or quieter.
#[derive(Clone, Copy, Debug)]
enum KillPoint {
    /// Milliseconds after the start: before the program has done anything.
    Early(f64),
    /// This share of a whole run after the start.
    Spread(f64),
    /// This share of the writing (from the first staged folder to the end)
    /// after the first staged folder appeared.
    Staged(f64),
}

/// What a run takes, measured on the first run and updated from every
/// killed one that got as far as staging or ended on its own.
#[derive(Clone, Copy, Debug)]
struct Timing {
    /// From start to the first staged folder.
    staging: Duration,
    /// From start to exit.
    total: Duration,
}

impl Timing {
    fn writing(&self) -> Duration {
        self.total.saturating_sub(self.staging)
    }

    fn learn(&mut self, run: &Killed) {
        let writing = self.writing();
        if let Some(s) = run.staging {
            self.staging = s;
        } else if run.elapsed > self.staging && run.exited.is_none() {
            self.staging = run.elapsed;
        }
        self.total = match run.exited {
            Some(e) => e.max(self.staging),
            None => self.total.max(self.staging + writing),
        };
    }
}

/// `early` points within the first milliseconds, `spread` over the whole
/// run, `staged` over the writing (from the first staged folder to the
/// run's end), `late` after the run would have ended.
fn kill_points(
    rng: &mut Lcg,
    early: usize,
    spread: usize,
    staged: usize,
    late: usize,
) -> Vec<KillPoint> {
    let mut points = Vec::new();
    points.extend((0..early).map(|i| KillPoint::Early(i as f64 * 2.0 + rng.unit() * 2.0)));
    points.extend((0..spread).map(|_| KillPoint::Spread(rng.unit())));
    points.extend((0..staged).map(|_| KillPoint::Staged(rng.unit())));
    points.extend((0..late).map(|_| KillPoint::Spread(1.3 + rng.unit() * 0.5)));
    // Mixed, so that a change of pace on the machine hits every kind.
    for i in (1..points.len()).rev() {
        let j = (rng.unit() * (i + 1) as f64) as usize;
        points.swap(i, j.min(i));
    }
    points
}

/// How a killed run went.
struct Killed {
    pid: u32,
    /// When its first staged folder was seen.
    staging: Option<Duration>,
    /// When it exited on its own, before the kill.
    exited: Option<Duration>,
    /// When it was killed or exited.
    elapsed: Duration,
}

/// Whether `dir` holds a staged folder or file of process `pid` (any name:
/// `.<name>.new-<pid>-*`).
fn staging_of(dir: &Path, pid: u32) -> bool {
    let infix = format!(".new-{pid}-");
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.filter_map(Result::ok).any(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with('.') && name.contains(&infix)
        })
    })
}

fn spawn(dir: &Path, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_seloste"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary starts")
}

/// Runs `args` in `dir` and kills it (SIGKILL) at `point` (never, with
/// `None`: then the run must succeed). Staged folders are watched for in
/// `staging_dir`.
fn run_and_kill(
    dir: &Path,
    args: &[&str],
    staging_dir: &Path,
    point: Option<KillPoint>,
    t: &Timing,
) -> Killed {
    let start = Instant::now();
    let mut child = spawn(dir, args);
    let pid = child.id();
    let mut staging = None;
    // The folder is listed on every turn only where the moment it appears
    // decides the kill; elsewhere it is only learnt from, and a turn in ten
    // is enough.
    let watch_closely = matches!(point, None | Some(KillPoint::Staged(_)));
    for turn in 0u64.. {
        let elapsed = start.elapsed();
        if let Some(status) = child.try_wait().expect("wait") {
            if point.is_none() {
                assert!(status.success(), "`seloste {}`: {status}", args.join(" "));
            }
            return Killed {
                pid,
                staging,
                exited: Some(elapsed),
                elapsed,
            };
        }
        if staging.is_none() && (watch_closely || turn % 10 == 0) && staging_of(staging_dir, pid) {
            staging = Some(elapsed);
        }
        let due = match point {
            None => false,
            Some(KillPoint::Early(ms)) => elapsed.as_secs_f64() * 1000.0 >= ms,
            Some(KillPoint::Spread(share)) => elapsed >= t.total.mul_f64(share),
            Some(KillPoint::Staged(share)) => {
                staging.is_some_and(|s| elapsed >= s + t.writing().mul_f64(share))
            }
        };
        assert!(
            elapsed < Duration::from_secs(300),
            "`seloste {}` hung",
            args.join(" ")
        );
        if due {
            // `Child::kill` is SIGKILL on Unix.
            let _ = child.kill();
            child.wait().expect("wait after kill");
            return Killed {
                pid,
                staging,
                exited: None,
                elapsed,
            };
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    unreachable!("the loop returns")
}

/// Runs `args` to the end, watching for its first staged folder; the run
/// must succeed.
fn run_timed(dir: &Path, args: &[&str], staging_dir: &Path) -> Timing {
    let unknown = Timing {
        staging: Duration::ZERO,
        total: Duration::ZERO,
    };
    let run = run_and_kill(dir, args, staging_dir, None, &unknown);
    let total = run.exited.expect("ran to the end");
    Timing {
        staging: run.staging.unwrap_or(total),
        total,
    }
}

/// Runs `args` to the end; it must succeed.
fn run_ok(dir: &Path, args: &[&str]) {
    let o = common::seloste(dir, args);
    assert!(
        o.status.success(),
        "`seloste {}`: {}",
        args.join(" "),
        common::output(&o)
    );
}

/// The entries of `dir` not in `expected`; each must be a temporary
/// folder or file of one of the killed runs `pids` (`.<name>.new-<pid>-*`
/// or `.<name>.old-<pid>-*`). Returns them.
fn leftovers(dir: &Path, expected: &BTreeSet<String>, pids: &BTreeSet<u32>) -> Vec<String> {
    let mut found = Vec::new();
    for e in std::fs::read_dir(dir).expect("read_dir") {
        let name = e.expect("entry").file_name().to_string_lossy().into_owned();
        if expected.contains(&name) {
            continue;
        }
        let pid = [".new-", ".old-"].iter().find_map(|kind| {
            let (_, rest) = name.split_once(kind)?;
            rest.split_once('-')?.0.parse::<u32>().ok()
        });
        assert!(
            name.starts_with('.') && pid.is_some_and(|p| pids.contains(&p)),
            "`{}` appeared beside the output and is not the staging of a killed run",
            dir.join(&name).display()
        );
        found.push(name);
    }
    found
}

/// Where the kills landed, for the summary line.
#[derive(Default)]
struct Landed {
    tried: usize,
    /// Nothing replaced, nothing staged yet.
    before: usize,
    /// Killed while writing, swapping or deleting: staging left behind, or
    /// (bundles) some customers replaced and others not.
    during: usize,
    /// Everything replaced and cleaned up.
    after: usize,
    /// Of those after: the run had ended on its own.
    finished: usize,
}

impl Landed {
    fn summary(&self, what: &str, elapsed: Duration) -> String {
        format!(
            "crash {what}: {} kill points tried: {} before the swap, {} during it (staged, swapping or deleting), {} after it ({} of them after the run had ended); {:.1} s",
            self.tried,
            self.before,
            self.during,
            self.after,
            self.finished,
            elapsed.as_secs_f64()
        )
    }
}

/// Why two trees differ, briefly.
fn difference(now: &Tree, a: &Tree, b: &Tree) -> String {
    let describe = |other: &Tree| {
        let missing = other.keys().filter(|k| !now.contains_key(*k)).count();
        let extra: Vec<&String> = now.keys().filter(|k| !other.contains_key(*k)).collect();
        let changed: Vec<&String> = now
            .iter()
            .filter(|(k, v)| other.get(*k).is_some_and(|o| o != *v))
            .map(|(k, _)| k)
            .collect();
        format!(
            "{missing} missing, {} extra (e.g. {:?}), {} different (e.g. {:?})",
            extra.len(),
            extra.first(),
            changed.len(),
            changed.first()
        )
    };
    format!(
        "against the old output: {}; against the new one: {}",
        describe(a),
        describe(b)
    )
}

// ---------------------------------------------------------------------------
// build

/// `version = "X"` becomes `version = "X.1"` in the first such line: a
/// second version of a notice or service whose every document differs.
fn bump_version(text: &str) -> String {
    let mut done = false;
    let mut out: String = text
        .lines()
        .map(|l| {
            if !done && let Some(v) = l.strip_prefix("version = \"") {
                done = true;
                format!("version = \"{}.1\"\n", v.trim_end_matches('"'))
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    assert!(done, "no version line in\n{}", &text[..text.len().min(500)]);
    if !text.ends_with('\n') {
        out.pop();
    }
    out
}

/// Copies the `.toml` files of `from` into `to`, each through `edit`.
fn copy_edited(from: &Path, to: &Path, edit: impl Fn(&str, &str) -> String) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read_dir") {
        let path = e.expect("entry").path();
        if path.extension().is_some_and(|x| x == "toml") {
            let name = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&path).expect("read");
            std::fs::write(to.join(&name), edit(&name, &text)).expect("write");
        }
    }
}

/// Guards the publish of `build` (`output::StagedSite::publish`): the
/// output folder is swapped in one step, so a run killed at any moment
/// leaves the previous site whole or the new one whole, never no site, a
/// mix or a half-written one; staging of killed runs is removed later.
#[test]
fn killed_builds_leave_the_previous_site_or_the_new_one() {
    let started = Instant::now();
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    let generated = dir.join("generated");
    corpus::generate(&root().join("notices"), &generated, NOTICES).expect("corpus");
    copy_edited(&generated, &dir.join("notices-a"), |_, t| t.to_string());
    copy_edited(&generated, &dir.join("notices-b"), |_, t| bump_version(t));
    std::fs::remove_dir_all(&generated).expect("rm");
    let args = |v: usize| ["build", ["notices-a", "notices-b"][v], "--out", "site"];
    let site = dir.join("site");

    run_ok(dir, &args(0));
    let a = tree(&site);
    // The measured run publishes the second version over the first.
    let first = run_timed(dir, &args(1), dir);
    let mut timing = first;
    let b = tree(&site);
    let versions = [a, b];
    let differ = versions[0]
        .iter()
        .filter(|(k, v)| versions[1].get(*k).is_some_and(|o| o != *v))
        .count();
    // Each notice in 3 languages and 3 formats, 3 indexes, the root page
    // and the marker; every notice's page differs between the versions,
    // the indexes do not.
    assert_eq!(
        (versions[0].len(), differ),
        (NOTICES * 3 * 3 + 3 + 1 + 1, NOTICES * 3 * 3),
        "files, and those that differ between the versions"
    );

    let expected: BTreeSet<String> = ["notices-a", "notices-b", "site"].map(String::from).into();
    let mut rng = Lcg(SEED);
    let points = kill_points(&mut rng, 2, 8, 11, 1);
    let mut landed = Landed::default();
    let mut pids = BTreeSet::new();
    let mut published = 1;
    for (i, point) in points.iter().enumerate() {
        let next = 1 - published;
        let killed = run_and_kill(dir, &args(next), dir, Some(*point), &timing);
        timing.learn(&killed);
        pids.insert(killed.pid);
        let now = tree(&site);
        let state = versions.iter().position(|v| *v == now).unwrap_or_else(|| {
            panic!(
                "kill point {i} ({point:?}): the site is neither the old output nor the new one: {}",
                difference(&now, &versions[published], &versions[next])
            )
        });
        let left = leftovers(dir, &expected, &pids);
        let ours = left
            .iter()
            .any(|n| n.contains(&format!("-{}-", killed.pid)));
        landed.tried += 1;
        if ours {
            landed.during += 1;
        } else if state == published {
            landed.before += 1;
        } else {
            landed.after += 1;
            landed.finished += usize::from(killed.exited.is_some());
        }
        published = state;
    }

    // A run to the end succeeds, publishes the new version and removes what
    // the killed runs left.
    let last = 1 - published;
    run_ok(dir, &args(last));
    assert!(tree(&site) == versions[last], "the rerun's output");
    assert_eq!(leftovers(dir, &expected, &pids), Vec::<String>::new());
    let summary = landed.summary("build", started.elapsed());
    println!(
        "{summary} ({NOTICES} notices, {} files; a full run took {:.2} s, staging began at {:.2} s)",
        versions[0].len(),
        first.total.as_secs_f64(),
        first.staging.as_secs_f64()
    );
    // Not a property of seloste but of this test: it must have hit the
    // short window it is about.
    assert!(
        landed.during > 0,
        "no kill landed while publishing: {summary}"
    );
}

// ---------------------------------------------------------------------------
// bundle

/// One customer's published state: its folder's files and its zip.
#[derive(PartialEq)]
struct Customer {
    folder: Tree,
    zip: Option<Vec<u8>>,
}

/// Every customer in the bundle output `out`.
fn customers(out: &Path, ids: &[String]) -> BTreeMap<String, Customer> {
    let all = tree(out);
    ids.iter()
        .map(|id| {
            let prefix = format!("{id}/");
            let folder = all
                .iter()
                .filter_map(|(k, v)| Some((k.strip_prefix(&prefix)?.to_string(), v.clone())))
                .collect();
            let zip = all.get(&format!("{id}.zip")).cloned();
            (id.clone(), Customer { folder, zip })
        })
        .collect()
}

/// A customer's folder matches its `manifest.json` (every file with its
/// size and digest, nothing else but the marker), and its zip opens and
/// holds the same files under `<id>/`.
fn assert_consistent(id: &str, c: &Customer) {
    let manifest: serde_json::Value =
        serde_json::from_slice(c.folder.get("manifest.json").expect("manifest.json"))
            .expect("manifest JSON");
    let mut listed = BTreeSet::from(["manifest.json".to_string(), ".seloste-output".to_string()]);
    for f in manifest["files"].as_array().expect("files") {
        let path = f["path"].as_str().expect("path");
        let bytes = c
            .folder
            .get(path)
            .unwrap_or_else(|| panic!("{id}/{path} is in the manifest but not in the folder"));
        assert_eq!(f["bytes"].as_u64(), Some(bytes.len() as u64), "{id}/{path}");
        assert_eq!(
            f["sha256"].as_str(),
            Some(seloste::bundle::sha256_hex(bytes).as_str()),
            "{id}/{path}"
        );
        listed.insert(path.to_string());
    }
    let present: BTreeSet<String> = c.folder.keys().cloned().collect();
    assert_eq!(
        present, listed,
        "{id}: the folder holds exactly its manifest"
    );
    let zip = c.zip.as_ref().expect("a zip");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("the zip opens");
    let mut in_zip = BTreeSet::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).expect("zip entry");
        let name = f.name().expect("entry name").to_string();
        let rel = name
            .strip_prefix(&format!("{id}/"))
            .unwrap_or_else(|| panic!("{id}.zip: {name} is not under {id}/"))
            .to_string();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).expect("unzip");
        assert!(
            c.folder.get(&rel) == Some(&bytes),
            "{id}.zip: {rel} differs from the folder"
        );
        in_zip.insert(rel);
    }
    listed.remove(".seloste-output");
    assert_eq!(in_zip, listed, "{id}.zip holds the folder's files");
}

/// Guards the publish of `bundle` (`bundle::write_customer`): killed at
/// any moment, every customer's folder is its previous bundle or its new
/// one, whole, and so is its zip; a rerun finishes the job and removes the
/// staging the killed runs left.
#[test]
fn killed_bundles_leave_each_customer_whole() {
    let started = Instant::now();
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    fleet_corpus::generate(dir, CUSTOMERS, SERVICES).expect("fleet");
    std::fs::rename(dir.join("services"), dir.join("services-a")).expect("mv");
    copy_edited(
        &dir.join("services-a"),
        &dir.join("services-b"),
        |name, t| {
            if name.starts_with("service-") {
                bump_version(t)
            } else {
                t.to_string()
            }
        },
    );
    let args = |v: usize| {
        [
            "bundle",
            ["services-a", "services-b"][v],
            "--customers",
            "customers",
            "--out",
            "out",
        ]
    };
    let out = dir.join("out");
    let ids: Vec<String> = (1..=CUSTOMERS)
        .map(|i| format!("customer-{i:04}"))
        .collect();

    run_ok(dir, &args(0));
    let a = customers(&out, &ids);
    let first = run_timed(dir, &args(1), &out);
    let mut timing = first;
    let b = customers(&out, &ids);
    for (id, c) in a.iter().chain(&b) {
        assert_consistent(id, c);
    }
    for id in &ids {
        assert!(
            a[id].folder != b[id].folder && a[id].zip != b[id].zip,
            "{id}: the two versions differ"
        );
    }
    let versions = [a, b];

    // Each customer's folder and zip, and the marker of a bundles folder.
    let expected: BTreeSet<String> = ids
        .iter()
        .flat_map(|id| [id.clone(), format!("{id}.zip")])
        .chain([".seloste-bundles".to_string()])
        .collect();
    let mut rng = Lcg(SEED ^ 0xb);
    let points = kill_points(&mut rng, 2, 17, 2, 1);
    let mut landed = Landed::default();
    let mut mixed = 0;
    let mut pids = BTreeSet::new();
    // Each customer's version, folder and zip.
    let mut published: BTreeMap<String, (usize, usize)> =
        ids.iter().map(|id| (id.clone(), (1, 1))).collect();
    for (i, point) in points.iter().enumerate() {
        // The version fewer customers have, so that most change.
        let at_b = published.values().filter(|(f, _)| *f == 1).count();
        let next = usize::from(at_b * 2 < ids.len());
        let killed = run_and_kill(dir, &args(next), &out, Some(*point), &timing);
        timing.learn(&killed);
        pids.insert(killed.pid);
        let now = customers(&out, &ids);
        let mut changed = 0;
        for id in &ids {
            let c = &now[id];
            let before = published[id];
            let folder = versions
                .iter()
                .position(|v| v[id].folder == c.folder)
                .unwrap_or_else(|| {
                    panic!(
                        "kill point {i} ({point:?}): {id}/ is neither its old bundle nor its new one: {}",
                        difference(&c.folder, &versions[before.0][id].folder, &versions[next][id].folder)
                    )
                });
            let zip = versions
                .iter()
                .position(|v| v[id].zip == c.zip)
                .unwrap_or_else(|| {
                    panic!(
                        "kill point {i} ({point:?}): {id}.zip is neither its old zip nor its new one"
                    )
                });
            for (what, was, is) in [("folder", before.0, folder), ("zip", before.1, zip)] {
                assert!(
                    is == was || is == next,
                    "kill point {i} ({point:?}): {id}'s {what} went back to the other version"
                );
            }
            mixed += usize::from(folder != zip);
            changed += usize::from((folder, zip) != before);
            published.insert(id.clone(), (folder, zip));
        }
        let left = leftovers(&out, &expected, &pids);
        let ours = left
            .iter()
            .any(|n| n.contains(&format!("-{}-", killed.pid)));
        let done = published.values().all(|v| *v == (next, next));
        landed.tried += 1;
        if ours || (changed > 0 && !done) {
            landed.during += 1;
        } else if changed == 0 && !done {
            landed.before += 1;
        } else {
            landed.after += 1;
            landed.finished += usize::from(killed.exited.is_some());
        }
    }

    // A run to the end succeeds, publishes one version for everyone and
    // removes what the killed runs left.
    let at_b = published.values().filter(|(f, _)| *f == 1).count();
    let last = usize::from(at_b * 2 < ids.len());
    run_ok(dir, &args(last));
    let now = customers(&out, &ids);
    for id in &ids {
        assert!(now[id] == versions[last][id], "{id} after the rerun");
    }
    assert_eq!(leftovers(&out, &expected, &pids), Vec::<String>::new());
    let summary = landed.summary("bundle", started.elapsed());
    println!(
        "{summary}; {mixed} times a customer's folder and zip were of different versions ({CUSTOMERS} customers x {SERVICES} services, {} files each; a full run took {:.2} s, writing began at {:.2} s)",
        versions[0][&ids[0]].folder.len(),
        first.total.as_secs_f64(),
        first.staging.as_secs_f64()
    );
    assert!(
        landed.during > 0,
        "no kill landed while publishing: {summary}"
    );
}
