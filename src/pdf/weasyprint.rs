//! WeasyPrint as a PDF engine: one process per document (its command line
//! takes one document), as many at a time as there are cores.
//!
//! WeasyPrint implements CSS paged media fully (running headers, page
//! counters, leaders in the table of contents) and writes no timestamps,
//! so its PDFs are reproducible as they come.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use anyhow::{Context, anyhow, bail};
use rayon::prelude::*;

use super::Job;

pub struct WeasyPrint {
    program: PathBuf,
}

impl WeasyPrint {
    pub fn new(program: PathBuf) -> WeasyPrint {
        WeasyPrint { program }
    }

    pub(crate) fn print(&self, jobs: &[Job]) -> anyhow::Result<Vec<Vec<u8>>> {
        jobs.par_iter().map(|job| self.print_one(job)).collect()
    }

    fn print_one(&self, job: &Job) -> anyhow::Result<Vec<u8>> {
        // The document comes on standard input with `about:blank` as its
        // base, as in Chromium: relative links become plain text rather
        // than links into wherever the PDF was made. Tagged PDF carries the
        // structure and language for screen readers.
        let mut child = Command::new(&self.program)
            .args([
                "--quiet",
                "--pdf-tags",
                "--base-url",
                "about:blank",
                "-",
                "-",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .with_context(|| format!("cannot start {}", self.program.display()))?;
        let mut stdin = child
            .stdin
            .take()
            .ok_or_else(|| anyhow!("cannot write to WeasyPrint"))?;
        // Written from another thread, so that neither side waits for the
        // other with a full pipe.
        let output = std::thread::scope(|scope| {
            let writer = scope.spawn(move || {
                let _ = stdin.write_all(&job.html);
            });
            let output = child.wait_with_output();
            let _ = writer.join();
            output
        })
        .with_context(|| format!("WeasyPrint failed on {}", job.output))?;
        if !output.status.success() {
            let said = String::from_utf8_lossy(&output.stderr);
            let said: Vec<&str> = said.lines().filter(|l| !l.trim().is_empty()).collect();
            let tail = &said[said.len().saturating_sub(5)..];
            bail!(
                "WeasyPrint could not print {} ({}){}",
                job.output,
                output.status,
                if tail.is_empty() {
                    String::new()
                } else {
                    format!("\nWeasyPrint said:\n  {}", tail.join("\n  "))
                }
            );
        }
        Ok(output.stdout)
    }
}
