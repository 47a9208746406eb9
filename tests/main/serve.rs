//! `seloste serve` end to end: the real binary serves a temporary project
//! on a free port. Over plain TCP: paths outside the site are refused, the
//! reload script is in the responses but never in the built files, a port
//! in use is a clear error and Ctrl-C removes the preview folder. In
//! Chromium (`tests/browser/serve-reload.mjs`): an edited notice reloads
//! the open page with the new text, a broken one shows its diagnostic
//! over the last good page, and the fixed one takes it away.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::root;

const TEXT: &str = "Providing basic education";

/// A running `seloste serve`, stopped with Ctrl-C (SIGINT) however the
/// test ends.
struct Serving {
    child: Child,
    log: PathBuf,
    address: String,
    site: PathBuf,
}

impl Serving {
    fn start(project: &Path, scratch: &Path, args: &[&str]) -> Result<Serving, String> {
        let log = scratch.join("serve.stderr");
        let mut child = Command::new(env!("CARGO_BIN_EXE_seloste"))
            .arg("serve")
            .args(args)
            .current_dir(project)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).expect("log"))
            .spawn()
            .expect("starts");
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let text = std::fs::read_to_string(&log).unwrap_or_default();
            if let Some(line) = text.lines().find(|l| l.starts_with("serving http://")) {
                let address = line["serving http://".len()..]
                    .split('/')
                    .next()
                    .unwrap_or_default()
                    .to_string();
                let site = line
                    .split("built into ")
                    .nth(1)
                    .and_then(|r| r.split(';').next())
                    .map(PathBuf::from)
                    .expect("the served folder is named");
                let serving = Serving {
                    child,
                    log,
                    address,
                    site,
                };
                // Served once the first build is done.
                while !serving.log_text().contains("watching for changes") {
                    assert!(Instant::now() < deadline, "{}", serving.log_text());
                    std::thread::sleep(Duration::from_millis(50));
                }
                return Ok(serving);
            }
            if let Some(status) = child.try_wait().expect("wait") {
                return Err(format!("exited with {status}: {text}"));
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                return Err(format!("did not start: {text}"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// One raw request; the status line and the body.
    fn get(&self, target: &str) -> (String, String) {
        let mut stream = TcpStream::connect(&self.address).expect("connects");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .expect("timeout");
        write!(
            stream,
            "GET {target} HTTP/1.1\r\nHost: {}\r\n\r\n",
            self.address
        )
        .expect("sends");
        let mut response = Vec::new();
        stream.read_to_end(&mut response).expect("reads");
        let response = String::from_utf8_lossy(&response).into_owned();
        let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
        (
            head.lines().next().unwrap_or_default().to_string(),
            body.to_string(),
        )
    }

    /// Ctrl-C, then waits for the exit.
    fn interrupt(&mut self) -> Option<std::process::ExitStatus> {
        let _ = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        if self.interrupt().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn valid_notice() -> String {
    std::fs::read_to_string(root().join("tests/fixtures/cli/valid.toml")).expect("fixture")
}

/// A project with one notice, and a scratch folder beside it.
fn project() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let project = dir.path().join("project");
    let scratch = dir.path().join("scratch");
    std::fs::create_dir_all(project.join("notices")).expect("mkdir");
    std::fs::create_dir_all(&scratch).expect("mkdir");
    std::fs::write(project.join("notices/register.toml"), valid_notice()).expect("write");
    (dir, project, scratch)
}

#[cfg(unix)]
#[test]
fn serve_answers_only_inside_the_site_and_never_writes_the_script() {
    let (_dir, project, scratch) = project();
    // A file beside the project that a traversal would reach.
    std::fs::write(project.join("secret.txt"), "secret-content").expect("write");
    let mut s = Serving::start(&project, &scratch, &["--port", "0"]).expect("serves");
    let page = "/en/example-school-register.html";
    let (status, body) = s.get(page);
    assert_eq!(status, "HTTP/1.1 200 OK", "{body}");
    assert!(body.contains(TEXT), "{body}");
    assert!(body.contains("new EventSource(\"/__seloste/events\")"));
    // The built file is what `build` writes: no script in it, anywhere.
    let built = std::fs::read_to_string(s.site.join("en/example-school-register.html"))
        .expect("the built page");
    assert!(built.contains(TEXT));
    for file in crate::support::html_files(&s.site) {
        let text = std::fs::read_to_string(&file).expect("read");
        assert!(!text.contains("EventSource"), "{}", file.display());
        assert!(!text.contains("seloste-serve-error"), "{}", file.display());
    }
    // The root lists the languages; a folder without its slash redirects.
    let (status, body) = s.get("/");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(body.contains("hreflang=\"fi\""), "{body}");
    assert!(body.contains("href=\"fi/index.html\""), "{body}");
    assert!(s.get("/fi").0.starts_with("HTTP/1.1 301"));
    // Nothing outside the site, however the path is written.
    let secret = s.site.parent().expect("parent").join("secret.txt");
    std::fs::write(&secret, "secret-content").expect("write");
    for target in [
        "/../secret.txt",
        "/en/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/en/%2e%2e/%2e%2e/secret.txt",
        "/..%5Csecret.txt",
        &format!("/{}", secret.display()),
        &format!("//{}", secret.display()),
        &format!("http://{}/../secret.txt", s.address),
        "/../../../../../../etc/passwd",
    ] {
        let (status, body) = s.get(target);
        assert!(!status.contains("200"), "{target}: {status}");
        assert!(
            !body.contains("secret-content") && !body.contains("root:"),
            "{target}"
        );
    }
    // A link placed in the served folder that points out of it.
    std::os::unix::fs::symlink(&secret, s.site.join("en/link.txt")).expect("symlink");
    let (status, _) = s.get("/en/link.txt");
    assert!(status.contains("404"), "{status}");
    // Only GET and HEAD.
    let mut stream = TcpStream::connect(&s.address).expect("connects");
    write!(stream, "POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n").expect("sends");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("reads");
    assert!(response.starts_with("HTTP/1.1 405"), "{response}");
    // Ctrl-C stops it and removes the preview folder.
    let site = s.site.clone();
    let status = s.interrupt().expect("stops on Ctrl-C");
    assert!(status.success(), "{status}: {}", s.log_text());
    assert!(!site.exists(), "the preview folder is left behind");
    assert!(
        !project.join("site").exists(),
        "serve wrote the project's site/"
    );
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let (_dir, project, scratch) = project();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("binds");
    let port = taken.local_addr().expect("address").port().to_string();
    let err = Serving::start(&project, &scratch, &["--port", &port])
        .err()
        .expect("refused");
    assert!(err.contains("exit status: 2"), "{err}");
    assert!(
        err.contains(&format!("port {port} on 127.0.0.1 is already in use")),
        "{err}"
    );
    assert!(err.contains("--port"), "{err}");
}

/// The end-to-end test in Chromium: edit, break and fix a notice while its
/// page is open.
#[cfg(unix)]
#[test]
fn the_open_page_reloads_and_shows_a_failed_build() {
    let Some(browser) = crate::support::browser() else {
        return;
    };
    let (_dir, project, scratch) = project();
    let s = Serving::start(&project, &scratch, &["--port", "0"]).expect("serves");
    let notice = project.join("notices/register.toml");
    let original = valid_notice();
    let edited = original.replace(TEXT, "Providing excellent education");
    let broken = edited.replace("used = false", "used = kyllä");
    assert_ne!(broken, edited);
    let spec = serde_json::json!({
        "url": format!("http://{}/en/example-school-register.html", s.address),
        "file": notice,
        "screenshots": std::env::var("SELOSTE_SCREENSHOTS").ok(),
        "steps": [
            { "name": "edited", "write": edited, "expect": "Providing excellent education" },
            { "name": "broken", "write": broken, "expect": "error" },
            { "name": "fixed", "write": original, "expect": TEXT },
        ],
    });
    let spec_path = scratch.join("serve-spec.json");
    std::fs::write(&spec_path, spec.to_string()).expect("write spec");
    let mut cmd = Command::new(&browser.node);
    cmd.arg(crate::support::browser_dir().join("serve-reload.mjs"))
        .arg(&spec_path)
        .current_dir(crate::support::browser_dir())
        .env("CHROMIUM", &browser.chromium);
    let done = crate::support::run(cmd, &scratch, "serve-reload", Duration::from_secs(300));
    assert_eq!(
        done.code,
        Some(0),
        "{}\n--- serve\n{}",
        done.show(),
        s.log_text()
    );
    let last = done.stdout.lines().last().unwrap_or_default();
    let result: serde_json::Value = serde_json::from_str(last).expect("JSON");
    let steps = result["steps"].as_array().expect("steps");
    let step = |name: &str| {
        steps
            .iter()
            .find(|s| s["name"] == name)
            .unwrap_or_else(|| panic!("no step {name}: {result}"))
    };
    let text = |name: &str| step(name)["text"].as_str().unwrap_or_default().to_string();
    assert!(text("opened").contains(TEXT));
    assert_eq!(step("opened")["error"], serde_json::Value::Null);
    // Edited: reloaded with the new text.
    assert_eq!(step("edited")["reloaded"], true);
    assert!(text("edited").contains("Providing excellent education"));
    assert!(!text("edited").contains(TEXT));
    // Broken: the diagnostic, located, over the last good page.
    assert_eq!(step("broken")["reloaded"], true);
    let error = step("broken")["error"].as_str().unwrap_or_default();
    assert!(error.contains("the build failed"), "{error}");
    assert!(
        error.contains("error[L001]: `kyllä` is not a yes/no value"),
        "{error}"
    );
    assert!(error.contains("register.toml:47:8"), "{error}");
    assert!(text("broken").contains("Providing excellent education"));
    // Fixed: the diagnostic is gone and the page is the fixed one.
    assert_eq!(step("fixed")["reloaded"], true);
    assert_eq!(step("fixed")["error"], serde_json::Value::Null);
    assert!(text("fixed").contains(TEXT));
    assert_eq!(step("fixed")["url"], step("opened")["url"]);
}

/// A project that does not build when `serve` starts: every page shows
/// the diagnostics (escaped), and the fixed notice is built and served
/// without a restart.
#[cfg(unix)]
#[test]
fn a_failed_first_build_is_shown_and_a_fix_is_served() {
    let (_dir, project, scratch) = project();
    let notice = project.join("notices/register.toml");
    let broken = valid_notice().replace("used = false", "used = <kyllä>");
    std::fs::write(&notice, &broken).expect("write");
    let s = Serving::start(&project, &scratch, &["--port", "0"]).expect("serves");
    let (status, body) = s.get("/");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(body.contains("id=\"seloste-serve-error\""), "{body}");
    assert!(body.contains("register.toml:47:8"), "{body}");
    assert!(body.contains("used = &lt;kyllä&gt;"), "not escaped: {body}");
    assert!(!body.contains("used = <kyllä>"));
    let (status, body) = s.get("/en/example-school-register.html");
    assert!(status.contains("404"), "{status}");
    assert!(body.contains("seloste-serve-error"));
    std::fs::write(&notice, valid_notice()).expect("write");
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let (status, body) = s.get("/en/example-school-register.html");
        if status.contains("200") && !body.contains("seloste-serve-error") {
            assert!(body.contains(TEXT));
            break;
        }
        assert!(Instant::now() < deadline, "not rebuilt: {}", s.log_text());
        std::thread::sleep(Duration::from_millis(100));
    }
}
