//! Benchmark: check and render a generated corpus of 1,000 notices in every
//! language and the formats `seloste build` writes by default (html, print,
//! md), in-process, then write it out.
//!
//! `cargo bench --bench build` prints the minimum and median of several runs
//! for each stage. See docs/benchmarks.md for the recorded figures.

#[path = "corpus.rs"]
mod corpus;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use seloste::render::{Format, Renderer, Selection};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("temp dir");
    let count = std::env::var("SELOSTE_BENCH_COUNT")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(1000);
    let corpus = dir.path().join("notices");
    let bytes = corpus::generate(&root.join("notices"), &corpus, count).expect("corpus");
    let paths = vec![corpus];
    let config = Some(root.join("benches/empty-config.toml"));
    let selection = Selection {
        languages: Vec::new(),
        // What `seloste build` renders by default (PDF and fragments only
        // on request).
        formats: vec![Format::Html, Format::Print, Format::Md],
    };
    let runs = 5;
    let (mut check, mut render, mut write, mut total) = (vec![], vec![], vec![], vec![]);
    let mut files = 0;
    for i in 0..runs {
        let start = Instant::now();
        let checked = seloste::project::check(&paths, config.clone());
        let checked_at = Instant::now();
        assert!(
            !checked
                .diagnostics
                .iter()
                .any(|d| d.severity == seloste::diagnostic::Severity::Error),
            "the corpus must have no errors"
        );
        let renderer = Renderer::new(None).expect("renderer");
        let site = renderer
            .site(&checked.notices, &selection, &checked.config.languages)
            .expect("render");
        let rendered_at = Instant::now();
        seloste::output::write_site(&dir.path().join(format!("site{i}")), &site).expect("write");
        let done = Instant::now();
        files = site.len();
        check.push(checked_at - start);
        render.push(rendered_at - checked_at);
        write.push(done - rendered_at);
        total.push(done - start);
    }
    for (name, mut times) in [
        ("check", check),
        ("render", render),
        ("write", write),
        ("total", total),
    ] {
        times.sort();
        println!(
            "{name:>6}: min {:7.1} ms, median {:7.1} ms",
            ms(times[0]),
            ms(times[times.len() / 2])
        );
    }
    println!(
        "{count} notices ({} KiB of sources) -> {files} files, {runs} runs",
        bytes / 1024
    );
}
