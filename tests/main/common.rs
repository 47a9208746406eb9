//! Helpers shared by the end-to-end tests: running the real binary and
//! reading the trees it writes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the binary in `dir` with colour off, as CI would.
pub fn seloste(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_seloste"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("the binary runs")
}

/// Standard output and standard error together.
pub fn output(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Every file below `dir` with its bytes, by relative path (empty when
/// `dir` does not exist).
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    if !dir.exists() {
        return out;
    }
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.expect("walk");
        if e.file_type().is_file() {
            let rel = e
                .path()
                .strip_prefix(dir)
                .expect("inside")
                .to_string_lossy()
                .replace('\\', "/");
            out.insert(rel, std::fs::read(e.path()).expect("read"));
        }
    }
    out
}

/// Runs git in `dir`; the test fails if it does.
pub fn git(dir: &Path, args: &[&str]) {
    let o = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(o.status.success(), "git {args:?}: {}", output(&o));
}

/// Makes `dir` a git repository that can commit without global settings.
pub fn git_repo(dir: &Path) {
    git(dir, &["init", "-q"]);
    git(dir, &["config", "user.name", "Seloste Test"]);
    git(dir, &["config", "user.email", "test@example.invalid"]);
    git(dir, &["config", "commit.gpgsign", "false"]);
}

/// Whether the real-tool tests must run: `.ci/run` sets
/// `SELOSTE_REQUIRE_TOOLS=1` after installing them, so there a missing tool
/// fails the test; on a developer's machine without the tools it is skipped.
pub fn tools_required() -> bool {
    std::env::var_os("SELOSTE_REQUIRE_TOOLS").is_some_and(|v| v == "1")
}

/// The path of an external program on `PATH`, or `None` after saying the
/// test is skipped. Panics when the tools are required (see `tools_required`).
pub fn external_tool(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    });
    match found {
        Some(p) => Some(p),
        None if tools_required() => panic!(
            "`{name}` is not installed, and SELOSTE_REQUIRE_TOOLS=1 says the real-tool tests must run (.ci/run installs it)"
        ),
        None => {
            skip(&format!(
                "`{name}` is not installed ({}; set SELOSTE_REQUIRE_TOOLS=1 to make this a failure)",
                crate::tools::install_hint(name)
            ));
            None
        }
    }
}

/// Says that the running test skips a check, where `cargo test` shows it:
/// straight to the process's standard error, which the test harness does
/// not capture (its `eprintln!` capture would hide the line unless the test
/// failed, and a skipped check would look like a passed one). The line
/// names the test (the harness names each test's thread after it).
/// `tools::zz_real_tool_checks_summary` says which tools are missing.
pub fn skip(why: &str) {
    use std::io::Write;
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("a test");
    let _ = writeln!(std::io::stderr().lock(), "SKIPPED check in {test}: {why}");
}
