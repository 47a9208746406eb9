//! Benchmark: load and check a generated corpus of 1,000 notices in-process.
//!
//! `cargo bench --bench check` prints the minimum and median of several runs.
//! Whole-process wall time and peak memory are measured on the binary; see
//! docs/benchmarks.md.

#[path = "corpus.rs"]
mod corpus;

use std::path::PathBuf;
use std::time::{Duration, Instant};

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("temp dir");
    let count = std::env::var("SELOSTE_BENCH_COUNT")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(1000);
    let bytes = corpus::generate(&root.join("notices"), dir.path(), count).expect("corpus");
    let paths = vec![dir.path().to_path_buf()];
    let mut times: Vec<Duration> = Vec::new();
    for _ in 0..15 {
        let start = Instant::now();
        let checked = seloste::project::check(&paths, Some(root.join("benches/empty-config.toml")));
        times.push(start.elapsed());
        assert_eq!(checked.notices.len(), count);
        assert!(checked.fatal.is_empty());
    }
    times.sort();
    println!(
        "check {count} notices ({} KiB): min {:.1} ms, median {:.1} ms over {} runs",
        bytes / 1024,
        times[0].as_secs_f64() * 1e3,
        times[times.len() / 2].as_secs_f64() * 1e3,
        times.len()
    );
}
