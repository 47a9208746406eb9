//! What a run says while it works, and how much: `--quiet`, `--verbose`
//! and the progress bar of long runs (a 200-customer bundle, PDFs).
//!
//! The bar is drawn only where someone watches: standard error is a
//! terminal, the run is not in CI (`CI` set, as every CI service does) and
//! not `--quiet`. It goes to standard error and is cleared when the run
//! ends, so logs, pipes and the diagnostics never contain it. `--verbose`
//! prints the time each stage took (load, check, render, pdf, write) when
//! the run ends; commands record the stages through [`Progress::stage`].
//!
//! The bar is redrawn by a thread of its own, which writes to standard
//! error: a command must not hold standard error locked while a bar is
//! shown (the two would wait for each other), and writes meant for the
//! terminal while it is shown go through [`Progress::suspend`].

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

/// `--quiet` and `--verbose`, shared by `check`, `build` and `bundle`.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct Verbosity {
    /// Print only the diagnostics: no summary, no progress.
    #[arg(long, short, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Also print how long each stage took (load, check, render, pdf,
    /// write).
    #[arg(long, short)]
    pub verbose: bool,
}

/// Whether the environment is a CI job: every common CI service sets `CI`.
fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// The progress of one run: its stages, their times and the bar.
pub struct Progress {
    verbosity: Verbosity,
    /// Drawn only on a terminal outside CI and without `--quiet`.
    visible: bool,
    bar: ProgressBar,
    /// The stage running and since when.
    current: Option<(&'static str, Instant)>,
    /// Finished stages, in order; a stage run twice adds up.
    times: Vec<(&'static str, Duration)>,
}

impl Progress {
    pub fn new(verbosity: Verbosity) -> Progress {
        let visible = !verbosity.quiet
            && !in_ci()
            && std::io::stderr().is_terminal()
            && std::env::var_os("TERM").is_none_or(|t| t != "dumb");
        let bar = if visible {
            let bar = ProgressBar::new_spinner();
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        } else {
            ProgressBar::hidden()
        };
        Progress {
            verbosity,
            visible,
            bar,
            current: None,
            times: Vec::new(),
        }
    }

    /// Whether summaries are printed (not `--quiet`).
    pub fn says_summary(&self) -> bool {
        !self.verbosity.quiet
    }

    /// Shows `message` without starting a stage (one timed elsewhere).
    pub fn message(&self, message: impl Into<String>) {
        self.bar.set_message(message.into());
    }

    /// Starts stage `name` (ending the one before), shown as `message`.
    pub fn stage(&mut self, name: &'static str, message: impl Into<String>) {
        self.end_stage();
        self.current = Some((name, Instant::now()));
        self.bar.set_message(message.into());
    }

    /// Adds a stage that was timed elsewhere (the shared pipeline).
    pub fn record(&mut self, name: &'static str, took: Duration) {
        self.add(name, took);
    }

    /// Makes the bar count `len` steps (customers, documents) of the
    /// current stage; [`Progress::tick`] counts one.
    pub fn count(&self, len: usize, unit: &str) {
        if !self.visible {
            return;
        }
        self.bar.set_length(len as u64);
        self.bar.set_position(0);
        let template =
            format!("{{spinner}} {{msg}} [{{wide_bar}}] {{pos}}/{{len}} {unit} ({{elapsed}})");
        if let Ok(style) = ProgressStyle::with_template(&template) {
            self.bar.set_style(style.progress_chars("=> "));
        }
    }

    /// Runs `f` (which writes to the terminal) with the bar hidden, then
    /// draws it again.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    /// Takes the bar away for good: the rest of the run only prints.
    pub fn hide(&self) {
        self.bar.finish_and_clear();
    }

    /// Ends the current stage and takes the bar away; [`Progress::finish`]
    /// prints the times later.
    pub fn end(&mut self) {
        self.end_stage();
        self.hide();
    }

    /// A handle that counts steps from any thread.
    pub fn ticker(&self) -> ProgressBar {
        self.bar.clone()
    }

    /// Ends the run: clears the bar and, with `--verbose`, prints the
    /// stage times to `err`.
    pub fn finish(mut self, err: &mut impl Write) -> std::io::Result<()> {
        self.end_stage();
        self.bar.finish_and_clear();
        if self.verbosity.verbose {
            let total: Duration = self.times.iter().map(|(_, d)| *d).sum();
            let stages: Vec<String> = self
                .times
                .iter()
                .map(|(name, d)| format!("{name} {}", millis(*d)))
                .collect();
            writeln!(
                err,
                "timings: {} (total {})",
                stages.join(", "),
                millis(total)
            )?;
        }
        Ok(())
    }

    fn end_stage(&mut self) {
        if let Some((name, start)) = self.current.take() {
            self.add(name, start.elapsed());
        }
    }

    fn add(&mut self, name: &'static str, took: Duration) {
        match self.times.iter_mut().find(|(n, _)| *n == name) {
            Some((_, d)) => *d += took,
            None => self.times.push((name, took)),
        }
    }
}

impl Drop for Progress {
    /// A run that ends early (an error) leaves no bar behind.
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}

fn millis(d: Duration) -> String {
    format!("{} ms", d.as_millis())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_add_up_and_print_only_when_verbose() {
        let mut p = Progress::new(Verbosity {
            quiet: false,
            verbose: true,
        });
        p.record("load", Duration::from_millis(5));
        p.record("check", Duration::from_millis(7));
        p.record("load", Duration::from_millis(1));
        p.stage("render", "rendering");
        let mut out = Vec::new();
        p.finish(&mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.starts_with("timings: load 6 ms, check 7 ms, render "),
            "{out}"
        );
        assert!(out.contains("(total "), "{out}");

        let mut quiet = Progress::new(Verbosity {
            quiet: true,
            verbose: false,
        });
        assert!(!quiet.says_summary() && !quiet.visible);
        quiet.stage("load", "loading");
        let mut out = Vec::new();
        quiet.finish(&mut out).unwrap();
        assert!(out.is_empty());
    }
}
