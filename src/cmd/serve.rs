//! `seloste serve`: a live preview in the browser. It builds the site into
//! a folder of its own (a temporary folder, never the project's `site/`),
//! serves it on 127.0.0.1, rebuilds whenever a notice, template, locale
//! override or `seloste.toml` changes (the `build --watch` loop,
//! [`super::watch::watch`]) and makes every open page reload itself.
//!
//! The reload script, and the diagnostics of a failed build, are added to
//! HTML responses as they are sent: the files built are the files `seloste
//! build` writes, byte for byte, and never contain them. A failed build
//! keeps the last good site (the build replaces its output only when it
//! succeeds); its pages are served with the diagnostics over them.
//!
//! The server is a few hundred lines over `std::net` rather than a crate:
//! it answers GET and HEAD for files inside the output folder and one
//! event stream, on the loopback address only, one thread per connection.
//! Keeping the request surface that small is what makes the path handling
//! easy to check: a request path is percent-decoded, then any `..`, `.`,
//! backslash, drive letter or NUL is refused, and the file found is
//! resolved with its links and must still be inside the output folder.
//! Reload uses server-sent events (`EventSource`), which need no
//! handshake or framing beyond plain HTTP.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use anyhow::Context;

use super::build::{BuildArgs, RenderArgs};

/// The address of the event stream the reload script listens to.
const EVENTS: &str = "/__seloste/events";

/// How long an idle event stream waits before a keep-alive comment: a
/// closed tab is noticed when the write fails.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// The largest request head read; a preview needs nothing near it.
const MAX_HEAD: usize = 16 * 1024;

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Notice files or folders (folders are searched for *.toml)
    /// [default: `notices` of seloste.toml, else notices].
    pub paths: Vec<PathBuf>,

    /// The port on 127.0.0.1 to serve on (0: any free port).
    #[arg(long, short, default_value_t = 3000)]
    pub port: u16,

    /// Open the site in the system's browser once it is served.
    #[arg(long)]
    pub open: bool,

    /// Languages to build [default: every language each notice declares].
    #[arg(long, value_delimiter = ',', value_parser = crate::model::Lang::parse_arg)]
    pub lang: Vec<crate::model::Lang>,

    #[command(flatten)]
    pub render: RenderArgs,

    /// Treat warnings as a failed build (shown in the browser).
    #[arg(long)]
    pub deny_warnings: bool,
}

/// What the server shows: the outcome of the last build.
#[derive(Debug, Default)]
struct Status {
    /// Bumped by every build, good or failed: the pages the browser has
    /// open are out of date once it changes.
    generation: u64,
    /// The report of the last build when it failed, without colours.
    failure: Option<String>,
}

/// The state the server threads share with the build loop.
struct Shared {
    /// The output folder, with its links resolved.
    site: PathBuf,
    status: Mutex<Status>,
    changed: Condvar,
}

impl Shared {
    fn status(&self) -> std::sync::MutexGuard<'_, Status> {
        // A thread that panicked while holding the lock left a status that
        // is still whole (two plain fields): keep serving it.
        self.status.lock().unwrap_or_else(|e| e.into_inner())
    }
}

