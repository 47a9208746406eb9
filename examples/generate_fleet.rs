//! Writes a synthetic vendor (service notices and customer files) for
//! benchmarking `seloste bundle`.
//!
//! ```sh
//! cargo run --release --example generate_fleet -- 309 /tmp/fleet
//! cargo run --release -- bundle /tmp/fleet/services --customers /tmp/fleet/customers --out /tmp/fleet-out
//! ```

#[path = "../benches/fleet_corpus.rs"]
mod fleet_corpus;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let customers = args.next().and_then(|c| c.parse().ok());
    let (Some(customers), Some(out)) = (customers, args.next()) else {
        eprintln!("usage: generate_fleet CUSTOMERS OUT_DIR [SERVICES (default: 5)]");
        return ExitCode::from(2);
    };
    let services = match args.next().map(|s| s.parse::<usize>()) {
        None => 5,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("error: SERVICES must be a positive number");
            return ExitCode::from(2);
        }
    };
    let out = PathBuf::from(out);
    match fleet_corpus::generate(&out, customers, services) {
        Ok(()) => {
            println!(
                "wrote {services} services and {customers} customers to {}/{{services,customers}}",
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
