use std::process::ExitCode;

fn main() -> ExitCode {
    seloste::cli::main()
}

// Checking a project allocates many small strings and tables across
// threads; mimalloc cuts the time spent in the allocator and in page faults
// compared with the system allocator (see docs/benchmarks.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