pub fn run(args: &ServeArgs, config_path: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let listener = match TcpListener::bind(("127.0.0.1", args.port)) {
        Ok(l) => l,
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => anyhow::bail!(
            "port {} on 127.0.0.1 is already in use (another `seloste serve`?): stop that program, or choose another port with --port, e.g. --port {}",
            args.port,
            args.port.wrapping_add(1).max(1024)
        ),
        Err(e) => return Err(e).context(format!("cannot listen on 127.0.0.1:{}", args.port)),
    };
    let address = listener.local_addr()?;
    let folder = tempfile::Builder::new()
        .prefix("seloste-serve-")
        .tempdir()
        .context("cannot create the preview folder")?;
    let root = std::fs::canonicalize(folder.path())?;
    let site = root.join("site");
    let build_args = BuildArgs {
        paths: args.paths.clone(),
        out: Some(site.clone()),
        lang: args.lang.clone(),
        render: args.render.clone(),
        deny_warnings: args.deny_warnings,
        watch: false,
        verbosity: crate::progress::Verbosity::default(),
    };
    let shared = Arc::new(Shared {
        site: site.clone(),
        status: Mutex::new(Status::default()),
        changed: Condvar::new(),
    });
    // Held by a build while it writes, and by Ctrl-C before the folder is
    // removed: the preview folder is never removed under a build.
    let building = Arc::new(Mutex::new(()));
    let (stop_tx, stop_rx) = std::sync::mpsc::channel();
    ctrlc::set_handler(move || {
        let _ = stop_tx.send(());
    })
    .context("cannot handle Ctrl-C")?;

    let url = format!("http://{address}/");
    {
        let shared = Arc::clone(&shared);
        std::thread::Builder::new()
            .name("serve".into())
            .spawn(move || accept(&listener, &shared))?;
    }
    writeln!(
        anstream::stderr(),
        "serving {url} (built into {}; Ctrl-C to stop)",
        site.display()
    )?;
    {
        let shared = Arc::clone(&shared);
        let building = Arc::clone(&building);
        let open = args.open.then(|| url.clone());
        std::thread::Builder::new()
            .name("watch".into())
            .spawn(move || {
                let mut opened = false;
                let result = super::watch::watch(&build_args, &config_path, || {
                    let _guard = building.lock().unwrap_or_else(|e| e.into_inner());
                    rebuild(&build_args, &config_path, &shared);
                    if let (Some(url), false) = (&open, opened) {
                        opened = true;
                        open_browser(url);
                    }
                });
                if let Err(e) = result {
                    let _ = writeln!(anstream::stderr(), "error: {e:#}");
                    std::process::exit(2);
                }
            })?;
    }
    // Until Ctrl-C (or the handler goes away).
    let _ = stop_rx.recv();
    let _guard = building.lock().unwrap_or_else(|e| e.into_inner());
    drop(folder);
    writeln!(anstream::stderr(), "stopped; the preview folder is removed")?;
    Ok(ExitCode::SUCCESS)
}

/// One build into the preview folder: its report goes to stderr as
/// `build` prints it, and a failure is kept for the browser.
fn rebuild(args: &BuildArgs, config_path: &Option<PathBuf>, shared: &Shared) {
    let mut report = Vec::new();
    let failed = match super::build::run_into(args, config_path.clone(), &mut report) {
        Ok(code) => code != ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(report, "error: {e:#}");
            true
        }
    };
    let _ = anstream::stderr().write_all(&report);
    let text = String::from_utf8_lossy(&report);
    let mut status = shared.status();
    status.generation += 1;
    status.failure = failed.then(|| anstream::adapter::strip_str(&text).to_string());
    shared.changed.notify_all();
}

/// Opens `url` in the system's browser; a failure is a warning, the
/// preview still runs.
fn open_browser(url: &str) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    let spawned = command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if let Err(e) = spawned {
        let _ = writeln!(
            anstream::stderr(),
            "warning: cannot open a browser ({e}); open {url} yourself"
        );
    }
}

/// Accepts connections until the process ends, one thread each.
fn accept(listener: &TcpListener, shared: &Arc<Shared>) {
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let shared = Arc::clone(shared);
        let _ = std::thread::Builder::new()
            .name("connection".into())
            .spawn(move || {
                let _ = respond(stream, &shared);
            });
    }
}

/// A response to send.
struct Response {
    status: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
    location: Option<String>,
}

impl Response {
    fn text(status: &'static str, body: &str) -> Response {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            body: body.as_bytes().to_vec(),
            location: None,
        }
    }
}

/// Reads one request and answers it; the connection is then closed.
fn respond(stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut head = String::new();
    // The request line, then headers up to the empty line (their values
    // are not needed).
    loop {
        let mut line = String::new();
        let n = (&mut reader)
            .take((MAX_HEAD - head.len().min(MAX_HEAD)) as u64)
            .read_line(&mut line)?;
        if n == 0 || line == "\r\n" || line == "\n" {
            break;
        }
        head.push_str(&line);
        if head.len() >= MAX_HEAD {
            return send(
                stream,
                "GET",
                Response::text("431 Request Header Fields Too Large", "request too large\n"),
            );
        }
    }
    let mut parts = head.lines().next().unwrap_or("").split(' ');
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    if method != "GET" && method != "HEAD" {
        return send(
            stream,
            method,
            Response::text("405 Method Not Allowed", "only GET and HEAD\n"),
        );
    }
    let path = target.split(['?', '#']).next().unwrap_or("");
    if path == EVENTS {
        return events(stream, shared);
    }
    let response = match request_path(path) {
        None => Response::text("400 Bad Request", "not a path this server serves\n"),
        Some(segments) => page(shared, &segments, path.ends_with('/')),
    };
    send(stream, method, response)
}

