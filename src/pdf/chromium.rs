//! Headless Chromium as a PDF engine: one browser process for all the
//! documents of a run, driven over the DevTools protocol.
//!
//! `--print-to-pdf` on the command line starts a browser per document,
//! about a second each; instead the browser is started once with
//! `--remote-debugging-pipe` and told, for each document, to open the file
//! and print it (`Page.printToPDF`). The pipe (file descriptors 3 and 4 of
//! the browser, JSON messages ended by a NUL byte) is private to the two
//! processes, unlike a debugging port on localhost that any local user could
//! connect to.
//!
//! The browser runs with a fresh profile in a temporary folder, without
//! network services, and with scripts disabled in the page: print HTML has
//! no scripts, and none from a notice may run even if one slipped through.
//!
//! The pipe needs Unix file descriptors: elsewhere (Windows) the engine
//! reports that it is not available, and most of this file is unused there.
#![cfg_attr(not(unix), allow(dead_code, unused_imports))]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use anyhow::{Context, anyhow, bail};
use base64::Engine as _;
use serde_json::{Value, json};

use super::Job;

/// How long one document may take to load and print.
const DOCUMENT_TIMEOUT: Duration = Duration::from_secs(120);
/// At most this many tabs print at once.
const MAX_TABS: usize = 4;
/// How long the browser may take to start and answer.
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// The flags every run uses: headless, no sandbox (it needs privileges
/// containers and CI runners rarely grant), no GPU, and none of the
/// browser's own network traffic (updates, sync, safe browsing...).
const FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--disable-extensions",
    "--disable-default-apps",
    "--mute-audio",
    // Nothing a document links to is fetched; make any lookup fail at once.
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--remote-debugging-pipe",
];

pub struct Chromium {
    program: PathBuf,
    /// Where the browser's profile folder goes: (folder, name prefix).
    scratch: Option<(PathBuf, String)>,
    /// The running browser, started on first use and shared by every
    /// caller (bundles convert customers in parallel).
    browser: Mutex<Option<Browser>>,
}

impl Chromium {
    pub fn new(program: PathBuf) -> Chromium {
        Chromium {
            program,
            scratch: None,
            browser: Mutex::new(None),
        }
    }

    /// Puts the browser's profile beside the output `out`, as
    /// `.<out>.pdf-<pid>-*`, instead of in the system's temporary folder:
    /// removed when the run ends, and, should the run be killed, by the
    /// next run that prints PDFs into the same output.
    pub fn stage_beside(&mut self, out: &Path) {
        let name = out
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("out")
            .to_string();
        self.scratch = Some((crate::staging::folder_of(out), format!(".{name}.pdf-")));
    }

    /// Prints every job, in order; returns the PDFs.
    pub(crate) fn print(&self, jobs: &[Job]) -> anyhow::Result<Vec<Vec<u8>>> {
        let mut guard = self
            .browser
            .lock()
            .map_err(|_| anyhow!("the PDF engine failed earlier in this run"))?;
        if guard.is_none() {
            *guard = Some(Browser::start(&self.program, self.scratch.as_ref())?);
        }
        let browser = guard
            .as_mut()
            .ok_or_else(|| anyhow!("Chromium did not start"))?;
        match browser.print_numbered(jobs) {
            Ok(pdfs) => Ok(pdfs),
            Err(e) => {
                // A browser that failed once is not trusted again.
                let log = browser.log_tail();
                *guard = None;
                Err(e.context(format!("Chromium failed{log}")))
            }
        }
    }
}

/// A running browser with its tabs, attached over the pipe.
struct Browser {
    child: Child,
    to_browser: std::io::PipeWriter,
    from_browser: Receiver<Value>,
    next_id: u64,
    tabs: Vec<Tab>,
    /// Holds the profile and the browser's log; removed on drop.
    profile: tempfile::TempDir,
}

