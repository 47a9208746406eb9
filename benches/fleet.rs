//! Benchmark: `seloste bundle` for a vendor's whole fleet of customers,
//! in-process, stage by stage.
//!
//! For each fleet size (10, 100, 309 and 1,000 customers of 5 services in
//! fi, sv and en; `SELOSTE_FLEET_SIZES=309` to choose) a vendor is generated
//! with `benches/fleet_corpus.rs`, then timed stage by stage:
//!
//! - check: load and compose the services, load the customers, bind every
//!   service to every customer and run every rule (`bundle::check`);
//! - render: every customer's files in parallel (`bundle::customer_files`);
//! - zip: every customer's zip, one after another (one core's work; the
//!   zips built in parallel are timed apart, outside the total);
//! - write: each customer's folder (`output::stage_site_among`) and zip
//!   (`output::write_file_atomic_among`) into a fresh output folder, as
//!   `seloste bundle` writes them.
//!
//! The stages are timed apart, all customers at a time. `seloste bundle`
//! itself renders, zips and writes each customer in one parallel pass
//! (`bundle::write_customer`); that pass is timed as well, into another
//! folder: "pipeline" is check plus that pass, the command's own figure.
//!
//! - floor: the same files and zips written by plain `std::fs::write`
//!   calls, in parallel per customer, into a fresh folder: what the disk
//!   alone costs. "pipeline / floor" is how far the command is from it.
//!
//! `cargo bench --bench fleet` prints the minimum of 3 runs per stage (1 run
//! for 1,000 customers), documents per second, how many sections `memo()`
//! reused, how many notice pages their frames in code wrote, and this
//! process's peak memory. See docs/benchmarks.md for the recorded figures.

#[path = "fleet_corpus.rs"]
mod fleet_corpus;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use seloste::diagnostic::Severity;
use seloste::render::{Format, RenderedFile, Renderer, Selection};

const SERVICES: usize = 5;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// The times of one run, stage by stage.
#[derive(Clone, Copy)]
struct Run {
    check: Duration,
    lint: Duration,
    zip_parallel: Duration,
    render: Duration,
    zip: Duration,
    write: Duration,
    total: Duration,
    pipeline: Duration,
    floor: Duration,
}