/// The segments of a request path, decoded; `None` for anything that could
/// leave the output folder or that no built file is called: `..` and `.`
/// (also percent-encoded), backslashes, drive letters, NUL bytes, paths
/// not starting with `/` (absolute URLs, `*`).
pub(crate) fn request_path(path: &str) -> Option<Vec<String>> {
    let rest = path.strip_prefix('/')?;
    let decoded = percent_decode(rest)?;
    let mut segments = Vec::new();
    for segment in decoded.split('/') {
        if segment.is_empty() {
            continue;
        }
        if segment == ".."
            || segment == "."
            || segment.contains(['\\', '\0', ':'])
            || segment.chars().any(char::is_control)
        {
            return None;
        }
        segments.push(segment.to_string());
    }
    Some(segments)
}

/// `%xx` decoded; `None` when the result is not UTF-8 or an escape is
/// broken.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The file for `segments` inside `site`: a folder means its
/// `index.html`. `None` when there is none, or when the file, its links
/// resolved, is outside `site`.
pub(crate) fn resolve(site: &Path, segments: &[String]) -> Option<PathBuf> {
    let mut path = site.to_path_buf();
    for s in segments {
        path.push(s);
    }
    let real = std::fs::canonicalize(&path).ok()?;
    let real = if real.is_dir() {
        std::fs::canonicalize(real.join("index.html")).ok()?
    } else {
        real
    };
    (real.starts_with(site) && real.is_file()).then_some(real)
}

/// The response for a page or file.
fn page(shared: &Shared, segments: &[String], trailing_slash: bool) -> Response {
    let (generation, failure) = {
        let status = shared.status();
        (status.generation, status.failure.clone())
    };
    let found = resolve(&shared.site, segments);
    // A folder without its slash: relative links in its index need it.
    if let Some(file) = &found
        && !trailing_slash
        && !segments.is_empty()
        && file.file_name().is_some_and(|n| n == "index.html")
        && segments.last().is_none_or(|s| s != "index.html")
    {
        return Response {
            status: "301 Moved Permanently",
            content_type: "text/plain; charset=utf-8",
            body: Vec::new(),
            location: Some(format!("/{}/", segments.join("/"))),
        };
    }
    let (status, content_type, body) = match found {
        Some(file) => match std::fs::read(&file) {
            Ok(body) => ("200 OK", content_type(&file), body),
            Err(_) => ("404 Not Found", "text/html; charset=utf-8", Vec::new()),
        },
        None if segments.is_empty() => (
            "200 OK",
            "text/html; charset=utf-8",
            languages_page(&shared.site, generation, failure.is_some()).into_bytes(),
        ),
        None => (
            "404 Not Found",
            "text/html; charset=utf-8",
            not_found_page(segments).into_bytes(),
        ),
    };
    let body = if content_type.starts_with("text/html") {
        inject(&body, generation, failure.as_deref())
    } else {
        body
    };
    Response {
        status,
        content_type,
        body,
        location: None,
    }
}

/// The root page when the site has no `index.html` of its own: a link to
/// each language's index.
fn languages_page(site: &Path, generation: u64, failed: bool) -> String {
    let mut languages: Vec<String> = std::fs::read_dir(site)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter(|e| e.path().join("index.html").is_file())
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    languages.sort();
    let links: String = languages
        .iter()
        .map(|l| {
            format!(
                "<li><a href=\"/{0}/\" hreflang=\"{0}\">{0}</a></li>",
                escape(l)
            )
        })
        .collect();
    let body = if languages.is_empty() && generation == 0 {
        "<p>Building the site: this page reloads when it is ready.</p>".to_string()
    } else if languages.is_empty() && failed {
        "<p>Nothing has been built yet: see the problems above.</p>".to_string()
    } else if languages.is_empty() {
        "<p>Nothing was built: are there notices to build?</p>".to_string()
    } else {
        format!("<ul>{links}</ul>")
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>seloste preview</title></head><body><h1>seloste preview</h1>{body}</body></html>\n"
    )
}

fn not_found_page(segments: &[String]) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body><h1>Not found</h1><p><code>/{}</code> is not in the built site. <a href=\"/\">All languages</a></p></body></html>\n",
        escape(&segments.join("/"))
    )
}