impl Browser {
    #[cfg(unix)]
    fn start(program: &Path, scratch: Option<&(PathBuf, String)>) -> anyhow::Result<Browser> {
        use command_fds::{CommandFdExt, FdMapping};
        use std::os::fd::OwnedFd;

        // Named `<prefix><pid>-<random>`, so that a later run can tell the
        // profile of a killed run (its process is gone) and remove it.
        let (dir, prefix) = match scratch {
            Some((dir, prefix)) => (dir.clone(), prefix.clone()),
            None => (std::env::temp_dir(), "seloste-chromium-".to_string()),
        };
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
        crate::staging::remove_leftovers(&dir, &[&prefix], true, None);
        let profile = tempfile::Builder::new()
            .prefix(&format!("{prefix}{}-", std::process::id()))
            .tempdir_in(&dir)
            .context("cannot create a profile folder for Chromium")?;
        let log = std::fs::File::create(profile.path().join("chromium.log"))
            .context("cannot create Chromium's log file")?;
        let (browser_reads, to_browser) = std::io::pipe().context("cannot create a pipe")?;
        let (from_browser, browser_writes) = std::io::pipe().context("cannot create a pipe")?;
        let mut command = Command::new(program);
        command
            .args(FLAGS)
            .arg(format!(
                "--user-data-dir={}",
                profile.path().join("profile").display()
            ))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::from(log));
        command
            .fd_mappings(vec![
                FdMapping {
                    parent_fd: OwnedFd::from(browser_reads),
                    child_fd: 3,
                },
                FdMapping {
                    parent_fd: OwnedFd::from(browser_writes),
                    child_fd: 4,
                },
            ])
            .map_err(|_| anyhow!("cannot pass the DevTools pipe to Chromium"))?;
        let child = command
            .spawn()
            .with_context(|| format!("cannot start {}", program.display()))?;
        // The browser's ends of the pipes are closed here when `command`
        // goes, so that a browser that dies is seen as end of input.
        drop(command);

        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(from_browser);
            let mut buf = Vec::new();
            loop {
                buf.clear();
                match reader.read_until(0, &mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {
                        if buf.last() == Some(&0) {
                            buf.pop();
                        }
                        // A message that is not JSON is not one of ours.
                        if let Ok(v) = serde_json::from_slice::<Value>(&buf)
                            && tx.send(v).is_err()
                        {
                            break;
                        }
                    }
                }
            }
        });

        let mut browser = Browser {
            child,
            to_browser,
            from_browser: rx,
            next_id: 0,
            tabs: Vec::new(),
            profile,
        };
        // Documents print in parallel, a tab each; more tabs than cores
        // only add memory.
        let tabs = std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_TABS));
        (0..tabs)
            .try_for_each(|_| browser.open_tab())
            .map_err(|e| {
                let log = browser.log_tail();
                e.context(format!("Chromium did not start{log}"))
            })?;
        Ok(browser)
    }

    #[cfg(not(unix))]
    fn start(_program: &Path, _scratch: Option<&(PathBuf, String)>) -> anyhow::Result<Browser> {
        bail!("PDF output through Chromium is supported on Unix only; use --pdf-engine weasyprint")
    }

    /// Opens a tab and prepares it: scripts off, its frame known.
    fn open_tab(&mut self) -> anyhow::Result<()> {
        let target = self.call(
            "Target.createTarget",
            json!({ "url": "about:blank" }),
            None,
            START_TIMEOUT,
        )?;
        let target_id = target["targetId"]
            .as_str()
            .ok_or_else(|| anyhow!("Chromium opened no tab"))?
            .to_string();
        let attached = self.call(
            "Target.attachToTarget",
            json!({ "targetId": target_id, "flatten": true }),
            None,
            START_TIMEOUT,
        )?;
        let session = attached["sessionId"]
            .as_str()
            .ok_or_else(|| anyhow!("Chromium did not attach to its tab"))?
            .to_string();
        self.call(
            "Emulation.setScriptExecutionDisabled",
            json!({ "value": true }),
            Some(&session),
            START_TIMEOUT,
        )?;
        let tree = self.call(
            "Page.getFrameTree",
            json!({}),
            Some(&session),
            START_TIMEOUT,
        )?;
        let frame = tree["frameTree"]["frame"]["id"]
            .as_str()
            .ok_or_else(|| anyhow!("Chromium's tab has no frame"))?
            .to_string();
        self.tabs.push(Tab { session, frame });
        Ok(())
    }

    /// Prints every job, and again those with a table of contents, with
    /// the page of each section written in (see [`super::toc`]), until the
    /// pages stand still or [`super::toc::MAX_PASSES`] prints were made.
    fn print_numbered(&mut self, jobs: &[Job]) -> anyhow::Result<Vec<Vec<u8>>> {
        let mut pdfs = self.print_all(jobs)?;
        // Job index → the section pages its current PDF was printed with.
        let mut numbered: Vec<(usize, std::collections::BTreeMap<String, u32>)> = jobs
            .iter()
            .enumerate()
            .filter(|(_, j)| super::toc::wants_numbers(&j.html))
            .map(|(i, _)| (i, std::collections::BTreeMap::new()))
            .collect();
        for _ in 1..super::toc::MAX_PASSES {
            let mut again = Vec::new();
            let mut which = Vec::new();
            for (i, printed_with) in &mut numbered {
                let pages = super::toc::sections_of(
                    &jobs[*i].html,
                    &super::toc::destination_pages(&pdfs[*i]),
                );
                if pages.is_empty() || pages == *printed_with {
                    continue;
                }
                again.push(Job {
                    html: super::toc::fill(&jobs[*i].html, &pages),
                    output: jobs[*i].output.clone(),
                    date: jobs[*i].date,
                });
                which.push(*i);
                *printed_with = pages;
            }
            if again.is_empty() {
                break;
            }
            for (i, pdf) in which.into_iter().zip(self.print_all(&again)?) {
                pdfs[i] = pdf;
            }
        }
        Ok(pdfs)
    }

    /// Prints every job, each tab taking the next job when it is done.
    ///
    /// A document is given to its tab as content, not loaded from a file:
    /// the tab's URL stays `about:blank`, so a relative link (to another
    /// language's version, say) resolves to nothing and is printed as plain
    /// text, instead of becoming a `file://` link into a temporary folder
    /// that would also make every PDF differ. Links within the page and
    /// absolute ones work as usual.
    fn print_all(&mut self, jobs: &[Job]) -> anyhow::Result<Vec<Vec<u8>>> {
        #[derive(Clone, Copy)]
        enum Step {
            Content,
            Print,
        }
        let mut pdfs: Vec<Option<Vec<u8>>> = vec![None; jobs.len()];
        let mut idle: Vec<usize> = (0..self.tabs.len()).rev().collect();
        // Request id → (tab, job, step).
        let mut pending: HashMap<u64, (usize, usize, Step)> = HashMap::new();
        let mut next = 0;
        loop {
            while next < jobs.len()
                && let Some(tab) = idle.pop()
            {
                let html = String::from_utf8_lossy(&jobs[next].html);
                let params = json!({ "frameId": self.tabs[tab].frame, "html": html });
                let session = self.tabs[tab].session.clone();
                let id = self.send("Page.setDocumentContent", params, Some(&session))?;
                pending.insert(id, (tab, next, Step::Content));
                next += 1;
            }
            if pending.is_empty() {
                break;
            }
            let reply = self.receive(Instant::now() + DOCUMENT_TIMEOUT, "a printed document")?;
            let Some((tab, job, step)) = reply["id"].as_u64().and_then(|id| pending.remove(&id))
            else {
                continue; // an event, or a reply to nothing pending
            };
            let name = &jobs[job].output;
            if let Some(err) = reply.get("error") {
                bail!(
                    "cannot print {name}: {}",
                    err["message"].as_str().unwrap_or("unknown error")
                );
            }
            match step {
                Step::Content => {
                    let session = self.tabs[tab].session.clone();
                    let id = self.send("Page.printToPDF", print_options(), Some(&session))?;
                    pending.insert(id, (tab, job, Step::Print));
                }
                Step::Print => {
                    let data = reply["result"]["data"]
                        .as_str()
                        .ok_or_else(|| anyhow!("Chromium returned no PDF for {name}"))?;
                    let pdf = base64::engine::general_purpose::STANDARD
                        .decode(data)
                        .with_context(|| {
                            format!("Chromium returned a PDF for {name} that is not base64")
                        })?;
                    pdfs[job] = Some(pdf);
                    idle.push(tab);
                }
            }
        }
        pdfs.into_iter()
            .zip(jobs)
            .map(|(pdf, job)| pdf.ok_or_else(|| anyhow!("Chromium did not print {}", job.output)))
            .collect()
    }

    /// Sends a command without waiting; returns its id.
    fn send(&mut self, method: &str, params: Value, session: Option<&str>) -> anyhow::Result<u64> {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({ "id": id, "method": method, "params": params });
        if let Some(s) = session {
            message["sessionId"] = json!(s);
        }
        let mut bytes = serde_json::to_vec(&message)?;
        bytes.push(0);
        self.to_browser
            .write_all(&bytes)
            .and_then(|()| self.to_browser.flush())
            .with_context(|| format!("cannot send {method} to Chromium (did it exit?)"))?;
        Ok(id)
    }

    /// Sends a command and waits for its reply; events that arrive in the
    /// meantime are of no interest.
    fn call(
        &mut self,
        method: &str,
        params: Value,
        session: Option<&str>,
        timeout: Duration,
    ) -> anyhow::Result<Value> {
        let id = self.send(method, params, session)?;
        let deadline = Instant::now() + timeout;
        loop {
            let reply = self.receive(deadline, method)?;
            if reply["id"].as_u64() == Some(id) {
                if let Some(err) = reply.get("error") {
                    bail!(
                        "Chromium refused {method}: {}",
                        err["message"].as_str().unwrap_or("?")
                    );
                }
                return Ok(reply["result"].clone());
            }
        }
    }

    fn receive(&mut self, deadline: Instant, waiting_for: &str) -> anyhow::Result<Value> {
        match self.from_browser.recv_timeout(remaining(deadline)) {
            Ok(v) => Ok(v),
            Err(RecvTimeoutError::Timeout) => {
                bail!("Chromium did not answer {waiting_for} in time")
            }
            Err(RecvTimeoutError::Disconnected) => {
                let status = self.child.try_wait().ok().flatten();
                bail!(
                    "Chromium exited while seloste waited for {waiting_for}{}",
                    status.map(|s| format!(" ({s})")).unwrap_or_default()
                )
            }
        }
    }

    /// The end of the browser's log, to explain a failure.
    fn log_tail(&self) -> String {
        let text =
            std::fs::read_to_string(self.profile.path().join("chromium.log")).unwrap_or_default();
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        if lines.is_empty() {
            return String::new();
        }
        let tail = &lines[lines.len().saturating_sub(5)..];
        format!("\nChromium said:\n  {}", tail.join("\n  "))
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Ask politely, then make sure: a browser must not outlive the run.
        let _ = self.call("Browser.close", json!({}), None, Duration::from_secs(5));
        let until = Instant::now() + Duration::from_secs(5);
        while Instant::now() < until {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn remaining(deadline: Instant) -> Duration {
    deadline.saturating_duration_since(Instant::now())
}

/// A tab: its DevTools session and its main frame, whose document is
/// replaced for each print.
struct Tab {
    session: String,
    frame: String,
}

/// A4 from the print style's `@page`, backgrounds, and a tagged PDF with
/// an outline from the headings (for screen readers and bookmarks).
fn print_options() -> Value {
    json!({
        "printBackground": true,
        "preferCSSPageSize": true,
        "displayHeaderFooter": false,
        "generateTaggedPDF": true,
        "generateDocumentOutline": true,
    })
}