struct Counts {
    notices: usize,
    documents: usize,
    files: usize,
    bytes: u64,
    zip_bytes: u64,
    memo: seloste::render::memo::MemoStats,
    /// Notice pages written by their frame in code, and left to the
    /// template ([`seloste::render::Renderer::frame_stats`]).
    frames: (u64, u64),
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let sizes: Vec<usize> = std::env::var("SELOSTE_FLEET_SIZES")
        .ok()
        .map(|s| {
            s.split(',')
                .map(|n| {
                    n.trim()
                        .parse()
                        .expect("SELOSTE_FLEET_SIZES: numbers, e.g. 10,309")
                })
                .collect()
        })
        .unwrap_or_else(|| vec![10, 100, 309, 1000]);
    let config = Some(root.join("benches/empty-config.toml"));
    println!(
        "{:>9} {:>8} {:>9} {:>9} {:>10} {:>9} {:>9} {:>10} {:>12} {:>5}",
        "customers",
        "notices",
        "documents",
        "check ms",
        "render ms",
        "zip ms",
        "write ms",
        "total ms",
        "pipeline ms",
        "runs"
    );
    let mut details = Vec::new();
    for &size in &sizes {
        let dir = tempfile::tempdir().expect("temp dir");
        fleet_corpus::generate(dir.path(), size, SERVICES).expect("fleet");
        let services = vec![dir.path().join("services")];
        let customers = vec![dir.path().join("customers")];
        let runs = if size >= 1000 { 1 } else { 3 };
        let mut times: Vec<Run> = Vec::new();
        let mut counts = None;
        for run in 0..runs {
            let out = dir.path().join(format!("out{run}"));
            let (t, c) = bundle(&services, &customers, config.clone(), &out);
            assert_eq!(c.notices, size * SERVICES);
            times.push(t);
            counts = Some(c);
            // Free the disk for the next run; not timed.
            std::fs::remove_dir_all(&out).expect("remove output");
            std::fs::remove_dir_all(out.with_extension("pipeline")).expect("remove output");
            std::fs::remove_dir_all(out.with_extension("floor")).expect("remove output");
        }
        let c = counts.expect("at least one run");
        let min = |f: fn(&Run) -> Duration| times.iter().map(f).min().expect("runs");
        println!(
            "{size:>9} {:>8} {:>9} {:>9.0} {:>10.0} {:>9.0} {:>9.0} {:>10.0} {:>12.0} {runs:>5}",
            c.notices,
            c.documents,
            ms(min(|r| r.check)),
            ms(min(|r| r.render)),
            ms(min(|r| r.zip)),
            ms(min(|r| r.write)),
            ms(min(|r| r.total)),
            ms(min(|r| r.pipeline)),
        );
        let pipeline = min(|r| r.pipeline);
        let floor = min(|r| r.floor);
        details.push(format!(
            "{size:>9} customers: rules on the {} bound notices {:.0} ms (part of check); \
             zips in parallel {:.0} ms; {} files, {} MiB rendered, {} MiB of zips; \
             {:.0} documents/s; write floor {:.0} ms, pipeline / floor {:.2}; \
             memo: {} sections reused, {} rendered; notice pages written by their frame {}, \
             by their template {}; peak memory of this process {} MiB",
            c.notices,
            ms(min(|r| r.lint)),
            ms(min(|r| r.zip_parallel)),
            c.files,
            c.bytes / (1024 * 1024),
            c.zip_bytes / (1024 * 1024),
            c.documents as f64 / pipeline.as_secs_f64(),
            ms(floor),
            pipeline.as_secs_f64() / floor.as_secs_f64(),
            c.memo.hits,
            c.memo.misses,
            c.frames.0,
            c.frames.1,
            peak_mib(),
        ));
    }
    println!();
    for d in details {
        println!("{d}");
    }
    println!(
        "\n{SERVICES} services in fi, sv and en per customer; html, print and md; minimum of each stage."
    );
}

/// The peak resident memory of this process so far (Linux; 0 elsewhere).
/// It holds every rendered file at once, unlike the command, whose peak is
/// measured with `/usr/bin/time -f %M` (docs/benchmarks.md).
fn peak_mib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}

