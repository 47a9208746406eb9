//! Writes a synthetic corpus of notices for benchmarking.
//!
//! ```sh
//! cargo run --release --example generate -- 1000 /tmp/corpus
//! cargo run --release -- check /tmp/corpus
//! ```

#[path = "../benches/corpus.rs"]
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let count = args.next().and_then(|c| c.parse().ok());
    let (Some(count), Some(out)) = (count, args.next()) else {
        eprintln!("usage: generate COUNT OUT_DIR [TEMPLATES_DIR (default: notices)]");
        return ExitCode::from(2);
    };
    let templates = args
        .next()
        .map_or_else(|| PathBuf::from("notices"), PathBuf::from);
    match corpus::generate(&templates, &PathBuf::from(&out), count) {
        Ok(bytes) => {
            println!("wrote {count} notices ({} KiB) to {out}", bytes / 1024);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