/// The reload script and, when the last build failed, its diagnostics,
/// added before `</body>` (or at the end) of an HTML page as it is sent.
pub(crate) fn inject(html: &[u8], generation: u64, failure: Option<&str>) -> Vec<u8> {
    let mut added = String::new();
    if let Some(report) = failure {
        added.push_str(&format!(
            "<div id=\"seloste-serve-error\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:1.5rem;background:#fff;color:#1a1a1a;font:16px/1.5 system-ui,sans-serif\">\
<h1 style=\"font-size:1.4rem;color:#a00;margin:0 0 .5rem\">seloste: the build failed</h1>\
<p style=\"margin:0 0 1rem\">Fix the problems below and save: this page reloads by itself. The last good build is kept: <button type=\"button\" onclick=\"this.closest('#seloste-serve-error').remove()\">show it</button></p>\
<pre style=\"white-space:pre;overflow-x:auto;font:14px/1.45 ui-monospace,monospace;background:#f6f6f6;padding:1rem;border-left:4px solid #a00\">{}</pre></div>",
            escape(report.trim_end())
        ));
    }
    added.push_str(&format!(
        "<script>(function(){{var seen=\"{generation}\";var events=new EventSource(\"{EVENTS}\");events.onmessage=function(e){{if(e.data!==seen){{events.close();location.reload();}}}};}})();</script>"
    ));
    let text = String::from_utf8_lossy(html);
    let at = text
        .to_ascii_lowercase()
        .rfind("</body>")
        .unwrap_or(text.len());
    let mut out = String::with_capacity(text.len() + added.len());
    out.push_str(&text[..at]);
    out.push_str(&added);
    out.push_str(&text[at..]);
    out.into_bytes()
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

fn send(mut stream: TcpStream, method: &str, response: Response) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n",
        response.status,
        response.content_type,
        response.body.len()
    );
    if let Some(location) = &response.location {
        head.push_str(&format!("Location: {location}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&response.body)?;
    }
    stream.flush()
}

/// The event stream: the current build generation at once, then each new
/// one, until the browser goes away.
fn events(mut stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    stream.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\nretry: 500\n\n",
    )?;
    let mut sent = None;
    loop {
        let generation = {
            let status = shared.status();
            let (status, _) = shared
                .changed
                .wait_timeout_while(status, KEEP_ALIVE, |s| Some(s.generation) == sent)
                .unwrap_or_else(|e| e.into_inner());
            status.generation
        };
        if Some(generation) == sent {
            stream.write_all(b": keep-alive\n\n")?;
        } else {
            stream.write_all(format!("data: {generation}\n\n").as_bytes())?;
            sent = Some(generation);
        }
        stream.flush()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_paths_cannot_leave_the_site() {
        for bad in [
            "/../etc/passwd",
            "/fi/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/fi/%2e%2e/%2e%2e/x",
            "/..%5c..%5cwindows",
            "/C:/Windows/win.ini",
            "/fi/%00.html",
            "/%ff",
            "/%2",
            "http://example.com/fi/",
            "*",
            "",
        ] {
            assert_eq!(request_path(bad), None, "{bad}");
        }
        assert_eq!(
            request_path("/fi/rekisteri.html?x=1").map(|s| s.len()),
            Some(2)
        );
        assert_eq!(
            request_path("//fi//a%20b.html"),
            Some(vec!["fi".to_string(), "a b.html".to_string()])
        );
        assert_eq!(request_path("/"), Some(Vec::new()));
    }

    #[test]
    fn links_out_of_the_site_are_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        let site = root.join("site");
        std::fs::create_dir_all(site.join("fi")).unwrap();
        std::fs::write(site.join("fi/index.html"), "<p>fi</p>").unwrap();
        std::fs::write(root.join("secret.txt"), "secret").unwrap();
        let seg = |p: &str| p.split('/').map(String::from).collect::<Vec<_>>();
        assert_eq!(resolve(&site, &seg("fi")), Some(site.join("fi/index.html")));
        assert_eq!(resolve(&site, &seg("fi/missing.html")), None);
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(root.join("secret.txt"), site.join("fi/link.txt")).unwrap();
            std::os::unix::fs::symlink(&root, site.join("up")).unwrap();
            assert_eq!(resolve(&site, &seg("fi/link.txt")), None);
            assert_eq!(resolve(&site, &seg("up/secret.txt")), None);
        }
    }

    #[test]
    fn the_script_and_escaped_diagnostics_go_before_the_body_end() {
        let page = inject(b"<html><body><p>x</p></BODY></html>", 7, None);
        let page = String::from_utf8(page).unwrap();
        assert!(page.ends_with("</script></BODY></html>"), "{page}");
        assert!(page.contains("var seen=\"7\""));
        assert!(!page.contains("seloste-serve-error"));
        let failed = inject(
            b"<body></body>",
            8,
            Some("error[L001]: <script>alert(1)</script> & \"x\""),
        );
        let failed = String::from_utf8(failed).unwrap();
        assert!(
            failed
                .contains("error[L001]: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;")
        );
        assert!(!failed.contains("<script>alert"));
        // A page without a body end gets it at the end.
        let bare = String::from_utf8(inject(b"<p>x", 1, None)).unwrap();
        assert!(bare.starts_with("<p>x<script>"));
    }
}
