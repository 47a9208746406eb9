//! The integration tests: one test binary, so the crate is linked once.
//!
//! Each area is a module beside this file in `tests/main/`; `common` and
//! `support` (`tests/browser/support.rs`, beside the npm files of the
//! browser checks) are shared by them. Cargo builds a test binary from every
//! `tests/*.rs` and `tests/*/main.rs`, so this is the only one
//! (`one_test_binary` checks it). Insta snapshots live in
//! `tests/main/snapshots/`.
//!
//! The tests run in parallel threads of one process: none may change the
//! process's environment or working folder, and each works in a temporary
//! folder of its own.
//!
//! ```sh
//! cargo test                               # everything
//! cargo test --test main cli::             # one module
//! cargo test --test main watch::                   # the `build --watch` test
//! ```

mod common;
#[path = "../browser/support.rs"]
mod support;

mod build;
mod bundle;
mod ci_examples;
mod cli;
mod config;
#[cfg(unix)]
mod crash;
mod diff;
mod export;
mod formats;
#[cfg(unix)]
mod hostile;
mod packaging;
mod pages;
#[cfg(unix)]
mod pdf;
mod progress;
mod properties;
mod real_tools;
mod records;
mod rules;
mod scaffold;
mod schema;
mod serve;
mod tools;
mod watch;
mod xss;

/// Another `tests/*.rs` or `tests/*/main.rs` would be another test binary,
/// linking the crate again: new tests go in a module of `tests/main/`.
#[test]
fn one_test_binary() {
    let tests = common::root().join("tests");
    let mut binaries: Vec<String> = std::fs::read_dir(&tests)
        .expect("tests/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs") || p.join("main.rs").is_file())
        .map(|p| p.file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    binaries.sort();
    assert_eq!(binaries, ["main"], "test binaries in tests/");
}
