//! The pipeline the fuzz targets drive, and the properties they assert on
//! its output. Shared by both targets so that they check the same things.
//!
//! One run: load every notice part and customer part of an input, compose
//! the notices, run every rule (notice, project and customer rules), print
//! the diagnostics in every report format, and when nothing is an error
//! render every language and format in memory, twice, with two separate
//! renderers. Nothing is written to disk.
//!
//! Asserted on every run: no panic; both renderings byte-identical; every
//! HTML file holds only the tags and attributes the templates and the
//! Markdown renderer write (no `<script`, no `on...=` handler, no
//! `javascript:`/`data:` URL); every Markdown file re-parses without raw
//! HTML and with safe link targets; template syntax in the source is never
//! evaluated.

pub mod checks;
pub mod structured;

pub use checks::{assert_safe_html, assert_safe_markdown};

use std::path::PathBuf;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use seloste::project::CustomerCheck;
use seloste::diagnostic::{Diagnostic, Severity};
use seloste::load::{self, LoadedFile};
use seloste::model::{Customer, Lang, Notice};
use seloste::render::{Format, RenderedFile, Renderer, Selection};
use seloste::source::{FileId, SourceMap};
use seloste::{bind, lint, report};

/// Two renderers built separately: the same notice must come out of both
/// byte for byte.
static RENDERERS: LazyLock<(Renderer, Renderer)> = LazyLock::new(|| {
    (
        Renderer::new(None).expect("built-in templates"),
        Renderer::new(None).expect("built-in templates"),
    )
});

/// Most parts one input is split into, so that one run stays short.
const MAX_PARTS: usize = 6;

/// What one run did, for the statistics of the structured generator.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The codes of the errors found, in order.
    pub errors: Vec<&'static str>,
    /// Notices and bound customer notices that loaded.
    pub loaded: usize,
    /// Whether anything was rendered.
    pub rendered: bool,
    /// Files rendered (each language and format, indexes, manifests).
    pub files: usize,
}

/// A part of a multi-file input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Notice,
    Customer,
}

/// Splits raw fuzz bytes into files: a NUL byte followed by `C` starts a
/// customer file, a NUL followed by anything else another notice file (a
/// fragment, or a service a customer uses). The first part is a notice. A
/// NUL is never valid in TOML, so no single-file input is lost.
pub fn split(data: &[u8]) -> Vec<(Kind, &[u8])> {
    let mut parts = Vec::new();
    let mut kind = Kind::Notice;
    let mut rest = data;
    while let Some(i) = rest.iter().position(|&b| b == 0) {
        if parts.len() + 1 == MAX_PARTS {
            break;
        }
        parts.push((kind, &rest[..i]));
        kind = match rest.get(i + 1) {
            Some(b'C') => Kind::Customer,
            _ => Kind::Notice,
        };
        rest = rest.get(i + 2..).unwrap_or_default();
    }
    parts.push((kind, rest));
    parts
}

/// Runs the whole pipeline on the files of one input and asserts every
/// property of its output.
pub fn pipeline(parts: &[(Kind, &[u8])]) -> Outcome {
    let mut sources = SourceMap::default();
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let mut notices: Vec<Notice> = Vec::new();
    // Each customer with its own loading problems, as `bundle` keeps them.
    let mut customers: Vec<(Customer, Vec<Diagnostic>)> = Vec::new();
    for (i, (kind, bytes)) in parts.iter().enumerate() {
        // As the loader does: room for every byte to become U+FFFD.
        let base = sources.reserve(bytes.len() * 3);
        let file = FileId(i);
        match kind {
            Kind::Notice => {
                let f: LoadedFile = load::load_bytes(file, base, bytes);
                sources.add_at(base, PathBuf::from(format!("notice-{i}.toml")), f.text);
                diagnostics.extend(f.diagnostics);
                notices.extend(f.document);
            }
            Kind::Customer => {
                let f = load::load_document(file, base, bytes.to_vec(), load::customer_reader);
                sources.add_at(base, PathBuf::from(format!("customer-{i}.toml")), f.text);
                match f.document {
                    Some(c) => customers.push((c, f.diagnostics)),
                    None => diagnostics.extend(f.diagnostics),
                }
            }
        }
    }
    let source: String = parts
        .iter()
        .map(|(_, b)| String::from_utf8_lossy(b))
        .collect();
    let mut outcome = Outcome {
        loaded: notices.len() + customers.len(),
        ..Outcome::default()
    };

    let (notices, composition) = bind::compose(notices);
    diagnostics.extend(composition);
    diagnostics.extend(lint::check_project(&notices));
    // What `bundle` checks once for every customer: loading, composition
    // and references between notices.
    let shared_errors = errors(&diagnostics);
    // What `build` checks: every rule on every notice as written.
    let defaults: Vec<Lang> = Vec::new();
    let mut linted = Vec::new();
    for n in &notices {
        linted.extend(lint::check(n, &defaults));
    }
    let build_errors = shared_errors || errors(&linted);

    let mut checks = Vec::new();
    for (customer, mut own) in customers {
        own.extend(lint::customer::check(&customer, &notices));
        let mut bound = Vec::new();
        for id in customer.service_ids() {
            if let Some(service) = notices
                .iter()
                .find(|s| s.id.as_ref().is_some_and(|i| i.value == id.value))
            {
                let n = bind::bind(service, &customer);
                own.extend(lint::check(&n, &defaults));
                bound.push(n);
            }
        }
        checks.push(CustomerCheck {
            customer,
            notices: bound,
            diagnostics: own,
        });
    }

    // Every report format, on every diagnostic: spans from recovery and
    // from several files must print without panicking.
    let mut all = diagnostics;
    all.extend(linted);
    all.extend(checks.iter().flat_map(|c| c.diagnostics.iter().cloned()));
    report::sort(&mut all);
    let mut sink = Vec::new();
    report::print_human(&mut sink, &all, &sources).expect("report to memory");
    report::print_json(&mut sink, &all, &sources).expect("report to memory");
    report::print_sarif(&mut sink, &all, &sources).expect("report to memory");
    report::print_github(&mut sink, &all, &sources).expect("report to memory");
    outcome.errors = all
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.code.code)
        .collect();

    let selection = Selection {
        languages: Vec::new(),
        formats: vec![Format::Html, Format::Print, Format::Md],
    };
    let publishable: Vec<Notice> = notices
        .iter()
        .filter(|n| n.open_controller.is_none())
        .cloned()
        .collect();
    if !build_errors && !publishable.is_empty() {
        outcome.files += render_twice(&publishable, &selection, &source);
        outcome.rendered = true;
    }
    for c in &checks {
        if shared_errors
            || errors(&c.diagnostics)
            || !seloste::model::is_valid_id(c.customer.id_str())
        {
            continue;
        }
        outcome.files += render_twice(&c.notices, &selection, &source);
        outcome.rendered = true;
    }
    outcome
}

