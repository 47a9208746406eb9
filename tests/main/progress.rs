//! `--quiet`, `--verbose` and the progress bar of `build`, `bundle` and
//! `check`: the bar only on a terminal, outside CI and without `--quiet`;
//! the stage times with `--verbose`.

use std::path::Path;
use std::process::Command;

use crate::common::{output, root, seloste};

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("notices")).expect("mkdir");
    std::fs::copy(
        root().join("tests/fixtures/cli/valid.toml"),
        dir.path().join("notices/valid.toml"),
    )
    .expect("copy");
    dir
}

#[test]
fn quiet_prints_nothing_on_success_and_verbose_prints_stage_times() {
    let dir = project();
    let quiet = seloste(dir.path(), &["build", "--quiet"]);
    assert_eq!(quiet.status.code(), Some(0), "{}", output(&quiet));
    assert_eq!(stderr(&quiet), "", "build --quiet said something");
    assert!(dir.path().join("site").is_dir());
    let verbose = seloste(dir.path(), &["build", "-v"]);
    assert_eq!(verbose.status.code(), Some(0), "{}", output(&verbose));
    let line = stderr(&verbose)
        .lines()
        .find(|l| l.starts_with("timings: "))
        .unwrap_or_else(|| panic!("no timings in {}", stderr(&verbose)))
        .to_string();
    for stage in ["load ", "check ", "render ", "write "] {
        assert!(line.contains(stage), "{line}");
    }
    assert!(line.contains(" ms (total "), "{line}");
    assert!(stderr(&verbose).contains("built 1 notice"));
    // Without either flag: the summary, no timings.
    let plain = seloste(dir.path(), &["build"]);
    assert!(stderr(&plain).contains("built 1 notice") && !stderr(&plain).contains("timings"));
    // The two contradict each other.
    let both = seloste(dir.path(), &["build", "-q", "-v"]);
    assert_eq!(both.status.code(), Some(2));
    // `check` takes the same flags.
    let check = seloste(dir.path(), &["check", "--verbose"]);
    assert!(
        stderr(&check).contains("timings: load "),
        "{}",
        output(&check)
    );
    let check = seloste(dir.path(), &["check", "-q"]);
    assert_eq!(String::from_utf8_lossy(&check.stdout), "");
}

#[test]
fn bundle_takes_quiet_and_verbose() {
    let out = tempfile::tempdir().expect("temp dir");
    let vendor = root().join("examples/vendor");
    let args = |extra: &str| {
        vec![
            "bundle".to_string(),
            "--format".to_string(),
            "md".to_string(),
            "--out".to_string(),
            out.path().join("b").display().to_string(),
            extra.to_string(),
        ]
    };
    let run = |extra: &str| {
        let a = args(extra);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        seloste(&vendor, &a)
    };
    let verbose = run("--verbose");
    assert_eq!(verbose.status.code(), Some(0), "{}", output(&verbose));
    let err = stderr(&verbose);
    let last = err.lines().last().unwrap_or_default();
    assert!(last.starts_with("timings: load "), "{err}");
    assert!(last.contains("render+pdf+write "), "{last}");
    let quiet = run("--quiet");
    assert_eq!(quiet.status.code(), Some(0), "{}", output(&quiet));
    assert!(!stderr(&quiet).contains("built "), "{}", stderr(&quiet));
}

/// Runs `args` in `dir` under a pseudo-terminal (`script`), with `env`
/// set; `None` when `script` is not installed.
fn on_a_terminal(dir: &Path, args: &str, env: &[(&str, &str)]) -> Option<String> {
    let script = crate::common::external_tool("script")?;
    let mut cmd = Command::new(script);
    cmd.args([
        "-qec",
        &format!("{} {args}", env!("CARGO_BIN_EXE_seloste")),
        "/dev/null",
    ])
    .current_dir(dir)
    .env_remove("CI")
    .env("TERM", "xterm")
    .env("NO_COLOR", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let o = cmd.output().expect("script runs");
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    Some(output(&o))
}

#[cfg(unix)]
#[test]
fn the_bar_is_drawn_only_on_a_terminal_outside_ci() {
    let out = tempfile::tempdir().expect("temp dir");
    let vendor = root().join("examples/vendor");
    let args = format!(
        "bundle --format md --out {}",
        out.path().join("b").display()
    );
    let Some(shown) = on_a_terminal(&vendor, &args, &[]) else {
        return;
    };
    assert!(
        shown.contains("customers ("),
        "no bar on a terminal: {shown:?}"
    );
    assert!(shown.contains("built 4 of 4 customers"));
    let ci = on_a_terminal(&vendor, &args, &[("CI", "true")]).expect("script");
    assert!(!ci.contains("customers ("), "a bar in CI: {ci:?}");
    let quiet = on_a_terminal(&vendor, &format!("{args} --quiet"), &[]).expect("script");
    assert!(
        !quiet.contains("customers ("),
        "a bar with --quiet: {quiet:?}"
    );
    // Piped (as every other test runs it): no bar, no control characters.
    let piped = seloste(&vendor, &args.split(' ').collect::<Vec<_>>());
    assert!(!output(&piped).contains('\r') && !output(&piped).contains("customers ("));
}
