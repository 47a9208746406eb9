//! Rust side of the real-tool tests (`tests/main/real_tools.rs`,
//! `tests/main/xss.rs`): finding Java, Node, Chromium and the npm packages of
//! `tests/browser`, and running the node scripts with a deadline. A module of
//! the test binary (`tests/main/main.rs`), beside `common`.
//!
//! A missing tool skips the test on a developer's machine and fails it when
//! `SELOSTE_REQUIRE_TOOLS=1` (set by `.ci/run`), like `common::external_tool`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{external_tool, root, tools_required};

/// `tests/browser`: the node scripts and their `package.json`.
pub fn browser_dir() -> PathBuf {
    root().join("tests/browser")
}

/// What `npm ci --prefix tests/browser` installs and the tests use.
const PACKAGES: [&str; 3] = [
    "vnu-jar/build/dist/vnu.jar",
    "axe-core/axe.min.js",
    "playwright-core/package.json",
];

/// A thing the tests need is missing: skip with a message, or fail when the
/// tools are required.
fn missing(what: &str, fix: &str) -> Option<PathBuf> {
    if tools_required() {
        panic!(
            "{what} is missing, and SELOSTE_REQUIRE_TOOLS=1 says the real-tool tests must run ({fix})"
        );
    }
    crate::common::skip(&format!(
        "{what} is missing ({fix}; set SELOSTE_REQUIRE_TOOLS=1 to make this a failure)"
    ));
    None
}

/// `tests/browser/node_modules` with every package in it, or `None` after
/// saying the test is skipped.
pub fn node_modules() -> Option<PathBuf> {
    let dir = browser_dir().join("node_modules");
    match PACKAGES.iter().find(|p| !dir.join(p).is_file()) {
        None => Some(dir),
        Some(p) => missing(
            &format!("tests/browser/node_modules/{p}"),
            "run `npm ci --prefix tests/browser`",
        ),
    }
}

/// The Nu Html Checker's jar.
pub fn vnu_jar() -> Option<PathBuf> {
    node_modules().map(|d| d.join(PACKAGES[0]))
}

/// Chromium: `$CHROMIUM` when set, else `chromium` on `PATH`.
pub fn chromium() -> Option<PathBuf> {
    match std::env::var_os("CHROMIUM") {
        Some(p) if Path::new(&p).is_file() => Some(PathBuf::from(p)),
        Some(p) => missing(
            &format!("CHROMIUM={}", Path::new(&p).display()),
            "point CHROMIUM at a Chromium binary or unset it",
        ),
        None => external_tool("chromium"),
    }
}

/// Node, Chromium and the npm packages: what the page checks need.
pub struct Browser {
    pub node: PathBuf,
    pub chromium: PathBuf,
}

pub fn browser() -> Option<Browser> {
    let node = external_tool("node")?;
    let chromium = chromium()?;
    node_modules()?;
    Some(Browser { node, chromium })
}

/// One page for a node script: the file, and the folders whose files it may
/// load (a bundle's logo). Anything else it asks for is recorded.
pub struct Job {
    pub file: PathBuf,
    pub allow: Vec<PathBuf>,
}

impl Job {
    fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "file": self.file,
            "allow": self.allow,
        })
    }
}

/// A finished child process.
pub struct Finished {
    pub what: String,
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Finished {
    pub fn show(&self) -> String {
        let tail = |s: &str| {
            let n = s.len().saturating_sub(6000);
            let n = (n..=s.len()).find(|&i| s.is_char_boundary(i)).unwrap_or(0);
            s[n..].to_string()
        };
        format!(
            "`{}`: exit {:?}\n--- stdout (end)\n{}\n--- stderr (end)\n{}",
            self.what,
            self.code,
            tail(&self.stdout),
            tail(&self.stderr)
        )
    }
}

/// Runs `cmd` with its output in files in `scratch` (no pipe to fill up),
/// and kills it when it outlives `deadline`: a hang is a failure.
pub fn run(mut cmd: Command, scratch: &Path, name: &str, deadline: Duration) -> Finished {
    let what = format!("{cmd:?}");
    let out_path = scratch.join(format!("{name}.stdout"));
    let err_path = scratch.join(format!("{name}.stderr"));
    let out = std::fs::File::create(&out_path).expect("stdout file");
    let err = std::fs::File::create(&err_path).expect("stderr file");
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {what}: {e}"));
    let end = Instant::now() + deadline;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break Some(status);
        }
        if Instant::now() >= end {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let finished = Finished {
        what,
        code: status.and_then(|s| s.code()),
        stdout: std::fs::read_to_string(&out_path).unwrap_or_default(),
        stderr: std::fs::read_to_string(&err_path).unwrap_or_default(),
    };
    assert!(
        status.is_some(),
        "killed after {deadline:?}\n{}",
        finished.show()
    );
    finished
}

impl Browser {
    /// Runs `tests/browser/<script>` on `jobs` and returns the JSON object it
    /// prints as its last line of output.
    pub fn run_script(&self, script: &str, jobs: &[Job], scratch: &Path) -> serde_json::Value {
        let list = scratch.join(format!("{script}.jobs.json"));
        let json: Vec<_> = jobs.iter().map(Job::json).collect();
        std::fs::write(&list, serde_json::to_vec(&json).expect("json")).expect("write jobs");
        let mut cmd = Command::new(&self.node);
        cmd.arg(browser_dir().join(script))
            .arg(&list)
            .current_dir(browser_dir())
            .env("CHROMIUM", &self.chromium);
        let done = run(cmd, scratch, script, Duration::from_secs(600));
        assert_eq!(done.code, Some(0), "the script failed\n{}", done.show());
        let last = done.stdout.lines().last().unwrap_or_default();
        serde_json::from_str(last)
            .unwrap_or_else(|e| panic!("its last line is not JSON ({e})\n{}", done.show()))
    }
}

/// Every `.html` file below `dir`, sorted.
pub fn html_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    files
}

/// Jobs for the pages of a site (`site`, which loads nothing) and of
/// bundles (`bundles/<customer>/...`, which may load files of their own
/// customer's folder: the logo).
pub fn jobs(site: Option<&Path>, bundles: Option<&Path>) -> Vec<Job> {
    let mut jobs = Vec::new();
    if let Some(site) = site {
        jobs.extend(html_files(site).into_iter().map(|file| Job {
            file,
            allow: Vec::new(),
        }));
    }
    if let Some(bundles) = bundles {
        for file in html_files(bundles) {
            let customer = file
                .strip_prefix(bundles)
                .expect("inside")
                .components()
                .next()
                .expect("a customer folder");
            let allow = vec![bundles.join(customer)];
            jobs.push(Job { file, allow });
        }
    }
    jobs
}