/// Counts runs and runs that rendered, and prints the tally every 500
/// runs (`fuzz/run` reports the last): how much of the fuzzing reaches
/// the renderers.
pub fn tally(target: &str, outcome: &Outcome) {
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    static RENDERED: AtomicUsize = AtomicUsize::new(0);
    let runs = RUNS.fetch_add(1, Ordering::Relaxed) + 1;
    let rendered = RENDERED.fetch_add(usize::from(outcome.rendered), Ordering::Relaxed)
        + usize::from(outcome.rendered);
    if runs.is_multiple_of(500) {
        eprintln!(
            "tally {target}: {rendered} of {runs} runs rendered ({}%)",
            rendered * 100 / runs
        );
    }
}

fn errors(d: &[Diagnostic]) -> bool {
    d.iter().any(|d| d.severity == Severity::Error)
}

/// How often the second renderer renders too: rendering is most of the
/// time of a run, so the comparison is made on the first run and on every
/// `SECOND_OPINION`-th after it (a crash input run alone always gets it).
const SECOND_OPINION: usize = 4;
static RUNS: AtomicUsize = AtomicUsize::new(0);

/// Renders `notices` (with the second renderer too, see
/// [`SECOND_OPINION`]) and asserts every property of the files.
fn render_twice(notices: &[Notice], selection: &Selection, source: &str) -> usize {
    let (a, b) = &*RENDERERS;
    let defaults: Vec<Lang> = Vec::new();
    let first = a.site(notices, selection, &defaults);
    let second = if RUNS
        .fetch_add(1, Ordering::Relaxed)
        .is_multiple_of(SECOND_OPINION)
    {
        Some(b.site(notices, selection, &defaults))
    } else {
        None
    };
    compare(first, second, source)
}

/// Asserts that two renderings are identical and that every file is safe;
/// returns the number of files.
fn compare(
    first: anyhow::Result<Vec<RenderedFile>>,
    second: Option<anyhow::Result<Vec<RenderedFile>>>,
    source: &str,
) -> usize {
    // A checked notice that cannot be rendered is a bug: `build` would
    // fail after `check` said yes.
    let first =
        first.unwrap_or_else(|e| panic!("a notice that passed check does not render: {e:#}"));
    if let Some(second) = second {
        let second = second
            .unwrap_or_else(|e| panic!("the second renderer fails where the first did not: {e:#}"));
        assert_eq!(first.len(), second.len(), "same number of files");
        for (x, y) in first.iter().zip(&second) {
            assert_eq!(x.path, y.path);
            assert!(
                x.contents == y.contents,
                "{}: two renderings differ",
                x.path
            );
        }
    }
    for x in &first {
        let text = String::from_utf8_lossy(&x.contents);
        if x.path.ends_with(".html") {
            assert_safe_html(&x.path, &text);
        } else if x.path.ends_with(".md") {
            assert_safe_markdown(&x.path, &text);
        }
    }
    assert_probes_inert(source, &first);
    first.len()
}

/// Template-injection probes: each is written into source texts by the
/// structured target, and what it evaluates to must never appear in the
/// output unless the source holds it literally.
pub const PROBES: &[(&str, &str)] = &[
    ("{{ 1000+337 }}", "1337"),
    ("{% for i in range(3) %}L00P{% endfor %}", "L00PL00P"),
    ("{{ 'QX' ~ 'JV' }}", "QXJV"),
    ("{% set z = 'Z3T' %}{{ z }}{{ z }}", "Z3TZ3T"),
];

