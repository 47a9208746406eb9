//! The CI examples in examples/ci run exactly these commands; this test runs
//! every `seloste ...` line of both files on a copy of the vendor example,
//! so the examples cannot rot.

use std::path::Path;
use std::process::Command;

use crate::common::{git, git_repo, root};

/// The `seloste` command lines of a CI file, with the CI's variables
/// replaced by values that make sense in a local repository.
fn commands(file: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root().join("examples/ci").join(file)).expect("CI example");
    text.lines()
        .map(str::trim)
        .filter_map(|l| {
            let l = l.trim_start_matches("- ").trim_start_matches("run: ");
            l.starts_with("seloste ").then(|| l.to_string())
        })
        .map(|l| {
            l.replace("origin/${{ github.base_ref }}", "HEAD")
                .replace("origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "HEAD")
                .replace("${{ matrix.shard }}", "1")
                .replace("\"$f\"", "notices/opinsys-koejakaja.toml")
        })
        .collect()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read dir") {
        let e = e.expect("entry");
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).expect("copy");
        }
    }
}

#[test]
fn every_seloste_command_of_the_ci_examples_runs() {
    let dir = tempfile::tempdir().expect("temp");
    copy_dir(
        &root().join("examples/vendor/services"),
        &dir.path().join("notices"),
    );
    copy_dir(
        &root().join("examples/vendor/customers"),
        &dir.path().join("customers"),
    );
    // The schema lines point three folders up; in this layout they would
    // dangle, which editors ignore and seloste does not read.
    git_repo(dir.path());
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "notices"]);

    let bin = Path::new(env!("CARGO_BIN_EXE_seloste"))
        .parent()
        .expect("bin dir")
        .to_path_buf();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut ran = 0;
    for (file, count) in [("github-actions.yml", 6), ("gitlab-ci.yml", 5)] {
        let cmds = commands(file);
        assert_eq!(cmds.len(), count, "{file}: the seloste commands: {cmds:#?}");
        for cmd in cmds {
            let o = Command::new("sh")
                .args(["-c", &cmd])
                .current_dir(dir.path())
                .env("PATH", &path)
                .env("NO_COLOR", "1")
                .env("CI_NODE_INDEX", "1")
                .env("CI_NODE_TOTAL", "4")
                .output()
                .expect("sh runs");
            assert!(
                o.status.success(),
                "{file}: `{cmd}` failed ({:?}):\n{}{}",
                o.status.code(),
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            );
            ran += 1;
        }
    }
    assert_eq!(ran, 11, "the examples hold 11 seloste commands");
    // What the jobs publish exists.
    assert!(dir.path().join("seloste.sarif").is_file());
    assert!(dir.path().join("seloste-diagnostics.jsonl").is_file());
}
