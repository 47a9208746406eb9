use std::process::ExitCode;

fn main() -> ExitCode {
    no_transparent_huge_pages();
    seloste::cli::main()
}

// Checking a project allocates many small strings and tables across
// threads; mimalloc cuts the time spent in the allocator and in page faults
// compared with the system allocator (see docs/benchmarks.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc asks Linux for transparent huge pages, and every first touch of
/// one clears 2 MiB. A run's heap is a few hundred MiB at most, used in
/// bursts (each thread that writes a workbook gets a heap of its own): in a
/// fleet bundle the kernel cleared some 2.5 GB that way, a tenth of the
/// run's time, against a peak of 120 MB. Ordinary pages cost less for a
/// process that lives for seconds (issue: fleet performance).
fn no_transparent_huge_pages() {
    #[cfg(target_os = "linux")]
    {
        // Only a speed-up: a kernel without the call changes nothing.
        let _ = rustix::thread::disable_transparent_huge_pages(true);
    }
}