/// Asserts that no probe in `source` was evaluated in `files`.
pub fn assert_probes_inert(source: &str, files: &[RenderedFile]) {
    for (_, evaluated) in PROBES {
        if source.contains(evaluated) {
            continue;
        }
        for f in files {
            let text = String::from_utf8_lossy(&f.contents);
            assert!(
                !text.contains(evaluated),
                "{}: template syntax from the source was evaluated ({evaluated})",
                f.path
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toml_files(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                toml_files(&p, out);
            } else if p.extension().is_some_and(|e| e == "toml") {
                out.push(p);
            }
        }
    }

    /// The seed corpus goes through the pipeline; the real notices render.
    #[test]
    fn seeds_run_and_real_notices_render() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut files = Vec::new();
        for dir in ["notices", "examples", "tests/fixtures"] {
            toml_files(&root.join(dir), &mut files);
        }
        assert!(files.len() > 50, "{} seed files", files.len());
        for f in &files {
            let bytes = std::fs::read(f).unwrap();
            pipeline(&split(&bytes));
        }
        // The notices refer to each other: together they pass and render.
        let notices: Vec<Vec<u8>> = files
            .iter()
            .filter(|f| f.starts_with(root.join("notices")))
            .map(|f| std::fs::read(f).unwrap())
            .collect();
        let parts: Vec<(Kind, &[u8])> = notices.iter().map(|b| (Kind::Notice, &b[..])).collect();
        let outcome = pipeline(&parts);
        assert!(outcome.rendered, "{:?}", outcome.errors);

        // A vendor's services and fragment bound to a customer render.
        let vendor = root.join("examples/vendor");
        let mut parts: Vec<(Kind, Vec<u8>)> = files
            .iter()
            .filter(|f| f.starts_with(vendor.join("services")))
            .map(|f| (Kind::Notice, std::fs::read(f).unwrap()))
            .collect();
        parts.push((
            Kind::Customer,
            std::fs::read(vendor.join("customers/esimerkkila.toml")).unwrap(),
        ));
        let parts: Vec<(Kind, &[u8])> = parts.iter().map(|(k, b)| (*k, &b[..])).collect();
        let outcome = pipeline(&parts);
        assert!(outcome.rendered, "{:?}", outcome.errors);
        assert!(outcome.files > 6, "{outcome:?}");
    }

    /// The error codes of the structured inputs in `FUZZ_CORPUS` (a folder),
    /// and how many render: `FUZZ_CORPUS=corpus/pipeline_structured cargo
    /// test --release corpus_ratio -- --ignored --nocapture`.
    #[test]
    #[ignore = "needs FUZZ_CORPUS"]
    fn corpus_ratio() {
        let dir = std::env::var("FUZZ_CORPUS").expect("FUZZ_CORPUS");
        let mut codes: std::collections::BTreeMap<&str, usize> = Default::default();
        let (mut runs, mut rendered) = (0, 0);
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let bytes = std::fs::read(e.path()).unwrap();
            let Ok(files) = structured::files(&bytes) else {
                continue;
            };
            let parts: Vec<_> = files.iter().map(|(k, t)| (*k, t.as_bytes())).collect();
            let outcome = pipeline(&parts);
            runs += 1;
            rendered += usize::from(outcome.rendered);
            let mut errors = outcome.errors.clone();
            errors.sort();
            errors.dedup();
            for c in errors {
                *codes.entry(c).or_default() += 1;
            }
        }
        eprintln!("{rendered} of {runs} render; errors in inputs: {codes:?}");
    }

    /// Prints the files of the structured input in `FUZZ_INPUT`.
    #[test]
    #[ignore = "needs FUZZ_INPUT"]
    fn show_structured_input() {
        let bytes = std::fs::read(std::env::var("FUZZ_INPUT").expect("FUZZ_INPUT")).unwrap();
        for (kind, text) in structured::files(&bytes).unwrap() {
            eprintln!("---- {kind:?}\n{text}");
        }
    }

    /// How many generated notices pass `check` and render.
    #[test]
    fn most_structured_inputs_render() {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let runs = 300;
        let (mut rendered, mut loaded) = (0, 0);
        for _ in 0..runs {
            let len = (next() % 8192) as usize;
            let bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
            let Ok(files) = structured::files(&bytes) else {
                continue;
            };
            let parts: Vec<_> = files.iter().map(|(k, t)| (*k, t.as_bytes())).collect();
            let outcome = pipeline(&parts);
            loaded += usize::from(outcome.loaded > 0);
            if !outcome.rendered {
                let mut codes = outcome.errors.clone();
                codes.dedup();
                eprintln!("not rendered: {codes:?}");
            }
            rendered += usize::from(outcome.rendered);
        }
        eprintln!("structured: {rendered} of {runs} rendered, {loaded} loaded");
        assert!(rendered * 2 > runs, "{rendered} of {runs} rendered");
    }
}
