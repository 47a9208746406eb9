//! `seloste.toml` as every command sees it: the `notices` key names the
//! sources of every command, and a broken file stops every command with
//! the same report.

use std::path::Path;
use std::process::Output;

use crate::common::{output, root, seloste};

fn valid_notice() -> Vec<u8> {
    std::fs::read(root().join("tests/fixtures/cli/valid.toml")).expect("fixture")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A project whose notices live in `services/`, named by seloste.toml.
fn project(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("services")).expect("mkdir");
    std::fs::create_dir_all(dir.path().join("customers")).expect("mkdir");
    std::fs::write(dir.path().join("services/valid.toml"), valid_notice()).expect("write");
    std::fs::write(dir.path().join("seloste.toml"), config).expect("write");
    dir
}

#[test]
fn the_notices_key_names_the_sources_of_every_command() {
    let dir = project("notices = \"services\"\n");
    let p = dir.path();
    let check = seloste(p, &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", output(&check));
    assert!(
        output(&check).contains("checked 1 notice"),
        "{}",
        output(&check)
    );
    let build = seloste(p, &["build"]);
    assert_eq!(build.status.code(), Some(0), "{}", output(&build));
    let built = crate::common::tree(&p.join("site"));
    assert!(
        built
            .keys()
            .any(|k| k.ends_with("/example-school-register.html")),
        "{:?}",
        built.keys()
    );
    let status = seloste(p, &["status"]);
    assert_eq!(status.status.code(), Some(0), "{}", output(&status));
    assert!(
        output(&status).contains("example-school-register"),
        "{}",
        output(&status)
    );
    let new = seloste(p, &["new", "second", "--lang", "fi"]);
    assert_eq!(new.status.code(), Some(0), "{}", output(&new));
    assert!(p.join("services/second.toml").is_file());
    assert!(!p.join("notices").exists());
    // Paths on the command line still win.
    std::fs::create_dir_all(p.join("other")).expect("mkdir");
    let other = seloste(p, &["check", "other"]);
    assert!(
        output(&other).contains("checked 0 notices"),
        "{}",
        output(&other)
    );
}

/// Regression: `cd examples/vendor && seloste bundle` failed with
/// "notices: no such file or folder".
#[test]
fn the_vendor_example_bundles_from_its_own_folder() {
    let out = tempfile::tempdir().expect("temp dir");
    let bundles = out.path().join("bundles");
    let o = seloste(
        &root().join("examples/vendor"),
        &[
            "bundle",
            "--format",
            "md",
            "--only",
            "kielikoulu",
            "--out",
            bundles.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", output(&o));
    assert!(bundles.join("kielikoulu.zip").is_file());
}

/// Regression: `bundle` showed no diagnostics of a broken seloste.toml
/// (it read its customer folder from a configuration it pretended was
/// empty), `status` only "seloste.toml has errors" and `new` nothing at
/// all. Now each prints the same located diagnostics, exits with 2 and
/// writes nothing.
#[test]
fn a_broken_configuration_is_reported_the_same_way_by_every_command() {
    let dir = project("notices = \"services\"\ncustomerz = \"customers\"\n");
    let p = dir.path();
    let commands: [&[&str]; 6] = [
        &["build"],
        &["bundle"],
        &["status"],
        &["new", "second"],
        &["diff", "services/valid.toml", "services/valid.toml"],
        &["build", "--watch"],
    ];
    let mut reports = Vec::new();
    for args in commands {
        let o = if args.contains(&"--watch") {
            // `--watch` keeps running: the first build's report is what
            // matters, so it is read as it goes and the process killed.
            watch_report(p)
        } else {
            seloste(p, args)
        };
        let err = stderr(&o);
        if !args.contains(&"--watch") {
            assert_eq!(o.status.code(), Some(2), "{args:?}: {}", output(&o));
        }
        assert!(err.contains("seloste.toml:2:1"), "{args:?}: {err}");
        assert!(err.contains("did you mean `customers`?"), "{args:?}: {err}");
        assert!(
            err.contains("error: seloste.toml has errors"),
            "{args:?}: {err}"
        );
        reports.push((args, err));
    }
    let first = reports[0].1.clone();
    for (args, err) in &reports[..5] {
        assert_eq!(err, &first, "{args:?} reports differently from build");
    }
    assert!(!p.join("site").exists() && !p.join("bundles").exists());
    assert!(!p.join("services/second.toml").exists());
    // `check` reports in the format asked for, the same diagnostic.
    let check = seloste(p, &["check"]);
    assert_eq!(check.status.code(), Some(2));
    assert!(
        output(&check).contains("seloste.toml:2:1"),
        "{}",
        output(&check)
    );
    assert!(stderr(&check).contains("error: seloste.toml has errors"));
}

/// `build --watch` in `dir` until its first report is complete.
fn watch_report(dir: &Path) -> Output {
    use std::io::Read;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_seloste"))
        .args(["build", "--watch"])
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("runs");
    let mut err = child.stderr.take().expect("piped");
    let mut seen = Vec::new();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&seen).contains("watching for changes")
        && std::time::Instant::now() < deadline
    {
        match err.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => seen.extend_from_slice(&buf[..n]),
        }
    }
    let _ = child.kill();
    let status = child.wait().expect("waits");
    Output {
        status,
        stdout: Vec::new(),
        stderr: seen,
    }
}