/// One `seloste bundle` run into `out`, timed stage by stage.
fn bundle(
    services: &[PathBuf],
    customers: &[PathBuf],
    config: Option<PathBuf>,
    out: &std::path::Path,
) -> (Run, Counts) {
    let start = Instant::now();
    let checked =
        seloste::project::check_bundle(services, customers.first().cloned(), config, &|_| true);
    let checked_at = Instant::now();
    assert!(checked.fatal.is_empty(), "{:?}", checked.fatal);
    assert!(
        checked.diagnostics.is_empty(),
        "the services must be clean: {} diagnostics",
        checked.diagnostics.len()
    );
    for c in &checked.customers {
        let errors = c
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        assert!(
            !c.failed(),
            "customer {} has {errors} errors",
            c.customer.id_str()
        );
    }
    let notices: usize = checked.customers.iter().map(|c| c.notices.len()).sum();

    // The rules alone, again, on the notices `check` bound: how much of the
    // check stage they are. Not part of the total.
    let lint_start = Instant::now();
    let findings: usize = checked
        .customers
        .par_iter()
        .flat_map_iter(|c| c.notices.iter())
        .map(|n| {
            seloste::lint::check(n, &checked.config.languages)
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count()
        })
        .sum();
    let lint = lint_start.elapsed();
    assert_eq!(findings, 0, "the bound notices must have no errors");

    let render_start = Instant::now();
    let renderer = Renderer::new(None).expect("renderer");
    let selection = Selection {
        languages: Vec::new(),
        // What `seloste bundle` renders by default (PDF only on request).
        formats: vec![Format::Html, Format::Print, Format::Md],
    };
    let rendered: Vec<Vec<RenderedFile>> = checked
        .customers
        .par_iter()
        .map(|c| {
            seloste::bundle::customer_files(
                &renderer,
                c,
                &selection,
                &checked.config.languages,
                None,
                false,
            )
        })
        .collect::<anyhow::Result<_>>()
        .expect("render");
    let rendered_at = Instant::now();

    // Customer by customer, zip then write, each stage timed on its own.
    let mut zip_time = Duration::ZERO;
    let mut write_time = Duration::ZERO;
    let mut counts = Counts {
        notices,
        documents: 0,
        files: 0,
        bytes: 0,
        zip_bytes: 0,
        memo: Default::default(),
        frames: (0, 0),
    };
    let beside = seloste::output::claim_bundle_root(out).expect("bundle root");
    for (c, files) in checked.customers.iter().zip(&rendered) {
        let id = c.customer.id_str();
        let t0 = Instant::now();
        let zip = seloste::bundle::zip(id, files).expect("zip");
        let t1 = Instant::now();
        seloste::output::stage_site_among(
            &seloste::bundle::customer_dir(out, id),
            files,
            Some(&beside),
        )
        .and_then(|staged| staged.publish())
        .and_then(|replaced| replaced.remove())
        .expect("write");
        seloste::output::write_file_atomic_among(
            &out.join(format!("{id}.zip")),
            &zip,
            Some(&beside),
        )
        .expect("write zip");
        let t2 = Instant::now();
        zip_time += t1 - t0;
        write_time += t2 - t1;
        counts.documents += files
            .iter()
            .filter(|f| seloste::bundle::is_notice_document(&f.path))
            .count();
        counts.files += files.len();
        counts.bytes += files.iter().map(|f| f.contents.len() as u64).sum::<u64>();
        counts.zip_bytes += zip.len() as u64;
    }
    let done = Instant::now();

    // The zips again, in parallel: what building them beside the rendering
    // would cost. Not part of the total.
    let zip_start = Instant::now();
    let zips: Vec<Vec<u8>> = checked
        .customers
        .par_iter()
        .zip(&rendered)
        .map(|(c, files)| seloste::bundle::zip(c.customer.id_str(), files).expect("zip"))
        .collect();
    let zip_parallel = zip_start.elapsed();
    assert_eq!(zips.len(), checked.customers.len());

    // As the command does it: each customer rendered, zipped and written
    // in one parallel pass, its files dropped once written.
    let pipeline_out = out.with_extension("pipeline");
    let pipeline_start = Instant::now();
    let renderer = Renderer::new(None).expect("renderer");
    let leftovers = seloste::output::claim_bundle_root(&pipeline_out).expect("bundle root");
    let documents: usize = checked
        .customers
        .par_iter()
        .map(|c| {
            let files = seloste::bundle::customer_files(
                &renderer,
                c,
                &selection,
                &checked.config.languages,
                None,
                false,
            )?;
            seloste::bundle::write_customer(&pipeline_out, c.customer.id_str(), &files, &leftovers)
        })
        .collect::<anyhow::Result<Vec<usize>>>()
        .expect("pipeline")
        .into_iter()
        .sum();
    let pipeline = pipeline_start.elapsed();
    assert_eq!(documents, counts.documents);
    counts.memo = renderer.memo_stats();
    counts.frames = renderer.frame_stats();

    // The write floor: the same files and zips written by plain
    // `std::fs::write` calls, a customer per task as the command does,
    // into a fresh folder on the same disk.
    let floor_out = out.with_extension("floor");
    let floor_start = Instant::now();
    rendered
        .par_iter()
        .zip(&zips)
        .zip(&checked.customers)
        .for_each(|((files, zip), c)| {
            let id = c.customer.id_str();
            let dir = floor_out.join(id);
            for f in files {
                let path = dir.join(&f.path);
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent).expect("mkdir");
                }
                std::fs::write(&path, &f.contents).expect("write");
            }
            std::fs::write(floor_out.join(format!("{id}.zip")), zip).expect("write zip");
        });
    let floor = floor_start.elapsed();

    let run = Run {
        check: checked_at - start,
        lint,
        zip_parallel,
        render: rendered_at - render_start,
        zip: zip_time,
        write: write_time,
        total: (checked_at - start) + (done - render_start),
        pipeline: (checked_at - start) + pipeline,
        floor,
    };
    (run, counts)
}
