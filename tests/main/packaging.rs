//! How seloste reaches its users without a Rust toolchain: the crate's
//! metadata and contents, the oldest Rust it claims to build with, the
//! container image's Dockerfile and the install script of the release
//! binaries. The release workflow and `action.yml` are checked against
//! GitHub's schemas in `ci_examples.rs`.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use crate::common::{external_tool, root};

fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// A version as (major, minor, patch): "1.88" and "1.88.0" are equal.
fn version(v: &str) -> [u64; 3] {
    let mut parts = v.split('.').map(|p| p.parse().unwrap_or(0));
    [0; 3].map(|_| parts.next().unwrap_or(0))
}

/// `rust-version` must not promise less than the dependencies in Cargo.lock
/// need: the highest `rust-version` among the crates that are built into
/// seloste (normal and build dependencies, not dev-dependencies).
#[test]
fn the_declared_rust_version_covers_every_dependency() {
    // This machine's platform only: without the filter, cargo needs the
    // manifests of every platform's dependencies, which an offline machine
    // has not downloaded.
    let host = cargo()
        .args(["--version", "--verbose"])
        .output()
        .expect("cargo runs");
    let host = String::from_utf8_lossy(&host.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_string))
        .expect("cargo names its host");
    let o = cargo()
        .args(["metadata", "--format-version", "1", "--locked", "--offline"])
        .args(["--filter-platform", &host])
        .current_dir(root())
        .output()
        .expect("cargo metadata runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let meta: serde_json::Value = serde_json::from_slice(&o.stdout).expect("metadata JSON");
    let packages: std::collections::HashMap<&str, &serde_json::Value> = meta["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .map(|p| (p["id"].as_str().expect("id"), p))
        .collect();
    let nodes: std::collections::HashMap<&str, &serde_json::Value> = meta["resolve"]["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| (n["id"].as_str().expect("id"), n))
        .collect();
    let root_id = meta["resolve"]["root"].as_str().expect("root");
    let declared = packages[root_id]["rust_version"]
        .as_str()
        .expect("Cargo.toml declares rust-version");

    let mut seen = BTreeSet::new();
    let mut todo = vec![root_id];
    while let Some(id) = todo.pop() {
        if !seen.insert(id) {
            continue;
        }
        for dep in nodes[id]["deps"].as_array().into_iter().flatten() {
            let built = dep["dep_kinds"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|k| k["kind"].is_null() || k["kind"] == "build");
            if built {
                todo.push(dep["pkg"].as_str().expect("pkg"));
            }
        }
    }
    let needs: Vec<([u64; 3], String)> = seen
        .iter()
        .filter_map(|id| {
            let p = packages[id];
            let v = p["rust_version"].as_str()?;
            Some((
                version(v),
                format!("{} {v}", p["name"].as_str().unwrap_or("?")),
            ))
        })
        .filter(|(v, _)| *v > version(declared))
        .collect();
    assert!(
        needs.is_empty(),
        "Cargo.toml says rust-version = {declared}, but these dependencies need more: {needs:?}; raise rust-version (and the Dockerfile's RUST_VERSION)"
    );
    // The Dockerfile builds with exactly the declared version, so a release
    // image is also a build with the oldest supported Rust.
    let dockerfile = std::fs::read_to_string(root().join("Dockerfile")).expect("Dockerfile");
    assert!(
        dockerfile.contains(&format!("ARG RUST_VERSION={declared}\n")),
        "the Dockerfile's RUST_VERSION is the rust-version of Cargo.toml ({declared})"
    );
}

/// Regression: the binaries handed out (release archives, container image)
/// are the optimised `dist` profile that the fleet benchmark measured, not
/// the quicker-to-build `release` one; and each copies the binary from the
/// folder that profile writes.
#[test]
fn handed_out_binaries_use_the_dist_profile() {
    let manifest: toml::Table = std::fs::read_to_string(root().join("Cargo.toml"))
        .expect("Cargo.toml")
        .parse()
        .expect("Cargo.toml parses");
    let dist = &manifest["profile"]["dist"];
    assert_eq!(dist["inherits"].as_str(), Some("release"));
    assert_eq!(dist["lto"].as_str(), Some("fat"));
    assert_eq!(dist["codegen-units"].as_integer(), Some(1));
    for file in ["Dockerfile", ".github/workflows/release.yml"] {
        let text = std::fs::read_to_string(root().join(file)).expect(file);
        assert!(
            text.contains("--profile dist"),
            "{file} builds with --profile dist"
        );
        assert!(
            !text.contains("--release"),
            "{file} does not build with --release"
        );
        assert!(
            !text.contains("/release/seloste"),
            "{file} copies from target/**/dist/"
        );
        assert!(
            text.contains("dist/seloste"),
            "{file} copies the dist binary"
        );
    }
}

/// The published crate must hold everything the build embeds (templates,
/// locales, the lint data under src/) and the licence files, and none of
/// the tests or fixtures.
#[test]
fn the_published_crate_holds_what_the_build_reads() {
    let o = cargo()
        .args([
            "package",
            "--list",
            "--allow-dirty",
            "--offline",
            "--locked",
        ])
        .current_dir(root())
        .output()
        .expect("cargo package runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let listed: BTreeSet<String> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(String::from)
        .collect();
    let mut wanted = vec![
        "Cargo.toml".to_string(),
        "Cargo.lock".into(),
        "build.rs".into(),
        "README.md".into(),
        "LICENSE-MIT".into(),
        "LICENSE-APACHE".into(),
    ];
    for dir in ["src", "templates", "locales", "schema"] {
        for e in walkdir::WalkDir::new(root().join(dir)) {
            let e = e.expect("walk");
            if e.file_type().is_file() {
                let rel = e.path().strip_prefix(root()).expect("inside");
                wanted.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let missing: Vec<&String> = wanted.iter().filter(|f| !listed.contains(*f)).collect();
    assert!(missing.is_empty(), "not in the package: {missing:?}");
    let extra: Vec<&String> = listed
        .iter()
        .filter(|f| f.starts_with("tests/") || f.starts_with("fuzz/") || f.starts_with("benches/"))
        .collect();
    assert!(
        extra.is_empty(),
        "tests and benches stay out of the package: {extra:?}"
    );
}

/// The Dockerfile copies only files that exist and that `.dockerignore`
/// lets through, runs as an ordinary user in every final stage, and passes
/// hadolint (a real tool: installed by .ci/run).
#[test]
fn the_dockerfile_builds_from_the_sources_it_names() {
    let text = std::fs::read_to_string(root().join("Dockerfile")).expect("Dockerfile");
    let ignore = std::fs::read_to_string(root().join(".dockerignore")).expect(".dockerignore");
    let allowed: Vec<&str> = ignore
        .lines()
        .filter_map(|l| l.strip_prefix('!'))
        .map(|l| l.trim_end_matches('/'))
        .collect();
    let mut stages = Vec::new();
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["FROM", .., "AS", name] => stages.push((name.to_string(), false)),
            ["USER", user] => {
                assert!(!user.starts_with('0') && *user != "root", "USER {user}");
                if let Some(s) = stages.last_mut() {
                    s.1 = true;
                }
            }
            ["COPY", args @ ..] if !args.iter().any(|a| a.starts_with("--from")) => {
                for src in &args[..args.len() - 1] {
                    assert!(root().join(src).exists(), "COPY {src}: no such file");
                    assert!(
                        allowed.contains(src),
                        "COPY {src}: excluded by .dockerignore"
                    );
                }
            }
            _ => {}
        }
    }
    let names: Vec<&str> = stages.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["build", "base", "pdf", "seloste"], "the stages");
    for (name, user) in &stages {
        if name == "pdf" || name == "seloste" {
            assert!(user, "stage `{name}` must not run as root");
        }
    }
    let Some(hadolint) = external_tool("hadolint") else {
        return;
    };
    let o = Command::new(hadolint)
        .args(["--no-color", "Dockerfile"])
        .current_dir(root())
        .output()
        .expect("hadolint runs");
    assert!(
        o.status.success(),
        "hadolint:\n{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}

/// A release folder as the release workflow makes it: the archive for this
/// machine and SHA256SUMS.
fn release_folder(dir: &Path) -> std::path::PathBuf {
    use sha2::Digest;
    let target = match std::env::consts::ARCH {
        "aarch64" => "aarch64-unknown-linux-musl",
        _ => "x86_64-unknown-linux-musl",
    };
    let name = format!("seloste-{target}");
    let release = dir.join("release");
    std::fs::create_dir_all(release.join(&name)).expect("mkdir");
    std::fs::copy(
        env!("CARGO_BIN_EXE_seloste"),
        release.join(&name).join("seloste"),
    )
    .expect("copy binary");
    let o = Command::new("tar")
        .args(["-czf", &format!("{name}.tar.gz"), &name])
        .current_dir(&release)
        .output()
        .expect("tar runs");
    assert!(o.status.success());
    let bytes = std::fs::read(release.join(format!("{name}.tar.gz"))).expect("archive");
    let sum: String = sha2::Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    std::fs::write(
        release.join("SHA256SUMS"),
        format!("{sum}  {name}.tar.gz\n"),
    )
    .expect("sums");
    release
}

fn install(release: &Path, into: &Path) -> std::process::Output {
    Command::new("sh")
        .arg(root().join("install.sh"))
        .env(
            "SELOSTE_DOWNLOAD_URL",
            format!("file://{}", release.display()),
        )
        .env("SELOSTE_INSTALL_DIR", into)
        .output()
        .expect("sh runs")
}

/// install.sh installs a release binary that runs, and installs nothing when
/// the archive does not match its checksum.
#[cfg(all(unix, target_os = "linux"))]
#[test]
fn the_install_script_checks_the_archive_before_installing() {
    if external_tool("curl").is_none() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp");
    let release = release_folder(dir.path());
    let bin = dir.path().join("bin");
    let o = install(&release, &bin);
    assert!(
        o.status.success(),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    let v = Command::new(bin.join("seloste"))
        .arg("--version")
        .output()
        .expect("installed binary runs");
    assert!(String::from_utf8_lossy(&v.stdout).starts_with("seloste "));

    // A tampered archive: the old binary stays, nothing new is installed.
    let sums = std::fs::read_to_string(release.join("SHA256SUMS")).expect("sums");
    std::fs::write(
        release.join("SHA256SUMS"),
        format!("{}{}", "0".repeat(64), &sums[64..]),
    )
    .expect("write");
    let other = dir.path().join("other");
    let o = install(&release, &other);
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("checksum mismatch"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!other.exists(), "nothing installed on a mismatch");
}
